# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Recurring cycles, large cycles opened in batches by the scheduled action,
the calibration guide."""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError

from .common import HrAppraisalCase

THRESHOLD = "hr_appraisal_training.cycle_open_batch_threshold"


class TestCycleSchedule(HrAppraisalCase):
    def _scope(self):
        return self.zhang | self.li | self.teacher

    def test_large_cycle_opens_in_batches(self):
        self.env["ir.config_parameter"].set_param(THRESHOLD, "2")
        cycle = self._cycle(employee_ids=[Command.set(self._scope().ids)])
        cron = self.env.ref("hr_appraisal_training.ir_cron_open_review_cycles")
        triggers = self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)])
        self._as("hr_officer", cycle).action_open()
        # checked, queued, nothing created in the request
        self.assertEqual(cycle.state, "draft")
        self.assertTrue(cycle.opening_queued)
        self.assertFalse(cycle.review_ids)
        self.assertGreater(
            self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)]),
            triggers,
        )
        with self.assertRaises(UserError):
            self._as("hr_officer", cycle).action_open()
        with self.assertRaises(AccessError):
            self._as("hr_officer", cycle).write({"opening_queued": False})
        # the scheduled action: two batches, reporting its progress
        progress = self.env["ir.cron.progress"].create({"cron_id": cron.id})
        Cycle = self.env["hr.performance.review.cycle"].with_context(
            ir_cron_progress_id=progress.id
        )
        Cycle._cron_open_cycles(batch_size=2)
        self.assertEqual(len(cycle.review_ids), 2)
        self.assertEqual((progress.done, progress.remaining), (2, 1))
        self.assertEqual(cycle.state, "draft")
        Cycle._cron_open_cycles(batch_size=2)
        self.assertEqual(len(cycle.review_ids), 3)
        self.assertEqual((progress.done, progress.remaining), (1, 0))
        self.assertEqual(cycle.state, "open")
        self.assertFalse(cycle.opening_queued)
        self.assertEqual(set(cycle.review_ids.mapped("state")), {"self"})

    def test_large_cycle_checked_before_queueing(self):
        self.env["ir.config_parameter"].set_param(THRESHOLD, "1")
        nobody = self.env["hr.employee"].create(
            {"name": "无模板", "company_id": self.company.id}
        )
        cycle = self._cycle(employee_ids=[Command.set((self.zhang | nobody).ids)])
        with self.assertRaisesRegex(UserError, "无模板"):
            cycle.action_open()
        self.assertFalse(cycle.opening_queued)

    def test_small_cycle_opens_at_once(self):
        cycle = self._cycle(employee_ids=[Command.set(self._scope().ids)])
        cycle.action_open()
        self.assertEqual(cycle.state, "open")
        self.assertEqual(len(cycle.review_ids), 3)

    def test_recurring_cycle(self):
        cycle = self._cycle(
            name="2026-01",
            cycle_type="monthly",
            recurring=True,
            date_self_deadline=date(2026, 2, 3),
            employee_ids=[Command.set(self._scope().ids)],
        )
        cycle.action_open()
        Cycle = self.env["hr.performance.review.cycle"]
        Cycle._cron_open_recurring(today=date(2026, 1, 20))
        self.assertFalse(cycle.next_cycle_id)  # not ended yet
        Cycle._cron_open_recurring(today=date(2026, 2, 1))
        following = cycle.next_cycle_id
        self.assertEqual(following.date_from, date(2026, 2, 1))
        self.assertEqual(following.date_to, date(2026, 2, 28))
        self.assertEqual(following.date_self_deadline, date(2026, 3, 3))
        self.assertEqual(following.previous_cycle_id, cycle)
        self.assertTrue(following.recurring)
        self.assertEqual(following.state, "open")
        self.assertEqual(following.review_ids.employee_id, self._scope())
        self.assertIn("2026-02", following.name)
        # once only
        Cycle._cron_open_recurring(today=date(2026, 2, 2))
        self.assertEqual(Cycle.search_count([("previous_cycle_id", "=", cycle.id)]), 1)

    def test_calibration_guide(self):
        cycle = self._cycle(employee_ids=[Command.set((self.zhang | self.li).ids)])
        cycle.action_open()
        for review in cycle.review_ids:
            service = review.line_ids.filtered(lambda ln: ln.method == "rating")
            service.write({"self_score": 5, "manager_score": 5})
            review.action_submit_self()
            review.action_done()
        self.assertFalse(cycle.calibration_warning)
        # 张三 (enrolments 150 %) and 李四 (30 %) fall in two bands: each
        # holds 50 % of the cycle, against a guide of at most 20 % for 张三's
        zhang = cycle.review_ids.filtered(lambda r: r.employee_id == self.zhang)
        li = cycle.review_ids - zhang
        self.assertNotEqual(zhang.band_id, li.band_id)
        zhang.band_id.max_share = 20
        li.band_id.max_share = 60
        cycle.invalidate_recordset(["calibration_warning"])
        self.assertIn(zhang.band_id.name, cycle.calibration_warning)
        self.assertIn("50.0", cycle.calibration_warning)
        self.assertNotIn(li.band_id.name, cycle.calibration_warning)
        action = cycle.action_view_band_distribution()
        self.assertEqual(action["domain"], [("cycle_id", "=", cycle.id)])
