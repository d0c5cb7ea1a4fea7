# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from odoo.tests import BaseCase, tagged

from ..tools import money

D = Decimal

amounts = st.decimals(
    min_value=0, max_value=10**8, places=2, allow_nan=False, allow_infinity=False
)
weights = st.lists(
    st.decimals(min_value=0, max_value=1000, places=3, allow_nan=False),
    min_size=1,
    max_size=30,
).filter(lambda ws: sum(ws) > 0)
steps = st.sampled_from([D("0.01"), D("1"), D("0.05"), D("0.001")])


@tagged("post_install", "-at_install")
class TestMoney(BaseCase):
    """Half-up rounding to the currency and exact splits by weights."""

    def test_round_half_up(self):
        self.assertEqual(money.round_money(D("2.675")), D("2.68"))
        self.assertEqual(money.round_money(2.675), D("2.68"))
        self.assertEqual(money.round_money(D("0.005")), D("0.01"))
        self.assertEqual(money.round_money(D("0.0049")), D("0.00"))
        self.assertEqual(money.round_money(D("-0.005")), D("-0.01"))
        self.assertEqual(money.round_money(D("12.5"), 1), D("13"))

    def test_split_departments_4_3_3(self):
        """Pool 300,000 split 4 : 3 : 3 → 120,000 / 90,000 / 90,000."""
        self.assertEqual(
            money.split_by_weights(300000, [4, 3, 3]),
            [D("120000.00"), D("90000.00"), D("90000.00")],
        )

    def test_split_thirds_ties_to_the_earlier_part(self):
        self.assertEqual(
            money.split_by_weights(100, [1, 1, 1]),
            [D("33.34"), D("33.33"), D("33.33")],
        )
        self.assertEqual(
            money.split_by_weights(D("0.05"), [1, 1, 1, 1]),
            [D("0.02"), D("0.01"), D("0.01"), D("0.01")],
        )

    def test_split_zero_weight_gets_nothing(self):
        self.assertEqual(
            money.split_by_weights(10, [0, 1, 0, 1]),
            [D("0.00"), D("5.00"), D("0.00"), D("5.00")],
        )

    def test_split_refuses_bad_weights(self):
        for bad in ([], [0, 0], [1, -1]):
            with self.assertRaises(money.MoneyError):
                money.split_by_weights(10, bad)

    def test_non_finite_and_absurd_amounts(self):
        for value in (float("nan"), float("inf"), float("-inf"), D("NaN")):
            with self.assertRaises(money.MoneyError) as caught:
                money.check_amount(value)
            self.assertEqual(caught.exception.kind, "not_finite")
            self.assertFalse(money.is_finite(value))
        with self.assertRaises(money.MoneyError) as caught:
            money.check_amount(1e15)
        self.assertEqual(caught.exception.kind, "too_large")
        with self.assertRaises(money.MoneyError) as caught:
            money.check_amount(-1)
        self.assertEqual(caught.exception.kind, "negative")
        self.assertEqual(money.check_amount(-1, allow_negative=True), D(-1))
        self.assertEqual(money.check_amount(money.MAX_AMOUNT), money.MAX_AMOUNT)

    @settings(max_examples=300, deadline=None)
    @given(total=amounts, weights=weights, step=steps)
    def test_split_sums_exactly(self, total, weights, step):
        parts = money.split_by_weights(total, weights, step)
        self.assertEqual(len(parts), len(weights))
        self.assertEqual(sum(parts), money.round_money(total, step))
        for part, weight in zip(parts, weights, strict=True):
            self.assertGreaterEqual(part, 0)
            self.assertEqual(part % step, 0)
            # each part is within one step of its exact share
            exact = money.round_money(total, step) * weight / sum(weights)
            self.assertLess(abs(part - exact), step)
            if weight == 0:
                self.assertEqual(part, 0)

    @settings(max_examples=200, deadline=None)
    @given(total=amounts, weights=weights)
    def test_split_is_deterministic_and_monotone(self, total, weights):
        parts = money.split_by_weights(total, weights)
        self.assertEqual(parts, money.split_by_weights(total, list(weights)))
        for i, j in zip(range(len(weights)), range(1, len(weights)), strict=False):
            if weights[i] > weights[j]:
                self.assertGreaterEqual(parts[i], parts[j])
