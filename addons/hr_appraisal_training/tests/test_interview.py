# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common_360 import Hr360Case


class TestInterview(Hr360Case):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["hr.performance.review"])

    def _done(self):
        review = self._review_360()
        # manager 80, self 84 → (83.33 × 80 + 16.67 × 84) / 100 = 80.67 (良好)
        self._self_and_manager(review, (4, 45), (4, 40))
        self.assertAlmostEqual(review.final_score, 80.67)
        return review

    def _acknowledged(self):
        review = self._done()
        self._as("manager", review).action_schedule_interview()
        self._as("employee", review).action_acknowledge()
        return review

    def test_interview_scheduled_noted_and_acknowledged(self):
        review = self._done()
        # the employee does not schedule the interview
        with self.assertRaises(AccessError):
            self._as("employee", review).action_schedule_interview()
        action = self._as("manager", review).action_schedule_interview()
        event = review.interview_event_id
        self.assertEqual(action["res_id"], event.id)
        self.assertEqual(
            event.partner_ids,
            self.zhang.work_contact_id | self.users["manager"].partner_id,
        )
        self.assertEqual((event.res_model, event.res_id), (review._name, review.id))
        self.assertEqual(review.interview_start, event.start)
        # the manager writes the notes; the employee comments
        self._as("manager", review).write(
            {
                "interview_achievements": "招生目标超额完成",
                "interview_shortcomings": "回访记录不全",
                "interview_improvement": "每周整理回访记录",
            }
        )
        with self.assertRaises(AccessError):
            self._as("employee", review).write({"interview_shortcomings": "无"})
        self._as("employee", review).write({"interview_employee_comment": "认同"})
        # only the employee acknowledges; nobody writes the date
        with self.assertRaises(AccessError):
            self._as("manager", review).action_acknowledge()
        with self.assertRaises(AccessError):
            self._as("hr_officer", review).action_acknowledge()
        with self.assertRaises(AccessError):
            self._as("employee2", review).action_acknowledge()
        with self.assertRaises(AccessError):
            self._as("employee", review).write({"date_acknowledged": self.today})
        self._as("employee", review).action_acknowledge()
        self.assertEqual(review.date_acknowledged, self.today)
        # acknowledged: the notes and the comment are final
        with self.assertRaises(AccessError):
            self._as("employee", review).write({"interview_employee_comment": "改"})
        with self.assertRaises(AccessError):
            self._as("manager", review).write({"interview_achievements": "改"})
        with self.assertRaises(UserError):
            self._as("employee", review).action_acknowledge()

    def test_interview_only_after_the_review(self):
        review = self._review_360()
        with self.assertRaises(UserError):
            self._as("manager", review).action_schedule_interview()
        with self.assertRaises(UserError):
            self._as("employee", review).action_acknowledge()

    def test_recheck_inside_the_window_revised_by_hr(self):
        review = self._acknowledged()
        own = self._as("employee", review)
        # a reason is required
        with self.assertRaises(UserError):
            own.action_request_recheck()
        own.recheck_reason = "客户回访数据未计入"
        own.action_request_recheck()
        self.assertEqual(review.recheck_state, "requested")
        self.assertEqual(review.date_recheck_requested, self.today)
        with self.assertRaises(UserError):
            own.action_request_recheck()
        # the employee cannot decide nor write the decision
        with self.assertRaises(AccessError):
            own.write({"recheck_score": 95, "recheck_decision_reason": "x"})
        with self.assertRaises(AccessError):
            own.write({"recheck_state": "revised"})
        # the manager neither: only HR officers revise
        with self.assertRaises(AccessError):
            self._as("manager", review).action_recheck_revise()
        hr = self._as("hr_officer", review)
        hr.recheck_score = 91
        with self.assertRaises(UserError):
            hr.action_recheck_revise()  # no reason
        hr.recheck_decision_reason = "补录客户回访后重新评分"
        hr.action_recheck_revise()
        self.assertEqual(review.recheck_state, "revised")
        self.assertAlmostEqual(review.final_score, 91.0)
        self.assertAlmostEqual(review.recheck_original_score, 80.67)
        self.assertEqual(
            review.band_id, self.env.ref("hr_appraisal_training.band_excellent")
        )
        self.assertEqual(review.recheck_user_id, self.users["hr_officer"])
        self.assertTrue(any("91.00" in str(m.body) for m in review.message_ids))
        # decided once
        with self.assertRaises(UserError):
            hr.action_recheck_uphold()

    def test_recheck_upheld(self):
        review = self._acknowledged()
        own = self._as("employee", review)
        own.recheck_reason = "自评分未被采纳"
        own.action_request_recheck()
        hr = self._as("hr_officer", review)
        hr.recheck_decision_reason = "经部门复核，维持原评分"
        hr.action_recheck_uphold()
        self.assertEqual(review.recheck_state, "upheld")
        self.assertAlmostEqual(review.final_score, 80.67)
        self.assertEqual(review.band_id, self.band_good)

    def test_recheck_refused_after_the_window(self):
        review = self._acknowledged()
        self.assertEqual(self.company.appraisal_recheck_days, 7)
        review.sudo().date_acknowledged = self.today - timedelta(days=8)
        own = self._as("employee", review)
        own.recheck_reason = "迟到的复核申请"
        with self.assertRaises(UserError) as error:
            own.action_request_recheck()
        limit = self.today - timedelta(days=1)
        self.assertEqual(review.date_recheck_limit, limit)
        self.assertIn(limit.strftime("%m/%d/%Y"), str(error.exception))
        self.assertEqual(review.recheck_state, "none")
        # the last day of the window is still inside
        review.sudo().date_acknowledged = self.today - timedelta(days=7)
        own.action_request_recheck()
        self.assertEqual(review.recheck_state, "requested")

    def test_recheck_only_after_acknowledging_and_by_the_employee(self):
        review = self._done()
        own = self._as("employee", review)
        own.recheck_reason = "不同意"
        with self.assertRaises(UserError):
            own.action_request_recheck()
        self._as("manager", review).action_schedule_interview()
        own.action_acknowledge()
        with self.assertRaises(AccessError):
            self._as("manager", review).action_request_recheck()
