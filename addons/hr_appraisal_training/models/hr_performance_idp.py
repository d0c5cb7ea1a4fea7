# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.hr_target_mgmt.models.hr_approval_mixin import ApprovalStep

GROUP_MANAGER = "hr_target_mgmt.group_hr_target_mgmt_manager"
GROUP_HR_OFFICER = "hr_target_mgmt.group_hr_target_mgmt_hr_officer"

#: Fields the manager of the team (or HR) writes on a plan.
MANAGER_FIELDS = {
    "name",
    "employee_id",
    "review_id",
    "company_id",
    "date_from",
    "date_to",
    "coaching_note",
    "goal_ids",
}


class HrPerformanceIdp(models.Model):
    """An improvement plan (个人发展计划, IDP): short action goals with their
    owners and due dates, and the manager's coaching follow-up. Each open
    goal is an activity of its owner on its due date."""

    _name = "hr.performance.idp"
    _description = "Improvement Plan"
    _inherit = ["hr.approval.mixin", "hr.team.scope.mixin"]
    _order = "date_from desc, id desc"

    name = fields.Char(required=True, tracking=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True
    )
    employee_user_id = fields.Many2one(
        "res.users",
        string="Employee User",
        related="employee_id.user_id",
        store=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    review_id = fields.Many2one(
        "hr.performance.review",
        string="Appraisal",
        index=True,
        ondelete="set null",
        help="The appraisal the plan follows up.",
    )
    manager_user_id = fields.Many2one(
        "res.users",
        string="Coach",
        compute="_compute_manager_user_id",
        store=True,
        precompute=True,
        help="The employee's manager, else their department's manager.",
    )
    date_from = fields.Date(
        string="Start", required=True, default=fields.Date.context_today
    )
    date_to = fields.Date(string="End")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "In Progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    coaching_note = fields.Html(
        string="Coaching Notes",
        help="The manager's coaching follow-up, shared with the employee.",
    )
    goal_ids = fields.One2many("hr.performance.idp.goal", "idp_id", string="Goals")
    goal_count = fields.Integer(compute="_compute_goal_progress")
    goal_done_count = fields.Integer(compute="_compute_goal_progress")
    progress = fields.Float(compute="_compute_goal_progress", string="Progress (%)")

    @api.depends("employee_id")
    def _compute_manager_user_id(self):
        for idp in self:
            employee = idp.employee_id.sudo()
            manager = employee.parent_id.user_id
            if not manager or manager == employee.user_id:
                manager = employee.department_id.manager_id.user_id
            if manager == employee.user_id:
                manager = employee.department_id.parent_id.manager_id.user_id
            idp.manager_user_id = manager

    @api.depends("goal_ids.status")
    def _compute_goal_progress(self):
        for idp in self:
            goals = idp.goal_ids.filtered(lambda g: g.status != "cancelled")
            done = goals.filtered(lambda g: g.status == "done")
            idp.goal_count = len(goals)
            idp.goal_done_count = len(done)
            idp.progress = 100.0 * len(done) / len(goals) if goals else 0.0

    @api.model
    def _team_scope_domain(self):
        return self._team_employee_domain("employee_id")

    @api.constrains("employee_id", "company_id", "review_id", "date_from", "date_to")
    def _check_employee(self):
        for idp in self:
            if idp.employee_id.sudo().company_id != idp.company_id:
                raise UserError(
                    _(
                        "Improvement plan %(idp)s: %(employee)s belongs to "
                        "another company.",
                        idp=idp.name,
                        employee=idp.employee_id.sudo().name,
                    )
                )
            if idp.review_id and idp.review_id.sudo().employee_id != idp.employee_id:
                raise UserError(
                    _(
                        "Improvement plan %(idp)s: the appraisal is not "
                        "%(employee)s's.",
                        idp=idp.name,
                        employee=idp.employee_id.sudo().name,
                    )
                )
            if idp.date_to and idp.date_to < idp.date_from:
                raise UserError(
                    _(
                        "Improvement plan %(idp)s ends before it starts.",
                        idp=idp.name,
                    )
                )

    # ------------------------------------------------------------------
    # Who writes what
    # ------------------------------------------------------------------
    def _is_manager_of(self):
        self.ensure_one()
        if self.env.su:
            return True
        if self.employee_id.sudo().user_id == self.env.user:
            return False
        return self.env.user.has_group(GROUP_HR_OFFICER) or self.is_in_my_team

    def _check_manager(self):
        for idp in self:
            if not idp._is_manager_of():
                raise AccessError(
                    _(
                        "Improvement plan %(idp)s: only the employee's manager "
                        "or HR can do this.",
                        idp=idp.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self.check_access("create")
            for vals in vals_list:
                forbidden = (
                    set(vals)
                    - MANAGER_FIELDS
                    - self._approval_mail_fields()
                    - self._approval_protected_fields()
                )
                if forbidden:
                    raise AccessError(self._forbidden_message(forbidden))
        idps = super().create(vals_list)
        if not self.env.su:
            idps._check_manager()
            idps._check_team_scope()
        return idps

    def write(self, vals):
        if not self.env.su:
            fnames = set(vals) - self._approval_mail_fields()
            # goals check their own writer
            if fnames - {"goal_ids"}:
                self._check_manager()
                forbidden = fnames - MANAGER_FIELDS - self._approval_protected_fields()
                if forbidden:
                    raise AccessError(self._forbidden_message(forbidden))
        result = super().write(vals)
        if not self.env.su and "employee_id" in vals:
            self._check_manager()
            self._check_team_scope()
        return result

    def _forbidden_message(self, fnames):
        return _(
            "Improvement plans: %(fields)s cannot be written by you now.",
            fields=", ".join(
                sorted(
                    self._fields[name]._description_string(self.env)
                    if name in self._fields
                    else name
                    for name in fnames
                )
            ),
        )

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _approval_steps(self):
        return [
            ApprovalStep("draft", "active", GROUP_MANAGER, _("Start")),
            ApprovalStep("active", "done", GROUP_MANAGER, _("Mark as Done")),
        ]

    def _approval_extra_locked_states(self):
        return ("cancelled",)

    def _approval_unlocked_fields(self):
        # the coach keeps writing notes once the plan is done
        return super()._approval_unlocked_fields() | {"coaching_note"}

    def action_start(self):
        self._check_manager()
        if any(not idp.goal_ids for idp in self):
            raise UserError(
                _("Give the improvement plan at least one goal before starting it.")
            )
        result = self._approval_advance("draft")
        self.goal_ids._sync_activities()
        return result

    def action_done(self):
        self._check_manager()
        result = self._approval_advance("active")
        self.goal_ids._sync_activities()
        return result

    def action_cancel(self):
        self._check_manager()
        result = self._approval_move(
            "cancelled", ("draft", "active"), GROUP_MANAGER, _("Cancel")
        )
        self.goal_ids._sync_activities()
        return result
