# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models
from odoo.exceptions import UserError


class HrPerformancePayRun(models.Model):
    _inherit = "hr.performance.pay.run"

    appraisal_missing_employee_ids = fields.Many2many(
        "hr.employee",
        "hr_performance_pay_run_appraisal_missing_rel",
        "run_id",
        "employee_id",
        string="Missing Appraisals",
        readonly=True,
        copy=False,
        help="Office staff of the team without a done monthly appraisal "
        "covering the month when the lines were computed: they have no line.",
    )

    def _approval_protected_fields(self):
        return super()._approval_protected_fields() | {"appraisal_missing_employee_ids"}

    def _prepare_line_values(self):
        """A team of office staff only, none with a done appraisal: the run
        names who is missing theirs (rather than saying it has no
        targets)."""
        vals_list = super()._prepare_line_values()
        if not vals_list and self.appraisal_missing_employee_ids:
            raise UserError(
                _(
                    "Run %(name)s: nobody can be paid in %(month)s; these office "
                    "staff have no done monthly appraisal covering the month: "
                    "%(employees)s. Complete their appraisals, then compute "
                    "again.",
                    name=self.display_name,
                    month=self.date_from.strftime("%Y-%m"),
                    employees=", ".join(
                        self.appraisal_missing_employee_ids.sudo().mapped("name")
                    ),
                )
            )
        return vals_list
