# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

TRAINING_PRODUCT = "hr_appraisal_training_expense.product_training_expense"


class HrExpense(models.Model):
    """An expense of external training: linked to the course of a training
    plan it paid for, counted on that course's budget line once the manager
    and finance have approved it."""

    _inherit = "hr.expense"

    training_plan_line_id = fields.Many2one(
        "hr.training.plan.line",
        string="Training Course",
        index="btree_not_null",
        domain="[('state', 'in', ('approved', 'done')), "
        "('company_id', '=', company_id)]",
        help="Course of an approved training plan this expense paid for.",
    )
    training_budget_line_id = fields.Many2one(
        "hr.training.budget.line",
        compute="_compute_training_budget_line_id",
        store=True,
        readonly=False,
        compute_sudo=True,
        index="btree_not_null",
        groups="hr_target_mgmt.group_hr_target_mgmt_hr_officer,"
        "hr_target_mgmt.group_hr_target_mgmt_finance",
        help="The budget line the expense counts on once approved: the "
        "course's, unless HR or finance choose another one.",
    )
    is_training_expense = fields.Boolean(
        compute="_compute_is_training_expense",
        help="Paid for training: the training product or a course.",
    )

    def _check_training_budget_line_write(self, vals_list):
        """Only HR officers and finance choose the budget line themselves
        (the field's groups are not enforced on create and write)."""
        if self.env.su or not any(
            "training_budget_line_id" in vals for vals in vals_list
        ):
            return
        user = self.env.user
        if not (
            user.has_group("hr_target_mgmt.group_hr_target_mgmt_hr_officer")
            or user.has_group("hr_target_mgmt.group_hr_target_mgmt_finance")
        ):
            raise AccessError(
                _(
                    "Only HR officers and finance may choose the training budget "
                    "line of an expense: choose the training course instead."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_training_budget_line_write(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._check_training_budget_line_write([vals])
        return super().write(vals)

    @api.depends("training_plan_line_id")
    def _compute_training_budget_line_id(self):
        for expense in self:
            expense.training_budget_line_id = (
                expense.training_plan_line_id.budget_line_id
                or expense.training_budget_line_id
            )

    @api.depends("product_id", "training_plan_line_id")
    def _compute_is_training_expense(self):
        product = self.env.ref(TRAINING_PRODUCT, raise_if_not_found=False)
        for expense in self:
            expense.is_training_expense = bool(
                expense.training_plan_line_id
                or (product and expense.product_id == product)
            )

    @api.constrains("training_plan_line_id", "company_id")
    def _check_training_plan_line(self):
        for expense in self.sudo():
            line = expense.training_plan_line_id
            if not line:
                continue
            if line.company_id != expense.company_id:
                raise ValidationError(
                    _(
                        "Expense %(expense)s: the course %(course)s belongs to "
                        "another company.",
                        expense=expense.name,
                        course=line.display_name,
                    )
                )
            if line.state not in ("approved", "done"):
                raise ValidationError(
                    _(
                        "Expense %(expense)s: the course %(course)s is not in an "
                        "approved training plan.",
                        expense=expense.name,
                        course=line.display_name,
                    )
                )

    def _check_training_documents(self):
        """A training expense is reimbursed with its invoice attached and
        the course it paid for."""
        for expense in self.filtered("is_training_expense"):
            if not expense.training_plan_line_id:
                raise UserError(
                    _(
                        "Training expense %(expense)s: choose the training "
                        "course it paid for before submitting it.",
                        expense=expense.name,
                    )
                )
            if not expense.attachment_ids:
                raise UserError(
                    _(
                        "Training expense %(expense)s: attach the invoice "
                        "(发票) before submitting it.",
                        expense=expense.name,
                    )
                )
