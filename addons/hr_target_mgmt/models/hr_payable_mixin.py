# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL


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
      lines.

    The payable fields are bookkeeping: no client writes them, whatever its
    context (:meth:`write` refuses them unless the server's own code writes,
    as superuser). Lines are marked paid by set-based statements that only
    take lines approved and not paid yet: :meth:`_payable_mark_paid` (paid
    outside payroll) here, the payslip's claim in the bridge.

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

    @api.model
    def _payable_bookkeeping_fields(self):
        """Fields only the server writes."""
        return {name for name in self._fields if name.startswith("payable")} | {
            "payslip_id"
        }

    def write(self, vals):
        if not self.env.su and self._payable_bookkeeping_fields() & set(vals):
            raise AccessError(
                _(
                    "%(lines)s: the payroll fields (payable, paid, payslip) are "
                    "set by the approval workflow and by payroll only.",
                    lines=", ".join(self.mapped("display_name")),
                )
            )
        return super().write(vals)

    @api.model
    def _payable_mark_paid_where(self):
        """Condition of the lines :meth:`_payable_mark_paid` may take."""
        return SQL("payable IS TRUE AND payable_paid IS NOT TRUE")

    @api.model
    def _payable_mark_paid(self, line_ids):
        """Mark the approved, unpaid lines among ``line_ids`` as paid outside
        payroll, in one statement that takes only lines nobody paid yet, so
        that payroll never pays them again. Server code: the caller checks
        the user's rights.

        :return: the lines marked paid
        """
        if not line_ids:
            return self.browse()
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                UPDATE %(table)s
                   SET payable_paid = TRUE,
                       write_uid = %(uid)s,
                       write_date = (now() at time zone 'UTC')
                 WHERE id IN %(ids)s AND %(where)s
             RETURNING id
                """,
                table=SQL.identifier(self._table),
                uid=self.env.uid,
                ids=tuple(line_ids),
                where=self._payable_mark_paid_where(),
            )
        )
        lines = self.browse([row[0] for row in self.env.cr.fetchall()])
        lines.invalidate_recordset(["payable_paid", "write_date", "write_uid"])
        lines.modified(["payable_paid"])
        return lines

    # Hooks called by the payroll bridge (no-ops without it): inheriting
    # models may react, e.g. close their run when its last line is paid.
    def _payable_on_paid(self):
        """Called on the lines a confirmed payslip has just paid."""

    def _payable_on_released(self):
        """Called on the lines a cancelled, deleted or refunded payslip has
        just released (payable again)."""
