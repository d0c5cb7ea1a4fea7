# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)


class ResCompany(models.Model):
    _inherit = "res.company"

    performance_pay_rate = fields.Float(
        string="Performance-Pay Standard Rate",
        digits=(16, 4),
        default=0.3,
        help="Share of the contract wage that is the performance-pay standard "
        "when neither the contract nor the job sets one (0.3 = 30%).",
    )
    performance_team_reward_rate = fields.Float(
        string="Team Reward Rate",
        digits=(16, 4),
        default=0.01,
        help="Share of the team target value a supervisor earns when the team "
        "reaches its monthly minimum (0.01 = 1% of the target).",
    )
    performance_report_day = fields.Integer(
        string="Report Results By (Day)",
        default=1,
        help="Day of the month after the run's month by which the supervisor "
        "reports each person's results.",
    )
    performance_verify_day = fields.Integer(
        string="Finance Verifies By (Day)", default=3
    )
    performance_submit_day = fields.Integer(
        string="Distribution Submitted By (Day)", default=5
    )
    performance_approve_day = fields.Integer(
        string="Principal Approves By (Day)", default=6
    )
    performance_pay_day = fields.Integer(string="Pay Day", default=10)

    @api.constrains(
        "performance_pay_rate",
        "performance_team_reward_rate",
        "performance_report_day",
        "performance_verify_day",
        "performance_submit_day",
        "performance_approve_day",
        "performance_pay_day",
    )
    def _check_performance_pay_settings(self):
        for company in self:
            days = [
                company.performance_report_day,
                company.performance_verify_day,
                company.performance_submit_day,
                company.performance_approve_day,
                company.performance_pay_day,
            ]
            if min(days) < 1 or max(days) > 31 or days != sorted(days):
                raise ValidationError(
                    _(
                        "Company %(company)s: the performance-pay deadlines must "
                        "be days of the month (1 to 31) in the order report, "
                        "verify, submit, approve, pay.",
                        company=company.name,
                    )
                )
            if (
                company.performance_pay_rate < 0
                or company.performance_team_reward_rate < 0
            ):
                raise ValidationError(
                    _(
                        "Company %(company)s: performance-pay rates cannot be "
                        "negative.",
                        company=company.name,
                    )
                )

    @api.model
    def _hr_performance_demo_currency(self, company_ids, currency_id):
        """Demo data only: the demo school works in ``currency_id``.

        Accounting refuses to change the currency of a company that already
        holds journal items (its own demo data, when it was installed in the
        same run before the suite): the company then keeps its currency and
        the log says so, instead of losing the whole demo."""
        companies = self.browse(company_ids)
        try:
            with self.env.cr.savepoint():
                companies.write({"currency_id": currency_id})
        except UserError as error:
            _logger.info(
                "Demo data: %s keeps its currency (%s)",
                ", ".join(companies.mapped("name")),
                error,
            )
        return True
