# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.hr_target_mgmt.models.hr_approval_mixin import ApprovalStep

from ..tools import training_budget as tb

HR_OFFICER = "hr_target_mgmt.group_hr_target_mgmt_hr_officer"
HR_MANAGER = "hr_target_mgmt.group_hr_target_mgmt_hr_manager"
PRINCIPAL = "hr_target_mgmt.group_hr_target_mgmt_principal"

#: Who approves each kind of plan: management (the principal) the annual
#: plan, the training manager (HR manager) the quarterly plans, an HR officer
#: the ad-hoc plans.
APPROVER_GROUP = {"annual": PRINCIPAL, "quarterly": HR_MANAGER, "adhoc": HR_OFFICER}


class HrTrainingPlan(models.Model):
    """A training plan (培训计划): annual (made at year end for the next
    year), quarterly (refines the annual plan) or ad-hoc (a new product,
    customer complaints, with its urgency). It states goals and audience and
    lists the courses with their mode, schedule, trainers, audience and
    budget; approval through :class:`hr.approval.mixin`."""

    _name = "hr.training.plan"
    _description = "Training Plan"
    _inherit = ["hr.approval.mixin"]
    _order = "year desc, plan_type, quarter, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    plan_type = fields.Selection(
        [("annual", "Annual"), ("quarterly", "Quarterly"), ("adhoc", "Ad-hoc")],
        string="Type",
        required=True,
        default="annual",
        tracking=True,
    )
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year + 1,
        tracking=True,
        help="Annual plans are made at the end of the year for the next one.",
    )
    quarter = fields.Selection(
        [("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")], tracking=True
    )
    date_from = fields.Date(
        string="Start",
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
    )
    date_to = fields.Date(
        string="End",
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
    )
    parent_id = fields.Many2one(
        "hr.training.plan",
        string="Annual Plan",
        index="btree_not_null",
        check_company=True,
        domain="[('plan_type', '=', 'annual'), ('company_id', '=', company_id)]",
        help="The annual plan a quarterly plan refines.",
    )
    child_ids = fields.One2many(
        "hr.training.plan", "parent_id", string="Quarterly Plans"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    department_id = fields.Many2one("hr.department", check_company=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
    )
    budget_id = fields.Many2one(
        "hr.training.budget",
        check_company=True,
        tracking=True,
        help="The budget that funds the plan: approving a plan that asks "
        "for more than the budget still offers warns, in the form and in "
        "the chatter.",
    )
    goals = fields.Html()
    audience = fields.Text(help="Who the plan trains.")
    trigger = fields.Selection(
        [
            ("new_product", "New Product"),
            ("new_business", "New Business"),
            ("complaint", "Customer Complaints"),
            ("other", "Other"),
        ],
        string="Reason",
        help="Why an ad-hoc plan is needed.",
    )
    urgency = fields.Selection(
        [("normal", "Normal"), ("urgent", "Urgent"), ("critical", "Critical")],
        tracking=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        required=True,
        default="draft",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    line_ids = fields.One2many(
        "hr.training.plan.line", "plan_id", string="Courses", copy=True
    )
    need_count = fields.Integer(string="Needs", compute="_compute_need_count")
    amount_total = fields.Monetary(
        string="Plan Budget", compute="_compute_amount_total", store=True
    )
    budget_overrun = fields.Monetary(
        string="Over Budget By",
        compute="_compute_budget_warning",
        help="Part of the plan's budget beyond what its budget still offers "
        "(planned minus the other approved plans).",
    )
    budget_warning = fields.Char(compute="_compute_budget_warning")
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_approved = fields.Date(string="Approved On", readonly=True, copy=False)
    note = fields.Html()

    _sql_constraints = [
        (
            "year_range",
            "CHECK(year BETWEEN 2000 AND 2999)",
            "The plan's year must lie between 2000 and 2999.",
        )
    ]

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------
    @api.depends("plan_type", "year", "quarter")
    def _compute_dates(self):
        for plan in self:
            if not plan.year or plan.plan_type == "adhoc":
                plan.date_from = plan.date_from or False
                plan.date_to = plan.date_to or False
                continue
            if plan.plan_type == "quarterly" and plan.quarter:
                month = 3 * (int(plan.quarter) - 1) + 1
                plan.date_from = date(plan.year, month, 1)
                plan.date_to = plan.date_from + relativedelta(months=3, days=-1)
            else:
                plan.date_from = date(plan.year, 1, 1)
                plan.date_to = date(plan.year, 12, 31)

    @api.depends("line_ids.need_ids")
    def _compute_need_count(self):
        for plan in self:
            plan.need_count = len(plan.line_ids.need_ids)

    def action_view_needs(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Training Needs"),
            "res_model": "hr.training.need",
            "view_mode": "list,form",
            "domain": [("id", "in", self.line_ids.need_ids.ids)],
        }

    @api.depends("line_ids.amount_budget")
    def _compute_amount_total(self):
        for plan in self:
            plan.amount_total = float(
                tb.total(
                    plan.line_ids.mapped("amount_budget"),
                    plan.currency_id.rounding or 0.01,
                )
            )

    @api.depends("budget_id", "amount_total", "state")
    def _compute_budget_warning(self):
        for plan in self:
            plan.budget_overrun = float(plan._budget_overrun())
            plan.budget_warning = plan._budget_warning_text()

    def _budget_overrun(self):
        """What the plan asks beyond what its budget still offers (0 when it
        fits or when it has no budget)."""
        self.ensure_one()
        budget = self.budget_id.sudo()
        if not budget:
            return 0
        others = budget.plan_ids.filtered(
            lambda p: p.state in ("approved", "done") and p != self
        )
        rounding = self.currency_id.rounding or 0.01
        return tb.overrun(
            budget.amount_planned,
            tb.total(others.mapped("amount_total"), rounding),
            self.amount_total,
            rounding,
        )

    def _budget_warning_text(self):
        self.ensure_one()
        overrun = self._budget_overrun()
        if not overrun:
            return False
        return _(
            "Plan %(plan)s asks %(asked)s, %(over)s more than budget %(budget)s "
            "still offers.",
            plan=self.name,
            asked=self._format_amount(self.amount_total),
            over=self._format_amount(overrun),
            budget=self.budget_id.sudo().name,
        )

    def _format_amount(self, amount):
        return f"{self.currency_id.symbol or ''}{float(amount):,.2f}"

    @api.constrains("plan_type", "parent_id", "year", "urgency", "date_from", "date_to")
    def _check_plan_type(self):
        for plan in self:
            if plan.plan_type == "quarterly":
                if not plan.quarter or not plan.parent_id:
                    raise ValidationError(
                        _(
                            "Quarterly plan %(plan)s needs its quarter and the "
                            "annual plan it refines.",
                            plan=plan.name,
                        )
                    )
                if (
                    plan.parent_id.plan_type != "annual"
                    or plan.parent_id.year != plan.year
                ):
                    raise ValidationError(
                        _(
                            "Quarterly plan %(plan)s must refine the annual plan "
                            "of its own year %(year)s.",
                            plan=plan.name,
                            year=plan.year,
                        )
                    )
            if plan.plan_type == "adhoc" and not plan.urgency:
                raise ValidationError(
                    _("Ad-hoc plan %(plan)s needs its urgency.", plan=plan.name)
                )
            if plan.date_from and plan.date_to and plan.date_from > plan.date_to:
                raise ValidationError(
                    _("Plan %(plan)s ends before it starts.", plan=plan.name)
                )

    @api.constrains("budget_id", "year")
    def _check_budget_year(self):
        for plan in self:
            if plan.budget_id and plan.budget_id.year != plan.year:
                raise ValidationError(
                    _(
                        "Plan %(plan)s of %(year)s cannot be funded by budget "
                        "%(budget)s of another year.",
                        plan=plan.name,
                        year=plan.year,
                        budget=plan.budget_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # Workflow (hr.approval.mixin)
    # ------------------------------------------------------------------
    def _approval_steps(self):
        """Submitted by an HR officer, approved by the group of the plan's
        type (:data:`APPROVER_GROUP`); the plan is then locked."""
        plan_type = self[:1].plan_type or "annual"
        return [
            ApprovalStep(
                "draft",
                "submitted",
                HR_OFFICER,
                _("Submit"),
                None,
                None,
                _("Submit the training plan"),
                "",
            ),
            ApprovalStep(
                "submitted",
                "approved",
                APPROVER_GROUP[plan_type],
                _("Approve"),
                None,
                None,
                _("Approve the training plan"),
                "",
                lock_after=True,
            ),
        ]

    def _approval_extra_locked_states(self):
        return ("cancel",)

    def _approval_protected_fields(self):
        return super()._approval_protected_fields() | {
            "approved_by_id",
            "date_approved",
        }

    def action_submit(self):
        for plan in self:
            if not plan.line_ids:
                raise ValidationError(
                    _(
                        "Plan %(plan)s has no course: add its lines before "
                        "submitting it.",
                        plan=plan.name,
                    )
                )
            plan._approval_advance("draft")
        return True

    def action_approve(self):
        """Approve each plan by the group of its type. A plan over its
        budget is approved all the same (the approver decides), with the
        warning kept in the chatter."""
        for plan in self:
            plan._approval_advance("submitted")
            plan.sudo().write(
                {
                    "approved_by_id": self.env.user.id,
                    "date_approved": fields.Date.context_today(self),
                }
            )
            warning = plan._budget_warning_text()
            if warning:
                plan.sudo().message_post(
                    body=Markup("<p><strong>%s</strong></p><p>%s</p>")
                    % (_("Approved over budget"), warning),
                    subtype_xmlid="mail.mt_note",
                )
            plan.line_ids._on_plan_approved()
        return True

    def action_done(self):
        for plan in self:
            plan._approval_move("done", ("approved",), HR_OFFICER, _("Mark as Done"))
            plan.line_ids._on_plan_done()
        return True

    def action_cancel(self):
        for plan in self:
            plan._approval_move(
                "cancel", ("draft", "submitted"), HR_OFFICER, _("Cancel")
            )
        return True

    def action_reset_draft(self):
        for plan in self:
            plan._approval_move(
                "draft", ("submitted", "cancel"), HR_OFFICER, _("Reset to Draft")
            )
        return True
