# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import perf_pay
from ..tools.bulk import insert_rows
from ..tools.money import MAX_AMOUNT, is_finite
from .selection_labels import selection_labels

# States in which the lines of a run may still change: the supervisor enters
# results (draft), finance corrects them (reported), the supervisor adjusts
# the distribution (verified).
EDITABLE_STATES = ("draft", "reported", "verified")
INPUT_CODES = {"performance": "PERF_PAY", "team_reward": "TEAM_REWARD"}
# The only fields a client writes on a line (the supervisor enters results
# and adjusts the distribution, finance corrects them): everything else is
# computed by the run and by payroll.
CLIENT_FIELDS = frozenset({"actual", "amount", "override_reason", "note"})
# States in which the supervisor may override a computed amount: before
# finance verifies the run.
OVERRIDE_STATES = ("draft", "reported")
GROUP_MANAGER = "hr_target_mgmt.group_hr_target_mgmt_manager"


#: The bound shown in messages (formatted once, outside the translated text).
LIMIT = f"{MAX_AMOUNT:,.0f}"


class HrPerformancePayLine(models.Model):
    """One person's line of a monthly run: performance pay (standard ×
    factor of the achievement) or a supervisor's team reward. Approved lines
    are payable through payroll (``hr.payable.mixin``)."""

    _name = "hr.performance.pay.line"
    _description = "Performance-Pay Line"
    _inherit = ["hr.payable.mixin"]
    _order = "run_id, employee_id, line_type"
    _rec_names_search = ["employee_id", "run_id"]

    run_id = fields.Many2one(
        "hr.performance.pay.run",
        required=True,
        ondelete="cascade",
        index=True,
    )
    state = fields.Selection(
        related="run_id.state", store=True, string="Run State", readonly=True
    )
    company_id = fields.Many2one(related="run_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="run_id.currency_id")
    date_from = fields.Date(
        related="run_id.date_from", store=True, string="First Day of the Month"
    )
    month_label = fields.Char(related="run_id.month_label", store=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="restrict"
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", string="Department", store=True
    )
    job_id = fields.Many2one(related="employee_id.job_id", string="Job Position")
    contract_id = fields.Many2one("hr.contract", required=True, ondelete="restrict")
    line_type = fields.Selection(
        [("performance", "Performance Pay"), ("team_reward", "Team Reward")],
        string="Type",
        required=True,
        default="performance",
    )
    target_id = fields.Many2one(
        "hr.target", string="Source Target", ondelete="set null"
    )
    measure_decimal_places = fields.Integer(
        related="target_id.measure_id.decimal_places"
    )
    scale_id = fields.Many2one("hr.performance.pay.scale", ondelete="restrict")
    wage = fields.Monetary(help="Contract wage of the month.")
    rate = fields.Float(
        digits=(16, 4),
        help="Performance pay: share of the wage that is the standard. "
        "Team reward: share of the team target value paid.",
    )
    target_value = fields.Float(string="Target", digits=(16, 2))
    minimum_value = fields.Float(
        string="Team Minimum",
        digits=(16, 2),
        help="Team reward: the team's minimum target.",
    )
    actual = fields.Float(digits=(16, 2))
    higher_is_better = fields.Boolean(
        default=True,
        help="From the target's measure: on a lower-is-better measure "
        "(complaints...) fewer is a higher achievement.",
    )
    achievement = fields.Float(compute="_compute_amount", store=True, digits=(16, 4))
    factor = fields.Float(compute="_compute_amount", store=True, digits=(16, 4))
    standard = fields.Monetary(
        compute="_compute_amount",
        store=True,
        help="Performance-pay standard: wage × rate.",
    )
    amount = fields.Monetary(
        compute="_compute_amount",
        store=True,
        readonly=False,
        help="Computed from the scale; the supervisor may override it, with a "
        "reason, until finance verifies the run.",
    )
    amount_computed = fields.Monetary(
        string="Computed Amount",
        compute="_compute_amount",
        store=True,
        help="The amount the scale gives, kept beside an overridden amount.",
    )
    amount_overridden = fields.Boolean(
        string="Overridden",
        compute="_compute_amount_overridden",
        store=True,
        help="The supervisor changed the computed amount.",
    )
    override_reason = fields.Char(
        help="Why the supervisor changed the computed amount (required).",
    )
    note = fields.Char()
    month_pay = fields.Monetary(
        string="Wage + Performance Pay",
        compute="_compute_month_pay",
        help="The month's pay from this line: contract wage plus performance "
        "pay (performance lines only; a team reward comes on top).",
    )

    # payable-line contract (hr.payable.mixin)
    payable_employee_id = fields.Many2one(compute="_compute_payable", store=True)
    payable_contract_id = fields.Many2one(compute="_compute_payable", store=True)
    payable_amount = fields.Monetary(compute="_compute_payable", store=True)
    payable_currency_id = fields.Many2one(compute="_compute_payable", store=True)
    payable_date = fields.Date(compute="_compute_payable", store=True)
    payable_input_code = fields.Char(compute="_compute_payable", store=True)
    payable = fields.Boolean(compute="_compute_payable", store=True)

    @api.depends("amount", "amount_computed", "currency_id")
    def _compute_amount_overridden(self):
        for line in self:
            line.amount_overridden = bool(
                line.currency_id
                and line.currency_id.compare_amounts(line.amount, line.amount_computed)
            )

    @api.depends("line_type", "wage", "amount")
    def _compute_month_pay(self):
        for line in self:
            line.month_pay = (
                line.wage + line.amount if line.line_type == "performance" else 0.0
            )

    @api.depends("employee_id", "run_id", "line_type")
    def _compute_display_name(self):
        types = selection_labels(self, "line_type")
        for line in self:
            line.display_name = " / ".join(
                part
                for part in (
                    line.run_id.name,
                    line.employee_id.name,
                    types.get(line.line_type),
                )
                if part
            )

    @api.depends(
        "line_type",
        "target_value",
        "minimum_value",
        "actual",
        "higher_is_better",
        "wage",
        "rate",
        "scale_id.bracket_ids",
        "scale_id.bracket_ids.achievement_from",
        "scale_id.bracket_ids.achievement_to",
        "scale_id.bracket_ids.factor_type",
        "scale_id.bracket_ids.factor",
        "scale_id.bracket_ids.cap",
        "currency_id",
    )
    def _compute_amount(self):
        brackets = {}
        for line in self:
            scale = line.scale_id
            if scale.id not in brackets:
                brackets[scale.id] = scale._brackets() if scale else []
            line.update(
                self._compute_amount_values(
                    {
                        "line_type": line.line_type,
                        "target_value": line.target_value,
                        "minimum_value": line.minimum_value,
                        "actual": line.actual,
                        "higher_is_better": line.higher_is_better,
                        "wage": line.wage,
                        "rate": line.rate,
                    },
                    brackets[scale.id],
                    line.currency_id,
                )
            )

    @api.model
    def _compute_amount_values(self, vals, brackets, currency):
        """Achievement, factor, standard and amount of a line described by
        ``vals`` (line_type, target_value, minimum_value, actual,
        higher_is_better, wage, rate), with the scale's ``brackets`` (plain
        tuples). Non-finite inputs give a zero line (the constraints then
        refuse them with a message naming the line)."""
        rounding = currency.rounding or 0.01
        higher = vals.get("higher_is_better", True) is not False
        numbers = ("target_value", "minimum_value", "actual", "wage", "rate")
        if not all(is_finite(vals.get(key) or 0) for key in numbers):
            return dict.fromkeys(
                ("achievement", "factor", "standard", "amount", "amount_computed"),
                0.0,
            )
        if vals["line_type"] == "team_reward":
            ratio = perf_pay.achievement(vals["target_value"], vals["actual"], higher)
            amount = float(
                perf_pay.team_reward(
                    vals["target_value"],
                    vals["minimum_value"],
                    vals["actual"],
                    vals["rate"],
                    rounding,
                    higher,
                )
            )
            return {
                "achievement": float(ratio or 0),
                "factor": 0.0,
                "standard": 0.0,
                "amount": amount,
                "amount_computed": amount,
            }
        result = perf_pay.compute_line(
            brackets,
            vals["wage"],
            vals["target_value"],
            vals["actual"],
            vals["rate"],
            rounding,
            higher,
        )
        values = {key: float(value) for key, value in result.items()}
        values["amount_computed"] = values["amount"]
        return values

    @api.model
    def _insert_lines(self, runs, vals_list):
        """Create the lines of ``runs`` from ``vals_list`` (with their
        amounts already computed by :meth:`_compute_amount_values`) in a
        single INSERT, storing what ``create`` would store.

        A monthly run holds thousands of lines; the ORM would insert them by
        hundreds and read them back by thousands, so the number of queries
        would grow with the number of employees. The related and payable
        fields are computed here by the same rules as their compute methods;
        any other stored field (one another addon adds) gets its default, or
        is computed by the ORM afterwards. A test compares every stored
        column with what ``create`` stores.

        Server code only: the caller checks the user's rights first."""
        if not vals_list:
            return self.browse()
        runs_by_id = {run.id: run for run in runs}
        employees = (
            self.env["hr.employee"]
            .sudo()
            .browse({vals["employee_id"] for vals in vals_list})
        )
        departments = {employee.id: employee.department_id.id for employee in employees}
        rows = []
        for vals in vals_list:
            run = runs_by_id[vals["run_id"]]
            rows.append(
                dict(
                    vals,
                    state=run.state,
                    company_id=run.company_id.id,
                    date_from=run.date_from,
                    month_label=run.month_label,
                    department_id=departments[vals["employee_id"]],
                    amount_overridden=False,
                    payable_employee_id=vals["employee_id"],
                    payable_contract_id=vals["contract_id"],
                    payable_amount=vals["amount"],
                    payable_currency_id=run.currency_id.id,
                    payable_date=run.date_pay,
                    payable_input_code=INPUT_CODES[vals["line_type"]],
                    payable=run.state in ("approved", "paid")
                    and not run.currency_id.is_zero(vals["amount"]),
                )
            )
        lines = insert_rows(self, rows)
        runs.invalidate_recordset(["line_ids"])
        runs.modified(["line_ids"])
        return lines

    @api.depends(
        "employee_id",
        "contract_id",
        "amount",
        "currency_id",
        "line_type",
        "run_id.state",
        "run_id.date_pay",
    )
    def _compute_payable(self):
        for line in self:
            line.payable_employee_id = line.employee_id
            line.payable_contract_id = line.contract_id
            line.payable_amount = line.amount
            line.payable_currency_id = line.currency_id
            line.payable_date = line.run_id.date_pay
            line.payable_input_code = INPUT_CODES.get(line.line_type)
            line.payable = line.run_id.state in (
                "approved",
                "paid",
            ) and not line.currency_id.is_zero(line.amount)

    # ------------------------------------------------------------------
    # Numbers a payroll can pay
    # ------------------------------------------------------------------
    @api.constrains("actual", "amount", "wage", "target_value", "minimum_value")
    def _check_numbers(self):
        for line in self:
            values = (line.actual, line.target_value, line.minimum_value)
            if not all(is_finite(value) for value in values):
                raise ValidationError(
                    _(
                        "Line %(line)s: the target, minimum and actual must be "
                        "real numbers.",
                        line=line.display_name,
                    )
                )
            for amount in (line.amount, line.wage):
                if not is_finite(amount) or not 0 <= amount <= MAX_AMOUNT:
                    raise ValidationError(
                        _(
                            "Line %(line)s: amounts and wages must be between 0 "
                            "and %(maximum)s (got %(value)s).",
                            line=line.display_name,
                            maximum=LIMIT,
                            value=amount,
                        )
                    )

    # ------------------------------------------------------------------
    # Client writes: the supervisor's and finance's fields only, while the
    # run is in an editable state
    # ------------------------------------------------------------------
    def _check_editable(self):
        # paid lines are locked by payroll, whose message names the payslip
        for line in self.filtered(lambda ln: not ln.payable_paid):
            if line.run_id.state not in EDITABLE_STATES:
                raise UserError(
                    _(
                        "Line %(line)s: run %(run)s is submitted, approved or "
                        "paid; its lines can no longer be changed.",
                        line=line.display_name,
                        run=line.run_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                _(
                    "Performance-pay lines are created by the run's Compute "
                    "Lines button, not one by one."
                )
            )
        lines = super().create(vals_list)
        lines._check_editable()
        return lines

    def write(self, vals):
        fnames = set(vals)
        if not self.env.su:
            forbidden = fnames - CLIENT_FIELDS
            if forbidden:
                raise AccessError(
                    _(
                        "Performance-pay lines: %(fields)s are set by the run "
                        "and by payroll; only the actual, the amount and the "
                        "note can be changed.",
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
        if not self.env.su or fnames & CLIENT_FIELDS:
            self._check_editable()
        for fname in ("actual", "amount"):
            if fname in vals and not is_finite(vals[fname] or 0):
                raise ValidationError(
                    _(
                        "Line %(line)s: %(field)s must be a real number.",
                        line=", ".join(self.mapped("display_name")),
                        field=self._fields[fname]._description_string(self.env),
                    )
                )
        overrides = self.browse()
        if not self.env.su and ("amount" in vals or "override_reason" in vals):
            vals = dict(vals)
            overrides = self._check_override(vals)
        res = super().write(vals)
        overrides._post_override()
        return res

    def _check_override(self, vals):
        """A client's amount that differs from the computed one is an
        override: only a supervisor (or HR) makes it, only before finance
        verifies the run, and never without a reason. An amount set back to
        the computed one clears the reason. Returns the lines overridden."""
        amount = vals.get("amount")
        if "amount" in vals and not (
            is_finite(amount or 0) and 0 <= (amount or 0) <= MAX_AMOUNT
        ):
            # refused by the constraints, with their own message
            return self.browse()
        reason = (vals.get("override_reason") or "").strip()
        overrides = self.browse()
        for line in self:
            new_amount = vals.get("amount", line.amount)
            if not line.currency_id.compare_amounts(
                new_amount or 0.0, line.amount_computed
            ):
                if "amount" in vals:
                    vals["override_reason"] = False
                continue
            if not self.env.user.has_group(GROUP_MANAGER):
                raise AccessError(
                    _(
                        "Line %(line)s: only the supervisor may change the "
                        "computed amount.",
                        line=line.display_name,
                    )
                )
            if line.run_id.state not in OVERRIDE_STATES:
                raise UserError(
                    _(
                        "Line %(line)s: the computed amount can only be "
                        "changed before finance verifies run %(run)s.",
                        line=line.display_name,
                        run=line.run_id.display_name,
                    )
                )
            if not (reason or ("override_reason" not in vals and line.override_reason)):
                raise UserError(
                    _(
                        "Line %(line)s: the amount %(amount)s differs from the "
                        "computed %(computed)s; give the reason of the change.",
                        line=line.display_name,
                        amount=new_amount,
                        computed=line.amount_computed,
                    )
                )
            overrides |= line
        return overrides

    def _post_override(self):
        """Say each override in the chatter of its run (the line has none)."""
        for line in self:
            line.run_id.message_post(
                body=_(
                    "Line %(line)s: amount %(amount)s instead of the computed "
                    "%(computed)s. Reason: %(reason)s",
                    line=line.display_name,
                    amount=line.amount,
                    computed=line.amount_computed,
                    reason=line.override_reason,
                ),
                subtype_xmlid="mail.mt_note",
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_if_editable(self):
        self._check_editable()
