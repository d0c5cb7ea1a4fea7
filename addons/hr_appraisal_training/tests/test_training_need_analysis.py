# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""From the needs to the analysis approved by management, and to the plan
courses that answer them."""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common_training_plan import HrTrainingPlanCase


@tagged("post_install", "-at_install")
class TestTrainingNeedAnalysis(HrTrainingPlanCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Need = cls.env["hr.training.need"]
        # 张三 asks for himself; his manager asks for 李四 and 张三; HR notes
        # a complaint for the teaching department; one need is cancelled
        cls.need_own = Need.with_user(cls.users["employee"]).create(
            {"name": "家长沟通技巧", "category": "general"}
        )
        cls.need_team = Need.with_user(cls.users["manager"]).create(
            {
                "name": "课程产品知识",
                "category": "professional",
                "source": "manager",
                "employee_ids": [Command.set((cls.li | cls.zhang).ids)],
                "company_id": cls.company.id,
            }
        )
        cls.need_complaint = Need.with_user(cls.users["hr_officer"]).create(
            {
                "name": "投诉处理规范",
                "category": "professional",
                "source": "customer",
                "employee_ids": [Command.set(cls.teacher.ids)],
                "department_id": cls.teaching.id,
                "company_id": cls.company.id,
            }
        )
        cls.need_cancelled = Need.with_user(cls.users["hr_officer"]).create(
            {
                "name": "已取消的需求",
                "source": "strategy",
                "department_id": cls.teaching.id,
                "company_id": cls.company.id,
            }
        )
        cls.need_cancelled.action_cancel()
        today = date.today()
        cls.analysis = (
            cls.env["hr.training.need.analysis"]
            .with_user(cls.users["hr_officer"])
            .create(
                {
                    "name": "年度培训需求分析 (test)",
                    "company_id": cls.company.id,
                    "date_from": today.replace(month=1, day=1),
                    "date_to": today.replace(month=12, day=31),
                }
            )
        )

    def test_gather_counts_needs_and_people(self):
        self.analysis.action_gather()
        needs = self.need_own | self.need_team | self.need_complaint
        self.assertEqual(self.analysis.need_ids, needs)
        self.assertEqual(self.analysis.need_count, 3)
        # 张三, 李四, 孙老师: 张三 counted once
        self.assertEqual(self.analysis.employee_count, 3)
        counts = {
            (line.department_id, line.category, line.source): (
                line.need_count,
                line.employee_count,
            )
            for line in self.analysis.line_ids
        }
        self.assertEqual(counts[(self.teaching, "professional", "customer")], (1, 1))
        self.assertEqual(counts[(self.department, "professional", "manager")], (1, 2))
        self.assertEqual(sum(c[0] for c in counts.values()), 3)
        # a period without needs gathers nothing and cannot be submitted
        empty = self.analysis.copy(
            {"date_from": date(2001, 1, 1), "date_to": date(2001, 12, 31)}
        )
        empty.action_gather()
        self.assertFalse(empty.need_ids)
        with self.assertRaises(ValidationError):
            empty.action_submit()

    def test_approval_chain(self):
        self.analysis.action_gather()
        self.analysis.action_submit()
        officer = self.analysis.with_user(self.users["hr_officer"])
        with self.assertRaises(AccessError):
            officer.action_review()
        with self.assertRaises(AccessError):
            self.analysis.with_user(self.users["principal"]).action_review()
        self.assertEqual(self.analysis.state, "submitted")
        self.analysis.with_user(self.users["hr_manager"]).action_review()
        with self.assertRaises(AccessError):
            self.analysis.with_user(self.users["hr_manager"]).action_approve()
        self.assertEqual(self.analysis.state, "reviewed")
        self.assertFalse(self.analysis.approved_by_id)
        self.analysis.with_user(self.users["principal"]).action_approve()
        self.assertEqual(self.analysis.state, "approved")
        self.assertEqual(self.analysis.approved_by_id, self.users["principal"])
        self.assertEqual(self.analysis.date_approved, date.today())
        # no client writes the approval or the gathered needs
        with self.assertRaises(AccessError):
            officer.write({"approved_by_id": self.users["hr_officer"].id})
        with self.assertRaises(AccessError):
            officer.write({"need_ids": [Command.clear()]})
        self.assertEqual(self.analysis.need_count, 3)

    def test_printable_report(self):
        self.analysis.action_gather()
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "hr_appraisal_training.hr_training_need_analysis_report",
            self.analysis.ids,
        )
        html = html.decode()
        self.assertIn("年度培训需求分析 (test)", html)
        self.assertIn("教学部", html)

    def test_access(self):
        for role in ("employee", "manager", "finance"):
            with self.assertRaises(AccessError):
                self.analysis.with_user(self.users[role]).read(["name"])
        with self.assertRaises(AccessError):
            self.analysis.with_user(self.users["manager"]).action_gather()

    def test_plan_line_covers_needs(self):
        """The annual plan's course answers two needs: they become planned
        when management approves the plan, covered when it is done."""
        needs = self.need_team | self.need_complaint
        self.need_team.with_user(self.users["manager"]).action_approve()
        plan = self._plan("annual")
        plan.line_ids.with_user(self.users["hr_officer"]).need_ids = [
            Command.set(needs.ids)
        ]
        self.assertEqual(plan.need_count, 2)
        plan.with_user(self.users["hr_officer"]).action_submit()
        self.assertEqual(set(needs.mapped("state")), {"new", "approved"})
        plan.with_user(self.users["principal"]).action_approve()
        self.assertEqual(set(needs.mapped("state")), {"planned"})
        plan.with_user(self.users["hr_officer"]).action_done()
        self.assertEqual(set(needs.mapped("state")), {"covered"})
        self.assertEqual(self.need_own.state, "new")

    def test_needs_of_another_company_refused(self):
        other = self.env["res.company"].create({"name": "分校 (test)"})
        department = self.env["hr.department"].create(
            {"name": "分校教学部", "company_id": other.id}
        )
        foreign = self.env["hr.training.need"].create(
            {
                "name": "别校需求",
                "company_id": other.id,
                "source": "strategy",
                "department_id": department.id,
            }
        )
        with self.assertRaises(ValidationError):
            self._plan("annual").line_ids.need_ids = [Command.set(foreign.ids)]
