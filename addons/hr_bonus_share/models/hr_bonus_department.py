# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from decimal import Decimal

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.hr_target_mgmt.models.hr_approval_mixin import (
    ACTIVITY_LATE,
    ACTIVITY_STEP,
)

from ..tools import allocation
from ..tools.allocation import AllocationError

GROUP_MANAGER = "hr_target_mgmt.group_hr_target_mgmt_manager"
GROUP_HR_OFFICER = "hr_target_mgmt.group_hr_target_mgmt_hr_officer"
GROUP_FINANCE = "hr_target_mgmt.group_hr_target_mgmt_finance"
# The only fields a client writes on a department line (finance and HR set
# the ratio while the plan is a draft); the rest is set by the server.
CLIENT_FIELDS = frozenset({"ratio", "note"})


class HrBonusDepartment(models.Model):
    """A department's part of the pool; its manager adjusts and submits the
    shares of its employees."""

    _name = "hr.bonus.department"
    _description = "Profit-Sharing Department"
    _inherit = ["hr.team.scope.mixin"]
    _order = "plan_id, department_id"
    _check_company_auto = True

    plan_id = fields.Many2one(
        "hr.bonus.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")
    fiscal_year = fields.Integer(related="plan_id.fiscal_year", aggregator=None)
    plan_state = fields.Selection(related="plan_id.state", string="Plan State")
    department_id = fields.Many2one(
        "hr.department",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
    )
    ratio = fields.Float(default=1.0, help="Ratio of the department in the pool.")
    amount = fields.Monetary(readonly=True, help="The department's part of the pool.")
    amount_allocated = fields.Monetary(
        string="Allocated", compute="_compute_amount_allocated"
    )
    manager_user_id = fields.Many2one(
        "res.users",
        string="Manager",
        compute="_compute_manager_user_id",
        store=True,
        help="The department's manager, who adjusts and submits its shares.",
    )
    state = fields.Selection(
        [("draft", "To Submit"), ("submitted", "Submitted")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
    )
    share_ids = fields.One2many(
        "hr.bonus.share", "department_line_id", string="Shares", copy=False
    )
    note = fields.Text()

    _sql_constraints = [
        (
            "plan_department_unique",
            "UNIQUE(plan_id, department_id)",
            "A department appears once in a profit-sharing plan.",
        ),
    ]

    @api.depends("department_id.manager_id.user_id")
    def _compute_manager_user_id(self):
        for line in self:
            line.manager_user_id = line.department_id.manager_id.user_id

    @api.depends("share_ids.amount")
    def _compute_amount_allocated(self):
        for line in self:
            line.amount_allocated = sum(line.share_ids.mapped("amount"))

    @api.depends("plan_id", "department_id")
    def _compute_display_name(self):
        for line in self:
            line.display_name = " / ".join(
                part for part in (line.plan_id.name, line.department_id.name) if part
            )

    @api.constrains("ratio")
    def _check_ratio(self):
        for line in self:
            if not line.ratio > 0:
                raise ValidationError(
                    _(
                        "%(line)s: the department's ratio must be greater than zero.",
                        line=line.display_name,
                    )
                )

    @api.model
    def _team_scope_domain(self):
        return [("department_id.is_in_my_team", "=", True)]

    # ------------------------------------------------------------------
    # Client writes
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                forbidden = set(vals) - CLIENT_FIELDS - {"plan_id", "department_id"}
                if forbidden:
                    raise AccessError(self._forbidden_message(forbidden))
        lines = super().create(vals_list)
        if not self.env.su:
            lines._check_plan_draft()
        return lines

    def write(self, vals):
        if not self.env.su:
            fnames = set(vals)
            if "share_ids" in vals:
                # the department form edits its shares in place: only updates
                # (and links) of existing shares, each checked by the share
                if any(
                    not isinstance(command, list | tuple)
                    or command[0] not in (Command.UPDATE, Command.LINK)
                    for command in vals["share_ids"]
                ):
                    raise AccessError(self._forbidden_message({"share_ids"}))
                fnames.discard("share_ids")
            forbidden = fnames - CLIENT_FIELDS
            if forbidden:
                raise AccessError(self._forbidden_message(forbidden))
            if fnames:
                self._check_plan_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self._check_plan_draft()

    def _forbidden_message(self, fnames):
        return _(
            "Profit-sharing departments: %(fields)s are set by the plan's "
            "computation and workflow; only the ratio and the note can be "
            "changed.",
            fields=", ".join(
                sorted(
                    self._fields[name]._description_string(self.env)
                    if name in self._fields
                    else name
                    for name in fnames
                )
            ),
        )

    def _check_plan_draft(self):
        for line in self:
            if line.plan_id.state not in ("draft", "no_sharing"):
                raise UserError(
                    _(
                        "%(line)s: the departments and their ratios can only be "
                        "changed while the plan is a draft.",
                        line=line.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Checking and submitting the shares
    # ------------------------------------------------------------------
    def _people(self):
        self.ensure_one()
        return [share._as_person() for share in self.sudo().share_ids]

    def _check_shares(self):
        """Refuse, with the rule and the employees, shares breaking the rules."""
        for line in self:
            plan = line.plan_id.sudo()
            rounding = plan.currency_id.rounding or 0.01
            shares = {
                share.employee_id.id: Decimal(str(share.amount))
                for share in line.sudo().share_ids
            }
            try:
                violations = allocation.check_plan(
                    line.amount,
                    line._people(),
                    shares,
                    plan.company_id._bonus_allocation_params(),
                    rounding,
                )
            except AllocationError as error:
                raise UserError(
                    plan._allocation_error_message(error, line.department_id)
                ) from error
            if violations:
                messages = []
                for violation in violations:
                    if violation.rule == "sum":
                        messages.append(
                            _(
                                "%(where)s: the shares add up to %(total)s "
                                "instead of the department's %(amount)s.",
                                where=line.department_id.display_name,
                                total=format(violation.params["total"], ",.2f"),
                                amount=format(violation.params["amount"], ",.2f"),
                            )
                        )
                        continue
                    error = AllocationError(
                        violation.rule, violation.employee_ids, **violation.params
                    )
                    messages.append(
                        plan._allocation_error_message(error, line.department_id)
                    )
                raise UserError("\n".join(messages))

    def _check_can_submit(self):
        user = self.env.user
        if not self.env.su and not user.has_group(GROUP_MANAGER):
            raise AccessError(
                _(
                    "%(lines)s: only the department's manager or HR submit its shares.",
                    lines=", ".join(self.mapped("display_name")),
                )
            )
        self.check_access("write")

    def action_submit(self):
        """The department's manager submits the shares of the department."""
        self._check_can_submit()
        for line in self:
            if line.plan_id.state != "computed" or line.state != "draft":
                raise UserError(
                    _(
                        "%(line)s: the shares can only be submitted once, while "
                        "the plan is computed.",
                        line=line.display_name,
                    )
                )
        self._check_shares()
        self.sudo().write({"state": "submitted"})
        for line in self:
            # the manager's step activity on the plan is done
            if line.manager_user_id:
                line.plan_id.sudo().activity_feedback(
                    [ACTIVITY_STEP, ACTIVITY_LATE], user_id=line.manager_user_id.id
                )
            # managers read the plan only: the server posts in their name
            line.plan_id.sudo().message_post(
                body=_(
                    "%(department)s submitted its shares.",
                    department=line.department_id.display_name,
                ),
                author_id=self.env.user.partner_id.id,
            )
        self.plan_id._submit_if_complete()
        return True

    def action_reallocate(self):
        """Compute the department's shares again with the engine, from the
        current outstanding flags (the manager's adjustments are replaced)."""
        self._check_can_submit()
        for line in self:
            if line.plan_id.state != "computed" or line.state != "draft":
                raise UserError(
                    _(
                        "%(line)s: the shares can only be recomputed while the "
                        "plan is computed and the department has not submitted.",
                        line=line.display_name,
                    )
                )
            plan = line.plan_id.sudo()
            shares = line.sudo().share_ids
            try:
                result = allocation.allocate(
                    line.amount,
                    line._people(),
                    plan.company_id._bonus_allocation_params(),
                    plan.currency_id.rounding or 0.01,
                )
            except AllocationError as error:
                raise UserError(
                    plan._allocation_error_message(error, line.department_id)
                ) from error
            for share in shares:
                amount = float(result.shares[share.employee_id.id])
                share.write(
                    {
                        "amount_proposed": amount,
                        "amount_adjusted": amount,
                        "rule": result.rules[share.employee_id.id],
                    }
                )
        return True

    def action_reopen(self):
        """HR, finance or the principal send a submitted department back to
        its manager (the plan goes back to computed)."""
        user = self.env.user
        if not self.env.su and not (
            user.has_group(GROUP_FINANCE) or user.has_group(GROUP_HR_OFFICER)
        ):
            raise AccessError(
                _(
                    "%(lines)s: only HR, finance or the principal may send a "
                    "department back to its manager.",
                    lines=", ".join(self.mapped("display_name")),
                )
            )
        self.check_access("write")
        for line in self:
            if line.state != "submitted" or line.plan_id.state not in (
                "computed",
                "submitted",
            ):
                raise UserError(
                    _(
                        "%(line)s can only be sent back while it is submitted "
                        "and the plan is not approved.",
                        line=line.display_name,
                    )
                )
        self.sudo().write({"state": "draft"})
        self.plan_id.filtered(lambda p: p.state == "submitted").sudo().write(
            {"state": "computed"}
        )
        return True
