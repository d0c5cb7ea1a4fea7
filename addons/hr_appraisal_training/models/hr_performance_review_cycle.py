# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

HR_OFFICER = "hr_target_mgmt.group_hr_target_mgmt_hr_officer"

CYCLE_MONTHS = {"monthly": 1, "quarterly": 3, "semi_annual": 6, "annual": 12}


def semi_annual_window(hire_date, end):
    """The last complete six-month window counted from ``hire_date`` that
    ends on or before ``end``: (start, last day), or ``None`` when the
    employee has not served six months by then."""
    index = 0
    window = None
    while True:
        start = hire_date + relativedelta(months=6 * index)
        last = hire_date + relativedelta(months=6 * (index + 1)) - timedelta(days=1)
        if last > end:
            return window
        window = (start, last)
        index += 1


class HrPerformanceReviewCycle(models.Model):
    """An appraisal cycle (考核周期): the period, the employees in scope and
    the phase deadlines. Opening it creates one review per employee."""

    _name = "hr.performance.review.cycle"
    _description = "Appraisal Cycle"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"

    name = fields.Char(required=True, translate=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    cycle_type = fields.Selection(
        [
            ("monthly", "Monthly"),
            ("quarterly", "Quarterly"),
            ("semi_annual", "Semi-annual (from hire date)"),
            ("annual", "Annual"),
        ],
        required=True,
        default="quarterly",
        tracking=True,
        help="Semi-annual cycles appraise each employee over their own last "
        "complete six months counted from their first contract date.",
    )
    date_from = fields.Date(string="Start", required=True, tracking=True)
    date_to = fields.Date(
        string="End",
        compute="_compute_date_to",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        tracking=True,
        help="Semi-annual cycles: each employee's window is the last six "
        "months from their hire date that end on or before this date.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("closed", "Closed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        help="Employees of these departments and those below them.",
    )
    job_ids = fields.Many2many("hr.job", string="Jobs")
    employee_ids = fields.Many2many("hr.employee", string="Employees")
    date_self_deadline = fields.Date(string="Self-assessment Deadline")
    date_manager_deadline = fields.Date(string="Manager Review Deadline")
    date_360_deadline = fields.Date(
        string="360 Review Deadline",
        help="Peers, subordinates and customers answer by this date.",
    )
    date_calibration_deadline = fields.Date(string="Calibration Deadline")
    review_ids = fields.One2many(
        "hr.performance.review", "cycle_id", string="Reviews", readonly=True
    )
    review_count = fields.Integer(compute="_compute_review_count")

    @api.depends("date_from", "cycle_type")
    def _compute_date_to(self):
        for cycle in self:
            if cycle.date_from and cycle.cycle_type:
                cycle.date_to = (
                    cycle.date_from
                    + relativedelta(months=CYCLE_MONTHS[cycle.cycle_type])
                    - timedelta(days=1)
                )

    def _compute_review_count(self):
        counts = {
            cycle.id: count
            for cycle, count in self.env["hr.performance.review"]._read_group(
                [("cycle_id", "in", self.ids)], ["cycle_id"], ["__count"]
            )
        }
        for cycle in self:
            cycle.review_count = counts.get(cycle.id, 0)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for cycle in self:
            if cycle.date_to < cycle.date_from:
                raise ValidationError(
                    _(
                        "Cycle %(cycle)s ends before it starts.",
                        cycle=cycle.name,
                    )
                )

    # ------------------------------------------------------------------
    # Opening
    # ------------------------------------------------------------------
    def _check_hr_officer(self):
        if not self.env.su and not self.env.user.has_group(HR_OFFICER):
            raise AccessError(_("Only HR officers open and close appraisal cycles."))

    def _scope_employees(self):
        """The active employees of the cycle's company in its scope (every
        employee of the company when no scope is set)."""
        self.ensure_one()
        Employee = self.env["hr.employee"].sudo()
        domain = [("company_id", "=", self.company_id.id)]
        scope = []
        if self.department_ids:
            scope.append([("department_id", "child_of", self.department_ids.ids)])
        if self.job_ids:
            scope.append([("job_id", "in", self.job_ids.ids)])
        if self.employee_ids:
            scope.append([("id", "in", self.employee_ids.ids)])
        if scope:
            domain += ["|"] * (len(scope) - 1) + [leaf for s in scope for leaf in s]
        return Employee.search(domain, order="name, id")

    def _window(self, employee):
        """(start, end) of ``employee``'s review in this cycle, or ``None``."""
        self.ensure_one()
        if self.cycle_type != "semi_annual":
            return self.date_from, self.date_to
        hire_date = employee.sudo().first_contract_date
        if not hire_date:
            return None
        return semi_annual_window(hire_date, self.date_to)

    def _prepare_reviews(self):
        """Review values of every employee in scope; one UserError listing
        the employees who cannot be appraised."""
        self.ensure_one()
        Template = self.env["hr.kpi.template"].sudo()
        existing = self.review_ids.employee_id
        vals_list = []
        no_hire, no_window, no_template = [], [], []
        employees = self._scope_employees() - existing
        templates = Template._match_many(employees)
        for employee in employees:
            template = templates[employee.id]
            window = self._window(employee)
            if self.cycle_type == "semi_annual" and not employee.first_contract_date:
                no_hire.append(employee.name)
            elif window is None:
                no_window.append(employee.name)
            if not template:
                no_template.append(employee.name)
            if window is None or not template:
                continue
            vals_list.append(
                {
                    "cycle_id": self.id,
                    "employee_id": employee.id,
                    "template_id": template.id,
                    "date_from": window[0],
                    "date_to": window[1],
                }
            )
        problems = []
        if no_hire:
            problems.append(
                _("without a hire date (first contract): %s", ", ".join(no_hire))
            )
        if no_window:
            problems.append(
                _(
                    "with less than six months of service by %(date)s: %(names)s",
                    date=self.date_to,
                    names=", ".join(no_window),
                )
            )
        if no_template:
            problems.append(
                _(
                    "without a KPI template for their job, department or company: %s",
                    ", ".join(no_template),
                )
            )
        if problems:
            raise UserError(
                _(
                    "Cycle %(cycle)s cannot be opened; employees %(problems)s.",
                    cycle=self.name,
                    problems="; ".join(problems),
                )
            )
        return vals_list

    def action_open(self):
        """Create one review per employee in scope (from the template of their
        job, else department, else the company default) and start the
        self-assessment. Nothing is written when an employee cannot be
        appraised."""
        self._check_hr_officer()
        self.check_access("write")
        for cycle in self:
            if cycle.state != "draft":
                raise UserError(_("Cycle %(cycle)s is already open.", cycle=cycle.name))
        vals_list = [vals for cycle in self for vals in cycle._prepare_reviews()]
        # one INSERT per table whatever the number of employees
        self.env["hr.performance.review"]._insert_started(vals_list)
        self.sudo().write({"state": "open"})
        return True

    def action_close(self):
        self._check_hr_officer()
        self.check_access("write")
        for cycle in self:
            pending = cycle.review_ids.filtered(lambda r: r.state != "done")
            if cycle.state != "open" or pending:
                raise UserError(
                    _(
                        "Cycle %(cycle)s can be closed once open and every "
                        "review is done (%(count)s pending).",
                        cycle=cycle.name,
                        count=len(pending),
                    )
                )
        self.sudo().write({"state": "closed"})
        return True

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            vals.get("state", "draft") != "draft" for vals in vals_list
        ):
            raise AccessError(_("The cycle's status changes through its buttons only."))
        return super().create(vals_list)

    def write(self, vals):
        if "state" in vals and not self.env.su:
            raise AccessError(_("The cycle's status changes through its buttons only."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_draft(self):
        for cycle in self:
            if cycle.state != "draft":
                raise UserError(
                    _(
                        "Cycle %(cycle)s is open or closed: its appraisals are "
                        "kept, it cannot be deleted.",
                        cycle=cycle.name,
                    )
                )

    def action_view_reviews(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_appraisal_training.hr_performance_review_action"
        )
        action["domain"] = [("cycle_id", "=", self.id)]
        action["context"] = {"default_cycle_id": self.id}
        return action
