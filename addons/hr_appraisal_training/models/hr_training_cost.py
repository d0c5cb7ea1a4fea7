# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .hr_training_budget_line import check_money_fields, check_money_vals


class HrTrainingCost(models.Model):
    """An actual training cost (培训实际费用) booked on a budget line: a
    trainer's invoice, the room, the materials of a session... Approved
    reimbursements of external training count on their own (expense
    bridge)."""

    _name = "hr.training.cost"
    _description = "Training Cost"
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Description", required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    budget_line_id = fields.Many2one(
        "hr.training.budget.line",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    budget_id = fields.Many2one(
        related="budget_line_id.budget_id", store=True, index=True
    )
    cost_type = fields.Selection(related="budget_line_id.cost_type", store=True)
    company_id = fields.Many2one(
        related="budget_line_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="budget_line_id.currency_id")
    amount = fields.Monetary(required=True)
    plan_line_id = fields.Many2one(
        "hr.training.plan.line",
        index="btree_not_null",
        check_company=True,
    )
    session_id = fields.Many2one(
        "hr.training.session",
        index="btree_not_null",
        check_company=True,
        help="The session this cost paid for (trainer, room, materials).",
    )
    note = fields.Text()

    @api.model_create_multi
    def create(self, vals_list):
        check_money_vals(self, vals_list, ["amount"])
        return super().create(vals_list)

    def write(self, vals):
        check_money_vals(self, [vals], ["amount"])
        return super().write(vals)

    @api.constrains("amount")
    def _check_amount(self):
        check_money_fields(self, ["amount"])
