# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import doctest
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.tests import BaseCase

from ..tools import training_math as tm

scores = st.one_of(st.none(), st.floats(min_value=0, max_value=100))


class TestTrainingMath(BaseCase):
    def test_doctests(self):
        result = doctest.testmod(tm)
        self.assertFalse(result.failed)
        self.assertTrue(result.attempted)

    def test_trainer_score(self):
        # 40 % × 90 + 30 % × 80 + 20 % × 100 + 10 % × 50 = 85
        self.assertAlmostEqual(tm.trainer_score(90, 80, 100, 50), 85.0)
        # satisfaction unknown: the other weights rescale (36 + 24 + 5) / 80
        self.assertAlmostEqual(tm.trainer_score(90, 80, None, 50), 81.25)
        self.assertIsNone(tm.trainer_score(None, None, None, None))
        for bad in (-1, 101, float("nan"), float("inf")):
            with self.assertRaises(tm.TrainingMathError):
                tm.trainer_score(bad, 80, 80, 80)

    @settings(
        max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(scores, scores, scores, scores)
    def test_trainer_score_bounded(self, quality, effect, satisfaction, development):
        score = tm.trainer_score(quality, effect, satisfaction, development)
        known = [
            v for v in (quality, effect, satisfaction, development) if v is not None
        ]
        if not known:
            self.assertIsNone(score)
        else:
            self.assertGreaterEqual(score, min(known) - 1e-9)
            self.assertLessEqual(score, max(known) + 1e-9)

    def test_attendance_and_pass(self):
        self.assertEqual(tm.attended_ratio([]), 0.0)
        self.assertEqual(tm.attended_ratio(["present", "late"]), 0.75)
        self.assertEqual(tm.attended_ratio(["absent", "left_early"]), 0.25)
        self.assertTrue(tm.passed(60, 60))
        self.assertFalse(tm.passed(59.99, 60))
        self.assertIsNone(tm.passed(None, 60))

    @settings(
        max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(
        st.lists(st.sampled_from(list(tm.ATTENDANCE_SHARE)), min_size=1, max_size=40)
    )
    def test_attended_ratio_bounded(self, statuses):
        ratio = tm.attended_ratio(statuses)
        self.assertGreaterEqual(ratio, 0.0)
        self.assertLessEqual(ratio, 1.0)
        self.assertEqual(ratio == 1.0, all(s == "present" for s in statuses))

    def test_results_change(self):
        self.assertEqual(tm.results_change([86.4], [88.0])[0:2], (86.4, 88.0))
        self.assertAlmostEqual(tm.results_change([86.4], [88.0])[2], 1.6)
        self.assertEqual(tm.results_change([], [88.0]), (None, 88.0, None))
        self.assertEqual(tm.results_change([70, None, 80], []), (75.0, None, None))

    def test_add_months(self):
        self.assertEqual(tm.add_months(date(2026, 4, 7), 24), date(2028, 4, 7))
        self.assertEqual(tm.add_months(date(2026, 8, 31), 6), date(2027, 2, 28))
        self.assertEqual(tm.add_months(date(2027, 12, 31), 2), date(2028, 2, 29))
