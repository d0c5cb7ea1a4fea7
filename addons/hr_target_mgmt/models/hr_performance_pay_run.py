# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import calendar
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .hr_approval_mixin import ApprovalStep

GROUP_MANAGER = "hr_target_mgmt.group_hr_target_mgmt_manager"
GROUP_FINANCE = "hr_target_mgmt.group_hr_target_mgmt_finance"
GROUP_PRINCIPAL = "hr_target_mgmt.group_hr_target_mgmt_principal"


def _month_day(month_start, day):
    """``day`` of the month starting at ``month_start``, clamped to its end."""
    last = calendar.monthrange(month_start.year, month_start.month)[1]
    return month_start.replace(day=min(day, last))


class HrPerformancePayRun(models.Model):
    """The monthly performance-pay run (每月流程) of a department or of a
    supervisor's team: one line per person and the supervisors' team rewards,
    reported by the supervisor, verified by finance, submitted as the
    distribution table (业务奖金分配表), approved by the principal, paid
    through payroll."""

    _name = "hr.performance.pay.run"
    _description = "Monthly Performance-Pay Run"
    _inherit = ["hr.approval.mixin", "hr.team.scope.mixin"]
    _order = "date_month desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    date_month = fields.Date(
        string="Month Paid",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        tracking=True,
        help="Any day of the month paid; stored as its first day.",
    )
    month_label = fields.Char(
        string="Month",
        compute="_compute_name",
        store=True,
        help="The month paid, as year-month (2026-09).",
    )
    team_name = fields.Char(
        string="Department / Team",
        compute="_compute_name",
        store=True,
        help="The department of the run, or the supervisor whose team it pays.",
    )
    date_from = fields.Date(compute="_compute_dates", store=True)
    date_to = fields.Date(compute="_compute_dates", store=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    department_id = fields.Many2one(
        "hr.department",
        index=True,
        tracking=True,
        check_company=True,
    )
    supervisor_id = fields.Many2one(
        "hr.employee",
        string="Supervisor (Team)",
        index=True,
        tracking=True,
        check_company=True,
        help="Run of a market supervisor's team: the supervisor and the "
        "employees reporting to them.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        compute="_compute_user_id",
        store=True,
        index=True,
        tracking=True,
        help="Supervisor who reports the results and submits the distribution "
        "table: the team's supervisor, or the department's manager.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("reported", "Reported"),
            ("verified", "Verified"),
            ("submitted", "Distribution Submitted"),
            ("approved", "Approved"),
            ("paid", "Paid"),
        ],
        required=True,
        default="draft",
        readonly=True,
        tracking=True,
        copy=False,
        index=True,
    )
    date_report_deadline = fields.Date(
        string="Report By", compute="_compute_deadlines", store=True
    )
    date_verify_deadline = fields.Date(
        string="Verify By", compute="_compute_deadlines", store=True
    )
    date_submit_deadline = fields.Date(
        string="Submit By", compute="_compute_deadlines", store=True
    )
    date_approve_deadline = fields.Date(
        string="Approve By", compute="_compute_deadlines", store=True
    )
    date_pay = fields.Date(string="Pay Day", compute="_compute_deadlines", store=True)
    line_ids = fields.One2many(
        "hr.performance.pay.line", "run_id", string="Lines", copy=False
    )
    amount_total = fields.Monetary(
        string="Total",
        compute="_compute_amount_total",
        store=True,
        groups="hr_target_mgmt.group_hr_target_mgmt_manager,"
        "hr_target_mgmt.group_hr_target_mgmt_finance",
        help="Sum of the run's lines (supervisors, HR and finance only: an "
        "employee sees their own lines, never the run's total).",
    )
    note = fields.Html()

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------
    @api.depends("date_month", "department_id", "supervisor_id")
    def _compute_name(self):
        for run in self:
            team = run.department_id.name or run.supervisor_id.name or ""
            month = run.date_month and run.date_month.strftime("%Y-%m") or ""
            run.month_label = month
            run.team_name = team
            run.name = " ".join(part for part in (month, team) if part)

    @api.depends("date_month")
    def _compute_dates(self):
        for run in self:
            if run.date_month:
                run.date_from = run.date_month.replace(day=1)
                run.date_to = run.date_from + relativedelta(months=1, days=-1)
            else:
                run.date_from = run.date_to = False

    @api.depends("supervisor_id.user_id", "department_id.manager_id.user_id")
    def _compute_user_id(self):
        for run in self:
            run.user_id = (
                run.supervisor_id.user_id or run.department_id.manager_id.user_id
            )

    @api.depends(
        "date_month",
        "company_id.performance_report_day",
        "company_id.performance_verify_day",
        "company_id.performance_submit_day",
        "company_id.performance_approve_day",
        "company_id.performance_pay_day",
    )
    def _compute_deadlines(self):
        for run in self:
            if not run.date_month:
                run.update(
                    dict.fromkeys(
                        [
                            "date_report_deadline",
                            "date_verify_deadline",
                            "date_submit_deadline",
                            "date_approve_deadline",
                            "date_pay",
                        ],
                        False,
                    )
                )
                continue
            following = run.date_month.replace(day=1) + relativedelta(months=1)
            company = run.company_id
            run.date_report_deadline = _month_day(
                following, company.performance_report_day
            )
            run.date_verify_deadline = _month_day(
                following, company.performance_verify_day
            )
            run.date_submit_deadline = _month_day(
                following, company.performance_submit_day
            )
            run.date_approve_deadline = _month_day(
                following, company.performance_approve_day
            )
            run.date_pay = _month_day(following, company.performance_pay_day)

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        # one query for any number of lines (runs hold thousands)
        saved = self.filtered("id")
        totals = dict(
            self.env["hr.performance.pay.line"]._read_group(
                [("run_id", "in", saved.ids)], ["run_id"], ["amount:sum"]
            )
            if saved.ids
            else []
        )
        for run in self:
            if run.id:
                run.amount_total = totals.get(run, 0.0)
            else:
                run.amount_total = sum(run.line_ids.mapped("amount"))

    @api.constrains("department_id", "supervisor_id", "date_month", "company_id")
    def _check_team(self):
        for run in self:
            if bool(run.department_id) == bool(run.supervisor_id):
                raise ValidationError(
                    _(
                        "Run %(name)s: choose either a department or a "
                        "supervisor's team.",
                        name=run.display_name,
                    )
                )
        duplicates = self.sudo()._read_group(
            [
                ("company_id", "in", self.company_id.ids),
                ("date_from", "in", list(set(self.mapped("date_from")))),
            ],
            ["company_id", "date_from:day", "department_id", "supervisor_id"],
            ["__count"],
        )
        for company, month, department, supervisor, count in duplicates:
            if count > 1:
                raise ValidationError(
                    _(
                        "There is already a performance-pay run of %(team)s for "
                        "%(month)s in %(company)s.",
                        team=department.name or supervisor.name,
                        month=month.strftime("%Y-%m"),
                        company=company.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD: month normalised, approved runs locked
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("date_month"):
                vals["date_month"] = fields.Date.to_date(vals["date_month"]).replace(
                    day=1
                )
        runs = super().create(vals_list)
        runs._check_team_scope()
        return runs

    def write(self, vals):
        team_fields = {"date_month", "department_id", "supervisor_id", "company_id"}
        if team_fields & set(vals):
            for run in self.filtered(lambda r: r.state != "draft"):
                raise UserError(
                    _(
                        "Run %(name)s is %(state)s: its month, team and company "
                        "can only be changed while it is a draft.",
                        name=run.display_name,
                        state=run._approval_state_label(),
                    )
                )
        if vals.get("date_month"):
            vals["date_month"] = fields.Date.to_date(vals["date_month"]).replace(day=1)
        res = super().write(vals)
        if team_fields & set(vals):
            self._check_team_scope()
        return res

    @api.model
    def _team_scope_domain(self):
        """A manager's runs: those of the departments they manage (and
        below), their own team's and their team's supervisors' teams."""
        return [
            "|",
            "|",
            ("department_id.is_in_my_team", "=", True),
            ("supervisor_id.user_id", "=", self.env.uid),
            ("supervisor_id.is_in_my_team", "=", True),
        ]

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        for run in self:
            if run.state != "draft":
                raise UserError(
                    _(
                        "Run %(name)s is %(state)s: only draft runs can be deleted.",
                        name=run.display_name,
                        state=run._approval_state_label(),
                    )
                )

    # ------------------------------------------------------------------
    # Members and lines
    # ------------------------------------------------------------------
    def _prepare_line_values(self):
        """Values of the run's lines (see ``hr.performance.pay.computation``)."""
        self.ensure_one()
        return self.env["hr.performance.pay.computation"]._prepare_line_values(self)

    def action_compute_lines(self):
        """(Re)compute the lines of draft runs from the targets.

        The caller needs the right to write the runs and to create lines
        (checked here: the lines are then written by the server in one
        statement)."""
        for run in self:
            if run.state != "draft":
                raise UserError(
                    _(
                        "Run %(name)s: lines can only be computed while the run "
                        "is a draft.",
                        name=run.display_name,
                    )
                )
        self.check_access("write")
        Line = self.env["hr.performance.pay.line"]
        Line.check_access("create")
        self.line_ids.check_access("unlink")
        self.env["hr.performance.pay.computation"]._check_periods(self)
        vals_list = []
        for run in self:
            run_vals = run._prepare_line_values()
            if not run_vals:
                raise UserError(
                    _(
                        "Run %(name)s: no employee of this team has a target "
                        "counting for performance pay, nor a team target, in "
                        "%(month)s. Set their targets, then compute again.",
                        name=run.display_name,
                        month=run.date_from.strftime("%Y-%m"),
                    )
                )
            vals_list += run_vals
        self.line_ids.sudo().unlink()
        Line.sudo()._insert_lines(self, vals_list)
        return True

    # ------------------------------------------------------------------
    # Workflow (hr.approval.mixin)
    # ------------------------------------------------------------------
    def _approval_steps(self):
        """The monthly schedule: the supervisor reports the results, finance
        verifies them, the supervisor submits the distribution table, the
        principal approves it; then it is locked and paid."""
        return [
            ApprovalStep(
                "draft",
                "reported",
                GROUP_MANAGER,
                _("Report Results"),
                "date_report_deadline",
                "user_id",
                _("Report the month's results"),
                _("The month's results are late: report them now"),
            ),
            ApprovalStep(
                "reported",
                "verified",
                GROUP_FINANCE,
                _("Verify"),
                "date_verify_deadline",
                None,
                _("Verify the reported results"),
                _("The verification of the results is late: verify them now"),
            ),
            ApprovalStep(
                "verified",
                "submitted",
                GROUP_MANAGER,
                _("Submit Distribution"),
                "date_submit_deadline",
                "user_id",
                _("Submit the distribution table"),
                _("The distribution table is late: submit it now"),
            ),
            ApprovalStep(
                "submitted",
                "approved",
                GROUP_PRINCIPAL,
                _("Approve"),
                "date_approve_deadline",
                None,
                _("Approve the distribution table"),
                _("The approval of the distribution table is late: approve it now"),
                lock_after=True,
            ),
        ]

    def _approval_extra_locked_states(self):
        return ("paid",)

    def action_report(self):
        self._approval_check_state(("draft",), _("Report Results"))
        self.env["hr.performance.pay.computation"]._check_periods(self, require=False)
        for run in self:
            if not run.line_ids:
                raise UserError(
                    _(
                        "Run %(name)s has no line: compute the lines before reporting.",
                        name=run.display_name,
                    )
                )
        return self._approval_advance("draft")

    def action_verify(self):
        return self._approval_advance("reported")

    def action_submit(self):
        return self._approval_advance("verified")

    def action_approve(self):
        return self._approval_advance("submitted")

    def action_mark_paid(self):
        """Finance records the run as paid by hand (no payroll engine, or paid
        outside payroll): its lines count as paid, so that a payroll bridge
        never pays them a second time."""
        label = _("Mark as Paid")
        self._approval_check_group(GROUP_FINANCE, label)
        self._approval_check_state(("approved",), label)
        self.check_access("write")
        self.env["hr.performance.pay.line"].sudo()._payable_mark_paid(self.line_ids.ids)
        return self._approval_move("paid", ("approved",), GROUP_FINANCE, label)

    def action_reset_draft(self):
        """Send a reported, verified or submitted run back to the supervisor."""
        return self._approval_move(
            "draft",
            ("reported", "verified", "submitted"),
            GROUP_MANAGER,
            _("Reset to Draft"),
        )

    def action_open_send_back(self):
        """Finance: the dialog asking why the reported runs go back."""
        self._approval_check_group(GROUP_FINANCE, _("Send Back"))
        self._approval_check_state(("reported",), _("Send Back"))
        return {
            "type": "ir.actions.act_window",
            "name": _("Send Back to the Supervisor"),
            "res_model": "hr.performance.pay.run.send.back",
            "view_mode": "form",
            "target": "new",
            "context": {"default_run_ids": self.ids},
        }

    def action_send_back(self, reason):
        """Finance sends reported runs back to their supervisor (draft) with
        a required ``reason``: tracked in the chatter, an activity carrying
        the reason goes to the supervisor."""
        return self._approval_send_back(
            "draft", ("reported",), GROUP_FINANCE, _("Send Back"), reason
        )

    def action_export_distribution(self):
        """Download the distribution table (业务奖金分配表) as XLSX, served by
        the controller after its own access check (no attachment is kept)."""
        self.ensure_one()
        self._check_distribution_access()
        return {
            "type": "ir.actions.act_url",
            "url": f"/hr_target_mgmt/distribution/{self.id}",
            "target": "self",
        }

    def _check_distribution_access(self):
        """Supervisors (their team's runs), HR and finance may read the
        distribution table; employees may not, even of a run holding their
        own line."""
        if not self.env.su and not (
            self.env.user.has_group(GROUP_MANAGER)
            or self.env.user.has_group(GROUP_FINANCE)
        ):
            raise AccessError(
                _(
                    "Run %(name)s: only supervisors, HR and finance may export "
                    "the distribution table.",
                    name=", ".join(self.mapped("display_name")),
                )
            )
        self.check_access("read")
        self.line_ids.check_access("read")

    # ------------------------------------------------------------------
    # The scheduled action
    # ------------------------------------------------------------------
    @api.model
    def _generate_runs(self, month):
        """Create the missing runs of ``month`` for every department with
        field staff (in batch)."""
        month = month.replace(day=1)
        groups = (
            self.env["hr.employee"]
            .sudo()
            ._read_group(
                [
                    ("job_id.performance_basis", "=", "field"),
                    ("department_id", "!=", False),
                ],
                ["department_id", "company_id"],
                ["__count"],
            )
        )
        existing = {
            (run.department_id.id, run.company_id.id)
            for run in self.sudo().search(
                [("date_from", "=", month), ("department_id", "!=", False)]
            )
        }
        vals_list = [
            {
                "date_month": month,
                "department_id": department.id,
                "company_id": company.id,
            }
            for department, company, _count in groups
            if (department.id, company.id) not in existing
        ]
        return self.sudo().create(vals_list)

    @api.model
    def _cron_monthly_runs(self, today=None):
        """Scheduled action: create this month's and next month's runs, then
        post the activities of the steps due and late."""
        today = today or fields.Date.context_today(self)
        if isinstance(today, str):
            today = date.fromisoformat(today)
        month = today.replace(day=1)
        self._generate_runs(month)
        self._generate_runs(month + relativedelta(months=1))
        open_states = [step.state for step in self._approval_steps()]
        runs = self.sudo().search(
            [("state", "in", open_states), ("date_from", "<", today + timedelta(1))]
        )
        runs._approval_schedule_activities(today)
        return True

    @api.model
    def _action_home(self):
        """The first screen of the app (its root menu's server action): the
        runs still needing action for those who run them (supervisors, HR,
        finance), one's own performance pay (target, actual, achievement,
        amount, month by month) for everyone else."""
        user = self.env.user
        if user.has_group("hr_target_mgmt.group_hr_target_mgmt_manager") or (
            user.has_group("hr_target_mgmt.group_hr_target_mgmt_finance")
        ):
            xml_id = "hr_target_mgmt.hr_performance_pay_run_action"
        else:
            xml_id = "hr_target_mgmt.hr_performance_pay_line_action_my"
        return self.env["ir.actions.act_window"]._for_xml_id(xml_id)
