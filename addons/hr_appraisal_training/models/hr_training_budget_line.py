# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.hr_target_mgmt.tools.money import MoneyError

from ..tools import training_budget as tb

COST_TYPE_SELECTION = [
    ("trainer", "Trainer Fees"),
    ("venue", "Venue"),
    ("materials", "Materials"),
    ("external", "External Training Fees"),
    ("travel", "Travel"),
    ("other", "Other"),
]


def check_money_fields(records, fnames):
    """Refuse negative, non-finite or absurd amounts, naming the record."""
    for record in records:
        for fname in fnames:
            try:
                tb.check_cost(record[fname])
            except MoneyError as error:
                raise ValidationError(
                    _(
                        "%(record)s: %(field)s must be a positive amount below "
                        "1,000,000,000 (got %(value)s).",
                        record=record.display_name,
                        field=record._fields[fname]._description_string(record.env),
                        value=error.params.get("value"),
                    )
                ) from error


def check_money_vals(model, vals_list, fnames):
    """Refuse, before anything is written, a negative, non-finite (NaN,
    infinity) or absurd amount in ``vals_list`` (which Odoo's rounding would
    otherwise choke on)."""
    for vals in vals_list:
        for fname in fnames:
            if fname not in vals:
                continue
            try:
                tb.check_cost(vals[fname])
            except (MoneyError, ArithmeticError, ValueError, TypeError) as error:
                raise ValidationError(
                    _(
                        "%(model)s: %(field)s must be a positive amount below "
                        "1,000,000,000 (got %(value)s).",
                        model=model.env["ir.model"]._get(model._name).name,
                        field=model._fields[fname]._description_string(model.env),
                        value=vals[fname],
                    )
                ) from error


class HrTrainingBudgetLine(models.Model):
    """A cost line of a training budget: a type and a planned amount, the
    actual amount summing the costs booked on it."""

    _name = "hr.training.budget.line"
    _description = "Training Budget Line"
    _order = "budget_id, sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    budget_id = fields.Many2one(
        "hr.training.budget", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(string="Description", required=True)
    cost_type = fields.Selection(COST_TYPE_SELECTION, required=True, default="trainer")
    company_id = fields.Many2one(
        related="budget_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="budget_id.currency_id")
    department_id = fields.Many2one(
        related="budget_id.department_id", store=True, string="Department"
    )
    year = fields.Integer(related="budget_id.year", store=True)
    budget_state = fields.Selection(related="budget_id.state", string="Budget State")
    amount_planned = fields.Monetary(string="Planned", required=True, default=0.0)
    cost_ids = fields.One2many(
        "hr.training.cost", "budget_line_id", string="Costs", readonly=True
    )
    amount_actual = fields.Monetary(
        string="Actual",
        compute="_compute_amount_actual",
        store=True,
        help="Costs booked on this line (session costs, approved reimbursements).",
    )
    amount_variance = fields.Monetary(
        string="Variance",
        compute="_compute_amount_variance",
        store=True,
        help="Actual − planned: positive when the line is overspent.",
    )

    def _actual_amounts(self):
        """The actual amounts of the line (list of numbers): its booked
        costs. Bridges add their own (approved reimbursements)."""
        self.ensure_one()
        return self.cost_ids.mapped("amount")

    @api.depends("cost_ids.amount")
    def _compute_amount_actual(self):
        for line in self:
            line.amount_actual = float(
                tb.total(line._actual_amounts(), line.currency_id.rounding or 0.01)
            )

    @api.depends("amount_planned", "amount_actual")
    def _compute_amount_variance(self):
        for line in self:
            line.amount_variance = float(
                tb.variance(
                    line.amount_planned,
                    line.amount_actual,
                    line.currency_id.rounding or 0.01,
                )
            )

    @api.depends("budget_id.name", "name")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.budget_id.name or ''} / {line.name or ''}"

    @api.constrains("amount_planned")
    def _check_amount_planned(self):
        check_money_fields(self, ["amount_planned"])

    @api.model_create_multi
    def create(self, vals_list):
        check_money_vals(self, vals_list, ["amount_planned"])
        # the lines follow the lock of their budget (the server's own code,
        # demo data included, is not restricted)
        if not self.env.su:
            self.env["hr.training.budget"].browse(
                {vals.get("budget_id") for vals in vals_list if vals.get("budget_id")}
            )._approval_check_unlocked()
        return super().create(vals_list)

    def write(self, vals):
        check_money_vals(self, [vals], ["amount_planned"])
        if self.env.su:
            return super().write(vals)
        self.budget_id._approval_check_unlocked()
        result = super().write(vals)
        self.budget_id._approval_check_unlocked()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked_budget(self):
        if not self.env.su:
            self.budget_id._approval_check_unlocked()
