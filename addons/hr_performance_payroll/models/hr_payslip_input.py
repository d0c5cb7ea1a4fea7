# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class HrPayslipInput(models.Model):
    """An input line created from a payable line of the suite points back to
    it (model + id: the source can be any model inheriting
    ``hr.payable.mixin``)."""

    _inherit = "hr.payslip.input"

    payable_res_model = fields.Char(
        string="Source Model", readonly=True, index=True, copy=True
    )
    payable_res_id = fields.Many2oneReference(
        string="Source Record",
        model_field="payable_res_model",
        readonly=True,
        index="btree_not_null",
        copy=True,
    )
    payable_ref = fields.Reference(
        selection="_selection_payable_ref",
        string="Source",
        compute="_compute_payable_ref",
        help="The approved line of the performance suite this input pays.",
    )

    @api.model
    def _selection_payable_ref(self):
        Mixin = self.env["hr.payable.mixin"]
        return [
            (name, self.env[name]._description) for name in Mixin._payable_model_names()
        ]

    @api.depends("payable_res_model", "payable_res_id")
    def _compute_payable_ref(self):
        for line in self:
            line.payable_ref = (
                f"{line.payable_res_model},{line.payable_res_id}"
                if line.payable_res_model and line.payable_res_id
                else False
            )
