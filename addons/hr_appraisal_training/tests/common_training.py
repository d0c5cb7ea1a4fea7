# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Training fixtures on the suite's test base: a trainer user (孙老师 of the
teaching department teaches), a professional course granting a skill, a
satisfaction survey, and a session of two sittings (6–7 April 2026) with
张三 and 李四 enrolled."""

from datetime import date, datetime

from odoo import Command
from odoo.tests import new_test_user

from .common import HrAppraisalCase


class _Refused:
    def __init__(self, case, exception, text):
        self.case, self.text = case, text
        self.manager = case.assertRaises(exception)

    def __enter__(self):
        self.context = self.manager.__enter__()
        return self.context

    def __exit__(self, *exc_info):
        result = self.manager.__exit__(*exc_info)
        if result:
            self.case.assertIn(self.text, str(self.context.exception))
        return result


class HrTrainingCase(HrAppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users["trainer"] = new_test_user(
            cls.env,
            login="pp_trainer",
            groups="base.group_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.teacher.user_id = cls.users["trainer"]
        cls.skill_type = cls.env["hr.skill.type"].create(
            {
                "name": "售后维修 (test)",
                "skill_ids": [Command.create({"name": "主板维修"})],
                "skill_level_ids": [
                    Command.create({"name": "初级", "level_progress": 30}),
                    Command.create({"name": "中级", "level_progress": 60}),
                ],
            }
        )
        cls.level_mid = cls.skill_type.skill_level_ids.filtered(
            lambda lv: lv.level_progress == 60
        )
        cls.feedback_survey = cls.env["survey.survey"].create(
            {
                "title": "培训满意度 (test)",
                "scoring_type": "scoring_without_answers",
                "access_mode": "token",
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": "总体满意度",
                            "question_type": "simple_choice",
                            "suggested_answer_ids": [
                                Command.create({"value": "满意", "answer_score": 10}),
                                Command.create({"value": "一般", "answer_score": 6}),
                                Command.create({"value": "不满意", "answer_score": 0}),
                            ],
                        }
                    )
                ],
            }
        )
        cls.course = cls.env["hr.training.course"].create(
            {
                "name": "主板故障诊断 (test)",
                "company_id": cls.company.id,
                "category_id": cls.env.ref(
                    "hr_appraisal_training.course_category_professional_repair"
                ).id,
                "mode": "internal",
                "duration_hours": 12,
                "pass_mark": 60,
                "validity_months": 24,
                "followup_weeks": 6,
                "feedback_survey_id": cls.feedback_survey.id,
                "skill_ids": [
                    Command.create(
                        {
                            "skill_type_id": cls.skill_type.id,
                            "skill_id": cls.skill_type.skill_ids.id,
                            "skill_level_id": cls.level_mid.id,
                        }
                    )
                ],
            }
        )
        cls.trainer = cls.env["hr.training.trainer"].create(
            {
                "trainer_type": "internal",
                "employee_id": cls.teacher.id,
                "company_id": cls.company.id,
                "state": "qualified",
                "fee_per_hour": 200,
                "course_ids": [Command.link(cls.course.id)],
            }
        )

    def _session(self, employees=None, **values):
        """A draft session of the course, two sittings, ``employees``
        (张三 and 李四 by default) enrolled, created by the HR officer."""
        employees = self.zhang | self.li if employees is None else employees
        vals = {
            "name": "2026 春季主板故障诊断",
            "course_id": self.course.id,
            "trainer_id": self.trainer.id,
            "company_id": self.company.id,
            "date_start": date(2026, 4, 6),
            "date_end": date(2026, 4, 7),
            "location": "二楼实训室",
            "capacity": 3,
            "sitting_ids": [
                Command.create(
                    {
                        "start": datetime(2026, 4, 6, 1, 0),
                        "stop": datetime(2026, 4, 6, 9, 0),
                    }
                ),
                Command.create(
                    {
                        "start": datetime(2026, 4, 7, 1, 0),
                        "stop": datetime(2026, 4, 7, 9, 0),
                    }
                ),
            ],
        }
        vals.update(values)
        hr = self.env["hr.training.session"].with_user(self.users["hr_officer"])
        session = hr.create(vals)
        if employees:
            self.env["hr.training.attendee"].with_user(self.users["hr_officer"]).create(
                [
                    {"session_id": session.id, "employee_id": employee.id}
                    for employee in employees
                ]
            )
        return session.with_user(self.env.user)

    def assertRefused(self, exception, text):
        """``assertRaises`` (in a savepoint, so that nothing stays written)
        checking that the message holds ``text``."""
        return _Refused(self, exception, text)

    def _attendee(self, session, employee):
        return session.attendee_ids.filtered(lambda a: a.employee_id == employee)

    def _take_attendance(self, session, statuses=None, role="trainer"):
        """Take attendance of every sitting as ``role``; ``statuses`` maps
        (employee, sitting index) to a status (present otherwise)."""
        statuses = statuses or {}
        for index, sitting in enumerate(session.sitting_ids):
            self._as(role, sitting).action_take_attendance()
            for line in sitting.attendance_ids:
                status = statuses.get((line.employee_id, index))
                if status:
                    self._as(role, line).status = status

    def _answer_survey(self, user_input, user, answer_value="满意"):
        question = user_input.survey_id.question_ids[0]
        answer = question.suggested_answer_ids.filtered(
            lambda a: a.value == answer_value
        )
        as_user = user_input.with_user(user).sudo()
        as_user._save_lines(question, answer.id)
        as_user._mark_done()
