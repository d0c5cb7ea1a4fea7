# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.hr_target_mgmt.models.hr_approval_mixin import ApprovalStep

GROUP_EMPLOYEE = "hr_target_mgmt.group_hr_target_mgmt_employee"
GROUP_MANAGER = "hr_target_mgmt.group_hr_target_mgmt_manager"
GROUP_HR_OFFICER = "hr_target_mgmt.group_hr_target_mgmt_hr_officer"

#: Fields an employee gives on their own request, while it is new.
EMPLOYEE_FIELDS = {
    "name",
    "category",
    "urgency",
    "reason",
    "skill_id",
    "date_deadline",
    "note",
}
#: Fields a manager (of the team) or an HR officer also gives.
MANAGER_FIELDS = EMPLOYEE_FIELDS | {
    "employee_ids",
    "department_id",
    "source",
    "company_id",
}
#: Sources a client may choose; *appraisal* is set by the server from a review.
CLIENT_SOURCES = {"employee", "manager", "customer", "strategy"}


class HrTrainingNeed(models.Model):
    """A training need (培训需求): who needs to learn what, why and how soon.

    Needs come from employees, managers, customer feedback or complaints,
    appraisal weaknesses and strategy or new technology. Their status moves
    through the buttons only (new → approved → planned → covered, or
    cancelled); training plans and sessions pick up approved needs."""

    _name = "hr.training.need"
    _description = "Training Need"
    _inherit = ["hr.approval.mixin", "hr.team.scope.mixin"]
    _order = "state_sequence, urgency_sequence, id desc"

    name = fields.Char(string="Topic", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        "hr_training_need_employee_rel",
        "need_id",
        "employee_id",
        string="Employees",
        default=lambda self: self._default_employee_ids(),
        tracking=True,
        help="The employees who need the training; leave empty for a need of "
        "a whole department.",
    )
    department_id = fields.Many2one(
        "hr.department",
        index=True,
        tracking=True,
        help="A need of a whole department (or the department of the employees).",
    )
    skill_id = fields.Many2one("hr.skill", help="The skill the training should build.")
    category = fields.Selection(
        [
            ("general", "General"),
            ("professional", "Professional"),
            ("management", "Management"),
            ("frontier", "Frontier"),
        ],
        required=True,
        default="professional",
        tracking=True,
        help="General: culture, rules, communication, service attitude. "
        "Professional: product knowledge, diagnosis and repair, service "
        "process. Management: team and project management. Frontier: "
        "industry trends and new technology.",
    )
    urgency = fields.Selection(
        [("low", "Low"), ("normal", "Normal"), ("high", "High")],
        required=True,
        default="normal",
        tracking=True,
    )
    urgency_sequence = fields.Integer(
        compute="_compute_sequences", store=True, precompute=True
    )
    reason = fields.Text(help="Why the training is needed.")
    note = fields.Html()
    date_deadline = fields.Date(string="Needed By")
    source = fields.Selection(
        [
            ("employee", "Employee Request"),
            ("manager", "Manager"),
            ("customer", "Customer Feedback or Complaint"),
            ("appraisal", "Appraisal Weakness"),
            ("strategy", "Strategy or New Technology"),
        ],
        required=True,
        default=lambda self: self._default_source(),
        tracking=True,
    )
    review_id = fields.Many2one(
        "hr.performance.review",
        string="Appraisal",
        readonly=True,
        index=True,
        ondelete="set null",
        help="The appraisal whose weakness this need comes from.",
    )
    requested_by = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        readonly=True,
        index=True,
    )
    approver_user_id = fields.Many2one(
        "res.users",
        string="Approver",
        compute="_compute_approver_user_id",
        help="The manager of the employees' (or the need's) department.",
    )
    state = fields.Selection(
        [
            ("new", "New"),
            ("approved", "Approved"),
            ("planned", "Planned"),
            ("covered", "Covered"),
            ("cancelled", "Cancelled"),
        ],
        default="new",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        group_expand=True,
    )
    state_sequence = fields.Integer(
        compute="_compute_sequences", store=True, precompute=True
    )
    employee_count = fields.Integer(
        string="Headcount", compute="_compute_employee_count", store=True
    )

    @api.model
    def _default_employee_ids(self):
        employee = self.env.user.employee_id
        if employee and not self.env.user.has_group(GROUP_MANAGER):
            return employee
        return self.env["hr.employee"]

    @api.model
    def _default_source(self):
        return "manager" if self.env.user.has_group(GROUP_MANAGER) else "employee"

    @api.depends("state", "urgency")
    def _compute_sequences(self):
        states = [key for key, __ in self._fields["state"].selection]
        urgencies = ["high", "normal", "low"]
        for need in self:
            need.state_sequence = states.index(need.state) if need.state else 0
            need.urgency_sequence = urgencies.index(need.urgency) if need.urgency else 1

    @api.depends("employee_ids")
    def _compute_employee_count(self):
        for need in self:
            need.employee_count = len(need.employee_ids)

    @api.depends("employee_ids", "department_id")
    def _compute_approver_user_id(self):
        for need in self:
            employees = need.employee_ids.sudo()
            department = need.department_id.sudo() or employees[:1].department_id
            manager = department.manager_id.user_id
            if not manager or manager in employees.user_id:
                manager = employees[:1].parent_id.user_id
            need.approver_user_id = manager

    @api.model
    def _team_scope_domain(self):
        return [
            "|",
            ("department_id", "in", self._team_managed_department_ids()),
            ("employee_ids", "any", self._team_employee_domain("id")),
        ]

    @api.constrains("employee_ids", "department_id", "company_id")
    def _check_employees(self):
        for need in self:
            if not need.employee_ids and not need.department_id:
                raise ValidationError(
                    _(
                        "Training need %(need)s: name the employees or the "
                        "department who need the training.",
                        need=need.name,
                    )
                )
            others = (
                need.employee_ids.sudo()
                .filtered(lambda e, c=need.company_id: e.company_id != c)
                .mapped("name")
            )
            department = need.department_id.sudo()
            if department.company_id and department.company_id != need.company_id:
                others.append(department.name)
            if others:
                raise ValidationError(
                    _(
                        "Training need %(need)s: %(names)s belong to another company.",
                        need=need.name,
                        names=", ".join(others),
                    )
                )

    @api.constrains("source", "review_id")
    def _check_source(self):
        for need in self:
            if bool(need.review_id) != (need.source == "appraisal"):
                raise ValidationError(
                    _(
                        "Training need %(need)s: the source “appraisal weakness” "
                        "goes with the appraisal it comes from.",
                        need=need.name,
                    )
                )

    # ------------------------------------------------------------------
    # Who may do what
    # ------------------------------------------------------------------
    def _is_manager_of(self):
        """The user manages this need: HR officer, or the employees or the
        department are in the user's team."""
        self.ensure_one()
        if self.env.su or self.env.user.has_group(GROUP_HR_OFFICER):
            return True
        return self.is_in_my_team

    def _check_team_scope(self):
        """Besides the record rules: a manager lists only employees of their
        team (an employee only themselves)."""
        super()._check_team_scope()
        if self.env.su or self.env.user.has_group(GROUP_HR_OFFICER):
            return
        Employee = self.env["hr.employee"].sudo()
        team = Employee.search(
            [("id", "in", self.employee_ids.ids), *self._team_employee_domain("id")]
        )
        departments = set(self._team_managed_department_ids())
        for need in self:
            outside = need.sudo().employee_ids - team - self.env.user.employee_id
            names = outside.mapped("name")
            if need.department_id and need.department_id.id not in departments:
                names.append(need.department_id.sudo().name)
            if names:
                raise AccessError(
                    _(
                        "Training need %(need)s: %(names)s are not in your team.",
                        need=need.name,
                        names=", ".join(names),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self.check_access("create")
            manager = self.env.user.has_group(GROUP_MANAGER)
            own = self.env.user.employee_id
            for vals in vals_list:
                allowed = (MANAGER_FIELDS if manager else EMPLOYEE_FIELDS) | {
                    "employee_ids",
                    "source",
                    "company_id",
                }
                forbidden = (
                    set(vals)
                    - allowed
                    - self._approval_mail_fields()
                    - self._approval_protected_fields()
                )
                if forbidden:
                    raise AccessError(self._forbidden_message(forbidden))
                if vals.get("source") and vals["source"] not in CLIENT_SOURCES:
                    raise AccessError(
                        _(
                            "Training needs from an appraisal are created from "
                            "the appraisal."
                        )
                    )
                if not manager:
                    employees = self.new(
                        {"employee_ids": vals.get("employee_ids", [])}
                    ).employee_ids
                    if vals.get("source", "employee") != "employee" or (
                        "employee_ids" in vals and employees._origin != own or not own
                    ):
                        raise AccessError(
                            _("Employees request training for themselves only.")
                        )
        needs = super().create(vals_list)
        needs._check_team_scope()
        needs.sudo().filtered(lambda n: n.state == "new")._approval_schedule_activities(
            fields.Date.context_today(self)
        )
        return needs

    def write(self, vals):
        if not self.env.su:
            fnames = set(vals) - self._approval_mail_fields()
            for need in self:
                if need._is_manager_of():
                    allowed = (
                        MANAGER_FIELDS if need.state in ("new", "approved") else {}
                    )
                else:
                    allowed = (
                        EMPLOYEE_FIELDS
                        if need.state == "new" and need.requested_by == self.env.user
                        else {}
                    )
                forbidden = fnames - set(allowed) - self._approval_protected_fields()
                if forbidden:
                    raise AccessError(need._forbidden_message(forbidden))
            if vals.get("source") and vals["source"] not in CLIENT_SOURCES:
                raise AccessError(
                    _(
                        "Training needs from an appraisal are created from "
                        "the appraisal."
                    )
                )
        result = super().write(vals)
        if not self.env.su and {"employee_ids", "department_id"} & set(vals):
            self._check_team_scope()
        return result

    def _forbidden_message(self, fnames):
        return _(
            "Training need %(need)s: %(fields)s cannot be written by you now.",
            need=self.name or "",
            fields=", ".join(
                sorted(
                    self._fields[name]._description_string(self.env)
                    if name in self._fields
                    else name
                    for name in fnames
                )
            ),
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_if_new(self):
        for need in self:
            if need.state not in ("new", "cancelled") and not self.env.su:
                raise UserError(
                    _(
                        "Training need %(need)s is %(state)s: cancel it instead "
                        "of deleting it.",
                        need=need.name,
                        state=need._approval_state_label(),
                    )
                )

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _approval_steps(self):
        return [
            ApprovalStep(
                "new",
                "approved",
                GROUP_MANAGER,
                _("Approve"),
                None,
                "approver_user_id",
                _("Review the training need"),
            ),
            ApprovalStep(
                "approved",
                "planned",
                GROUP_HR_OFFICER,
                _("Mark as Planned"),
                None,
                None,
                _("Plan the approved training need"),
            ),
            ApprovalStep(
                "planned",
                "covered",
                GROUP_HR_OFFICER,
                _("Mark as Covered"),
            ),
        ]

    def _approval_extra_locked_states(self):
        return ("covered", "cancelled")

    def _approval_protected_fields(self):
        return super()._approval_protected_fields() | {"review_id", "requested_by"}

    def _check_manager(self):
        for need in self:
            if not need._is_manager_of():
                raise AccessError(
                    _(
                        "Training need %(need)s: only the employees' manager or "
                        "HR can do this.",
                        need=need.name,
                    )
                )

    def action_approve(self):
        self._check_manager()
        return self._approval_advance("new")

    def action_plan(self):
        return self._approval_advance("approved")

    def action_cover(self):
        return self._approval_advance("planned")

    def action_cancel(self):
        """Managers and HR cancel a need not yet covered; an employee
        withdraws their own new request."""
        for need in self:
            if not need._is_manager_of() and (
                need.state != "new" or need.requested_by != self.env.user
            ):
                raise AccessError(
                    _(
                        "Training need %(need)s: you may only withdraw your "
                        "own new request.",
                        need=need.name,
                    )
                )
        return self._approval_move(
            "cancelled",
            ("new", "approved", "planned"),
            GROUP_EMPLOYEE,
            _("Cancel"),
        )

    def action_reset(self):
        self._check_manager()
        return self._approval_move("new", ("cancelled",), GROUP_MANAGER, _("Reset"))

    def _mark_planned(self):
        """Server: the needs are taken up by a training plan."""
        return self.sudo()._approval_move(
            "planned", ("new", "approved"), GROUP_HR_OFFICER, _("Mark as Planned")
        )

    def _mark_covered(self):
        """Server: a training session covered the needs."""
        return self.sudo()._approval_move(
            "covered",
            ("new", "approved", "planned"),
            GROUP_HR_OFFICER,
            _("Mark as Covered"),
        )
