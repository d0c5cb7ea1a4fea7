# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.hr_appraisal_training.tests.common_training import HrTrainingCase
from odoo.addons.website_slides.models.slide_channel import Channel


@tagged("post_install", "-at_install")
class TestTrainingSlides(HrTrainingCase):
    """张三 and 李四 follow the online course 售后服务数字化 in Odoo eLearning:
    confirming their session makes them members of its eLearning course (two
    lessons); 张三 finishes both lessons, 李四 none."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.channel = cls.env["slide.channel"].create(
            {
                "name": "售后服务数字化 (test)",
                "channel_type": "training",
                "enroll": "invite",
                "visibility": "members",
                "is_published": True,
                "slide_ids": [
                    Command.create(
                        {
                            "name": f"第{index}课",
                            "slide_category": "article",
                            "html_content": "<p>课程内容</p>",
                            "is_published": True,
                        }
                    )
                    for index in (1, 2)
                ],
            }
        )
        cls.online = cls.env["hr.training.course"].create(
            {
                "name": "售后服务数字化 (test)",
                "company_id": cls.company.id,
                "category_id": cls.env.ref(
                    "hr_appraisal_training.course_category_professional_repair"
                ).id,
                "mode": "online",
                "duration_hours": 2,
                "pass_mark": 60,
                "slide_channel_id": cls.channel.id,
            }
        )
        cls.trainer.course_ids = [Command.link(cls.online.id)]
        # HR links the members-only eLearning courses it reads as an
        # eLearning officer
        cls.elearning_officer = cls.env.ref(
            "website_slides.group_website_slides_officer"
        )
        cls.users["hr_officer"].groups_id = [Command.link(cls.elearning_officer.id)]

    def _online_session(self, **values):
        return self._session(course_id=self.online.id, **values)

    def _members(self):
        """The members of the eLearning course but its responsible."""
        return (
            self.env["slide.channel.partner"]
            .search([("channel_id", "=", self.channel.id)])
            .partner_id
        ) - self.channel.user_id.partner_id

    def test_link_only_on_an_online_course(self):
        with self.assertRefused(ValidationError, "only an online course"):
            self.course.slide_channel_id = self.channel
        with self.assertRefused(ValidationError, "only an online course"):
            self.online.mode = "internal"
        # the form clears the link when the mode changes
        course = self.online.new(
            {"mode": "internal", "slide_channel_id": self.channel.id}
        )
        course._onchange_mode_slide_channel()
        self.assertFalse(course.slide_channel_id)

    def test_elearning_course_of_another_company_refused(self):
        other = self.env["res.company"].create({"name": "另一所学校 (test)"})
        website = self.env["website"].create(
            {"name": "另一所学校网站 (test)", "company_id": other.id}
        )
        channel = self.env["slide.channel"].create(
            {"name": "另一所学校的课程 (test)", "website_id": website.id}
        )
        with self.assertRefused(ValidationError, "is published on the website of"):
            self._as("hr_officer", self.online).slide_channel_id = channel
        self.assertEqual(self.online.slide_channel_id, self.channel)
        # a course shared by every company links only an eLearning course
        # shown on every website
        with self.assertRefused(ValidationError, "另一所学校 (test)"):
            self.online.write({"company_id": False, "slide_channel_id": channel.id})
        # an eLearning course of the course's own company's website is fine
        own = self.env["slide.channel"].create(
            {
                "name": "本校的课程 (test)",
                "website_id": self.env["website"]
                .create({"name": "本校网站 (test)", "company_id": self.company.id})
                .id,
            }
        )
        self._as("hr_officer", self.online).slide_channel_id = own
        self.assertEqual(self.online.slide_channel_id, own)

    def test_members_on_confirmation_in_one_call(self):
        session = self._online_session()
        self.assertFalse(self._members())
        attendees = session.attendee_ids
        self.assertFalse(any(attendees.mapped("elearning_member")))
        partners = (self.zhang | self.li).user_id.partner_id
        with patch.object(
            Channel,
            "_action_add_members",
            autospec=True,
            side_effect=Channel._action_add_members,
        ) as add_members:
            self._as("hr_officer", session).action_confirm()
        self.assertEqual(add_members.call_count, 1)
        self.assertEqual(add_members.call_args.args[1], partners)
        self.assertEqual(self._members(), partners)
        attendees.invalidate_recordset()
        self.assertTrue(all(attendees.mapped("elearning_member")))
        self.assertEqual(attendees.mapped("elearning_completion"), [0, 0])
        # enrolled once the session is confirmed: a member at once
        self._as("hr_officer", self.env["hr.training.attendee"]).create(
            {"session_id": session.id, "employee_id": self.teacher.id}
        )
        self.assertIn(self.teacher.user_id.partner_id, self._members())

    def test_course_linked_after_confirmation_enrols(self):
        self.online.slide_channel_id = False
        session = self._online_session()
        self._as("hr_officer", session).action_confirm()
        self.assertFalse(self._members())
        self._as("hr_officer", self.online).slide_channel_id = self.channel
        self.assertEqual(self._members(), (self.zhang | self.li).user_id.partner_id)

    def test_completion_read_back_and_learning_score(self):
        session = self._online_session()
        self._as("hr_officer", session).action_confirm()
        zhang = self._attendee(session, self.zhang)
        li = self._attendee(session, self.li)
        slides = self.channel.slide_ids.sorted("sequence")
        # 张三 marks the first lesson done on the website
        self._as("employee", slides[0]).action_mark_completed()
        mine = self._as("employee", zhang)
        self.assertEqual(mine.elearning_completion, 50)
        self.assertFalse(mine.elearning_completed)
        self._as("employee", slides[1]).action_mark_completed()
        zhang.invalidate_recordset()
        self.assertEqual(mine.elearning_completion, 100)
        self.assertTrue(mine.elearning_completed)
        self.assertEqual(li.elearning_completion, 0)
        # 李四 reads one lesson but misses every sitting
        self._as("employee2", slides[0]).action_mark_completed()
        li.invalidate_recordset()
        self.assertEqual(self._as("employee2", li).elearning_completion, 50)
        # closing: the completion is the learning score of a course with no
        # exam, for those who came
        self._take_attendance(session, {(self.li, 0): "absent", (self.li, 1): "absent"})
        self._as("hr_officer", session).action_close()
        self.assertEqual(zhang.l2_practical_score, 100)
        self.assertTrue(zhang.l2_passed)
        self.assertTrue(zhang.completed)
        self.assertTrue(zhang.resume_line_id)
        self.assertFalse(li.l2_scored)
        self.assertFalse(li.completed)

    def test_trainer_score_kept_at_closing(self):
        session = self._online_session()
        self._as("hr_officer", session).action_confirm()
        zhang = self._attendee(session, self.zhang)
        self._as("employee", self.channel.slide_ids[0]).action_mark_completed()
        self._take_attendance(session)
        self._as("trainer", zhang).l2_practical_score = 80
        self._as("hr_officer", session).action_close()
        self.assertEqual(zhang.l2_practical_score, 80)

    def test_access_per_role(self):
        session = self._online_session()
        self._as("hr_officer", session).action_confirm()
        zhang = self._attendee(session, self.zhang)
        # employees read the link and their own progress, write neither
        self.assertEqual(
            self._as("employee", self.online).slide_channel_id, self.channel
        )
        with self.assertRaises(AccessError):
            self._as("employee", self.online).slide_channel_id = False
        self.assertEqual(self._as("employee", zhang).elearning_completion, 0)
        for role in ("employee", "trainer", "manager", "hr_officer"):
            for name, value in (
                ("elearning_completion", 100),
                ("elearning_completed", True),
            ):
                with self.assertRaises(AccessError, msg=f"{role} wrote {name}"):
                    self._as(role, zhang).write({name: value})
        self.assertEqual(zhang.elearning_completion, 0)
        # another employee's progress stays hidden
        with self.assertRaises(AccessError):
            self._as("employee2", zhang).read(["elearning_completion"])
        # HR links only an eLearning course it may read: without the
        # eLearning officer right, not a members-only one
        hidden = self.env["slide.channel"].create(
            {"name": "未发布的课程 (test)", "visibility": "members", "enroll": "invite"}
        )
        self.users["hr_officer"].groups_id = [Command.unlink(self.elearning_officer.id)]
        with self.assertRaises(AccessError):
            self._as("hr_officer", self.online).slide_channel_id = hidden
        self.assertEqual(self.online.slide_channel_id, self.channel)
        # everyone's screens show the progress to whom may see it
        for role in ("employee", "hr_officer"):
            Attendee = self.env["hr.training.attendee"].with_user(self.users[role])
            for view_type in ("form", "list"):
                arch = Attendee.get_view(view_type=view_type)["arch"]
                self.assertIn('name="elearning_completion"', arch, role)
        # enrolment is the server's: no employee confirms a session
        with self.assertRaises(AccessError):
            self._as("employee", session).action_confirm()
