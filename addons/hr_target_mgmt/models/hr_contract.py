# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class HrContract(models.Model):
    _inherit = "hr.contract"

    performance_pay_scale_id = fields.Many2one(
        "hr.performance.pay.scale",
        string="Performance-Pay Scale",
        domain="[('company_id', '=', company_id)]",
        tracking=True,
        help="Overrides the scale of the job, the department and the company.",
    )
    performance_pay_rate = fields.Float(
        string="Performance-Pay Standard Rate",
        digits=(16, 4),
        tracking=True,
        help="Share of the wage that is the performance-pay standard (0.3 = "
        "30%). 0 = the job's rate, else the company's.",
    )

    @api.constrains("performance_pay_rate")
    def _check_performance_pay_rate(self):
        for contract in self:
            if contract.performance_pay_rate < 0:
                raise ValidationError(
                    _(
                        "Contract %(contract)s: the performance-pay standard rate "
                        "cannot be negative.",
                        contract=contract.display_name,
                    )
                )

    def _get_performance_pay_scale(self, default_scale=None):
        """The scale of this contract: contract → job → department →
        company default (``default_scale`` when the caller has it)."""
        self.ensure_one()
        job = self.job_id or self.employee_id.job_id
        department = self.department_id or self.employee_id.department_id
        return (
            self.performance_pay_scale_id
            or job.performance_pay_scale_id
            or department.performance_pay_scale_id
            or default_scale
            or self.env["hr.performance.pay.scale"]._get_company_default(
                self.company_id
            )
        )

    def _get_performance_pay_rate(self):
        """The standard rate of this contract: contract → job → company."""
        self.ensure_one()
        job = self.job_id or self.employee_id.job_id
        return (
            self.performance_pay_rate
            or job.performance_pay_rate
            or self.company_id.performance_pay_rate
        )
