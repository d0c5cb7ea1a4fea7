# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class HrTargetMeasure(models.Model):
    """What a target counts: enrolments, revenue, satisfaction %..."""

    _name = "hr.target.measure"
    _description = "Target Measure"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    unit = fields.Char(
        translate=True, help="Unit the values are counted in, e.g. persons, CNY, %."
    )
    higher_is_better = fields.Boolean(
        default=True,
        help="Untick for measures where less is better (complaints, days late): "
        "achievement is then 2 - actual / target.",
    )
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        help="Leave empty to share the measure between companies.",
    )
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
