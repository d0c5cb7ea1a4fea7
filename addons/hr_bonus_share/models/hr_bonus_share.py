# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from decimal import Decimal

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.hr_target_mgmt.tools.bulk import insert_rows
from odoo.addons.hr_target_mgmt.tools.money import MAX_AMOUNT, is_finite

from ..tools import allocation

INPUT_CODE = "YEAR_BONUS"
# The only fields a client writes on a share (the department's manager
# adjusts the amount and flags outstanding people); the rest is computed by
# the plan and by payroll.
CLIENT_FIELDS = frozenset({"amount_adjusted", "outstanding", "note"})
RULES = [
    ("A", "A: full share of the grade"),
    ("A+", "A+: full share, outstanding"),
    ("B", "B: prorated by months of service"),
    ("B+", "B+: prorated, outstanding"),
    ("B0", "B0: 3 months of service or less"),
    ("P0", "P0: on probation at year end"),
    ("E", "E: department head, capped"),
]


class HrBonusShare(models.Model):
    """One employee's year-end share; payable through payroll once the plan
    is approved (``hr.payable.mixin``)."""

    _name = "hr.bonus.share"
    _description = "Year-end Profit Share"
    _inherit = ["hr.payable.mixin", "hr.team.scope.mixin"]
    _order = "plan_id, department_line_id, employee_id"
    _rec_names_search = ["employee_id", "plan_id"]

    department_line_id = fields.Many2one(
        "hr.bonus.department",
        string="Plan Department",
        required=True,
        ondelete="cascade",
        index=True,
    )
    plan_id = fields.Many2one(
        related="department_line_id.plan_id", store=True, index=True
    )
    plan_state = fields.Selection(
        related="plan_id.state", store=True, string="Plan State"
    )
    department_state = fields.Selection(
        related="department_line_id.state", string="Department State"
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")
    fiscal_year = fields.Integer(
        related="plan_id.fiscal_year", store=True, aggregator=None
    )
    department_id = fields.Many2one(
        related="department_line_id.department_id", store=True, index=True
    )
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="restrict"
    )
    contract_id = fields.Many2one("hr.contract", ondelete="set null", readonly=True)
    grade_id = fields.Many2one("hr.bonus.grade", readonly=True, ondelete="restrict")
    months_service = fields.Float(
        string="Months of Service",
        readonly=True,
        help="Completed months of service at the year end.",
    )
    on_probation = fields.Boolean(readonly=True)
    is_head = fields.Boolean(string="Department Head", readonly=True)
    outstanding = fields.Boolean(
        help="The department's manager marks outstanding employees: their "
        "share may be up to 20% above their grade's."
    )
    amount_proposed = fields.Monetary(
        string="Proposed", readonly=True, help="The amount the rules give."
    )
    amount_adjusted = fields.Monetary(
        string="Adjusted",
        help="The manager's amount; checked against the rules when the "
        "department is submitted.",
    )
    amount = fields.Monetary(
        string="Final Amount",
        compute="_compute_amount",
        store=True,
        aggregator="sum",
    )
    rule = fields.Selection(RULES, string="Rule Applied", readonly=True)
    note = fields.Char()

    # payable-line contract (hr.payable.mixin)
    payable_employee_id = fields.Many2one(compute="_compute_payable", store=True)
    payable_contract_id = fields.Many2one(compute="_compute_payable", store=True)
    payable_amount = fields.Monetary(compute="_compute_payable", store=True)
    payable_currency_id = fields.Many2one(compute="_compute_payable", store=True)
    payable_date = fields.Date(compute="_compute_payable", store=True)
    payable_input_code = fields.Char(compute="_compute_payable", store=True)
    payable = fields.Boolean(compute="_compute_payable", store=True)

    _sql_constraints = [
        (
            "plan_employee_unique",
            "UNIQUE(department_line_id, employee_id)",
            "An employee has one share per department of a plan.",
        ),
    ]

    @api.depends("amount_adjusted")
    def _compute_amount(self):
        for share in self:
            share.amount = share.amount_adjusted

    @api.depends("employee_id", "plan_id", "department_id")
    def _compute_display_name(self):
        for share in self:
            share.display_name = " / ".join(
                part for part in (share.plan_id.name, share.employee_id.name) if part
            )

    @api.depends(
        "employee_id",
        "contract_id",
        "amount",
        "currency_id",
        "plan_id.state",
        "plan_id.date_pay",
    )
    def _compute_payable(self):
        for share in self:
            share.payable_employee_id = share.employee_id
            share.payable_contract_id = share.contract_id
            share.payable_amount = share.amount
            share.payable_currency_id = share.currency_id
            share.payable_date = share.plan_id.date_pay
            share.payable_input_code = INPUT_CODE
            share.payable = share.plan_id.state in (
                "approved",
                "paid",
            ) and not share.currency_id.is_zero(share.amount)

    @api.model
    def _insert_shares(self, plan, vals_list):
        """Create the shares of ``plan`` from ``vals_list`` (values of the
        department line, employee, contract, grade, months, flags, amounts
        and rule, as the plan's computation gives them) in a single INSERT,
        storing what ``create`` would store.

        A plan shares the pool among thousands of employees; the ORM would
        insert them by hundreds and compute the related and payable fields
        record by record, so the number of queries would grow with the
        number of employees. Those fields are computed here by the same
        rules as their compute methods (:meth:`_compute_amount`,
        :meth:`_compute_payable`, the related fields of the plan and the
        department line); any other stored field (one another addon adds,
        e.g. the payslip of the payroll bridge) gets its default, or is
        computed by the ORM afterwards. A test compares every stored column
        with what ``create`` stores.

        Server code only: the caller checks the user's rights and the
        amounts (the engine's) first."""
        if not vals_list:
            return self.browse()
        plan.ensure_one()
        lines = self.env["hr.bonus.department"].browse(
            {vals["department_line_id"] for vals in vals_list}
        )
        if lines.plan_id != plan:
            raise ValueError(f"{self._name}: shares of another plan than {plan}")
        departments = {line.id: line.department_id.id for line in lines}
        currency = plan.currency_id
        payable_state = plan.state in ("approved", "paid")
        rows = [
            dict(
                vals,
                plan_id=plan.id,
                plan_state=plan.state,
                company_id=plan.company_id.id,
                fiscal_year=plan.fiscal_year,
                department_id=departments[vals["department_line_id"]],
                amount=vals["amount_adjusted"],
                payable_employee_id=vals["employee_id"],
                payable_contract_id=vals["contract_id"] or False,
                payable_amount=vals["amount_adjusted"],
                payable_currency_id=currency.id,
                payable_date=plan.date_pay,
                payable_input_code=INPUT_CODE,
                payable=payable_state and not currency.is_zero(vals["amount_adjusted"]),
            )
            for vals in vals_list
        ]
        shares = insert_rows(self, rows)
        for records in (plan, lines):
            records.invalidate_recordset(["share_ids"])
            records.modified(["share_ids"])
        return shares

    @api.constrains("amount_adjusted")
    def _check_amount(self):
        for share in self:
            value = share.amount_adjusted
            if not is_finite(value) or not 0 <= value <= MAX_AMOUNT:
                raise ValidationError(
                    _(
                        "Share %(share)s: the amount must be between 0 and "
                        "%(maximum)s (got %(value)s).",
                        share=share.display_name,
                        maximum=format(MAX_AMOUNT, ",.0f"),
                        value=value,
                    )
                )

    @api.model
    def _team_scope_domain(self):
        """A manager's shares: those of the departments they manage, except
        their own share."""
        return [
            ("department_line_id.department_id.is_in_my_team", "=", True),
            ("employee_id.user_id", "!=", self.env.uid),
        ]

    def _as_person(self):
        self.ensure_one()
        return allocation.Person(
            id=self.employee_id.id,
            grade=self.grade_id.level,
            months=Decimal(str(self.months_service)),
            on_probation=self.on_probation,
            outstanding=self.outstanding,
            is_head=self.is_head,
        )

    # ------------------------------------------------------------------
    # Client writes: the manager's fields, while the department is open
    # ------------------------------------------------------------------
    def _check_editable(self):
        for share in self.filtered(lambda s: not s.payable_paid):
            if share.plan_state != "computed" or share.department_state != "draft":
                raise UserError(
                    _(
                        "Share %(share)s: the shares can only be changed while "
                        "the plan is computed and the department has not "
                        "submitted them.",
                        share=share.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                _(
                    "Year-end shares are created by the plan's Compute button, "
                    "not one by one."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        fnames = set(vals)
        if not self.env.su:
            self.check_access("write")
            forbidden = fnames - CLIENT_FIELDS
            if forbidden:
                raise AccessError(
                    _(
                        "Year-end shares: %(fields)s are set by the plan and by "
                        "payroll; only the adjusted amount, the outstanding flag "
                        "and the note can be changed.",
                        fields=", ".join(
                            sorted(
                                self._fields[name]._description_string(self.env)
                                if name in self._fields
                                else name
                                for name in forbidden
                            )
                        ),
                    )
                )
            self._check_editable()
        res = super().write(vals)
        if not self.env.su:
            self._check_team_scope()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_if_not_approved(self):
        for share in self:
            if share.plan_state in ("approved", "paid"):
                raise UserError(
                    _(
                        "Share %(share)s: the plan is approved; its shares can no "
                        "longer be deleted.",
                        share=share.display_name,
                    )
                )

    def _payable_on_paid(self):
        """A plan whose every payable share is paid is paid."""
        res = super()._payable_on_paid()
        for plan in self.plan_id.filtered(lambda p: p.state == "approved"):
            if all(s.payable_paid for s in plan.share_ids.filtered("payable")):
                plan.sudo().write({"state": "paid"})
        return res
