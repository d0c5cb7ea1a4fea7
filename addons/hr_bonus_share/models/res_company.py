# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools.allocation import AllocationError, AllocationParams, _params


class ResCompany(models.Model):
    _inherit = "res.company"

    bonus_pool_share = fields.Float(
        string="Profit-Sharing Pool Share",
        digits=(16, 4),
        default=0.30,
        help="Default share of the year's surplus that forms the "
        "profit-sharing pool (0.30 = 30%).",
    )
    bonus_pool_share_min = fields.Float(
        string="Minimum Pool Share", digits=(16, 4), default=0.30
    )
    bonus_pool_share_max = fields.Float(
        string="Maximum Pool Share", digits=(16, 4), default=0.40
    )
    bonus_outstanding_uplift = fields.Float(
        string="Outstanding Uplift",
        digits=(16, 4),
        default=0.10,
        help="Extra share of an outstanding employee (0.10 = 10%; below 20%).",
    )
    bonus_grade_step = fields.Float(
        string="Grade Step",
        digits=(16, 4),
        default=0.10,
        help="The full share of a grade is this much more than the grade "
        "below it (0.10 = 10%; at most 20%).",
    )
    bonus_min_months = fields.Float(
        string="Minimum Months of Service",
        default=3,
        help="Employees with this many months of service or less at the end "
        "of the year get no share.",
    )
    bonus_full_year_months = fields.Float(string="Months of a Full Year", default=12)
    bonus_head_max_multiple = fields.Float(
        string="Department Head Multiple",
        default=5,
        help="A department head's share is at most this many times the "
        "lowest share of the others of the department.",
    )

    def _bonus_allocation_params(self):
        """The engine's parameters of the company (AllocationParams)."""
        self.ensure_one()
        return AllocationParams(
            outstanding_uplift=str(self.bonus_outstanding_uplift),
            grade_step=str(self.bonus_grade_step),
            min_months_for_share=str(self.bonus_min_months),
            full_year_months=str(self.bonus_full_year_months),
            head_max_multiple=str(self.bonus_head_max_multiple),
        )

    @api.constrains(
        "bonus_pool_share",
        "bonus_pool_share_min",
        "bonus_pool_share_max",
        "bonus_outstanding_uplift",
        "bonus_grade_step",
        "bonus_min_months",
        "bonus_full_year_months",
        "bonus_head_max_multiple",
    )
    def _check_bonus_settings(self):
        for company in self:
            low, high = company.bonus_pool_share_min, company.bonus_pool_share_max
            if not 0 <= low <= company.bonus_pool_share <= high <= 1:
                raise ValidationError(
                    _(
                        "Company %(company)s: the profit-sharing pool shares must "
                        "satisfy 0 ≤ minimum ≤ default ≤ maximum ≤ 100%%.",
                        company=company.name,
                    )
                )
            try:
                _params(company._bonus_allocation_params())
            except AllocationError as error:
                raise ValidationError(
                    _(
                        "Company %(company)s: the profit-sharing parameters are "
                        "out of range: the outstanding uplift must be from 0 to "
                        "less than 20%%, the grade step from 0 to 20%%, the "
                        "minimum months below the months of a full year and the "
                        "head multiple at least 1.",
                        company=company.name,
                    )
                ) from error
