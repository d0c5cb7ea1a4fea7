# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

#: Expense report states in which finance has approved (posted) the
#: reimbursement, after the manager: from then on it is an actual cost.
APPROVED_SHEET_STATES = ("post", "done")


class HrTrainingBudgetLine(models.Model):
    _inherit = "hr.training.budget.line"

    expense_ids = fields.One2many(
        "hr.expense",
        "training_budget_line_id",
        string="Reimbursements",
        readonly=True,
    )

    def _approved_expenses(self):
        self.ensure_one()
        return self.sudo().expense_ids.filtered(
            lambda e: e.sheet_id.state in APPROVED_SHEET_STATES
        )

    def _actual_amounts(self):
        # approved reimbursements in the company's currency
        return super()._actual_amounts() + self._approved_expenses().mapped(
            "total_amount"
        )

    @api.depends("expense_ids.total_amount", "expense_ids.sheet_id.state")
    def _compute_amount_actual(self):
        return super()._compute_amount_actual()
