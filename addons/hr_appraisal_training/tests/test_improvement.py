# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Improvement after the appraisal: weaknesses become training needs, the
improvement plan with its goals and activities, HR's recommendations."""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import HrAppraisalCase


class TestImprovement(HrAppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle = cls._cycle_open(cls.zhang | cls.li | cls.teacher)
        cls.review = cls.cycle.review_ids.filtered(lambda r: r.employee_id == cls.zhang)
        service = cls.review.line_ids.filtered(lambda ln: ln.method == "rating")
        service.write({"self_score": 4})
        cls.review.action_submit_self()
        service.write({"manager_score": 3})
        cls.review.action_done()

    @classmethod
    def _cycle_open(cls, employees):
        cycle = cls.env["hr.performance.review.cycle"].create(
            {
                "name": "2026 Q1 (improvement)",
                "company_id": cls.company.id,
                "cycle_type": "quarterly",
                "date_from": date(2026, 1, 1),
                "employee_ids": [Command.set(employees.ids)],
            }
        )
        cycle.action_open()
        return cycle

    def test_weaknesses_become_training_needs(self):
        review = self._as("manager", self.review)
        review.write(
            {
                "weakness_ids": [
                    Command.create(
                        {"name": "电话邀约话术", "category": "professional"}
                    ),
                    Command.create(
                        {
                            "name": "时间管理",
                            "category": "general",
                            "urgency": "high",
                            "note": "每周计划",
                        }
                    ),
                ]
            }
        )
        review.action_create_training_needs()
        needs = self.review.training_need_ids
        self.assertEqual(len(needs), 2)
        self.assertEqual(set(needs.mapped("source")), {"appraisal"})
        self.assertEqual(needs.employee_ids, self.zhang)
        self.assertEqual(needs.requested_by, self.users["manager"])
        self.assertEqual(self.review.weakness_ids.training_need_id, needs)
        # nothing new to create the second time
        with self.assertRaises(UserError):
            review.action_create_training_needs()
        # the employee sees his needs, but neither writes weaknesses nor
        # creates needs from the appraisal
        self.assertEqual(
            self.env["hr.training.need"]
            .with_user(self.users["employee"])
            .search([("review_id", "=", self.review.id)]),
            needs,
        )
        mine = self._as("employee", self.review)
        with self.assertRaises(AccessError):
            mine.write({"weakness_ids": [Command.create({"name": "自己写"})]})
        with self.assertRaises(AccessError):
            mine.action_create_training_needs()
        # another team's manager neither
        with self.assertRaises(AccessError):
            self._as("manager2", self.review).action_create_training_needs()

    def test_improvement_plan(self):
        action = self._as("manager", self.review).action_create_idp()
        idp = self.env["hr.performance.idp"].browse(action["res_id"])
        self.assertEqual(idp.employee_id, self.zhang)
        self.assertEqual(idp.manager_user_id, self.users["manager"])
        manager_idp = self._as("manager", idp)
        with self.assertRaises(UserError):
            manager_idp.action_start()  # no goal yet
        manager_idp.write(
            {
                "goal_ids": [
                    Command.create(
                        {
                            "name": "每周回访 20 位家长",
                            "frequency": "weekly",
                            "date_due": date(2026, 4, 10),
                        }
                    ),
                    Command.create(
                        {
                            "name": "月度话术考核",
                            "frequency": "monthly",
                            "owner_user_id": self.users["manager"].id,
                            "date_due": date(2026, 4, 30),
                        }
                    ),
                ],
                "coaching_note": "<p>第一次辅导:示范邀约电话</p>",
            }
        )
        weekly, monthly = idp.goal_ids.sorted("date_due")
        self.assertEqual(weekly.owner_user_id, self.users["employee"])
        self.assertFalse(weekly.activity_id)  # not started yet
        manager_idp.action_start()
        self.assertEqual(idp.state, "active")
        self.assertEqual(weekly.activity_id.user_id, self.users["employee"])
        self.assertEqual(weekly.activity_id.date_deadline, date(2026, 4, 10))
        self.assertEqual(monthly.activity_id.user_id, self.users["manager"])
        # the employee updates his goal, not the plan nor the coaching notes
        self._as("employee", weekly).write(
            {"status": "done", "progress_note": "已回访 22 位"}
        )
        self.assertFalse(weekly.activity_id)
        self.assertEqual(idp.progress, 50.0)
        with self.assertRaises(AccessError):
            self._as("employee", weekly).write({"date_due": date(2026, 5, 1)})
        with self.assertRaises(AccessError):
            self._as("employee", idp).write({"coaching_note": "<p>改</p>"})
        with self.assertRaises(AccessError):
            self._as("employee", idp).action_done()
        # scope: 李四 does not see 张三's plan, the other team's manager neither
        for role in ("employee2", "manager2"):
            self.assertFalse(
                self.env["hr.performance.idp"]
                .with_user(self.users[role])
                .search([("id", "=", idp.id)])
            )
        with self.assertRaises(AccessError):
            self.env["hr.performance.idp"].with_user(self.users["manager2"]).create(
                {"name": "越权", "employee_id": self.zhang.id}
            )
        with self.assertRaises(AccessError):
            self.env["hr.performance.idp"].with_user(self.users["employee"]).create(
                {"name": "自建", "employee_id": self.zhang.id}
            )
        manager_idp.action_done()
        self.assertFalse(monthly.activity_id)

    def test_recommendations_by_hr_only(self):
        Rec = self.env["hr.performance.review.recommendation"]
        vals = {
            "review_id": self.review.id,
            "salary_adjustment": 5.0,
            "promotion_job_id": self.job.id,
            "bonus_coefficient": 1.2,
        }
        for role in ("employee", "manager"):
            with self.assertRaises(AccessError):
                Rec.with_user(self.users[role]).create(vals)
        rec = Rec.with_user(self.users["hr_officer"]).create(vals)
        self.assertEqual(rec.cycle_id, self.cycle)
        self.assertAlmostEqual(rec.final_score, self.review.final_score)
        self.assertEqual(rec.decided_by, self.users["hr_officer"])
        with self.assertRaises(ValidationError):
            self._as("hr_officer", rec).write({"salary_adjustment": 500.0})
        with self.assertRaises(ValidationError):
            self._as("hr_officer", rec).write({"bonus_coefficient": 50})
        with self.assertRaises(AccessError):
            self._as("hr_officer", rec).write(
                {"decided_by": self.users["hr_manager"].id}
            )
        with self.assertRaises(AccessError):
            self._as("manager", rec).write({"salary_adjustment": 10})
        # the team's manager reads it, the employee does not
        self.assertEqual(
            Rec.with_user(self.users["manager"]).search([("id", "=", rec.id)]), rec
        )
        self.assertFalse(
            Rec.with_user(self.users["manager2"]).search([("id", "=", rec.id)])
        )
        with self.assertRaises(AccessError):
            Rec.with_user(self.users["employee"]).search([("id", "=", rec.id)])
        # only done appraisals
        pending = self.cycle.review_ids.filtered(lambda r: r.employee_id == self.li)
        with self.assertRaises(ValidationError):
            Rec.with_user(self.users["hr_officer"]).create(
                dict(vals, review_id=pending.id)
            )
        # per cycle, in the pivot's grouping
        groups = Rec._read_group(
            [("cycle_id", "=", self.cycle.id)], ["cycle_id"], ["salary_adjustment:avg"]
        )
        self.assertEqual(groups, [(self.cycle, 5.0)])
