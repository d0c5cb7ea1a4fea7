# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import calendar
import io
from datetime import date, timedelta

import xlsxwriter
from dateutil.relativedelta import relativedelta
from xlsxwriter.utility import xl_col_to_name

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .hr_performance_pay_line import BRIDGE_WRITE

# Workflow step of each open state: (deadline field, responsible role, next
# state, activity summary). The supervisor (manager role) reports the results
# (by default by the 1st of the next month), finance verifies them (by the
# 3rd), the supervisor submits the distribution table (by the 5th), the
# principal approves (by the 6th); the lines are paid on pay day (the 10th).
STEPS = {
    "draft": ("date_report_deadline", "supervisor", "reported"),
    "reported": ("date_verify_deadline", "finance", "verified"),
    "verified": ("date_submit_deadline", "supervisor", "submitted"),
    "submitted": ("date_approve_deadline", "principal", "approved"),
}
LOCKED_STATES = ("approved", "paid")
# Context key of the workflow methods' own writes of the state.
WORKFLOW_WRITE = "hr_performance_pay_workflow"
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
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_month desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    date_month = fields.Date(
        string="Month",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        tracking=True,
        help="Any day of the month paid; stored as its first day.",
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
        readonly=False,
        index=True,
        tracking=True,
        help="Supervisor who reports the results and submits the distribution table.",
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
    date_next_deadline = fields.Date(
        string="Next Deadline", compute="_compute_next_deadline", store=True
    )
    line_ids = fields.One2many(
        "hr.performance.pay.line", "run_id", string="Lines", copy=False
    )
    amount_total = fields.Monetary(
        string="Total", compute="_compute_amount_total", store=True
    )
    reminded_state = fields.Char(copy=False, readonly=True)
    late_reminded_state = fields.Char(copy=False, readonly=True)
    note = fields.Html()

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------
    @api.depends("date_month", "department_id", "supervisor_id")
    def _compute_name(self):
        for run in self:
            team = run.department_id.name or run.supervisor_id.name or ""
            month = run.date_month and run.date_month.strftime("%Y-%m") or ""
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
                run.supervisor_id.user_id
                or run.department_id.manager_id.user_id
                or run.user_id
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

    @api.depends(
        "state",
        "date_report_deadline",
        "date_verify_deadline",
        "date_submit_deadline",
        "date_approve_deadline",
        "date_pay",
    )
    def _compute_next_deadline(self):
        for run in self:
            step = STEPS.get(run.state)
            if step:
                run.date_next_deadline = run[step[0]]
            elif run.state == "approved":
                run.date_next_deadline = run.date_pay
            else:
                run.date_next_deadline = False

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
        return super().create(vals_list)

    def _unlocked_fields(self):
        """Fields that may change on an approved or paid run."""
        return {
            "state",
            "reminded_state",
            "late_reminded_state",
            "note",
        } | {
            name
            for name in self._fields
            if name.startswith(("message_", "activity_", "website_message_"))
        }

    def write(self, vals):
        if set(vals) - self._unlocked_fields():
            self._check_unlocked()
        if (
            "state" in vals
            and not self.env.su
            and not self.env.context.get(WORKFLOW_WRITE)
        ):
            raise AccessError(
                _(
                    "The status of performance-pay runs changes through their "
                    "workflow buttons only."
                )
            )
        if vals.get("date_month"):
            vals["date_month"] = fields.Date.to_date(vals["date_month"]).replace(day=1)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        for run in self:
            if run.state != "draft":
                raise UserError(
                    _(
                        "Run %(name)s is %(state)s: only draft runs can be deleted.",
                        name=run.display_name,
                        state=dict(
                            run._fields["state"]._description_selection(run.env)
                        )[run.state],
                    )
                )

    def _check_unlocked(self):
        for run in self:
            if run.state in LOCKED_STATES:
                raise UserError(
                    _(
                        "Run %(name)s is approved or paid and can no longer be "
                        "changed.",
                        name=run.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Members and lines
    # ------------------------------------------------------------------
    def _get_members(self):
        """Employees of the run (one query): the department's employees, or
        the supervisor and the employees reporting to them."""
        self.ensure_one()
        if self.department_id:
            domain = [("department_id", "=", self.department_id.id)]
        else:
            domain = [
                "|",
                ("id", "=", self.supervisor_id.id),
                ("parent_id", "=", self.supervisor_id.id),
            ]
        return (
            self.env["hr.employee"]
            .sudo()
            .search_fetch(
                domain + [("company_id", "=", self.company_id.id)],
                ["name", "job_id", "department_id"],
            )
        )

    def _check_period_open(self):
        periods = (
            self.env["hr.target.period"]
            .sudo()
            .search(
                [
                    ("company_id", "in", self.company_id.ids),
                    ("state", "=", "closed"),
                    ("date_from", "<=", max(self.mapped("date_to"))),
                    ("date_to", ">=", min(self.mapped("date_from"))),
                    ("period_type", "=", "month"),
                ]
            )
        )
        for run in self:
            closed = periods.filtered(
                lambda p, run=run: (
                    p.company_id == run.company_id
                    and p.date_from <= run.date_to
                    and p.date_to >= run.date_from
                )
            )
            if closed:
                raise UserError(
                    _(
                        "Run %(name)s: period %(period)s is closed; its "
                        "performance pay can no longer be computed.",
                        name=run.display_name,
                        period=closed[0].display_name,
                    )
                )

    def _get_contracts(self, employees):
        """The running contract of each employee over the run's month, in one
        query: ``{employee_id: hr.contract}``. An employee without one, or
        whose contract has no wage, raises a UserError naming them."""
        self.ensure_one()
        contracts = (
            self.env["hr.contract"]
            .sudo()
            .search_fetch(
                [
                    ("employee_id", "in", employees.ids),
                    ("state", "=", "open"),
                    ("date_start", "<=", self.date_to),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", self.date_from),
                ],
                [
                    "employee_id",
                    "wage",
                    "job_id",
                    "department_id",
                    "company_id",
                    "performance_pay_scale_id",
                    "performance_pay_rate",
                ],
                order="date_start desc, id desc",
            )
        )
        by_employee = {}
        for contract in contracts:
            by_employee.setdefault(contract.employee_id.id, contract)
        missing = employees.filtered(lambda e: e.id not in by_employee)
        if missing:
            raise UserError(
                _(
                    "Run %(name)s: no running contract for %(employees)s in %(month)s.",
                    name=self.display_name,
                    employees=", ".join(missing.mapped("name")),
                    month=self.date_from.strftime("%Y-%m"),
                )
            )
        no_wage = employees.filtered(lambda e: by_employee[e.id].wage <= 0)
        if no_wage:
            raise UserError(
                _(
                    "Run %(name)s: the contract of %(employees)s has no wage.",
                    name=self.display_name,
                    employees=", ".join(no_wage.mapped("name")),
                )
            )
        return by_employee

    def _prepare_line_values(self):
        """Values of the run's lines, computed in batch from the targets: a
        constant number of queries whatever the number of employees."""
        self.ensure_one()
        members = self._get_members()
        targets = self.env["hr.target"].sudo()
        basis = targets._get_pay_basis(members, self.date_from, self.date_to)
        teams = targets._get_team_targets(members, self.date_from, self.date_to)
        employees = members.filtered(lambda e: e.id in basis or e.id in teams)
        if not employees:
            return []
        contracts = self._get_contracts(employees)
        contract_records = self.env["hr.contract"].sudo().concat(*contracts.values())
        # the scale and rate sources of every contract, in one query each
        (contract_records.job_id | employees.job_id).fetch(
            ["performance_pay_scale_id", "performance_pay_rate"]
        )
        (contract_records.department_id | employees.department_id).fetch(
            ["performance_pay_scale_id"]
        )
        default_scale = self.env["hr.performance.pay.scale"]._get_company_default(
            self.company_id
        )
        scales = {
            employee.id: contracts[employee.id]._get_performance_pay_scale(
                default_scale
            )
            for employee in employees
            if employee.id in basis
        }
        no_scale = employees.filtered(lambda e: e.id in scales and not scales[e.id])
        if no_scale:
            raise UserError(
                _(
                    "Run %(name)s: no performance-pay scale for %(employees)s "
                    "(set one on the contract, job, department or as the "
                    "company default).",
                    name=self.display_name,
                    employees=", ".join(no_scale.mapped("name")),
                )
            )
        brackets = (
            self.env["hr.performance.pay.scale"]
            .browse({scale.id for scale in scales.values()})
            ._brackets_by_scale()
        )
        currency = self.currency_id
        reward_rate = self.company_id.performance_team_reward_rate
        Line = self.env["hr.performance.pay.line"]
        vals_list = []
        for employee in employees:
            contract = contracts[employee.id]
            common = {
                "run_id": self.id,
                "employee_id": employee.id,
                "contract_id": contract.id,
                "wage": contract.wage,
            }
            if employee.id in basis:
                data = basis[employee.id]
                scale = scales[employee.id]
                vals = dict(
                    common,
                    line_type="performance",
                    target_id=data["target"].id,
                    target_value=data["target_value"],
                    minimum_value=0.0,
                    actual=data["actual"],
                    scale_id=scale.id,
                    rate=contract._get_performance_pay_rate(),
                )
                vals.update(
                    Line._compute_amount_values(vals, brackets[scale.id], currency)
                )
                vals_list.append(vals)
            if employee.id in teams:
                data = teams[employee.id]
                vals = dict(
                    common,
                    line_type="team_reward",
                    target_id=data["target"].id,
                    target_value=data["target_value"],
                    minimum_value=data["minimum_value"],
                    actual=data["actual"],
                    scale_id=False,
                    rate=reward_rate,
                )
                vals.update(Line._compute_amount_values(vals, [], currency))
                vals_list.append(vals)
        return vals_list

    def action_compute_lines(self):
        """(Re)compute the lines of draft runs from the targets."""
        for run in self:
            if run.state != "draft":
                raise UserError(
                    _(
                        "Run %(name)s: lines can only be computed while the run "
                        "is a draft.",
                        name=run.display_name,
                    )
                )
            run._check_unlocked()
        self.check_access("write")
        self._check_period_open()
        self.line_ids.unlink()
        vals_list = []
        for run in self:
            vals_list += run._prepare_line_values()
        self.env["hr.performance.pay.line"]._insert_lines(self, vals_list)
        return True

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _check_group(self, group, action):
        if not self.env.su and not self.env.user.has_group(group):
            raise AccessError(
                _(
                    "You are not allowed to %(action)s performance-pay runs.",
                    action=action,
                )
            )

    def _check_state(self, state, action):
        for run in self:
            if run.state != state:
                raise UserError(
                    _(
                        "Run %(name)s cannot be %(action)s from its current state.",
                        name=run.display_name,
                        action=action,
                    )
                )

    def _advance(self, state):
        self.with_context(**{WORKFLOW_WRITE: True}).write({"state": state})
        # the step's activities are done, whoever they were assigned to
        self.sudo().activity_feedback(
            [
                "hr_target_mgmt.mail_activity_type_performance_pay_step",
                "hr_target_mgmt.mail_activity_type_performance_pay_late",
            ]
        )
        self._schedule_step_activities(fields.Date.context_today(self))
        return True

    def action_report(self):
        self._check_group(GROUP_MANAGER, _("report"))
        self._check_state("draft", _("reported"))
        self._check_period_open()
        for run in self:
            if not run.line_ids:
                raise UserError(
                    _(
                        "Run %(name)s has no line: compute the lines before reporting.",
                        name=run.display_name,
                    )
                )
        return self._advance("reported")

    def action_verify(self):
        self._check_group(GROUP_FINANCE, _("verify"))
        self._check_state("reported", _("verified"))
        return self._advance("verified")

    def action_submit(self):
        self._check_group(GROUP_MANAGER, _("submit"))
        self._check_state("verified", _("submitted"))
        return self._advance("submitted")

    def action_approve(self):
        self._check_group(GROUP_PRINCIPAL, _("approve"))
        self._check_state("submitted", _("approved"))
        return self._advance("approved")

    def action_mark_paid(self):
        """Finance records the run as paid by hand (no payroll engine, or paid
        outside payroll): its lines count as paid, so that a payroll bridge
        never pays them a second time."""
        self._check_group(GROUP_FINANCE, _("mark as paid"))
        self._check_state("approved", _("marked as paid"))
        self.line_ids.filtered("payable").sudo().with_context(
            **{BRIDGE_WRITE: True}
        ).write({"payable_paid": True})
        return self._advance("paid")

    def action_reset_draft(self):
        """Send a reported, verified or submitted run back to the supervisor."""
        self._check_group(GROUP_MANAGER, _("reset"))
        for run in self:
            if run.state not in ("reported", "verified", "submitted"):
                raise UserError(
                    _(
                        "Run %(name)s cannot be reset to draft from its current state.",
                        name=run.display_name,
                    )
                )
        return self._advance("draft")

    # ------------------------------------------------------------------
    # Distribution table (业务奖金分配表)
    # ------------------------------------------------------------------
    def _distribution_rows(self):
        """One row per person: their performance pay and team reward side by
        side, in the order of the lines."""
        self.ensure_one()
        rows = {}
        for line in self.line_ids.sorted(lambda ln: (ln.employee_id.name or "", ln.id)):
            row = rows.setdefault(
                line.employee_id.id,
                {
                    "employee": line.employee_id,
                    "wage": line.wage,
                    "target": 0.0,
                    "actual": 0.0,
                    "achievement": 0.0,
                    "factor": 0.0,
                    "standard": 0.0,
                    "performance": 0.0,
                    "team_reward": 0.0,
                    "notes": [],
                },
            )
            if line.line_type == "performance":
                row.update(
                    target=line.target_value,
                    actual=line.actual,
                    achievement=line.achievement,
                    factor=line.factor,
                    standard=line.standard,
                    performance=line.amount,
                )
            else:
                row["team_reward"] += line.amount
            if line.note:
                row["notes"].append(line.note)
        return list(rows.values())

    def _distribution_xlsx(self):
        """The distribution table as XLSX bytes. Headers and signatures are
        those of the Chinese form (业务奖金分配表), whatever the user's
        language."""
        self.ensure_one()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet("业务奖金分配表")
        digits = self.currency_id.decimal_places
        money_format = "#,##0" + ("." + "0" * digits if digits else "")
        title = workbook.add_format({"bold": True, "font_size": 16, "align": "center"})
        header = workbook.add_format(
            {"bold": True, "border": 1, "align": "center", "bg_color": "#D9E1F2"}
        )
        text = workbook.add_format({"border": 1})
        number = workbook.add_format({"border": 1, "num_format": "#,##0.##"})
        percent = workbook.add_format({"border": 1, "num_format": "0.00%"})
        money = workbook.add_format({"border": 1, "num_format": money_format})
        total_text = workbook.add_format({"border": 1, "bold": True})
        total_money = workbook.add_format(
            {"border": 1, "bold": True, "num_format": money_format}
        )
        headers = [
            ("序号", 6),
            ("姓名", 14),
            ("部门", 14),
            ("岗位", 14),
            ("基本工资", 12),
            ("目标", 10),
            ("实际完成", 10),
            ("完成率", 10),
            ("绩效系数", 10),
            ("绩效工资标准", 14),
            ("绩效工资", 12),
            ("团队奖励", 12),
            ("合计", 12),
            ("备注", 24),
        ]
        last_col = len(headers) - 1
        sheet.merge_range(0, 0, 0, last_col, "业务奖金分配表", title)
        team = self.department_id.name or self.supervisor_id.name or ""
        sheet.merge_range(
            1,
            0,
            1,
            last_col,
            f"单位:{self.company_id.name}    部门/团队:{team}    "
            f"月份:{self.date_from.strftime('%Y-%m')}    "
            f"币种:{self.currency_id.name}",
        )
        for col, (label, width) in enumerate(headers):
            sheet.write(3, col, label, header)
            sheet.set_column(col, col, width)
        rows = self._distribution_rows()
        first = 4
        for index, row in enumerate(rows):
            r = first + index
            employee = row["employee"]
            total = self.currency_id.round(row["performance"] + row["team_reward"])
            sheet.write_number(r, 0, index + 1, text)
            sheet.write(r, 1, employee.name, text)
            sheet.write(r, 2, employee.department_id.name or "", text)
            sheet.write(r, 3, employee.job_id.name or "", text)
            sheet.write_number(r, 4, row["wage"], money)
            sheet.write_number(r, 5, row["target"], number)
            sheet.write_number(r, 6, row["actual"], number)
            sheet.write_number(r, 7, row["achievement"], percent)
            sheet.write_number(r, 8, row["factor"], percent)
            sheet.write_number(r, 9, row["standard"], money)
            sheet.write_number(r, 10, row["performance"], money)
            sheet.write_number(r, 11, row["team_reward"], money)
            sheet.write_number(r, 12, total, money)
            sheet.write(r, 13, "; ".join(row["notes"]), text)
        total_row = first + len(rows)
        sheet.merge_range(total_row, 0, total_row, 3, "合计", total_text)
        for col in range(4, last_col):
            sheet.write_blank(total_row, col, None, total_text)
        for col, key in ((10, "performance"), (11, "team_reward")):
            value = self.currency_id.round(sum(row[key] for row in rows))
            letter = xl_col_to_name(col)
            formula = f"=SUM({letter}{first + 1}:{letter}{total_row})"
            sheet.write_formula(total_row, col, formula, total_money, value)
        grand = self.currency_id.round(
            sum(row["performance"] + row["team_reward"] for row in rows)
        )
        sheet.write_formula(
            total_row, 12, f"=SUM(M{first + 1}:M{total_row})", total_money, grand
        )
        sign_row = total_row + 3
        for col, label in ((0, "制表:"), (5, "财务审核:"), (10, "校长审批:")):
            sheet.write(sign_row, col, label)
            sheet.write(sign_row + 1, col, "日期:")
        workbook.close()
        return output.getvalue()

    def action_export_distribution(self):
        """Download the distribution table (业务奖金分配表) as XLSX."""
        self.ensure_one()
        if not (
            self.env.user.has_group(GROUP_MANAGER)
            or self.env.user.has_group(GROUP_FINANCE)
        ):
            raise AccessError(
                _("Only supervisors and finance may export the distribution table.")
            )
        team = self.department_id.name or self.supervisor_id.name or ""
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"业务奖金分配表_{self.date_from:%Y-%m}_{team}.xlsx",
                "datas": base64.b64encode(self._distribution_xlsx()),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/vnd.openxmlformats-officedocument."
                "spreadsheetml.sheet",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    # ------------------------------------------------------------------
    # Activities and the scheduled action
    # ------------------------------------------------------------------
    def _step_users(self, role):
        """Users responsible for ``role`` in this run's company."""
        self.ensure_one()
        if role == "supervisor":
            return self.user_id
        group = self.env.ref(GROUP_FINANCE if role == "finance" else GROUP_PRINCIPAL)
        return group.sudo().users.filtered(
            lambda u: u.active and not u.share and self.company_id in u.company_ids
        )

    def _step_summary(self, late):
        labels = {
            "draft": _("Report the month's results"),
            "reported": _("Verify the reported results"),
            "verified": _("Submit the distribution table"),
            "submitted": _("Approve the distribution table"),
        }
        summary = labels[self.state]
        if late:
            summary = _("Late: %(step)s", step=summary)
        return summary

    def _schedule_step_activities(self, today):
        """Post one activity per responsible user for the step due in each
        run, and one more when the step is late. Each is posted once per
        step (``reminded_state`` / ``late_reminded_state``)."""
        step_type = self.env.ref(
            "hr_target_mgmt.mail_activity_type_performance_pay_step"
        )
        late_type = self.env.ref(
            "hr_target_mgmt.mail_activity_type_performance_pay_late"
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        reminded = self.browse()
        late_reminded = self.browse()
        for run in self:
            step = STEPS.get(run.state)
            if not step:
                continue
            deadline = run[step[0]]
            late = bool(deadline and today > deadline)
            todo = []
            if run.reminded_state != run.state:
                todo.append((False, step_type))
                reminded |= run
            if late and run.late_reminded_state != run.state:
                todo.append((True, late_type))
                late_reminded |= run
            for is_late, activity_type in todo:
                for user in run._step_users(step[1]):
                    vals_list.append(
                        {
                            "res_model_id": model_id,
                            "res_id": run.id,
                            "activity_type_id": activity_type.id,
                            "summary": run.with_context(lang=user.lang)._step_summary(
                                is_late
                            ),
                            "user_id": user.id,
                            "date_deadline": deadline or today,
                            "automated": True,
                        }
                    )
        if vals_list:
            self.env["mail.activity"].sudo().create(vals_list)
        for runs in (reminded, late_reminded):
            for state in set(runs.mapped("state")):
                field = "reminded_state" if runs is reminded else "late_reminded_state"
                runs.filtered(lambda r, state=state: r.state == state).sudo().write(
                    {field: state}
                )
        return True

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
        runs = self.sudo().search(
            [("state", "in", list(STEPS)), ("date_from", "<", today + timedelta(1))]
        )
        runs._schedule_step_activities(today)
        return True
