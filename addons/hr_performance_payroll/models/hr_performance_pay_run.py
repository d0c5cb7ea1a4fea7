# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models


class HrPerformancePayRun(models.Model):
    """Payment of an approved run through payroll: how many of its lines
    confirmed payslips have paid. The run becomes *Paid* by itself when the
    last line is paid and goes back to *Approved* if a payslip is cancelled."""

    _inherit = "hr.performance.pay.run"

    payment_state = fields.Selection(
        [
            ("not_paid", "Not Paid"),
            ("partial", "Partially Paid"),
            ("paid", "Paid"),
        ],
        string="Payment",
        compute="_compute_payment_state",
        store=True,
        help="Payment of the approved lines through payroll.",
    )
    paid_line_count = fields.Integer(
        string="Paid Lines", compute="_compute_payment_state", store=True
    )
    unpaid_line_count = fields.Integer(
        string="Unpaid Lines", compute="_compute_payment_state", store=True
    )

    @api.depends("line_ids.payable", "line_ids.payable_paid")
    def _compute_payment_state(self):
        # one grouped query for all runs, whatever their number of lines
        counts = defaultdict(int)
        run_ids = [run_id for run_id in self.ids if isinstance(run_id, int)]
        if run_ids:
            for run, paid, count in self.env["hr.performance.pay.line"]._read_group(
                [
                    ("run_id", "in", run_ids),
                    "|",
                    ("payable", "=", True),
                    ("payable_paid", "=", True),
                ],
                ["run_id", "payable_paid"],
                ["__count"],
            ):
                counts[run.id, paid] += count
        for run in self:
            paid = counts[run.id, True]
            unpaid = counts[run.id, False]
            run.paid_line_count = paid
            run.unpaid_line_count = unpaid
            if paid and not unpaid:
                run.payment_state = "paid"
            elif paid:
                run.payment_state = "partial"
            else:
                run.payment_state = "not_paid"

    def _payable_update_run_state(self):
        """Approved runs whose lines are all paid become paid; paid runs a
        payslip cancellation left unpaid lines in go back to approved."""
        self.flush_recordset(["payment_state"])
        runs = self.sudo()
        runs.filtered(
            lambda r: r.state == "approved" and r.payment_state == "paid"
        ).write({"state": "paid"})
        runs.filtered(lambda r: r.state == "paid" and r.unpaid_line_count).write(
            {"state": "approved"}
        )

    def action_view_payslips(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("payroll.hr_payslip_action")
        action["domain"] = [("id", "in", self.line_ids.payslip_id.ids)]
        action["context"] = {"create": False}
        return action
