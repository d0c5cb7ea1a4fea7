# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.hr_target_mgmt.tests.common import create_month_period

from .common_training import HrTrainingCase


class TestTrainingFlow(HrTrainingCase):
    def test_session_confirm_invites_attendees(self):
        session = self._session(notice_days=2)
        self._as("hr_officer", session).action_confirm()
        self.assertEqual(session.state, "confirmed")
        events = session.sitting_ids.event_id
        self.assertEqual(len(events), 2)
        for event in events:
            self.assertIn(self.zhang.work_contact_id, event.partner_ids)
            self.assertIn(self.li.work_contact_id, event.partner_ids)
            self.assertIn(self.teacher.work_contact_id, event.partner_ids)
            self.assertEqual(event.alarm_ids.duration, 2)
            self.assertEqual(event.alarm_ids.interval, "days")
        # a late enrolment is invited too
        self.env["hr.training.attendee"].with_user(self.users["hr_officer"]).create(
            {"session_id": session.id, "employee_id": self.supervisor.id}
        )
        for event in events:
            self.assertIn(self.supervisor.work_contact_id, event.partner_ids)

    def test_over_capacity_writes_nothing(self):
        session = self._session(capacity=2)
        Attendee = self.env["hr.training.attendee"].with_user(self.users["hr_officer"])
        with self.assertRefused(ValidationError, "is full: 3 attendees for 2"):
            Attendee.create(
                {"session_id": session.id, "employee_id": self.supervisor.id}
            )
        self.assertEqual(
            self.env["hr.training.attendee"]
            .search([("session_id", "=", session.id)])
            .employee_id,
            self.zhang | self.li,
        )
        # a batch that overflows is refused whole
        session2 = self._session(employees=self.env["hr.employee"], capacity=1)
        with self.assertRaises(ValidationError):
            Attendee.create(
                [
                    {"session_id": session2.id, "employee_id": employee.id}
                    for employee in self.zhang | self.li
                ]
            )
        self.assertFalse(
            self.env["hr.training.attendee"].search([("session_id", "=", session2.id)])
        )
        # lowering the capacity below the enrolled is refused as well
        with self.assertRaises(ValidationError):
            self._as("hr_officer", session).capacity = 1

    def test_bad_dates(self):
        with self.assertRefused(ValidationError, "outside the dates"):
            self._session(
                sitting_ids=[
                    Command.create(
                        {"start": "2026-04-09 01:00:00", "stop": "2026-04-09 03:00:00"}
                    )
                ]
            )
        session = self._session()
        self._as("hr_officer", session).action_confirm()
        self._as("trainer", session.sitting_ids[0]).action_take_attendance()
        line = session.sitting_ids[0].attendance_ids[0]
        self.assertEqual(line.date, date(2026, 4, 6))
        # attendance on a day outside the session: refused, nothing written
        with self.assertRefused(ValidationError, "outside the dates of the session"):
            self.env["hr.training.attendance"].with_user(self.users["trainer"]).create(
                {
                    "attendee_id": self._attendee(session, self.zhang).id,
                    "sitting_id": session.sitting_ids[1].id,
                    "date": date(2026, 4, 9),
                    "status": "present",
                }
            )
        self.assertFalse(
            self.env["hr.training.attendance"].search(
                [("sitting_id", "=", session.sitting_ids[1].id)]
            )
        )
        # the session's dates cannot move away from its sittings
        with self.assertRaises(ValidationError):
            self._as("hr_officer", session).date_end = date(2026, 4, 6)

    def test_attendance_only_by_trainer_or_hr(self):
        session = self._session()
        self._as("hr_officer", session).action_confirm()
        sitting = session.sitting_ids[0]
        for role in ("employee", "manager", "manager2"):
            with self.assertRaises(AccessError):
                self._as(role, sitting).action_take_attendance()
        self._as("trainer", sitting).action_take_attendance()
        line = sitting.attendance_ids.filtered(lambda a: a.employee_id == self.zhang)
        for role in ("employee", "manager"):
            with self.assertRaises(AccessError):
                self._as(role, line).status = "absent"
        with self.assertRaises(AccessError):
            self._as("trainer", line).write({"date": date(2026, 4, 7)})
        self._as("trainer", line).status = "late"
        self.assertEqual(line.recorded_by_id, self.users["trainer"])
        self._as("hr_officer", line).status = "present"

    def test_unexcused_absence_warns_the_manager(self):
        session = self._session()
        self._as("hr_officer", session).action_confirm()
        zhang = self._attendee(session, self.zhang)
        li = self._attendee(session, self.li)
        self._as("hr_officer", li).leave_excused = True
        self._take_attendance(
            session,
            {(self.zhang, 0): "absent", (self.li, 0): "absent"},
        )
        warning = self.env.ref("mail.mail_activity_data_warning")
        activity = zhang.activity_ids.filtered(lambda a: a.activity_type_id == warning)
        self.assertEqual(activity.user_id, self.users["manager"])
        self.assertFalse(
            li.activity_ids.filtered(lambda a: a.activity_type_id == warning)
        )
        self.assertTrue(zhang.attended)
        self.assertAlmostEqual(zhang.attended_ratio, 50.0)
        self.assertAlmostEqual(zhang.hours, 6.0)

    def test_close_needs_attendance(self):
        session = self._session()
        self._as("hr_officer", session).action_confirm()
        with self.assertRefused(UserError, "take the attendance"):
            self._as("hr_officer", session).action_close()
        with self.assertRaises(AccessError):
            self._as("trainer", session).action_close()

    def _l4_fixtures(self):
        """张三's appraisals: 2026 Q1 (before the session) scored 86.4, 2026
        Q3 (after it) scored 88; his targets: March 150 %, July 80 %."""
        q1 = self._cycle(employee_ids=[Command.set(self.zhang.ids)])
        q1.with_user(self.users["hr_officer"]).action_open()
        review = q1.review_ids
        service = review.line_ids.filtered(lambda ln: ln.method == "rating")
        self._as("employee", service).write({"self_score": 4})
        self._as("employee", review).action_submit_self()
        self._as("manager", service).write({"manager_score": 3})
        self._as("manager", review).action_done()
        self.assertAlmostEqual(review.final_score, 86.4)
        july = create_month_period(self.env, 2026, 7, self.company)
        target = self.env["hr.target"].create(
            {
                "name": "张三 2026-07",
                "measure_id": self.measure.id,
                "period_id": july.id,
                "company_id": self.company.id,
                "level": "employee",
                "employee_id": self.zhang.id,
                "target_value": 10,
            }
        )
        self.env["hr.target.actual"].create(
            {"target_id": target.id, "date": date(2026, 7, 20), "value": 8}
        )
        q3 = self._cycle(
            name="2026 Q3",
            date_from=date(2026, 7, 1),
            employee_ids=[Command.set(self.zhang.ids)],
        )
        q3.with_user(self.users["hr_officer"]).action_open()
        review3 = q3.review_ids
        service3 = review3.line_ids.filtered(lambda ln: ln.method == "rating")
        self._as("employee", service3).write({"self_score": 5})
        self._as("employee", review3).action_submit_self()
        self._as("manager", service3).write({"manager_score": 5})
        self._as("manager", review3).action_done()
        # 60 × 80 % + 40 × 5/5 = 88 in both columns
        self.assertAlmostEqual(review3.final_score, 88.0)

    def test_full_flow_four_levels_and_archive(self):
        self._l4_fixtures()
        # need: the manager asks for repair training for his team, approves it
        need = (
            self.env["hr.training.need"]
            .with_user(self.users["manager"])
            .create(
                {
                    "name": "主板维修能力不足",
                    "employee_ids": [Command.set((self.zhang | self.li).ids)],
                    "category": "professional",
                }
            )
        )
        need.with_user(self.users["manager"]).action_approve()
        session = self._session(employees=self.env["hr.employee"])
        hr = self._as("hr_officer", session)
        hr.need_ids = need
        hr.action_enrol_needs()
        self.assertEqual(session.attendee_ids.employee_id, self.zhang | self.li)
        self.assertEqual(session.attendee_ids.need_id, need)
        self.assertEqual(need.state, "planned")
        hr.action_confirm()
        # 李四 misses both sittings; 张三 is late on the second
        self._take_attendance(
            session,
            {
                (self.li, 0): "absent",
                (self.li, 1): "absent",
                (self.zhang, 1): "late",
            },
        )
        zhang = self._attendee(session, self.zhang)
        li = self._attendee(session, self.li)
        # L2: the trainer enters the practical score of those who came
        self._as("trainer", zhang).l2_practical_score = 85
        with self.assertRefused(UserError, "did not attend"):
            self._as("trainer", li).l2_practical_score = 70
        with self.assertRaises(AccessError):
            self._as("employee", zhang).l2_practical_score = 100
        with self.assertRaises(AccessError):
            self._as("manager", zhang).l2_practical_score = 100
        hr.action_close()
        self.assertEqual(session.state, "done")
        # 李四 did not complete: the need stays planned
        self.assertEqual(need.state, "planned")
        self.assertIn("2026 春季主板故障诊断", session.summary or "")
        self.assertTrue(zhang.completed and zhang.l2_passed)
        self.assertFalse(li.completed)
        self.assertAlmostEqual(zhang.hours, 9.0)  # 12 h × (1 + 0.5) / 2
        # L1: the survey goes to those who came; answered by 张三 → 100
        self.assertTrue(zhang.l1_user_input_id)
        self.assertFalse(li.l1_user_input_id)
        # someone who did not attend cannot answer it
        with self.assertRefused(UserError, "did not attend cannot answer"):
            self._answer_survey(zhang.l1_user_input_id, self.users["employee2"])
        self.assertFalse(zhang.l1_done)
        self._answer_survey(zhang.l1_user_input_id, self.users["employee"])
        self.assertTrue(zhang.l1_done)
        self.assertAlmostEqual(zhang.l1_score, 100.0)
        self.assertAlmostEqual(session.l1_average, 100.0)
        # L3: the manager's follow-up six weeks after the end
        self.assertEqual(zhang.l3_date_due, date(2026, 4, 7) + timedelta(weeks=6))
        followup = zhang.activity_ids.filtered(
            lambda a: (
                a.user_id == self.users["manager"]
                and a.date_deadline == zhang.l3_date_due
            )
        )
        self.assertTrue(followup)
        with self.assertRaises(AccessError):
            self._as("manager2", zhang).l3_score = 50
        with self.assertRaises(AccessError):
            self._as("employee", zhang).l3_score = 100
        with self.assertRefused(UserError, "did not attend"):
            self._as("manager", li).l3_score = 50
        self._as("manager", zhang).write({"l3_score": 80, "l3_note": "诊断更规范"})
        self.assertTrue(zhang.l3_done)
        self.assertAlmostEqual(session.l3_average, 80.0)
        self.assertFalse(followup.exists())
        # L4 by hand: appraisal 86.4 before, 88 after → +1.6; targets 150 % → 80 %
        self.assertTrue(zhang.l4_before_known and zhang.l4_after_known)
        self.assertAlmostEqual(zhang.l4_before, 86.4)
        self.assertAlmostEqual(zhang.l4_after, 88.0)
        self.assertAlmostEqual(zhang.l4_change, 1.6)
        self.assertAlmostEqual(zhang.target_before, 150.0)
        self.assertAlmostEqual(zhang.target_after, 80.0)
        self.assertAlmostEqual(zhang.target_change, -70.0)
        self.assertFalse(li.l4_before_known)
        self.assertAlmostEqual(session.l4_change, 1.6)
        # archive: résumé line "Training", skill granted, valid 24 months
        self.assertEqual(zhang.valid_until, date(2028, 4, 7))
        line = zhang.resume_line_id
        self.assertEqual(line.employee_id, self.zhang)
        self.assertEqual(
            line.line_type_id,
            self.env.ref("hr_appraisal_training.resume_line_type_training"),
        )
        skill = self.zhang.employee_skill_ids.filtered(
            lambda s: s.skill_id == self.skill_type.skill_ids
        )
        self.assertEqual(skill.skill_level_id, self.level_mid)
        self.assertFalse(li.resume_line_id)
        self.zhang.invalidate_recordset(["training_count", "training_hours"])
        self.assertEqual(self.zhang.training_count, 1)
        self.assertAlmostEqual(self.zhang.training_hours, 9.0)
        # the trainer's evaluation → weighted score and ranking
        hr.write(
            {
                "trainer_quality": 90,
                "trainer_effect": 80,
                "trainer_development": 50,
            }
        )
        # satisfaction filled from the reaction mean (100) when it came
        # after the close: entered by HR here
        hr.trainer_satisfaction = 100
        self.assertAlmostEqual(session.trainer_score, 85.0)  # 36 + 24 + 20 + 5
        self.assertAlmostEqual(self.trainer.average_score, 85.0)
        # a closed session keeps its attendees and dates
        with self.assertRaises(UserError):
            hr.date_end = date(2026, 4, 8)
        with self.assertRaises(UserError):
            self._as("hr_officer", zhang).unlink()

    def test_failed_practical_score(self):
        session = self._session(employees=self.zhang)
        self._as("hr_officer", session).action_confirm()
        self._take_attendance(session)
        zhang = self._attendee(session, self.zhang)
        self._as("hr_officer", session).action_close()
        self._as("trainer", zhang).l2_practical_score = 40
        self.assertTrue(zhang.l2_scored)
        self.assertFalse(zhang.l2_passed)
        self.assertFalse(zhang.completed)
        self.assertFalse(zhang.resume_line_id)
        self.assertIn("Failed", zhang.message_ids[0].body)
        # a failed learning creates a re-training need, approved by the manager
        need = zhang.retraining_need_id
        self.assertEqual(need.employee_ids, self.zhang)
        self.assertEqual(need.category, "professional")
        self.assertEqual(need.urgency, "high")
        self.assertEqual(need.state, "new")
        self.assertEqual(need.approver_user_id, self.users["manager"])
        self._as("trainer", zhang).l2_practical_score = 30
        self.assertEqual(
            self.env["hr.training.need"].search_count(
                [
                    ("employee_ids", "in", self.zhang.ids),
                    ("name", "like", "Re-training"),
                ]
            ),
            1,
        )
        with self.assertRaises(ValidationError):
            self._as("trainer", zhang).l2_practical_score = 120
