# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.hr_target_mgmt.models.hr_approval_mixin import ApprovalStep

from ..tools import training_budget as tb

HR_OFFICER = "hr_target_mgmt.group_hr_target_mgmt_hr_officer"
PRINCIPAL = "hr_target_mgmt.group_hr_target_mgmt_principal"


class HrTrainingBudget(models.Model):
    """A yearly training budget (培训费用预算) of the company, of one
    department or of the plans it funds: planned cost lines by type against
    the actual costs booked on them (session costs, approved
    reimbursements). Drawn up by HR, approved by the principal."""

    _name = "hr.training.budget"
    _description = "Training Budget"
    _inherit = ["hr.approval.mixin"]
    _order = "year desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    department_id = fields.Many2one(
        "hr.department",
        check_company=True,
        tracking=True,
        help="Budget of one department; empty for the company's budget or "
        "the budget of the plans that use it.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("approved", "Approved")],
        required=True,
        default="draft",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    line_ids = fields.One2many(
        "hr.training.budget.line", "budget_id", string="Cost Lines", copy=True
    )
    plan_ids = fields.One2many(
        "hr.training.plan", "budget_id", string="Plans", readonly=True
    )
    amount_planned = fields.Monetary(
        string="Planned", compute="_compute_amounts", store=True
    )
    amount_actual = fields.Monetary(
        string="Actual", compute="_compute_amounts", store=True
    )
    amount_variance = fields.Monetary(
        string="Variance",
        compute="_compute_amounts",
        store=True,
        help="Actual − planned: positive when the budget is overspent.",
    )
    amount_committed = fields.Monetary(
        string="Committed by Plans",
        compute="_compute_amount_committed",
        store=True,
        help="Budget of the lines of the approved plans funded by this budget.",
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_approved = fields.Date(string="Approved On", readonly=True, copy=False)
    note = fields.Html()

    _sql_constraints = [
        (
            "year_range",
            "CHECK(year BETWEEN 2000 AND 2999)",
            "The budget's year must lie between 2000 and 2999.",
        )
    ]

    @api.depends("line_ids.amount_planned", "line_ids.amount_actual")
    def _compute_amounts(self):
        for budget in self:
            rounding = budget.currency_id.rounding or 0.01
            planned = tb.total(budget.line_ids.mapped("amount_planned"), rounding)
            actual = tb.total(budget.line_ids.mapped("amount_actual"), rounding)
            budget.amount_planned = float(planned)
            budget.amount_actual = float(actual)
            budget.amount_variance = float(tb.variance(planned, actual, rounding))

    @api.depends("plan_ids.state", "plan_ids.amount_total")
    def _compute_amount_committed(self):
        for budget in self:
            plans = budget.plan_ids.filtered(lambda p: p.state in ("approved", "done"))
            budget.amount_committed = float(
                tb.total(plans.mapped("amount_total"), budget.currency_id.rounding)
            )

    @api.constrains("department_id", "company_id")
    def _check_department_company(self):
        for budget in self:
            if budget.department_id.company_id not in (
                budget.company_id,
                self.env["res.company"],
            ):
                raise ValidationError(
                    _(
                        "Budget %(name)s: the department %(department)s belongs "
                        "to another company.",
                        name=budget.name,
                        department=budget.department_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # Workflow (hr.approval.mixin)
    # ------------------------------------------------------------------
    def _approval_steps(self):
        return [
            ApprovalStep(
                "draft",
                "submitted",
                HR_OFFICER,
                _("Submit"),
                None,
                None,
                _("Submit the training budget"),
                "",
            ),
            ApprovalStep(
                "submitted",
                "approved",
                PRINCIPAL,
                _("Approve"),
                None,
                None,
                _("Approve the training budget"),
                "",
                lock_after=True,
            ),
        ]

    def _approval_protected_fields(self):
        return super()._approval_protected_fields() | {
            "approved_by_id",
            "date_approved",
        }

    def _approval_unlocked_fields(self):
        # the computed totals follow the costs booked on an approved budget
        return super()._approval_unlocked_fields() | {"plan_ids"}

    def action_submit(self):
        return self._approval_advance("draft")

    def action_approve(self):
        self._approval_advance("submitted")
        self.sudo().write(
            {
                "approved_by_id": self.env.user.id,
                "date_approved": fields.Date.context_today(self),
            }
        )
        return True

    def action_reset_draft(self):
        return self._approval_move("draft", ("submitted",), HR_OFFICER, _("Reset"))
