# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing

import psycopg2.errors

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.tests.common import BaseCase, get_db_name, tagged
from odoo.tools import SQL, mute_logger

from .common import (
    add_performance_line,
    approve,
    create_payroll_data,
    pay_period,
    run_batch,
)


@tagged("post_install", "-at_install")
class TestConcurrentBatches(BaseCase):
    """Two payslip batches for the same people, computed at the same time
    and confirmed in two transactions: a line is paid by one of them only.

    The data is committed (each transaction must see it) and removed after
    each test."""

    def setUp(self):
        super().setUp()
        self.registry = Registry(get_db_name())
        self.ids = {}
        self.addCleanup(self._cleanup)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            data = create_payroll_data(env, suffix=f" ({self._testMethodName})")
            zhang, li = data["employees"][:2]
            lines = add_performance_line(
                data["run"], data["contracts"][0], 10, 15
            ) | add_performance_line(data["run"], data["contracts"][1], 10, 3)
            approve(data["run"])
            date_from, date_to = pay_period(data["run"])
            batch_a = run_batch(env, zhang | li, date_from, date_to, "Batch A")
            batch_b = run_batch(env, zhang | li, date_from, date_to, "Batch B")
            self.ids = {
                "department": data["department"].id,
                "employees": data["employees"].ids,
                "contracts": data["contracts"].ids,
                "run": data["run"].id,
                "lines": lines.ids,
                "batches": (batch_a | batch_b).ids,
                "slips_a": batch_a.slip_ids.ids,
                "slips_b": batch_b.slip_ids.ids,
            }

    def _cleanup(self):
        if not self.ids:
            return
        ids = self.ids
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            slips = env["hr.payslip"].browse(ids["slips_a"] + ids["slips_b"])
            cr.execute(
                "UPDATE hr_payslip SET state = 'cancel' WHERE id IN %s",
                [tuple(slips.ids)],
            )
            slips.invalidate_recordset(["state"])
            slips.unlink()
            env["hr.payslip.run"].browse(ids["batches"]).unlink()
            for model, res_ids in (
                ("hr.performance.pay.line", ids["lines"]),
                ("hr.performance.pay.run", [ids["run"]]),
            ):
                for table, column in (
                    ("mail_activity", "res_model"),
                    ("mail_followers", "res_model"),
                    ("mail_message", "model"),
                ):
                    cr.execute(
                        SQL(
                            "DELETE FROM %s WHERE %s = %s AND res_id IN %s",
                            SQL.identifier(table),
                            SQL.identifier(column),
                            model,
                            tuple(res_ids),
                        )
                    )
            cr.execute(
                "DELETE FROM hr_performance_pay_line WHERE id IN %s",
                [tuple(ids["lines"])],
            )
            cr.execute("DELETE FROM hr_performance_pay_run WHERE id = %s", [ids["run"]])
            env.invalidate_all()
            env["hr.contract"].browse(ids["contracts"]).unlink()
            employees = env["hr.employee"].browse(ids["employees"])
            partners = employees.work_contact_id
            employees.unlink()
            partners.unlink()
            env["hr.department"].browse(ids["department"]).unlink()

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {})

    @mute_logger("odoo.sql_db")
    def test_two_batches_pay_each_line_once(self):
        with (
            closing(self.registry.cursor()) as cr_a,
            closing(self.registry.cursor()) as cr_b,
        ):
            env_a, env_b = self._env(cr_a), self._env(cr_b)
            lines_a = env_a["hr.performance.pay.line"].browse(self.ids["lines"])
            lines_b = env_b["hr.performance.pay.line"].browse(self.ids["lines"])
            slips_a = env_a["hr.payslip"].browse(self.ids["slips_a"])
            slips_b = env_b["hr.payslip"].browse(self.ids["slips_b"])
            # both transactions start while every line is unpaid and on
            # both batches' payslips
            self.assertFalse(any(lines_a.mapped("payslip_id")))
            self.assertFalse(any(lines_b.mapped("payslip_id")))
            self.assertEqual(
                len(slips_a.input_line_ids.filtered("payable_res_model")), 2
            )
            self.assertEqual(
                len(slips_b.input_line_ids.filtered("payable_res_model")), 2
            )
            # batch A is confirmed and committed first
            slips_a.action_payslip_done()
            env_a.flush_all()
            cr_a.commit()  # pylint: disable=invalid-commit
            # batch B, computed on the same unpaid lines, cannot pay them:
            # the conditional UPDATE hits rows A changed after B's snapshot
            with self.assertRaises((UserError, psycopg2.errors.SerializationFailure)):
                slips_b.action_payslip_done()
                env_b.flush_all()
            cr_b.rollback()

        with closing(self.registry.cursor()) as cr:
            env = self._env(cr)
            lines = env["hr.performance.pay.line"].browse(self.ids["lines"])
            slips_a = env["hr.payslip"].browse(self.ids["slips_a"])
            slips_b = env["hr.payslip"].browse(self.ids["slips_b"])
            self.assertEqual(lines.payslip_id, slips_a)
            self.assertTrue(all(lines.mapped("payable_paid")))
            self.assertEqual(set(slips_b.mapped("state")), {"verify"})
            # retried (as Odoo retries a serialization failure), batch B
            # computes again, drops the paid lines and pays only wages
            slips_b.action_payslip_done()
            self.assertFalse(slips_b.input_line_ids.filtered("payable_res_model"))
            self.assertEqual(lines.payslip_id, slips_a)
            self.assertEqual(
                sum(
                    slips_b.line_ids.filtered(lambda l: l.code == "GROSS").mapped(
                        "total"
                    )
                ),
                2000.0,
            )

    @mute_logger("odoo.sql_db")
    def test_two_batches_confirmed_in_parallel(self):
        """Both batches confirmed by two threads at the same moment: the
        second claimer waits for the row locks of the first, then fails."""
        barrier = threading.Barrier(2)

        def confirm(slip_ids):
            with closing(self.registry.cursor()) as cr:
                env = self._env(cr)
                slips = env["hr.payslip"].browse(slip_ids)
                self.assertEqual(set(slips.mapped("state")), {"verify"})
                barrier.wait(timeout=10)
                try:
                    slips.action_payslip_done()
                    env.flush_all()
                    cr.commit()  # pylint: disable=invalid-commit
                except (UserError, psycopg2.errors.SerializationFailure):
                    cr.rollback()
                    return False
                return True

        with ThreadPoolExecutor(max_workers=2) as executor:
            future_a = executor.submit(confirm, self.ids["slips_a"])
            future_b = executor.submit(confirm, self.ids["slips_b"])
            done_a = future_a.result(timeout=60)
            done_b = future_b.result(timeout=60)
        self.assertEqual(done_a + done_b, 1, "exactly one batch is confirmed")

        with closing(self.registry.cursor()) as cr:
            env = self._env(cr)
            lines = env["hr.performance.pay.line"].browse(self.ids["lines"])
            winner = env["hr.payslip"].browse(
                self.ids["slips_a"] if done_a else self.ids["slips_b"]
            )
            self.assertEqual(lines.payslip_id, winner)
            self.assertEqual(set(winner.mapped("state")), {"done"})
