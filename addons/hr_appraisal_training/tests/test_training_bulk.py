# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The batch paths of training (one INSERT of the attendees and of the
attendance lines, one UPDATE of their figures) store what the ORM's
``create`` and ``write`` store, and keep the rules of an enrolment."""

from odoo.exceptions import AccessError, UserError, ValidationError

from .common_training import HrTrainingCase

SKIPPED = {"id", "create_date", "write_date"}


class TestTrainingBulk(HrTrainingCase):
    def _stored(self, model, skipped=()):
        return [
            name
            for name, field in self.env[model]._fields.items()
            if field.store
            and field.column_type
            and name not in SKIPPED
            and name not in skipped
        ]

    def _assert_same_columns(self, orm, raw, skipped=()):
        self.env.flush_all()
        self.env.invalidate_all()
        for name in self._stored(orm._name, skipped):
            self.assertEqual(orm[name], raw[name], name)

    def _confirmed_pair(self):
        """Two identical confirmed sessions without attendees."""
        nobody = self.env["hr.employee"]
        sessions = self._session(employees=nobody) | self._session(employees=nobody)
        self._as("hr_officer", sessions).action_confirm()
        return sessions

    def test_enrolment_insert_stores_what_create_stores(self):
        orm_session, raw_session = self._confirmed_pair()
        # evaluation values given by server code take the ORM's way
        orm = self.env["hr.training.attendee"].create(
            {
                "session_id": orm_session.id,
                "employee_id": self.zhang.id,
                "note": "补考",
                "leave_excused": False,
            }
        )
        raw = (
            self.env["hr.training.attendee"]
            .with_user(self.users["hr_officer"])
            .create(
                {
                    "session_id": raw_session.id,
                    "employee_id": self.zhang.id,
                    "note": "补考",
                }
            )
        )
        self._assert_same_columns(orm, raw, {"session_id", "create_uid", "write_uid"})
        self.assertEqual(raw_session.attendee_count, 1)
        # the invitation: event partners, calendar attendees and followers
        for orm_sitting, raw_sitting in zip(
            orm_session.sitting_ids, raw_session.sitting_ids, strict=True
        ):
            orm_event, raw_event = orm_sitting.event_id, raw_sitting.event_id
            self.assertEqual(orm_event.partner_ids, raw_event.partner_ids)
            self.assertIn(self.zhang.work_contact_id, raw_event.partner_ids)
            self.assertEqual(
                orm_event.attendee_ids.mapped(
                    lambda a: (a.partner_id, a.state, a.common_name)
                ),
                raw_event.attendee_ids.mapped(
                    lambda a: (a.partner_id, a.state, a.common_name)
                ),
            )
            self.assertEqual(
                len(set(raw_event.attendee_ids.mapped("access_token"))),
                len(raw_event.attendee_ids),
            )
            self.assertEqual(
                orm_event.message_partner_ids, raw_event.message_partner_ids
            )
            self.assertIn(self.zhang.work_contact_id, raw_event.message_partner_ids)
            followers = raw_event.message_follower_ids.filtered(
                lambda f: f.partner_id == self.zhang.work_contact_id
            )
            self.assertTrue(followers.subtype_ids)

    def test_attendance_insert_stores_what_create_stores(self):
        orm_session, raw_session = self._confirmed_pair()
        Attendee = self.env["hr.training.attendee"].with_user(self.users["hr_officer"])
        orm_attendee = Attendee.create(
            {"session_id": orm_session.id, "employee_id": self.li.id}
        )
        raw_attendee = Attendee.create(
            {"session_id": raw_session.id, "employee_id": self.li.id}
        )
        sitting = orm_session.sitting_ids[0]
        orm = (
            self.env["hr.training.attendance"]
            .with_user(self.users["hr_officer"])
            .create(
                {
                    "attendee_id": orm_attendee.id,
                    "sitting_id": sitting.id,
                    "date": sitting.date,
                    "status": "present",
                }
            )
        )
        self._as("hr_officer", raw_session.sitting_ids[0]).action_take_attendance()
        raw = raw_session.attendance_ids
        self.assertEqual(len(raw), 1)
        self._assert_same_columns(orm, raw, {"attendee_id", "sitting_id", "session_id"})
        self._assert_same_columns(
            orm_attendee,
            raw_attendee,
            {"session_id", "create_uid", "write_uid"},
        )
        self.assertTrue(raw_attendee.attended)
        self.assertEqual(raw_attendee.attended_ratio, 100.0)
        self.assertEqual(raw_attendee.hours, 12.0)

    def test_status_of_many_lines_in_one_write(self):
        session = self._session(employees=self.zhang | self.li | self.supervisor)
        session.capacity = 0
        self._as("hr_officer", session).action_confirm()
        for sitting in session.sitting_ids:
            self._as("trainer", sitting).action_take_attendance()
        lines = session.attendance_ids
        self.assertEqual(len(lines), 6)
        first = lines.filtered(lambda a: a.sitting_id == session.sitting_ids[0])
        self._as("trainer", first).write({"status": "late", "note": "迟到"})
        self.assertEqual(set(first.mapped("status")), {"late"})
        self.assertEqual(first.recorded_by_id, self.users["trainer"])
        zhang = session.attendee_ids.filtered(lambda a: a.employee_id == self.zhang)
        self.assertEqual(zhang.attended_ratio, 75.0)
        # absent without leave: the manager is warned once
        absent = lines.filtered(lambda a: a.attendee_id == zhang)
        self._as("trainer", absent).write({"status": "absent"})
        self.assertFalse(zhang.attended)
        self.assertEqual(zhang.absent_count, 2)
        self.assertEqual(zhang.hours, 0)
        self.assertTrue(zhang.retraining_need_id)
        # a wrong status or a stranger changes nothing
        with self.assertRefused(ValidationError, "is not a status of attendance"):
            self._as("trainer", first).write({"status": "sleeping"})
        with self.assertRaises(AccessError):
            self._as("employee", first).write({"status": "present"})
        self.assertEqual(set(first.mapped("status")), {"late", "absent"})

    def test_duplicate_enrolment_refused_whole(self):
        session = self._session(employees=self.zhang)
        Attendee = self.env["hr.training.attendee"].with_user(self.users["hr_officer"])
        with self.assertRefused(UserError, "is already enrolled in the session"):
            Attendee.create(
                [
                    {"session_id": session.id, "employee_id": self.li.id},
                    {"session_id": session.id, "employee_id": self.zhang.id},
                ]
            )
        with self.assertRefused(UserError, "is already enrolled in the session"):
            Attendee.create(
                [
                    {"session_id": session.id, "employee_id": self.li.id},
                    {"session_id": session.id, "employee_id": self.li.id},
                ]
            )
        self.assertEqual(session.attendee_ids.employee_id, self.zhang)
        with self.assertRaises(AccessError):
            self.env["hr.training.attendee"].with_user(self.users["manager"]).create(
                {"session_id": session.id, "employee_id": self.li.id}
            )

    def test_archive_line_stores_what_create_stores(self):
        session = self._session(employees=self.zhang, capacity=0)
        self.course.pass_mark = 0
        self._as("hr_officer", session).action_confirm()
        for sitting in session.sitting_ids:
            self._as("hr_officer", sitting).action_take_attendance()
        self._as("hr_officer", session).action_close()
        attendee = session.attendee_ids
        self.assertTrue(attendee.completed)
        self.assertEqual(attendee.session_state, "done")
        raw = attendee.resume_line_id
        self.assertTrue(raw)
        orm = self.env["hr.resume.line"].create(
            {
                "employee_id": self.zhang.id,
                "name": raw.name,
                "date_start": raw.date_start,
                "date_end": raw.date_end,
                "description": attendee._resume_description(),
                "line_type_id": raw.line_type_id.id,
            }
        )
        self._assert_same_columns(orm, raw, {"create_uid", "write_uid"})
