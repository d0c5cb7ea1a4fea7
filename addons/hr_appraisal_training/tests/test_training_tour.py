# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .common_training import HrTrainingCase


@tagged("post_install", "-at_install")
class TestTrainingAttendanceTour(HttpCase, HrTrainingCase):
    """In the browser: the trainer takes the attendance of a sitting."""

    def test_trainer_takes_attendance(self):
        training = self._session()
        training.with_user(self.users["hr_officer"]).action_confirm()
        self.start_tour(
            "/odoo/action-hr_appraisal_training.hr_training_session_action",
            "hr_appraisal_training_take_attendance",
            login="pp_trainer",
        )
        sitting = training.sitting_ids[0]
        self.assertTrue(sitting.attendance_taken)
        lines = {line.employee_id: line for line in sitting.attendance_ids}
        self.assertEqual(lines[self.zhang].status, "present")
        self.assertEqual(lines[self.li].status, "absent")
        self.assertEqual(lines[self.li].recorded_by_id, self.users["trainer"])
        # the policy ran: the manager is warned
        li = self._attendee(training, self.li)
        self.assertTrue(
            li.activity_ids.filtered(lambda a: a.user_id == self.users["manager"])
        )
