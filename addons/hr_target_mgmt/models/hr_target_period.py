# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .selection_labels import selection_labels


class HrTargetPeriod(models.Model):
    """A period targets are set and measured for (month, quarter, half-year,
    year), per company. Closed periods take no new actuals."""

    _name = "hr.target.period"
    _description = "Target Period"
    _order = "date_from desc, period_type"

    name = fields.Char(required=True, translate=True)
    period_type = fields.Selection(
        [
            ("month", "Month"),
            ("quarter", "Quarter"),
            ("half_year", "Half-year"),
            ("year", "Year"),
        ],
        string="Type",
        required=True,
        default="month",
    )
    date_from = fields.Date(string="Start", required=True)
    date_to = fields.Date(string="End", required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")],
        default="open",
        required=True,
    )

    _sql_constraints = [
        (
            "date_check",
            "CHECK(date_from <= date_to)",
            "The start of a period must be before its end.",
        ),
    ]

    @api.constrains("date_from", "date_to", "period_type", "company_id")
    def _check_overlap(self):
        for period in self:
            overlapping = self.search_count(
                [
                    ("id", "!=", period.id),
                    ("company_id", "=", period.company_id.id),
                    ("period_type", "=", period.period_type),
                    ("date_from", "<=", period.date_to),
                    ("date_to", ">=", period.date_from),
                ],
                limit=1,
            )
            if overlapping:
                raise ValidationError(
                    _(
                        "Period %(name)s overlaps another period of the same "
                        "type in %(company)s.",
                        name=period.name,
                        company=period.company_id.name,
                    )
                )

    @api.constrains("date_from", "date_to", "period_type")
    def _check_length(self):
        """A period covers whole calendar months: a month one month, a
        quarter three, a half-year six, a year twelve, from the first day
        of its first month to the last day of its last."""
        months = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}
        labels = selection_labels(self, "period_type")
        for period in self:
            count = months[period.period_type]
            expected_end = (
                period.date_from + relativedelta(months=count) - timedelta(days=1)
            )
            if period.date_from.day != 1 or period.date_to != expected_end:
                raise ValidationError(
                    _(
                        "Period %(name)s: a period of type %(type)s runs from "
                        "the first day of a month to the last day of its "
                        "%(count)s month(s) (%(date_from)s to %(date_to)s "
                        "expected for this start).",
                        name=period.name,
                        type=labels[period.period_type],
                        count=count,
                        date_from=period.date_from.replace(day=1),
                        date_to=period.date_from.replace(day=1)
                        + relativedelta(months=count)
                        - timedelta(days=1),
                    )
                )

    def action_close(self):
        self.write({"state": "closed"})
        return True

    def action_reopen(self):
        self.write({"state": "open"})
        return True
