# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class HrPerformancePayRunSendBack(models.TransientModel):
    """Finance sends reported runs back to their supervisor, saying why."""

    _name = "hr.performance.pay.run.send.back"
    _description = "Send a Monthly Run Back"

    run_ids = fields.Many2many(
        "hr.performance.pay.run", string="Runs", required=True, readonly=True
    )
    reason = fields.Text(
        required=True,
        help="What the supervisor has to correct; posted in the run's chatter "
        "and in the supervisor's activity.",
    )

    def action_send_back(self):
        self.ensure_one()
        self.run_ids.action_send_back(self.reason)
        return {"type": "ir.actions.act_window_close"}
