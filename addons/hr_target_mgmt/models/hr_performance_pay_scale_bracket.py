# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..tools import perf_pay


class HrPerformancePayScaleBracket(models.Model):
    """One bracket of a performance-pay scale: achievements from
    ``achievement_from`` (included) to ``achievement_to`` (excluded, empty =
    no upper bound) get a fixed factor or the achievement itself."""

    _name = "hr.performance.pay.scale.bracket"
    _description = "Performance-Pay Scale Bracket"
    _order = "scale_id, achievement_from"

    scale_id = fields.Many2one(
        "hr.performance.pay.scale",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="scale_id.company_id", store=True)
    achievement_from = fields.Float(
        digits=(16, 4),
        required=True,
        help="Lowest achievement of the bracket (included); 1.0 = 100%.",
    )
    achievement_to = fields.Float(
        digits=(16, 4),
        help="Achievement where the next bracket starts (excluded). Leave "
        "empty on the last bracket: no upper bound.",
    )
    factor_type = fields.Selection(
        [
            ("fixed", "Fixed Factor"),
            ("achievement", "Equal to Achievement"),
        ],
        required=True,
        default="fixed",
    )
    factor = fields.Float(
        digits=(16, 4),
        help="Share of the performance-pay standard paid; 1.0 = 100%.",
    )
    cap = fields.Float(
        digits=(16, 4),
        help="Highest factor paid in this bracket; 0 = no cap.",
    )

    @api.constrains(
        "scale_id", "achievement_from", "achievement_to", "factor_type", "factor", "cap"
    )
    def _check_scale(self):
        for scale in self.scale_id:
            scale._validate_brackets()

    def unlink(self):
        scales = self.scale_id
        result = super().unlink()
        for scale in scales.exists():
            scale._validate_brackets()
        return result

    def _to_bracket(self):
        self.ensure_one()
        return perf_pay.Bracket(
            self.achievement_from,
            self.achievement_to or None,
            self.factor_type,
            self.factor,
            self.cap or None,
        )
