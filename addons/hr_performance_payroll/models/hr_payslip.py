# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.payroll.models.base_browsable import BaseBrowsableObject

# No context key changes what the bridge does: a client sends any context
# (XML-RPC), and a key that skipped the bridge would let a payroll user pay
# lines without claiming them. The two switches below live in the Python
# process only, out of reach of any client.

# Set while OCA's batch wizard prepares its payslips (see defer_inputs): the
# payable inputs are left to the wizard's batched compute_sheet.
_DEFER_INPUTS = ContextVar("hr_payable_defer_inputs", default=False)


@contextmanager
def defer_inputs():
    """Within this block, ``get_inputs`` does not look for payable lines:
    the caller computes the payslips afterwards, and ``compute_sheet`` adds
    the inputs of every payslip of the batch at once. Deferring can only
    leave inputs out until that computation, never pay anything."""
    token = _DEFER_INPUTS.set(True)
    try:
        yield
    finally:
        _DEFER_INPUTS.reset(token)


class HrPayslip(models.Model):
    _inherit = "hr.payslip"

    # True only inside a benchmark's or a test's own Python process, set on
    # the registry's class to run OCA's plain code on the same database: a
    # class attribute, not a field or a context key, so no client reaches it.
    _payable_bridge_off = False

    payable_input_count = fields.Integer(
        string="Performance Pay Lines",
        compute="_compute_payable_input_count",
    )

    def _compute_name(self):
        """The payslip's name in the user's language with the month as
        YYYY-MM (OCA's own term, "Salary Slip of … for October-2026", has no
        Chinese translation and spells the month out)."""
        for payslip in self:
            if not payslip.date_from:
                continue
            payslip.name = _(
                "Salary Slip of %(name)s for %(month)s",
                name=payslip.employee_id.name,
                month=payslip.date_from.strftime("%Y-%m"),
            )

    @api.depends("input_line_ids.payable_res_model")
    def _compute_payable_input_count(self):
        for slip in self:
            slip.payable_input_count = len(
                slip.input_line_ids.filtered("payable_res_model")
            )

    # ------------------------------------------------------------------
    # Finding the payable lines of a batch of payslips
    # ------------------------------------------------------------------
    @api.model
    def _payable_search_lines(self, employees, date_from, date_to):
        """Approved, unpaid payable lines of ``employees`` dated between
        ``date_from`` and ``date_to``: one search per payable model, whatever
        the number of employees. Read as superuser: paying them is payroll's
        job, reading them does not require the performance roles."""
        result = []
        if not employees or not date_from or not date_to:
            return result
        Mixin = self.env["hr.payable.mixin"]
        for model_name in Mixin._payable_model_names():
            lines = (
                self.env[model_name]
                .sudo()
                .search(
                    [
                        ("payable", "=", True),
                        ("payable_paid", "=", False),
                        ("payslip_id", "=", False),
                        ("payable_employee_id", "in", employees.ids),
                        ("payable_date", ">=", date_from),
                        ("payable_date", "<=", date_to),
                    ],
                    order="payable_date, id",
                )
            )
            result.extend(lines)
        return result

    def _payable_input_vals(self, line, contract):
        """Values of the input line paying ``line`` on this payslip."""
        self.ensure_one()
        currency = self.company_id.currency_id or self.env.company.currency_id
        if line.payable_currency_id and line.payable_currency_id != currency:
            raise UserError(
                _(
                    "%(line)s is in %(line_currency)s but payslip %(payslip)s "
                    "is paid in %(currency)s: payroll cannot pay it.",
                    line=line.display_name,
                    line_currency=line.payable_currency_id.name,
                    payslip=self.display_name,
                    currency=currency.name,
                )
            )
        return dict(self._payable_input_base_vals(line, contract), payslip_id=self.id)

    @api.model
    def _payable_input_base_vals(self, line, contract):
        """The input line of ``line`` booked on ``contract`` (no payslip)."""
        return {
            "name": line.display_name,
            "code": line.payable_input_code,
            "amount": line.payable_amount,
            "contract_id": contract.id,
            "sequence": 50,
            "payable_res_model": line._name,
            "payable_res_id": line.id,
        }

    def _payable_contract_for(self, line, contracts):
        """The contract an input line of ``line`` is booked on."""
        if self.contract_id:
            return self.contract_id
        if line.payable_contract_id in contracts:
            return line.payable_contract_id
        return contracts[:1]

    def _payable_raise_no_contract(self, lines):
        self.ensure_one()
        raise UserError(
            _(
                "Employee %(employee)s has approved pay waiting for payroll "
                "(%(lines)s) but no contract for payslip %(payslip)s "
                "(%(date_from)s - %(date_to)s). Create or start the contract "
                "for this period, then compute the payslip again.",
                employee=self.employee_id.name,
                lines=", ".join(line.display_name for line in lines),
                payslip=self.name or self.number or self.employee_id.name,
                date_from=self.date_from,
                date_to=self.date_to,
            )
        )

    # ------------------------------------------------------------------
    # Creation paths: single payslip (onchange) and batch wizard
    # ------------------------------------------------------------------
    @api.model
    def get_inputs(self, contracts, date_from, date_to):
        res = super().get_inputs(contracts, date_from, date_to)
        if self._payable_bridge_off or _DEFER_INPUTS.get():
            return res
        contracts = contracts.filtered("employee_id")
        lines = self._payable_search_lines(contracts.employee_id, date_from, date_to)
        for line in lines:
            employee_contracts = contracts.filtered(
                lambda c, line=line: c.employee_id == line.payable_employee_id
            )
            contract = (
                line.payable_contract_id
                if line.payable_contract_id in employee_contracts
                else employee_contracts[:1]
            )
            res.append(self._payable_input_base_vals(line, contract))
        return res

    # ------------------------------------------------------------------
    # Computation: inputs follow the approved lines until confirmation
    # ------------------------------------------------------------------
    def _payable_sync_inputs(self):
        """Make the payable input lines of draft payslips match the lines
        payable now: add lines approved since the payslip was created, drop
        lines no longer payable (or paid by another payslip), update amounts.
        Constant number of queries for the whole batch."""
        slips = self.filtered(
            lambda s: s.state in ("draft", "verify") and not s.credit_note
        )
        if not slips:
            return
        lines = self._payable_search_lines(
            slips.employee_id,
            min(slips.mapped("date_from")),
            max(slips.mapped("date_to")),
        )
        lines_by_employee = defaultdict(list)
        for line in lines:
            lines_by_employee[line.payable_employee_id.id].append(line)
        existing = {}
        for inp in slips.input_line_ids:
            if inp.payable_res_model:
                key = (inp.payslip_id.id, inp.payable_res_model, inp.payable_res_id)
                existing[key] = inp
        to_create = []
        for slip in slips:
            slip_lines = [
                line
                for line in lines_by_employee[slip.employee_id.id]
                if slip.date_from <= line.payable_date <= slip.date_to
            ]
            if not slip_lines:
                continue
            contracts = slip.contract_id or slip._get_employee_contracts()
            if not contracts:
                slip._payable_raise_no_contract(slip_lines)
            for line in slip_lines:
                vals = slip._payable_input_vals(
                    line, slip._payable_contract_for(line, contracts)
                )
                inp = existing.pop((slip.id, line._name, line.id), None)
                if not inp:
                    to_create.append(vals)
                    continue
                changes = {
                    fname: vals[fname]
                    for fname in ("name", "code", "amount")
                    if inp[fname] != vals[fname]
                }
                if changes:
                    inp.write(changes)
        if existing:
            self.env["hr.payslip.input"].union(*existing.values()).unlink()
        if to_create:
            self.env["hr.payslip.input"].create(to_create)

    def compute_sheet(self):
        if self._payable_bridge_off:
            return super().compute_sheet()
        self._payable_sync_inputs()
        # OCA computes the payslips one at a time and each computation empties
        # the whole cache (it deletes the old payslip lines): with the batch
        # prefetched, every payslip would read again the data of all the
        # others. Computing each payslip with only itself prefetched keeps a
        # batch linear.
        res = True
        for slip in self:
            res = super(HrPayslip, slip.with_prefetch(slip.ids)).compute_sheet()
        return res

    def _get_baselocaldict(self, contracts):
        """Several payable lines may share an input code on one payslip (two
        runs in a month, a team reward and a correction...). OCA keys inputs
        by code, so the last one would win: give the rules their sum."""
        localdict = super()._get_baselocaldict(contracts)
        if self._payable_bridge_off:
            return localdict
        by_code = defaultdict(lambda: self.env["hr.payslip.input"])
        for inp in self.input_line_ids:
            if inp.code:
                by_code[inp.code] |= inp
        for code, inputs in by_code.items():
            if len(inputs) > 1 and any(inputs.mapped("payable_res_model")):
                localdict["inputs"].dict[code] = BaseBrowsableObject(
                    {
                        "code": code,
                        "name": inputs[0].name,
                        "amount": sum(inputs.mapped("amount")),
                        "amount_qty": sum(inputs.mapped("amount_qty")),
                        "contract_id": inputs[0].contract_id,
                        "payslip_id": self,
                    }
                )
        return localdict

    # ------------------------------------------------------------------
    # Exactly once: claim on confirmation, release on cancel / delete
    # ------------------------------------------------------------------
    def _payable_inputs_by_model(self):
        """{model name: {line id: payslip id}} of the payable inputs of
        these payslips (models no longer installed are ignored)."""
        by_model = defaultdict(dict)
        for inp in self.input_line_ids:
            model_name = inp.payable_res_model
            if not model_name or model_name not in self.env:
                continue
            slip_id = by_model[model_name].setdefault(
                inp.payable_res_id, inp.payslip_id.id
            )
            if slip_id != inp.payslip_id.id:
                line = self.env[model_name].sudo().browse(inp.payable_res_id)
                raise UserError(
                    _(
                        "%(line)s is on payslips %(payslip)s and %(other)s "
                        "confirmed together: it can be paid only once. Remove "
                        "it from one of them.",
                        line=line.display_name,
                        payslip=self.browse(slip_id).display_name,
                        other=inp.payslip_id.display_name,
                    )
                )
        return by_model

    def _payable_check_rules(self):
        """A payable input must be paid by a salary rule of the same code,
        otherwise the line would be marked paid without being in the pay.
        One grouped query for the batch (reading the salary lines of every
        payslip would load thousands of wide records)."""
        inputs = self.input_line_ids.filtered("payable_res_model")
        if not inputs:
            return
        paid = set(
            self.env["hr.payslip.line"]._read_group(
                [
                    ("slip_id", "in", self.ids),
                    ("code", "in", list(set(inputs.mapped("code")))),
                ],
                ["slip_id", "code"],
            )
        )
        for inp in inputs:
            slip = inp.payslip_id
            if (slip, inp.code) not in paid:
                raise UserError(
                    _(
                        "Payslip %(payslip)s has the input %(input)s "
                        "(code %(code)s) but no salary line %(code)s: add "
                        "the salary rule %(code)s to structure "
                        "%(structure)s, then compute the payslip again.",
                        payslip=slip.display_name,
                        input=inp.name,
                        code=inp.code,
                        structure=slip.struct_id.display_name or "-",
                    )
                )

    def _payable_claim_lines(self):
        """Link the payable lines of these confirmed payslips to them. Any
        line already held by another payslip (even one committed a moment
        ago by a concurrent batch) makes the confirmation fail."""
        regular = self.filtered(lambda s: s.state == "done" and not s.credit_note)
        regular._payable_check_rules()
        by_model = regular._payable_inputs_by_model()
        inputs = regular.input_line_ids.filtered("payable_res_model")
        for model_name, slip_by_line in by_model.items():
            Model = self.env[model_name].sudo()
            claimed = Model._payable_claim(slip_by_line)
            missing = Model.browse(set(slip_by_line) - set(claimed.ids))
            for line in missing.exists():
                raise UserError(
                    _(
                        "%(line)s cannot be paid by payslip %(payslip)s: it "
                        "was paid by payslip %(other)s. Compute the payslip "
                        "again to drop it.",
                        line=line.display_name,
                        payslip=self.browse(slip_by_line[line.id]).display_name,
                        other=line.payslip_id.display_name,
                    )
                    if line.payslip_id
                    else _(
                        "%(line)s cannot be paid by payslip %(payslip)s: it "
                        "is no longer approved. Compute the payslip again to "
                        "drop it.",
                        line=line.display_name,
                        payslip=self.browse(slip_by_line[line.id]).display_name,
                    )
                )
            if missing:
                raise UserError(
                    _(
                        "A performance pay line of these payslips was deleted. "
                        "Compute the payslips again."
                    )
                )
            for inp in inputs.filtered(
                lambda i, m=model_name: i.payable_res_model == m
            ):
                line = claimed.browse(inp.payable_res_id)
                currency = inp.payslip_id.company_id.currency_id
                if currency.compare_amounts(inp.amount, line.payable_amount):
                    raise UserError(
                        _(
                            "The amount of %(line)s changed since payslip "
                            "%(payslip)s was computed. Compute the payslip "
                            "again.",
                            line=line.display_name,
                            payslip=inp.payslip_id.display_name,
                        )
                    )
            claimed._payable_on_paid()

    def _payable_release_lines(self):
        """Release the lines paid by these payslips."""
        if not self.ids:
            return
        Mixin = self.env["hr.payable.mixin"]
        for model_name in Mixin._payable_model_names():
            released = (
                self.env[model_name].sudo()._payable_release(payslip_ids=self.ids)
            )
            released._payable_on_released()

    def _payable_release_refunded(self):
        """A confirmed refund reverses its original payslip: the lines that
        payslip paid become payable again for a corrected payslip."""
        for model_name, slip_by_line in self._payable_inputs_by_model().items():
            released = (
                self.env[model_name]
                .sudo()
                ._payable_release(line_ids=list(slip_by_line))
            )
            released._payable_on_released()

    def action_payslip_done(self):
        if self._payable_bridge_off:
            return super().action_payslip_done()
        # OCA computes and confirms one payslip per call (it reads a setting
        # on ``self``): compute the whole batch first, its inputs synchronised
        # once, then let OCA confirm it without computing it again.
        if not (
            self.env.context.get("without_compute_sheet")
            or self[:1].prevent_compute_on_confirm
        ):
            self.compute_sheet()
        res = super(
            HrPayslip, self.with_context(without_compute_sheet=True)
        ).action_payslip_done()
        self._payable_claim_lines()
        self.filtered(
            lambda s: s.state == "done" and s.credit_note
        )._payable_release_refunded()
        return res

    def action_payslip_cancel(self):
        res = super().action_payslip_cancel()
        if not self._payable_bridge_off:
            self._payable_release_lines()
        return res

    def unlink(self):
        if not self._payable_bridge_off:
            self._payable_release_lines()
        return super().unlink()

    # ------------------------------------------------------------------
    # Views
    # ------------------------------------------------------------------
    def action_view_payable_inputs(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "hr_performance_payroll.hr_payslip_input_payable_action"
        )
        action["domain"] = [
            ("payslip_id", "=", self.id),
            ("payable_res_model", "!=", False),
        ]
        return action
