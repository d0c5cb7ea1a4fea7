# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class HrJob(models.Model):
    _inherit = "hr.job"

    performance_basis = fields.Selection(
        [
            ("field", "Field Staff (judged on targets)"),
            ("office", "Office Staff (judged on appraisal)"),
        ],
        default="office",
        help="Field staff (外勤) are judged on targets and paid on achievement; "
        "office staff (内勤) on the quality of their duties (appraisal).",
    )
    probation_target = fields.Float(
        string="Probation Monthly Target",
        help="Monthly target of an employee on probation in this job "
        "(e.g. 10 enrolments).",
    )
    regular_target = fields.Float(
        string="Regular Monthly Target",
        help="Monthly target of a confirmed employee in this job (e.g. 15 enrolments).",
    )
    monthly_minimum = fields.Float(
        help="A confirmed employee below this result two months running is "
        "proposed for demotion to probation. 0 disables the check.",
    )
    probation_months = fields.Integer(
        default=3, help="Length of the probation of a new hire, in months."
    )
    extension_months = fields.Integer(
        default=1,
        help="Length of the extension HR may grant when the probation target "
        "was not met.",
    )
    performance_pay_scale_id = fields.Many2one(
        "hr.performance.pay.scale",
        string="Performance-Pay Scale",
        domain="[('company_id', 'in', (company_id, False))]",
        help="Scale of the job's employees when their contract names none.",
    )
    performance_pay_rate = fields.Float(
        string="Performance-Pay Standard Rate",
        digits=(16, 4),
        help="Share of the wage that is the performance-pay standard (0.3 = "
        "30%). 0 = the company's rate.",
    )
    target_measure_id = fields.Many2one(
        "hr.target.measure",
        help="What the monthly targets of this job count (e.g. enrolments); "
        "used when generating the monthly targets from the job.",
    )
    demotion_probation_months = fields.Integer(
        default=2,
        help="Length of the probation of an employee demoted for missing the "
        "monthly minimum.",
    )

    @api.constrains(
        "probation_target",
        "regular_target",
        "monthly_minimum",
        "probation_months",
        "extension_months",
        "demotion_probation_months",
    )
    def _check_probation_settings(self):
        for job in self:
            if (
                min(job.probation_target, job.regular_target, job.monthly_minimum) < 0
                or min(
                    job.probation_months,
                    job.extension_months,
                    job.demotion_probation_months,
                )
                < 1
            ):
                raise ValidationError(
                    _(
                        "Job %(job)s: probation targets and minimum cannot be "
                        "negative, and probation, extension and demotion "
                        "periods last at least one month.",
                        job=job.name,
                    )
                )
