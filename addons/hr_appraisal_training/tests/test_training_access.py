# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
from datetime import date

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common_training import HrTrainingCase


class TrainingAccessCase(HrTrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.closed_session = cls._closed_session(cls)

    def _closed_session(self):
        """A closed session: 张三 and 李四 came, 张三 passed (85)."""
        session = self._session(self)
        session.with_user(self.users["hr_officer"]).action_confirm()
        for sitting in session.sitting_ids:
            sitting.with_user(self.users["trainer"]).action_take_attendance()
        zhang = session.attendee_ids.filtered(lambda a: a.employee_id == self.zhang)
        zhang.with_user(self.users["trainer"]).l2_practical_score = 85
        session.with_user(self.users["hr_officer"]).action_close()
        return session


class TestTrainingAccess(TrainingAccessCase):
    def test_read_per_role(self):
        Attendee = self.env["hr.training.attendee"]
        zhang = self._attendee(self.closed_session, self.zhang)
        li = self._attendee(self.closed_session, self.li)
        # employee: own enrolment only
        self.assertEqual(
            Attendee.with_user(self.users["employee"]).search(
                [("session_id", "=", self.closed_session.id)]
            ),
            zhang,
        )
        with self.assertRaises(AccessError):
            self._as("employee", li).read(["l2_score"])
        # the employee reads the session they attended, not others
        self._as("employee", self.closed_session).read(["name"])
        other = self._session(employees=self.li, name="其他班")
        with self.assertRaises(AccessError):
            self._as("employee", other).read(["name"])
        # manager: the team (张三, 李四), not the teaching manager
        self.assertEqual(
            Attendee.with_user(self.users["manager"]).search(
                [("session_id", "=", self.closed_session.id)]
            ),
            zhang | li,
        )
        self.assertFalse(
            Attendee.with_user(self.users["manager2"]).search(
                [("session_id", "=", self.closed_session.id)]
            )
        )
        # trainer: the attendees of the sessions they teach
        self.assertEqual(
            Attendee.with_user(self.users["trainer"]).search(
                [("session_id", "=", self.closed_session.id)]
            ),
            zhang | li,
        )
        Attendance = self.env["hr.training.attendance"]
        self.assertEqual(len(Attendance.with_user(self.users["trainer"]).search([])), 4)
        self.assertEqual(
            len(Attendance.with_user(self.users["employee"]).search([])), 2
        )
        # finance has no HR rights on training beyond the employee's own
        self.assertFalse(
            Attendee.with_user(self.users["finance"]).search(
                [("session_id", "=", self.closed_session.id)]
            )
        )
        # HR: all
        self.assertEqual(
            Attendee.with_user(self.users["hr_officer"]).search(
                [("session_id", "=", self.closed_session.id)]
            ),
            zhang | li,
        )

    def test_writes_per_role(self):
        zhang = self._attendee(self.closed_session, self.zhang)
        hostile = {"hr_performance_pay_workflow": True, "active_test": False}
        # bookkeeping fields are the server's, whatever the context
        for role in ("employee", "trainer", "manager", "hr_officer"):
            with self.assertRaises(AccessError):
                self._as(role, zhang).with_context(**hostile).write(
                    {"l1_score": 100, "l1_done": True}
                )
            with self.assertRaises(AccessError):
                self._as(role, self.closed_session).write({"state": "draft"})
        for role in ("employee", "trainer", "manager"):
            with self.assertRaises(AccessError):
                self.env["hr.training.session"].with_user(self.users[role]).create(
                    {
                        "name": "x",
                        "course_id": self.course.id,
                        "date_start": date(2026, 5, 1),
                        "date_end": date(2026, 5, 1),
                    }
                )
            with self.assertRaises(AccessError):
                self.env["hr.training.attendee"].with_user(self.users[role]).create(
                    {
                        "session_id": self.closed_session.id,
                        "employee_id": self.supervisor.id,
                    }
                )
            with self.assertRaises(AccessError):
                self._as(role, self.course).write({"pass_mark": 0})
            with self.assertRaises(AccessError):
                self._as(role, self.trainer).write({"fee_per_hour": 1000})
        # the trainer enters L2 scores of the sessions they teach only
        self._as("trainer", zhang).l2_practical_score = 90
        other = self._session(employees=self.zhang, name="别人的班", trainer_id=False)
        with self.assertRaises(AccessError):
            self._as("trainer", self._attendee(other, self.zhang)).write(
                {"l2_practical_score": 90}
            )

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "另一学校 (test)"})
        foreign = self.env["hr.employee"].create(
            {"name": "外校员工", "company_id": other.id}
        )
        session = self._session(employees=self.env["hr.employee"])
        with self.assertRaises(Exception):  # noqa: B017 (Validation or Access)
            self.env["hr.training.attendee"].with_user(self.users["hr_officer"]).create(
                {"session_id": session.id, "employee_id": foreign.id}
            )
        foreign_session = (
            self.env["hr.training.session"]
            .sudo()
            .create(
                {
                    "name": "外校培训",
                    "course_id": self.course.id,
                    "company_id": other.id,
                    "date_start": date(2026, 5, 1),
                    "date_end": date(2026, 5, 1),
                }
            )
        )
        self.assertFalse(
            self.env["hr.training.session"]
            .with_user(self.users["hr_officer"])
            .search([("id", "=", foreign_session.id)])
        )

    def test_views_open_for_each_role(self):
        for role in ("employee", "trainer", "manager", "hr_officer"):
            user = self.users[role]
            for model in (
                "hr.training.session",
                "hr.training.attendee",
                "hr.training.attendance",
                "hr.training.course",
                "hr.training.trainer",
            ):
                Model = self.env[model].with_user(user)
                for view_type in ("list", "form"):
                    Model.get_view(view_type=view_type)
                Model.search_read([], ["display_name"], limit=5)


class TestTrainingArchive(TrainingAccessCase):
    def test_archive_xlsx_reads_back(self):
        content = self.env["hr.training.archive.xlsx"]._get_xlsx(self.zhang)
        book = openpyxl.load_workbook(io.BytesIO(content), data_only=True)
        sheet = book["Training Archive"]
        self.assertEqual(sheet["A1"].value, "Training Archive: 张三")
        headers = [cell.value for cell in sheet[4]]
        self.assertEqual(headers[0], "Course")
        self.assertEqual(headers[11], "Valid Until")
        row = [cell.value for cell in sheet[5]]
        self.assertEqual(row[0], "主板故障诊断 (test)")
        self.assertEqual(row[4], 12.0)
        self.assertEqual(row[5], 100.0)
        self.assertEqual(row[7], 85.0)
        self.assertEqual(row[10], "Completed")
        self.assertEqual(row[11].date(), date(2028, 4, 7))
        self.assertEqual(sheet["A6"].value, "Total")
        formulas = openpyxl.load_workbook(io.BytesIO(content))["Training Archive"]
        self.assertEqual(formulas["E6"].value, "=SUM(E5:E5)")
        # 李四 came but has no learning score: not completed
        li_sheet = openpyxl.load_workbook(
            io.BytesIO(self.env["hr.training.archive.xlsx"]._get_xlsx(self.li))
        )["Training Archive"]
        self.assertEqual(li_sheet["K5"].value, "Not completed")

    def test_archive_access(self):
        self._as("employee", self.zhang)._check_training_archive_access()
        self._as("manager", self.zhang)._check_training_archive_access()
        self._as("hr_officer", self.zhang)._check_training_archive_access()
        for role in ("employee2", "manager2", "trainer", "finance"):
            with self.assertRaises(AccessError):
                self._as(role, self.zhang)._check_training_archive_access()
        action = self._as("manager", self.zhang).action_export_training_archive()
        self.assertEqual(
            action["url"], f"/hr_appraisal_training/training_archive/{self.zhang.id}"
        )

    def test_archive_pdf(self):
        html = self.env["ir.actions.report"]._render_qweb_html(
            "hr_appraisal_training.report_training_archive", self.zhang.ids
        )[0]
        self.assertIn("主板故障诊断 (test)", html.decode())
        self.assertIn("Completed", html.decode())

    def test_smart_button(self):
        zhang = self._as("manager", self.zhang)
        self.assertEqual(zhang.training_count, 1)
        action = zhang.action_open_training_archive()
        self.assertEqual(
            self.env["hr.training.attendee"].search(action["domain"]),
            self._attendee(self.closed_session, self.zhang),
        )


@tagged("post_install", "-at_install")
class TestTrainingArchiveDownload(HttpCase, TrainingAccessCase):
    def test_download_by_role(self):
        url = f"/hr_appraisal_training/training_archive/{self.zhang.id}"
        for role in ("employee", "manager", "hr_officer"):
            self.authenticate(f"pp_{role}", f"pp_{role}")
            response = self.url_open(url)
            self.assertEqual(response.status_code, 200, response.text[:2000])
            self.assertIn("spreadsheetml", response.headers["Content-Type"])
            sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
            self.assertIn("张三", sheet["A1"].value)
        for role in ("employee2", "manager2", "trainer"):
            self.authenticate(f"pp_{role}", f"pp_{role}")
            response = self.url_open(url)
            self.assertIn(response.status_code, (403, 404), role)
            self.assertNotIn("spreadsheetml", response.headers.get("Content-Type", ""))


class TestTrainingNeedCovered(HrTrainingCase):
    def test_need_covered_when_everyone_completes(self):
        need = (
            self.env["hr.training.need"]
            .with_user(self.users["manager"])
            .create(
                {
                    "name": "服务流程",
                    "employee_ids": [Command.set(self.zhang.ids)],
                    "category": "professional",
                }
            )
        )
        need.with_user(self.users["manager"]).action_approve()
        session = self._session(employees=self.env["hr.employee"])
        hr = self._as("hr_officer", session)
        hr.need_ids = need
        hr.action_enrol_needs()
        hr.action_confirm()
        self._take_attendance(session)
        self._as("trainer", session.attendee_ids).l2_practical_score = 75
        hr.action_close()
        self.assertEqual(need.state, "covered")
        # enrolling someone who is not in the need is refused
        need2 = (
            self.env["hr.training.need"]
            .with_user(self.users["manager"])
            .create(
                {
                    "name": "沟通",
                    "employee_ids": [Command.set(self.li.ids)],
                    "category": "general",
                }
            )
        )
        session2 = self._session(employees=self.env["hr.employee"])
        with self.assertRefused(Exception, "is not one of the employees"):
            self.env["hr.training.attendee"].with_user(self.users["hr_officer"]).create(
                {
                    "session_id": session2.id,
                    "employee_id": self.zhang.id,
                    "need_id": need2.id,
                }
            )
