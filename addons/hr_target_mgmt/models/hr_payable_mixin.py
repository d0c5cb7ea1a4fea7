# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class HrPayableMixin(models.AbstractModel):
    """The contract of a "payable line": an approved amount for one employee
    that payroll pays exactly once.

    Any model of the suite that produces money for an employee (monthly
    performance-pay lines, supervisors' team rewards, year-end profit shares)
    inherits this mixin and fills its fields. A payroll bridge addon, when
    installed, reads every model inheriting it, turns the lines that are
    payable into payslip inputs and links each line to the payslip that paid
    it. The functional addons know nothing of the payroll engine.

    Inheriting models must implement:

    * ``_compute_payable`` to set ``payable`` (True when the line is approved
      and may be paid), and keep ``payable_*`` fields up to date (stored
      computed fields redefined on the inheriting model, e.g.
      ``hr.performance.pay.line``);
    * their own locking of approved lines. The bridge adds the lock of paid
      lines and writes its own fields under the context key
      ``hr_payable_bridge_write``, which inheriting models let through.

    Input codes in use: ``PERF_PAY`` (monthly performance pay) and
    ``TEAM_REWARD`` (supervisor's team reward).
    """

    _name = "hr.payable.mixin"
    _description = "Payable Line (paid through payroll)"

    payable_employee_id = fields.Many2one(
        "hr.employee", string="Paid Employee", index=True, readonly=True
    )
    payable_contract_id = fields.Many2one(
        "hr.contract", string="Paid Contract", readonly=True
    )
    payable_amount = fields.Monetary(
        currency_field="payable_currency_id", readonly=True
    )
    payable_currency_id = fields.Many2one("res.currency", readonly=True)
    payable_date = fields.Date(
        string="Pay Date",
        index=True,
        readonly=True,
        help="The payslip whose period contains this date pays the line.",
    )
    payable_input_code = fields.Char(
        string="Payslip Input Code",
        readonly=True,
        help="Code of the payslip input line this amount becomes.",
    )
    payable = fields.Boolean(
        readonly=True,
        index=True,
        copy=False,
        help="Approved and waiting to be paid (or paid) through payroll.",
    )
    payable_paid = fields.Boolean(
        string="Paid",
        readonly=True,
        copy=False,
        help="Set by payroll when a confirmed payslip paid this line.",
    )

    # Hooks called by the payroll bridge (no-ops without it): inheriting
    # models may react, e.g. close their run when its last line is paid.
    def _payable_on_paid(self):
        """Called on the lines a confirmed payslip has just paid."""

    def _payable_on_released(self):
        """Called on the lines a cancelled, deleted or refunded payslip has
        just released (payable again)."""
