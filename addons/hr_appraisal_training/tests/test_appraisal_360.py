# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from odoo.tests import BaseCase, tagged

from odoo.addons.hr_appraisal_training.tools import appraisal_360, appraisal_score
from odoo.addons.hr_appraisal_training.tools.appraisal_score import (
    AppraisalScoreError,
    KpiLine,
)

LINES = [
    KpiLine("target", 50, "target"),
    KpiLine("service", 30, "rating"),
    KpiLine("quality", 20, "points", 40),
]


@tagged("-at_install", "post_install")
class TestAppraisal360(BaseCase):
    def test_survey_percentage_to_line_inputs(self):
        answer = appraisal_360.survey_inputs(LINES, 85)
        # target lines keep their measured achievement: no survey input
        self.assertEqual(set(answer), {"service", "quality"})
        self.assertEqual(answer["service"], Decimal("4.25"))
        self.assertEqual(answer["quality"], Decimal(34))

    def test_rating_floor_and_range(self):
        self.assertEqual(appraisal_360.survey_input("rating", 10), Decimal(1))
        self.assertEqual(appraisal_360.survey_input("points", 0, 40), Decimal(0))
        for bad in (-1, 100.01, float("nan"), True):
            with self.assertRaises(AppraisalScoreError):
                appraisal_360.survey_input("rating", bad)

    @settings(max_examples=60, deadline=None)
    @given(st.decimals(min_value=20, max_value=100, places=2))
    def test_customer_column_scores_the_percentage(self, percentage):
        """From 20 % up, the customer column scores the survey's result."""
        lines = [KpiLine("service", 60, "rating"), KpiLine("quality", 40, "points", 40)]
        result = appraisal_score.compute(
            lines,
            {"customer": [appraisal_360.survey_inputs(lines, percentage)]},
            {"customer": 100},
            min_answers=1,
        )
        self.assertEqual(result.score, percentage)
