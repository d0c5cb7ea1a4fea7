# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.hr_target_mgmt.models.hr_approval_mixin import ApprovalStep
from odoo.addons.hr_target_mgmt.tools.money import MoneyError

from ..tools import allocation
from ..tools.allocation import AllocationError

GROUP_MANAGER = "hr_target_mgmt.group_hr_target_mgmt_manager"
GROUP_HR_OFFICER = "hr_target_mgmt.group_hr_target_mgmt_hr_officer"
GROUP_FINANCE = "hr_target_mgmt.group_hr_target_mgmt_finance"
GROUP_PRINCIPAL = "hr_target_mgmt.group_hr_target_mgmt_principal"


def _default_year(plan):
    return fields.Date.context_today(plan).year - 1


class HrBonusPlan(models.Model):
    """The year-end profit-sharing plan (年终分红方案) of a company and a
    fiscal year: surplus of the company's annual target, pool, split among
    departments, shares of the employees; approved by the principal, paid
    through payroll (or marked paid by finance)."""

    _name = "hr.bonus.plan"
    _description = "Year-end Profit-Sharing Plan"
    _inherit = ["hr.approval.mixin"]
    _order = "fiscal_year desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    fiscal_year = fields.Integer(
        required=True, default=_default_year, tracking=True, aggregator=None
    )
    date_from = fields.Date(compute="_compute_dates", store=True)
    date_to = fields.Date(
        string="Year End",
        compute="_compute_dates",
        store=True,
        help="Months of service and probation are judged on this day.",
    )
    target_id = fields.Many2one(
        "hr.target",
        string="Company Annual Target",
        compute="_compute_target_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        check_company=True,
        domain="[('company_id', '=', company_id), ('level', '=', 'company'), "
        "('period_type', '=', 'year')]",
        help="The company-level target of the year whose actual and target "
        "give the surplus; by default the one of the yearly period covering "
        "the fiscal year.",
    )
    appraisal_cycle_id = fields.Many2one(
        "hr.performance.review.cycle",
        string="Annual Appraisal Cycle",
        compute="_compute_appraisal_cycle_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        domain="[('company_id', '=', company_id), ('cycle_type', '=', 'annual')]",
        help="The annual appraisal cycle of the year: it must be closed before "
        "the plan is approved, and its excellent reviews propose the "
        "outstanding flags. By default the company's annual cycle ending in "
        "the fiscal year.",
    )
    appraisal_cycle_state = fields.Selection(
        related="appraisal_cycle_id.state", string="Appraisal Cycle State"
    )
    target_actual = fields.Float(
        related="target_id.actual_value", string="Current Actual"
    )
    target_value = fields.Float(
        related="target_id.target_value", string="Current Target"
    )
    actual_amount = fields.Monetary(
        string="Actual", readonly=True, help="The target's actual when computed."
    )
    target_amount = fields.Monetary(
        string="Target", readonly=True, help="The target's value when computed."
    )
    surplus_amount = fields.Monetary(
        string="Surplus", readonly=True, help="Actual − target."
    )
    pool_share = fields.Float(
        digits=(16, 4),
        compute="_compute_pool_share",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Share of the surplus that forms the profit-sharing pool, "
        "between the company's minimum and maximum.",
    )
    pool_amount = fields.Monetary(string="Pool", readonly=True)
    remainder_amount = fields.Monetary(
        string="Remainder",
        readonly=True,
        help="Surplus − pool: returned to the investors or reinvested.",
    )
    remainder_investors = fields.Monetary(
        string="Returned to Investors",
        help="Part of the remainder returned to the investors; the rest is reinvested.",
    )
    remainder_reinvested = fields.Monetary(
        string="Reinvested", compute="_compute_remainder_reinvested"
    )
    remainder_note = fields.Text(string="Use of the Remainder")
    date_submit_deadline = fields.Date(
        string="Departments Submit By",
        compute="_compute_deadlines",
        store=True,
        readonly=False,
        precompute=True,
        help="The department managers submit their shares by this day "
        "(three weeks before the pay date by default); late managers get a "
        "reminder once.",
    )
    date_approve_deadline = fields.Date(
        string="Approve By",
        compute="_compute_deadlines",
        store=True,
        readonly=False,
        precompute=True,
        help="The principal approves the plan by this day (ten days before "
        "the pay date by default); a late approval gets a reminder once.",
    )
    submit_user_ids = fields.Many2many(
        "res.users",
        string="Managers to Submit",
        compute="_compute_submit_user_ids",
        help="Managers of the departments that have not submitted their shares.",
    )
    date_pay = fields.Date(
        string="Pay Date",
        compute="_compute_date_pay",
        store=True,
        readonly=False,
        precompute=True,
        help="The payslip whose period contains this date pays the shares.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("computed", "Computed"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("paid", "Paid"),
            ("no_sharing", "No Sharing"),
        ],
        required=True,
        default="draft",
        readonly=True,
        tracking=True,
        copy=False,
        index=True,
    )
    no_sharing_message = fields.Char(readonly=True, copy=False)
    department_ids = fields.One2many(
        "hr.bonus.department", "plan_id", string="Departments", copy=True
    )
    share_ids = fields.One2many("hr.bonus.share", "plan_id", string="Shares")
    share_count = fields.Integer(compute="_compute_share_count")
    amount_allocated = fields.Monetary(
        string="Allocated", compute="_compute_amount_allocated"
    )
    note = fields.Html()

    _sql_constraints = [
        (
            "year_company_unique",
            "UNIQUE(company_id, fiscal_year)",
            "A company has one profit-sharing plan per fiscal year.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------
    @api.depends("fiscal_year")
    def _compute_name(self):
        for plan in self:
            plan.name = _("Profit Sharing %(year)s", year=plan.fiscal_year or "")

    @api.depends("fiscal_year")
    def _compute_dates(self):
        for plan in self:
            if plan.fiscal_year and 1900 < plan.fiscal_year < 10000:
                plan.date_from = date(plan.fiscal_year, 1, 1)
                plan.date_to = date(plan.fiscal_year, 12, 31)
            else:
                plan.date_from = plan.date_to = False

    @api.depends("fiscal_year")
    def _compute_date_pay(self):
        for plan in self:
            if plan.fiscal_year and 1900 < plan.fiscal_year < 9999:
                plan.date_pay = date(plan.fiscal_year + 1, 1, 31)
            else:
                plan.date_pay = False

    @api.depends("date_pay")
    def _compute_deadlines(self):
        for plan in self:
            if plan.date_pay:
                plan.date_submit_deadline = plan.date_pay - timedelta(days=21)
                plan.date_approve_deadline = plan.date_pay - timedelta(days=10)
            else:
                plan.date_submit_deadline = plan.date_approve_deadline = False

    @api.depends("department_ids.state", "department_ids.manager_user_id")
    def _compute_submit_user_ids(self):
        for plan in self:
            plan.submit_user_ids = plan.department_ids.filtered(
                lambda d: d.state == "draft"
            ).manager_user_id.filtered("active")

    @api.depends("fiscal_year", "company_id")
    def _compute_target_id(self):
        for plan in self:
            if not plan.fiscal_year or not 1900 < plan.fiscal_year < 10000:
                plan.target_id = False
                continue
            start, end = date(plan.fiscal_year, 1, 1), date(plan.fiscal_year, 12, 31)
            plan.target_id = self.env["hr.target"].search(
                [
                    ("company_id", "=", plan.company_id.id),
                    ("level", "=", "company"),
                    ("period_type", "=", "year"),
                    ("date_from", "<=", start),
                    ("date_to", ">=", end),
                ],
                limit=1,
            )

    @api.depends("fiscal_year", "company_id")
    def _compute_appraisal_cycle_id(self):
        Cycle = self.env["hr.performance.review.cycle"].sudo()
        for plan in self:
            if not plan.fiscal_year or not 1900 < plan.fiscal_year < 10000:
                plan.appraisal_cycle_id = False
                continue
            plan.appraisal_cycle_id = Cycle.search(
                [
                    ("company_id", "=", plan.company_id.id),
                    ("cycle_type", "=", "annual"),
                    ("date_to", ">=", date(plan.fiscal_year, 1, 1)),
                    ("date_to", "<=", date(plan.fiscal_year, 12, 31)),
                ],
                order="date_to desc, id desc",
                limit=1,
            )

    @api.depends("company_id")
    def _compute_pool_share(self):
        for plan in self:
            plan.pool_share = plan.company_id.bonus_pool_share

    @api.depends("remainder_amount", "remainder_investors")
    def _compute_remainder_reinvested(self):
        for plan in self:
            plan.remainder_reinvested = plan.remainder_amount - plan.remainder_investors

    def _compute_share_count(self):
        counts = dict(
            self.env["hr.bonus.share"]._read_group(
                [("plan_id", "in", self.ids)], ["plan_id"], ["__count"]
            )
        )
        for plan in self:
            plan.share_count = counts.get(plan, 0)

    @api.depends("department_ids.amount_allocated")
    def _compute_amount_allocated(self):
        for plan in self:
            plan.amount_allocated = sum(plan.department_ids.mapped("amount_allocated"))

    @api.constrains("fiscal_year")
    def _check_fiscal_year(self):
        for plan in self:
            if not 1900 < plan.fiscal_year < 9999:
                raise ValidationError(
                    _("The fiscal year %(year)s is not valid.", year=plan.fiscal_year)
                )

    @api.constrains("pool_share", "company_id")
    def _check_pool_share(self):
        for plan in self:
            company = plan.company_id
            low, high = company.bonus_pool_share_min, company.bonus_pool_share_max
            if not low <= plan.pool_share <= high:
                raise ValidationError(
                    _(
                        "Plan %(plan)s: the pool share must lie between "
                        "%(minimum)s%% and %(maximum)s%% of the surplus (got "
                        "%(share)s%%).",
                        plan=plan.display_name,
                        minimum=format(low * 100, "g"),
                        maximum=format(high * 100, "g"),
                        share=format(plan.pool_share * 100, "g"),
                    )
                )

    @api.constrains("remainder_investors", "remainder_amount")
    def _check_remainder(self):
        for plan in self:
            if not 0 <= plan.remainder_investors <= max(plan.remainder_amount, 0):
                raise ValidationError(
                    _(
                        "Plan %(plan)s: the part returned to the investors must "
                        "lie between 0 and the remainder.",
                        plan=plan.display_name,
                    )
                )

    @api.constrains("appraisal_cycle_id", "company_id")
    def _check_appraisal_cycle(self):
        for plan in self:
            cycle = plan.appraisal_cycle_id.sudo()
            if cycle and (
                cycle.cycle_type != "annual" or cycle.company_id != plan.company_id
            ):
                raise ValidationError(
                    _(
                        "Plan %(plan)s: cycle %(cycle)s is not an annual "
                        "appraisal cycle of %(company)s.",
                        plan=plan.display_name,
                        cycle=cycle.display_name,
                        company=plan.company_id.name,
                    )
                )

    @api.constrains("date_submit_deadline", "date_approve_deadline", "date_pay")
    def _check_deadlines(self):
        for plan in self:
            submit, approve, pay = (
                plan.date_submit_deadline,
                plan.date_approve_deadline,
                plan.date_pay,
            )
            if (
                (submit and approve and submit > approve)
                or (approve and pay and approve >= pay)
                or (submit and pay and submit >= pay)
            ):
                raise ValidationError(
                    _(
                        "Plan %(plan)s: the departments submit by %(submit)s, the "
                        "principal approves by %(approve)s, both before the pay "
                        "date %(pay)s, in this order.",
                        plan=plan.display_name,
                        submit=plan.date_submit_deadline or "-",
                        approve=plan.date_approve_deadline or "-",
                        pay=plan.date_pay or "-",
                    )
                )

    @api.constrains("target_id", "company_id")
    def _check_target(self):
        for plan in self:
            if plan.target_id and plan.target_id.level != "company":
                raise ValidationError(
                    _(
                        "Plan %(plan)s: the surplus is measured on a "
                        "company-level target.",
                        plan=plan.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    def _approval_protected_fields(self):
        return super()._approval_protected_fields() | {
            "actual_amount",
            "target_amount",
            "surplus_amount",
            "pool_amount",
            "remainder_amount",
            "no_sharing_message",
        }

    def _approval_unlocked_fields(self):
        return super()._approval_unlocked_fields() | {
            "remainder_investors",
            "remainder_note",
        }

    def _approval_extra_locked_states(self):
        return ("paid",)

    @api.model_create_multi
    def create(self, vals_list):
        plans = super().create(vals_list)
        plans.filtered(lambda p: not p.department_ids)._create_default_departments()
        return plans

    def write(self, vals):
        figures = {
            "fiscal_year",
            "company_id",
            "target_id",
            "pool_share",
            "appraisal_cycle_id",
        }
        if figures & set(vals):
            for plan in self.filtered(lambda p: p.state != "draft"):
                raise UserError(
                    _(
                        "Plan %(plan)s is %(state)s: its year, target, appraisal "
                        "cycle and pool share can only be changed while it is "
                        "a draft.",
                        plan=plan.display_name,
                        state=plan._approval_state_label(),
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        for plan in self:
            if plan.state not in ("draft", "no_sharing"):
                raise UserError(
                    _(
                        "Plan %(plan)s is %(state)s: only draft plans can be deleted.",
                        plan=plan.display_name,
                        state=plan._approval_state_label(),
                    )
                )

    def _create_default_departments(self):
        """One line per department of the company with employees, with the
        department's profit-sharing ratio (sales 4, teaching 3, back office
        3 in the school's set-up)."""
        Department = self.env["hr.department"].sudo()
        vals_list = []
        for plan in self:
            groups = (
                self.env["hr.employee"]
                .sudo()
                ._read_group(
                    [
                        ("company_id", "=", plan.company_id.id),
                        ("department_id", "!=", False),
                    ],
                    ["department_id"],
                    ["__count"],
                )
            )
            departments = Department.browse(
                sorted(department.id for department, _count in groups)
            )
            vals_list += [
                {
                    "plan_id": plan.id,
                    "department_id": department.id,
                    "ratio": department.bonus_ratio or 1.0,
                }
                for department in departments
                if department.company_id in (plan.company_id, self.env["res.company"])
            ]
        return self.env["hr.bonus.department"].sudo().create(vals_list)

    # ------------------------------------------------------------------
    # Computing the plan
    # ------------------------------------------------------------------
    def _check_can_compute(self):
        user = self.env.user
        if not self.env.su and not (
            user.has_group(GROUP_FINANCE) or user.has_group(GROUP_HR_OFFICER)
        ):
            raise AccessError(
                _(
                    "%(plans)s: only finance and HR compute a profit-sharing plan.",
                    plans=", ".join(self.mapped("display_name")),
                )
            )
        self.check_access("write")
        for plan in self:
            if plan.state not in ("draft", "computed", "no_sharing"):
                raise UserError(
                    _(
                        "Plan %(plan)s is %(state)s: it can no longer be computed.",
                        plan=plan.display_name,
                        state=plan._approval_state_label(),
                    )
                )
            if plan.department_ids.filtered(lambda d: d.state == "submitted"):
                raise UserError(
                    _(
                        "Plan %(plan)s: a department has submitted its shares; "
                        "reset the plan to draft before computing it again.",
                        plan=plan.display_name,
                    )
                )
            if not plan.target_id:
                raise UserError(
                    _(
                        "Plan %(plan)s: choose the company-level annual target "
                        "whose actual and target give the surplus.",
                        plan=plan.display_name,
                    )
                )
            if not plan.department_ids:
                raise UserError(
                    _(
                        "Plan %(plan)s has no department to share the pool among.",
                        plan=plan.display_name,
                    )
                )

    def action_compute(self):
        """Surplus, pool, department split and shares of each employee."""
        self._check_can_compute()
        for plan in self:
            plan._compute_plan()
        # the department managers' activities, with the submission deadline
        self.filtered(lambda p: p.state == "computed")._approval_schedule_activities(
            fields.Date.context_today(self)
        )
        return True

    def _allocation_error_message(self, error, department=None):
        """A whole sentence for an AllocationError of the engine."""
        names = ", ".join(
            self.env["hr.employee"].sudo().browse(error.employee_ids).mapped("name")
        )
        where = department.display_name if department else self.display_name
        messages = {
            "A": _(
                "%(where)s, rule A (same grade, same share): %(employees)s have "
                "the same grade and a full year of service but different shares.",
            ),
            "B": _(
                "%(where)s, rule B (service time and probation): the share of "
                "%(employees)s does not match their months of service, or they "
                "are not entitled to a share (on probation, or 3 months of "
                "service or less).",
            ),
            "C": _(
                "%(where)s, rule C (grades): the full shares of %(employees)s, "
                "one grade apart, differ by more than 20%%.",
            ),
            "E": _(
                "%(where)s, rule E (department head): the head's share cannot "
                "stay within %(multiple)s times the lowest share of the others "
                "(%(employees)s) without breaking rules A or C.",
            ),
            "sum": _(
                "%(where)s: the shares do not add up to the department's amount, "
                "or nobody is entitled to a share (%(employees)s).",
            ),
            "share_range": _(
                "%(where)s: the pool share lies outside the allowed range.",
            ),
            "ratio": _(
                "%(where)s: every department's ratio must be greater than zero.",
            ),
            "params": _(
                "%(where)s: a profit-sharing parameter of the company is out of range.",
            ),
            "grade": _(
                "%(where)s: the grade level of %(employees)s is not a whole number.",
            ),
            "months": _(
                "%(where)s: the months of service of %(employees)s are not valid.",
            ),
            "several_heads": _(
                "%(where)s: %(employees)s are all marked as the department's head; "
                "a department has one head at most.",
            ),
            "not_rounded": _(
                "%(where)s: the share of %(employees)s is not rounded to the currency.",
            ),
        }
        template = messages.get(
            error.kind,
            _("%(where)s: the shares of %(employees)s cannot be computed."),
        )
        return template % {
            "where": where,
            "employees": names or "-",
            "multiple": error.params.get("multiple", ""),
        }

    #: the employees' fields the computation reads, fetched in one query
    _ELIGIBLE_FIELDS = (
        "department_id",
        "bonus_grade_id",
        "first_contract_date",
        "contract_id",
    )

    def _eligible_employees(self):
        """Employees of the plan's departments in its company, with the
        fields the computation reads (one query, whatever their number)."""
        self.ensure_one()
        return (
            self.env["hr.employee"]
            .sudo()
            .search_fetch(
                [
                    ("company_id", "=", self.company_id.id),
                    ("department_id", "in", self.department_ids.department_id.ids),
                ],
                self._ELIGIBLE_FIELDS,
                order="department_id, id",
            )
        )

    def _months_of_service(self, hired):
        """Completed months of service from ``hired`` to the year end."""
        self.ensure_one()
        if not hired or hired > self.date_to:
            return 0
        delta = relativedelta(self.date_to + timedelta(days=1), hired)
        return delta.years * 12 + delta.months

    def _on_probation(self, employees):
        """Ids of ``employees`` on probation at the year end: an open probation
        by target (running or to decide), or a contract whose trial period
        ends after the year end (two queries, whatever their number)."""
        self.ensure_one()
        probations = (
            self.env["hr.target.probation"]
            .sudo()
            ._read_group(
                [
                    ("employee_id", "in", employees.ids),
                    ("state", "in", ("running", "review")),
                ],
                ["employee_id"],
            )
        )
        contracts = (
            self.env["hr.contract"]
            .sudo()
            ._read_group(
                [
                    ("employee_id", "in", employees.ids),
                    ("state", "not in", ("cancel",)),
                    ("date_start", "<=", self.date_to),
                    ("trial_date_end", ">", self.date_to),
                ],
                ["employee_id"],
            )
        )
        return {employee.id for (employee,) in probations + contracts}

    def _outstanding_employees(self, employees):
        """Ids of ``employees`` whose done review in the plan's annual
        appraisal cycle has the company's top band (优秀): the computation
        proposes them as outstanding; their manager may still change it."""
        self.ensure_one()
        cycle = self.appraisal_cycle_id.sudo()
        if not cycle:
            return set()
        bands = self.env["hr.performance.review.band"]._bands_for(self.company_id)
        if not bands:
            return set()
        top = bands.sorted(lambda band: (-band.lower_bound, band.id))[0]
        reviews = (
            self.env["hr.performance.review"]
            .sudo()
            ._read_group(
                [
                    ("cycle_id", "=", cycle.id),
                    ("state", "=", "done"),
                    ("band_id", "=", top.id),
                    ("employee_id", "in", employees.ids),
                ],
                ["employee_id"],
            )
        )
        return {employee.id for (employee,) in reviews}

    def _check_appraisal_done(self):
        """A plan is approved once the annual appraisal of its year is
        closed."""
        for plan in self:
            cycle = plan.appraisal_cycle_id.sudo()
            if not cycle:
                raise UserError(
                    _(
                        "Plan %(plan)s cannot be approved: choose the annual "
                        "appraisal cycle of %(year)s first; it must be closed "
                        "before the profit sharing is approved.",
                        plan=plan.display_name,
                        year=plan.fiscal_year,
                    )
                )
            if cycle.state != "closed":
                raise UserError(
                    _(
                        "Plan %(plan)s cannot be approved before the annual "
                        "appraisal cycle %(cycle)s is closed (it is %(state)s).",
                        plan=plan.display_name,
                        cycle=cycle.display_name,
                        state=dict(
                            cycle._fields["state"]._description_selection(self.env)
                        ).get(cycle.state, cycle.state),
                    )
                )

    def _compute_plan(self):
        self.ensure_one()
        currency = self.currency_id
        rounding = currency.rounding or 0.01
        employees = self._eligible_employees()
        missing = employees.filtered(
            lambda e: not e.bonus_grade_id or not e.first_contract_date
        )
        if missing:
            names = ", ".join(f"{e.name} ({e.department_id.name})" for e in missing)
            raise UserError(
                _(
                    "Plan %(plan)s: every employee needs a profit-sharing grade "
                    "and a hire date (first contract) before the plan is "
                    "computed. Missing for: %(employees)s.",
                    plan=self.display_name,
                    employees=names,
                )
            )
        target = self.target_id.sudo()
        company = self.company_id
        try:
            result = allocation.sharing_pool(
                target.actual_value,
                target.target_value,
                str(self.pool_share),
                str(company.bonus_pool_share_min),
                str(company.bonus_pool_share_max),
                rounding,
            )
        except AllocationError as error:
            raise UserError(self._allocation_error_message(error)) from error
        except MoneyError as error:
            raise UserError(
                _(
                    "Plan %(plan)s: the target's actual and value must be real "
                    "amounts.",
                    plan=self.display_name,
                )
            ) from error
        values = {
            "actual_amount": float(
                allocation.surplus(target.actual_value, 0, rounding)
            ),
            "target_amount": float(
                allocation.surplus(target.target_value, 0, rounding)
            ),
            "surplus_amount": float(result.surplus),
            "pool_amount": float(result.pool),
            "remainder_amount": float(result.remainder),
            "remainder_investors": 0.0,
        }
        self.share_ids.sudo().unlink()
        if not result.shared:
            message = _(
                "No surplus in %(year)s (actual %(actual)s, target %(target)s): "
                "no profit sharing this year.",
                year=self.fiscal_year,
                actual=format(values["actual_amount"], ",.2f"),
                target=format(values["target_amount"], ",.2f"),
            )
            self.department_ids.sudo().write({"amount": 0.0, "state": "draft"})
            self.sudo().write(
                dict(values, state="no_sharing", no_sharing_message=message)
            )
            self.message_post(body=message)
            return
        lines = self.department_ids.sorted("id")
        try:
            amounts = allocation.split_departments(
                result.pool, {line.id: str(line.ratio) for line in lines}, rounding
            )
        except AllocationError as error:
            raise UserError(self._allocation_error_message(error)) from error
        params = company._bonus_allocation_params()
        on_probation = self._on_probation(employees)
        outstanding = self._outstanding_employees(employees)
        # the grades' levels and the departments' heads in one query each
        levels = {grade.id: grade.level for grade in employees.bonus_grade_id}
        heads = {line.id: line.department_id.manager_id.id for line in lines}
        months_by_date = {}
        by_department = {}
        for employee in employees:
            hired = employee.first_contract_date
            if hired not in months_by_date:
                months_by_date[hired] = self._months_of_service(hired)
            by_department.setdefault(employee.department_id.id, []).append(
                (
                    employee.id,
                    employee.bonus_grade_id.id,
                    employee.contract_id.id,
                    months_by_date[hired],
                )
            )
        share_vals = []
        for line in lines:
            members = by_department.get(line.department_id.id, [])
            people = [
                allocation.Person(
                    id=employee_id,
                    grade=levels[grade_id],
                    months=Decimal(months),
                    on_probation=employee_id in on_probation,
                    outstanding=employee_id in outstanding,
                    is_head=employee_id == heads[line.id],
                )
                for employee_id, grade_id, _contract_id, months in members
            ]
            try:
                result_line = allocation.allocate(
                    amounts[line.id], people, params, rounding
                )
            except AllocationError as error:
                raise UserError(
                    self._allocation_error_message(error, line.department_id)
                ) from error
            for person, member in zip(people, members, strict=True):
                amount = float(result_line.shares[person.id])
                share_vals.append(
                    {
                        "department_line_id": line.id,
                        "employee_id": person.id,
                        "contract_id": member[2],
                        "grade_id": member[1],
                        "months_service": float(person.months),
                        "on_probation": person.on_probation,
                        "is_head": person.is_head,
                        "outstanding": person.outstanding,
                        "amount_proposed": amount,
                        "amount_adjusted": amount,
                        "rule": result_line.rules[person.id],
                    }
                )
            line.sudo().write({"amount": float(amounts[line.id]), "state": "draft"})
        # the plan is computed first, so that the shares are inserted with
        # its state (nothing to recompute on them afterwards)
        self.sudo().write(dict(values, state="computed", no_sharing_message=False))
        self.env["hr.bonus.share"].sudo()._insert_shares(self, share_vals)

    # ------------------------------------------------------------------
    # Workflow (hr.approval.mixin)
    # ------------------------------------------------------------------
    def _approval_steps(self):
        return [
            ApprovalStep(
                "computed",
                "submitted",
                GROUP_MANAGER,
                _("Submit Departments"),
                "date_submit_deadline",
                "submit_user_ids",
                _("Adjust and submit your department's year-end shares"),
                _("The year-end shares of your department are late: submit them now"),
            ),
            ApprovalStep(
                "submitted",
                "approved",
                GROUP_PRINCIPAL,
                _("Approve"),
                "date_approve_deadline",
                None,
                _("Approve the year-end profit-sharing plan"),
                _("The approval of the profit-sharing plan is late: approve it now"),
                lock_after=True,
            ),
        ]

    def _check_departments_valid(self):
        for plan in self:
            for line in plan.department_ids:
                if line.state != "submitted":
                    raise UserError(
                        _(
                            "Plan %(plan)s: department %(department)s has not "
                            "submitted its shares yet.",
                            plan=plan.display_name,
                            department=line.department_id.display_name,
                        )
                    )
                line._check_shares()

    def _submit_if_complete(self):
        """Move computed plans whose departments have all submitted."""
        for plan in self.filtered(lambda p: p.state == "computed"):
            if all(line.state == "submitted" for line in plan.department_ids):
                plan.sudo()._approval_move(
                    "submitted",
                    ("computed",),
                    GROUP_MANAGER,
                    _("Submit Departments"),
                )

    def action_approve(self):
        """The principal approves the plan: every department submitted and
        keeping the rules."""
        label = _("Approve")
        self._approval_check_group(GROUP_PRINCIPAL, label)
        self._approval_check_state(("submitted",), label)
        self._check_appraisal_done()
        self._check_departments_valid()
        return self._approval_advance("submitted")

    def action_mark_paid(self):
        """Finance records the shares as paid outside payroll, so that payroll
        never pays them."""
        label = _("Mark as Paid")
        self._approval_check_group(GROUP_FINANCE, label)
        self._approval_check_state(("approved",), label)
        self.check_access("write")
        self.env["hr.bonus.share"].sudo()._payable_mark_paid(self.share_ids.ids)
        return self._approval_move("paid", ("approved",), GROUP_FINANCE, label)

    def action_reset_draft(self):
        """Finance or HR take a computed, submitted or no-sharing plan back to
        draft: its shares are deleted and its departments reopened."""
        label = _("Reset to Draft")
        user = self.env.user
        if not self.env.su and not (
            user.has_group(GROUP_FINANCE) or user.has_group(GROUP_HR_OFFICER)
        ):
            raise AccessError(
                _(
                    "%(plans)s: only finance and HR may reset a profit-sharing plan.",
                    plans=", ".join(self.mapped("display_name")),
                )
            )
        self._approval_check_state(("computed", "submitted", "no_sharing"), label)
        self.check_access("write")
        self.share_ids.sudo().unlink()
        self.department_ids.sudo().write({"state": "draft", "amount": 0.0})
        self.sudo().write(
            {
                "state": "draft",
                "no_sharing_message": False,
                "approval_reminded_state": False,
                "approval_late_reminded_state": False,
            }
        )
        return True

    @api.model
    def _cron_bonus_reminders(self, today=None):
        """Scheduled action: post the activities of the plans waiting for the
        departments or the principal, and one reminder once a step is late."""
        today = today or fields.Date.context_today(self)
        if isinstance(today, str):
            today = date.fromisoformat(today)
        open_states = [step.state for step in self._approval_steps()]
        plans = self.sudo().search([("state", "in", open_states)])
        plans._approval_schedule_activities(today)
        return True

    def _check_report_access(self):
        """Finance, HR and the principal read and print the whole plan;
        department managers see their department's proposal in the plan's
        forms, employees their own approved share only."""
        user = self.env.user
        if not self.env.su and not (
            user.has_group(GROUP_FINANCE) or user.has_group(GROUP_HR_OFFICER)
        ):
            raise AccessError(
                _(
                    "%(plans)s: only finance, HR and the principal may export "
                    "or print the whole profit-sharing plan.",
                    plans=", ".join(self.mapped("display_name")),
                )
            )
        self.check_access("read")
        self.share_ids.check_access("read")

    def action_export_xlsx(self):
        """Download the plan as XLSX, served by the controller after its own
        access check (no attachment is kept)."""
        self.ensure_one()
        self._check_report_access()
        return {
            "type": "ir.actions.act_url",
            "url": f"/hr_bonus_share/plan_xlsx/{self.id}",
            "target": "self",
        }

    def _report_departments(self):
        """(department line, its shares sorted) pairs for the printed plan."""
        self.ensure_one()
        shares = {}
        for share in self.share_ids:
            shares.setdefault(share.department_line_id, self.env["hr.bonus.share"])
            shares[share.department_line_id] |= share
        return [
            (
                line,
                shares.get(line, self.env["hr.bonus.share"]).sorted(
                    lambda s: (-s.is_head, -(s.grade_id.level or 0), s.employee_id.name)
                ),
            )
            for line in self.department_ids.sorted(
                lambda d: (d.department_id.name, d.id)
            )
        ]

    def action_open_shares(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_bonus_share.hr_bonus_share_action"
        )
        action["domain"] = [("plan_id", "=", self.id)]
        action["context"] = {"search_default_group_department": 1}
        return action
