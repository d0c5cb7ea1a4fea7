# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class HrTrainingNeedAnalysisLine(models.Model):
    """One count of a needs analysis: the needs of a department, category
    and source, and the people they concern. Written by the server when the
    needs are gathered."""

    _name = "hr.training.need.analysis.line"
    _description = "Training Needs Analysis Line"
    _order = "analysis_id, department_id, category, source"

    analysis_id = fields.Many2one(
        "hr.training.need.analysis", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="analysis_id.company_id", store=True, index=True
    )
    date_from = fields.Date(related="analysis_id.date_from", store=True)
    state = fields.Selection(related="analysis_id.state", string="Analysis State")
    department_id = fields.Many2one("hr.department", readonly=True)
    category = fields.Selection(
        lambda self: self.env["hr.training.need"]._fields["category"].selection,
        readonly=True,
    )
    source = fields.Selection(
        lambda self: self.env["hr.training.need"]._fields["source"].selection,
        readonly=True,
    )
    need_count = fields.Integer(string="Needs", readonly=True, aggregator="sum")
    employee_count = fields.Integer(string="People", readonly=True, aggregator="sum")
