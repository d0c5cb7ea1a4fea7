# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


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
