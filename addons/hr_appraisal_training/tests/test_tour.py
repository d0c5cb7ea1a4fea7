# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .common_360 import Hr360Case


@tagged("post_install", "-at_install")
class TestAppraisalTour(HttpCase, Hr360Case):
    """In the browser: 张三 fills in his column and submits, then his
    manager fills in hers on the same form and completes the review."""

    def test_self_then_manager_on_one_form(self):
        review = self._review_360()
        self.start_tour(
            "/odoo/action-hr_appraisal_training.hr_performance_review_action_my",
            "hr_appraisal_training_self_review",
            login="pp_employee",
        )
        self.assertEqual(review.state, "manager")
        self.assertAlmostEqual(review.self_total, 84.0)
        self.start_tour(
            "/odoo/action-hr_appraisal_training.hr_performance_review_action",
            "hr_appraisal_training_manager_review",
            login="pp_manager",
        )
        self.assertEqual(review.state, "done")
        # manager 80, self 84; no 360 answer: 83.33 / 16.67 → 80.67
        self.assertAlmostEqual(review.manager_total, 80.0)
        self.assertAlmostEqual(review.final_score, 80.67)
