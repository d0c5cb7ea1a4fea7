# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class HrTargetProbationLine(models.Model):
    """The result of one month (or part of a month) of a probation."""

    _name = "hr.target.probation.line"
    _description = "Probation Month Result"
    _order = "probation_id, date_from"

    probation_id = fields.Many2one(
        "hr.target.probation", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="probation_id.company_id", store=True)
    measure_decimal_places = fields.Integer(
        related="probation_id.job_id.target_measure_id.decimal_places"
    )
    month = fields.Date(required=True, help="First day of the month.")
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    target_value = fields.Float(
        string="Target",
        help="The monthly target, prorated when only part of the month is judged.",
    )
    actual_value = fields.Float(string="Actual")
    met = fields.Boolean(string="Target Met")
    in_progress = fields.Boolean(
        help="The month is not over: its result may still grow, and it "
        "counts for the probation only once it ends.",
    )
    is_extension = fields.Boolean(
        string="Extension", help="Month of the extension granted by HR."
    )
