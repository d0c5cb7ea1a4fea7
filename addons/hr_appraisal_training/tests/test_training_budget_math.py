# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from odoo.tests import BaseCase, tagged

from odoo.addons.hr_target_mgmt.tools.money import MoneyError

from ..tools import training_budget as tb

D = Decimal
amounts = st.decimals(
    min_value=0, max_value=10**8, places=2, allow_nan=False, allow_infinity=False
)


@tagged("post_install", "-at_install")
class TestTrainingBudgetMath(BaseCase):
    """Planned against actual, and what a plan may still take, to the cent."""

    def test_worked_example(self):
        """Planned 3,000 + 2,000 + 0.1 + 0.2; actual 5,600.30 → overspent 600."""
        planned = tb.total([3000, 2000, 0.1, 0.2])
        self.assertEqual(planned, D("5000.30"))
        self.assertEqual(tb.variance(planned, D("5600.30")), D("600.00"))
        self.assertEqual(tb.usage_rate(planned, D("5600.30")), D("112.00"))
        self.assertIsNone(tb.usage_rate(0, 100))

    def test_overrun(self):
        # budget 10,000, plans already approved 7,000: a plan of 2,500 fits,
        # one of 4,000 is 1,000 over
        self.assertEqual(tb.overrun(10000, 7000, 2500), D("0.00"))
        self.assertEqual(tb.overrun(10000, 7000, 4000), D("1000.00"))
        # already overspent: the whole request is over
        self.assertEqual(tb.overrun(10000, 12000, 500), D("500.00"))

    def test_refused_input(self):
        for bad in (-1, float("nan"), float("inf"), 10**10):
            with self.assertRaises(MoneyError):
                tb.total([bad])
        with self.assertRaises(MoneyError):
            tb.overrun(100, 0, -5)

    @settings(max_examples=200, deadline=None)
    @given(st.lists(amounts, max_size=20), amounts, amounts)
    def test_properties(self, lines, committed, request):
        planned = tb.total(lines)
        self.assertEqual(planned, sum(lines, D(0)))
        over = tb.overrun(planned, committed, request)
        left = max(planned - committed, D(0))
        self.assertGreaterEqual(over, 0)
        self.assertLessEqual(over, request)
        # what fits plus what is over is the request
        self.assertEqual(min(request, left) + over, request)
        self.assertEqual(tb.variance(planned, planned), 0)
