# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


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

    def action_close(self):
        self.write({"state": "closed"})

    def action_reopen(self):
        self.write({"state": "open"})
