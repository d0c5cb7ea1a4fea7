# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

GROUP_HR_OFFICER = "hr_target_mgmt.group_hr_target_mgmt_hr_officer"

#: Bounds of a sensible recommendation (beyond them: a typing error).
SALARY_ADJUSTMENT_RANGE = (-50.0, 100.0)
BONUS_COEFFICIENT_RANGE = (0.0, 5.0)


class HrPerformanceReviewRecommendation(models.Model):
    """What HR decides from an appraisal (考核结果应用): a salary adjustment,
    a promotion, a bonus coefficient, an improvement plan. Decided by HR
    officers only; the managers of the team read them."""

    _name = "hr.performance.review.recommendation"
    _description = "Appraisal Recommendation"
    _inherit = ["mail.thread", "hr.team.scope.mixin"]
    _order = "cycle_id desc, employee_id, id"
    _rec_name = "review_id"

    review_id = fields.Many2one(
        "hr.performance.review",
        string="Appraisal",
        required=True,
        ondelete="cascade",
        index=True,
        tracking=True,
    )
    cycle_id = fields.Many2one(
        related="review_id.cycle_id", store=True, index=True, string="Cycle"
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True, index=True)
    employee_id = fields.Many2one(
        related="review_id.employee_id", store=True, index=True
    )
    department_id = fields.Many2one(related="review_id.department_id", store=True)
    job_id = fields.Many2one(related="review_id.job_id", store=True)
    final_score = fields.Float(
        related="review_id.final_score", store=True, aggregator="avg"
    )
    band_id = fields.Many2one(related="review_id.band_id", store=True)
    salary_adjustment = fields.Float(
        string="Salary Adjustment (%)",
        digits=(16, 2),
        tracking=True,
        aggregator="avg",
        help="Raise (or cut) of the wage, in percent.",
    )
    promotion_job_id = fields.Many2one("hr.job", string="Promotion To", tracking=True)
    bonus_coefficient = fields.Float(
        digits=(16, 2),
        default=1.0,
        tracking=True,
        aggregator="avg",
        help="Multiplies the employee's bonus (1 = unchanged).",
    )
    improvement_plan = fields.Boolean(string="Improvement Plan Required", tracking=True)
    note = fields.Text(string="Decision Note")
    decided_by = fields.Many2one(
        "res.users", readonly=True, default=lambda self: self.env.user
    )

    _sql_constraints = [
        (
            "review_unique",
            "UNIQUE(review_id)",
            "An appraisal has one recommendation.",
        ),
    ]

    @api.model
    def _team_scope_domain(self):
        return self._team_employee_domain("employee_id")

    def _check_hr(self):
        if not self.env.su and not self.env.user.has_group(GROUP_HR_OFFICER):
            raise AccessError(_("Only HR officers decide the recommendations."))

    @api.constrains("salary_adjustment", "bonus_coefficient", "review_id")
    def _check_values(self):
        for rec in self:
            low, high = SALARY_ADJUSTMENT_RANGE
            if not math.isfinite(rec.salary_adjustment) or not (
                low <= rec.salary_adjustment <= high
            ):
                raise ValidationError(
                    _(
                        "Recommendation for %(employee)s: a salary adjustment "
                        "lies between %(low)s%% and %(high)s%%.",
                        employee=rec.employee_id.sudo().name,
                        low=low,
                        high=high,
                    )
                )
            low, high = BONUS_COEFFICIENT_RANGE
            if not math.isfinite(rec.bonus_coefficient) or not (
                low <= rec.bonus_coefficient <= high
            ):
                raise ValidationError(
                    _(
                        "Recommendation for %(employee)s: a bonus coefficient "
                        "lies between %(low)s and %(high)s.",
                        employee=rec.employee_id.sudo().name,
                        low=low,
                        high=high,
                    )
                )
            if rec.review_id.state != "done":
                raise ValidationError(
                    _(
                        "Recommendation for %(employee)s: the appraisal is not "
                        "done yet.",
                        employee=rec.employee_id.sudo().name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_hr()
        if not self.env.su and any("decided_by" in vals for vals in vals_list):
            raise AccessError(
                _("The decision is signed by the HR officer who makes it.")
            )
        return super().create(vals_list)

    def write(self, vals):
        self._check_hr()
        if not self.env.su and {"decided_by", "review_id"} & set(vals):
            raise AccessError(
                _("The decision is signed by the HR officer who makes it.")
            )
        if not self.env.su:
            vals = dict(vals, decided_by=self.env.user.id)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_by_hr(self):
        self._check_hr()
