# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


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
    decimal_places = fields.Integer(
        default=2,
        help="Decimals the values of this measure are shown with: 0 for "
        "counts of people or enrolments, 2 for amounts.",
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

    @api.constrains("decimal_places")
    def _check_decimal_places(self):
        for measure in self:
            if not 0 <= measure.decimal_places <= 6:
                raise ValidationError(
                    _(
                        "Measure %(measure)s: the decimal places must be "
                        "between 0 and 6.",
                        measure=measure.display_name,
                    )
                )
