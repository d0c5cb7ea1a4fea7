# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class HrBonusGrade(models.Model):
    """A grade of the profit-sharing rules: the higher the level, the larger
    the full share (rule C)."""

    _name = "hr.bonus.grade"
    _description = "Profit-Sharing Grade"
    _order = "company_id, level"

    name = fields.Char(required=True, translate=True)
    level = fields.Integer(
        required=True,
        help="Higher level = more senior: its full share is one grade step "
        "above the level below it.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "level_company_unique",
            "UNIQUE(company_id, level)",
            "A company has one grade per level.",
        ),
    ]
