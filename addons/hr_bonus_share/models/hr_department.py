# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class HrDepartment(models.Model):
    _inherit = "hr.department"

    bonus_ratio = fields.Float(
        string="Profit-Sharing Ratio",
        default=1.0,
        help="Default ratio of the department in the split of the "
        "profit-sharing pool (e.g. sales 4, teaching 3, back office 3).",
    )

    @api.constrains("bonus_ratio")
    def _check_bonus_ratio(self):
        for department in self:
            if department.bonus_ratio <= 0:
                raise ValidationError(
                    _(
                        "Department %(department)s: the profit-sharing ratio "
                        "must be greater than zero.",
                        department=department.display_name,
                    )
                )
