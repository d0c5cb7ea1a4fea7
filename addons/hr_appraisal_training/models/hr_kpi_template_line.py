# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .hr_kpi_template import PERSPECTIVES

METHODS = [
    ("rating", "Rating 1–5"),
    ("target", "Target-linked"),
    ("points", "Points"),
]


class HrKpiTemplateLine(models.Model):
    """One KPI of a template: its weight, BSC perspective and scoring method."""

    _name = "hr.kpi.template.line"
    _description = "KPI Template Line"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "hr.kpi.template", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="template_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    weight = fields.Float(digits=(16, 2), help="Weights of a template add up to 100.")
    perspective = fields.Selection(
        PERSPECTIVES,
        string="BSC Perspective",
        help="Balanced-scorecard perspective, for the perspective subtotals.",
    )
    method = fields.Selection(
        METHODS,
        string="Scoring Method",
        default="rating",
        required=True,
        help="Rating: 1 to 5 (5 → 100 points). Target-linked: the achievement "
        "of the employee's targets of the measure, capped at 100 %. Points: "
        "points out of the maximum.",
    )
    measure_id = fields.Many2one(
        "hr.target.measure",
        help="Target-linked lines: the achievement of the employee's targets "
        "of this measure in the review window.",
    )
    max_points = fields.Float(
        string="Maximum Points", digits=(16, 2), help="Points lines: the maximum."
    )

    @api.constrains("method", "measure_id", "max_points", "weight")
    def _check_method(self):
        for line in self:
            if line.weight < 0:
                raise ValidationError(
                    _("KPI %(line)s: the weight cannot be negative.", line=line.name)
                )
            if line.method == "target" and not line.measure_id:
                raise ValidationError(
                    _(
                        "KPI %(line)s is target-linked: choose its measure.",
                        line=line.name,
                    )
                )
            if line.method == "points" and line.max_points <= 0:
                raise ValidationError(
                    _(
                        "KPI %(line)s is scored in points: its maximum must be "
                        "above 0.",
                        line=line.name,
                    )
                )

    @api.constrains("weight", "template_id")
    def _check_template_weights(self):
        self.template_id.filtered(lambda t: t.state == "confirmed")._check_weights()
