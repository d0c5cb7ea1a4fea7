# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.hr_target_mgmt.models.hr_approval_mixin import (
    ACTIVITY_LATE,
    ACTIVITY_STEP,
)

from .common import YEAR, BonusShareCase


@tagged("post_install", "-at_install")
class TestBonusDeadlines(BonusShareCase):
    """The departments' submission and the principal's approval have
    deadlines before the pay date, with activities and one late reminder
    posted by the scheduled action."""

    def _activities(self, plan, xmlid):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "hr.bonus.plan"),
                ("res_id", "=", plan.id),
                ("activity_type_id", "=", self.env.ref(xmlid).id),
            ]
        )

    def test_default_deadlines_before_pay_date(self):
        plan = self._new_plan()
        self.assertEqual(plan.date_pay, date(YEAR + 1, 1, 31))
        self.assertEqual(plan.date_submit_deadline, date(YEAR + 1, 1, 10))
        self.assertEqual(plan.date_approve_deadline, date(YEAR + 1, 1, 21))
        with self.assertRaises(ValidationError):
            plan.date_approve_deadline = date(YEAR + 1, 2, 5)
        with self.assertRaises(ValidationError):
            plan.date_submit_deadline = date(YEAR + 1, 1, 25)

    def test_activities_and_late_reminders_once(self):
        manager, manager2 = self.users["manager"], self.users["manager2"]
        principal = self.users["principal"]
        plan = self._computed_plan()
        self.assertEqual(plan.date_next_deadline, plan.date_submit_deadline)
        steps = self._activities(plan, ACTIVITY_STEP)
        self.assertIn(manager, steps.user_id)
        self.assertIn(manager2, steps.user_id)
        self.assertEqual(set(steps.mapped("date_deadline")), {date(YEAR + 1, 1, 10)})
        cron = self.env["hr.bonus.plan"]._cron_bonus_reminders
        # before the deadline: nothing more
        cron(today=date(YEAR + 1, 1, 5))
        self.assertFalse(self._activities(plan, ACTIVITY_LATE))
        self.assertEqual(len(self._activities(plan, ACTIVITY_STEP)), len(steps))
        # the sales manager submits in time: their activity is done
        self._as("manager", self._line(plan, self.department)).action_submit()
        self.assertNotIn(manager, self._activities(plan, ACTIVITY_STEP).user_id)
        # late: one reminder to the managers who have not submitted, once
        cron(today="%s-01-11" % (YEAR + 1))
        late = self._activities(plan, ACTIVITY_LATE)
        self.assertIn(manager2, late.user_id)
        self.assertNotIn(manager, late.user_id)
        cron(today=date(YEAR + 1, 1, 12))
        self.assertEqual(self._activities(plan, ACTIVITY_LATE), late)
        # every department submitted: the principal's turn
        self._as("manager2", self._line(plan, self.teaching)).action_submit()
        self._as("hr_officer", self._line(plan, self.back_office)).action_submit()
        self.assertEqual(plan.state, "submitted")
        self.assertEqual(plan.date_next_deadline, date(YEAR + 1, 1, 21))
        self.assertFalse(self._activities(plan, ACTIVITY_LATE))
        self.assertEqual(
            self._activities(plan, ACTIVITY_STEP).user_id.filtered(
                lambda u: u == principal
            ),
            principal,
        )
        cron(today=date(YEAR + 1, 1, 20))
        self.assertFalse(self._activities(plan, ACTIVITY_LATE))
        cron(today=date(YEAR + 1, 1, 22))
        late = self._activities(plan, ACTIVITY_LATE)
        self.assertIn(principal, late.user_id)
        cron(today=date(YEAR + 1, 1, 23))
        self.assertEqual(self._activities(plan, ACTIVITY_LATE), late)
        self._as("principal", plan).action_approve()
        self.assertFalse(self._activities(plan, ACTIVITY_STEP))
        self.assertFalse(self._activities(plan, ACTIVITY_LATE))
