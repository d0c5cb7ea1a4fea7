# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class HrPayableMixin(models.AbstractModel):
    """Payroll side of the payable-line contract.

    Every model inheriting ``hr.payable.mixin`` gets the payslip that paid
    each line, a lock on paid lines, and the two set-based SQL operations
    that pay (claim) and release lines. The claim is the exactly-once
    guarantee: a line is linked to a payslip only if no payslip holds it
    yet, in one ``UPDATE ... WHERE payslip_id IS NULL`` that takes the row
    locks, so two transactions can never both pay it.
    """

    _inherit = "hr.payable.mixin"

    payslip_id = fields.Many2one(
        "hr.payslip",
        string="Paid by Payslip",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        help="The confirmed payslip that paid this line.",
    )

    # ------------------------------------------------------------------
    # Discovery
    # ------------------------------------------------------------------
    @api.model
    def _payable_model_names(self):
        """Names of every concrete model inheriting the mixin, directly or
        through another model (read from the registry, so a new source of
        payable lines needs no change here)."""
        registry = self.env.registry
        names, todo, seen = [], ["hr.payable.mixin"], set()
        while todo:
            name = todo.pop()
            if name in seen or name not in registry:
                continue
            seen.add(name)
            model = registry[name]
            if not model._abstract and not model._transient and model._auto:
                names.append(name)
            todo.extend(model._inherit_children)
        return sorted(names)

    # ------------------------------------------------------------------
    # Lock of paid lines
    # ------------------------------------------------------------------
    @api.model
    def _payable_unlocked_fields(self):
        """Fields that may still be written on a paid line (chatter and
        activities). Inheriting models may extend the set."""
        return {
            name
            for name in self._fields
            if name.startswith(("message_", "activity_", "website_message_"))
        }

    def _payable_check_unlocked(self, fnames=None):
        if fnames is not None and not set(fnames) - self._payable_unlocked_fields():
            return
        for line in self:
            if line.payslip_id:
                raise UserError(
                    _(
                        "%(line)s was paid by payslip %(payslip)s and can no "
                        "longer be changed or deleted.",
                        line=line.display_name,
                        payslip=line.payslip_id.display_name,
                    )
                )
            if line.payable_paid:
                raise UserError(
                    _(
                        "%(line)s was paid outside payroll and can no longer be "
                        "changed or deleted.",
                        line=line.display_name,
                    )
                )

    def write(self, vals):
        self._payable_check_unlocked(vals.keys())
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_paid(self):
        self._payable_check_unlocked()

    def unlink(self):
        # Unpaid lines leave the payslips not confirmed yet.
        self.env["hr.payslip.input"].sudo().search(
            [
                ("payable_res_model", "=", self._name),
                ("payable_res_id", "in", self.ids),
                ("payslip_id.state", "in", ("draft", "verify")),
            ]
        ).unlink()
        return super().unlink()

    @api.model
    def _payable_mark_paid_where(self):
        # a line a payslip holds is paid already
        return SQL("%s AND payslip_id IS NULL", super()._payable_mark_paid_where())

    # ------------------------------------------------------------------
    # Claim and release (set-based, one query per model)
    # ------------------------------------------------------------------
    def _payable_after_sql(self, ids):
        """Reload the paid state of ``ids`` after an SQL update and trigger
        what depends on it (e.g. the payment state of a run)."""
        fnames = ["payslip_id", "payable_paid", "write_date", "write_uid"]
        records = self.browse(ids)
        records.invalidate_recordset(fnames)
        records.modified(["payslip_id", "payable_paid"])
        return records

    @api.model
    def _payable_claim(self, slip_by_line):
        """Link each line id of ``slip_by_line`` to its payslip id, only if
        the line is approved and no payslip holds it yet.

        :return: the lines actually claimed (a line held by another payslip,
            committed or not, is left out: the row lock makes a concurrent
            claimer wait, then see the line taken or fail to serialize).
        """
        if not slip_by_line:
            return self.browse()
        self.env.flush_all()
        values = SQL(", ").join(
            SQL("(%s, %s)", line_id, slip_id)
            for line_id, slip_id in slip_by_line.items()
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE %(table)s AS line
                   SET payslip_id = claim.slip_id,
                       payable_paid = TRUE,
                       write_uid = %(uid)s,
                       write_date = (now() at time zone 'UTC')
                  FROM (VALUES %(values)s) AS claim(line_id, slip_id)
                 WHERE line.id = claim.line_id
                   AND line.payslip_id IS NULL
                   AND line.payable_paid IS NOT TRUE
                   AND line.payable IS TRUE
             RETURNING line.id
                """,
                table=SQL.identifier(self._table),
                uid=self.env.uid,
                values=values,
            )
        )
        return self._payable_after_sql([row[0] for row in self.env.cr.fetchall()])

    @api.model
    def _payable_release(self, payslip_ids=None, line_ids=None):
        """Unlink lines from the payslips that paid them so that the next
        payslip of their period pays them again."""
        if not payslip_ids and not line_ids:
            return self.browse()
        self.env.flush_all()
        where = (
            SQL("payslip_id IN %s", tuple(payslip_ids))
            if payslip_ids
            else SQL("id IN %s AND payslip_id IS NOT NULL", tuple(line_ids))
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE %(table)s
                   SET payslip_id = NULL,
                       payable_paid = FALSE,
                       write_uid = %(uid)s,
                       write_date = (now() at time zone 'UTC')
                 WHERE %(where)s
             RETURNING id
                """,
                table=SQL.identifier(self._table),
                uid=self.env.uid,
                where=where,
            )
        )
        return self._payable_after_sql([row[0] for row in self.env.cr.fetchall()])
