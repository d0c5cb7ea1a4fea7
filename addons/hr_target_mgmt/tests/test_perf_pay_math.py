# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from decimal import Decimal
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from odoo.tests import BaseCase, tagged

from ..tools import perf_pay
from ..tools.perf_pay import DEFAULT_SCALE, Bracket, ScaleError

D = Decimal

achievements = st.decimals(
    min_value=0, max_value=10, places=4, allow_nan=False, allow_infinity=False
)


@tagged("post_install", "-at_install")
class TestPerfPayMath(BaseCase):
    """The performance-pay arithmetic: scale, standard, pay and team reward."""

    # worked examples ---------------------------------------------------
    def test_e1(self):
        line = perf_pay.compute_line(DEFAULT_SCALE, 1000, 10, 15)
        self.assertEqual(line["achievement"], D("1.5"))
        self.assertEqual(line["factor"], D("1.5"))
        self.assertEqual(line["standard"], D("300.00"))
        self.assertEqual(line["amount"], D("450.00"))
        self.assertEqual(D(1000) + line["amount"], D("1450.00"))

    def test_e2(self):
        line = perf_pay.compute_line(DEFAULT_SCALE, 1000, 10, 3)
        self.assertEqual(line["achievement"], D("0.3"))
        self.assertEqual(line["factor"], D("0.25"))
        self.assertEqual(line["amount"], D("75.00"))
        self.assertEqual(D(1000) + line["amount"], D("1075.00"))

    # bracket edges -----------------------------------------------------
    def test_exactly_120_percent(self):
        """120 % is in the "≥ 120 %" bracket: the factor is the achievement."""
        line = perf_pay.compute_line(DEFAULT_SCALE, 1000, 10, 12)
        self.assertEqual(line["factor"], D("1.2"))
        self.assertEqual(line["amount"], D("360.00"))
        just_below = perf_pay.factor_for(DEFAULT_SCALE, D("1.1999"))
        self.assertEqual(just_below, D("1"))

    def test_exactly_zero_and_no_actual(self):
        for actual in (0, None, False):
            line = perf_pay.compute_line(DEFAULT_SCALE, 1000, 10, actual)
            self.assertEqual(line["achievement"], D(0))
            self.assertEqual(line["factor"], D(0))
            self.assertEqual(line["amount"], D(0))
            self.assertEqual(line["standard"], D("300.00"))

    def test_no_target(self):
        self.assertIsNone(perf_pay.achievement(0, 5))
        self.assertIsNone(perf_pay.achievement(-1, 5))
        self.assertEqual(perf_pay.compute_line(DEFAULT_SCALE, 1000, 0, 5)["amount"], 0)

    def test_cap(self):
        scale = [
            Bracket(0.0, 1.0, "fixed", 0.5),
            Bracket(1.0, None, "achievement", 0.0, 2.0),
        ]
        perf_pay.validate_scale(scale)
        self.assertEqual(perf_pay.factor_for(scale, D("1.5")), D("1.5"))
        self.assertEqual(perf_pay.factor_for(scale, D("3.5")), D("2.0"))
        self.assertEqual(perf_pay.factor_for(scale, D("0.99")), D("0.5"))

    # rounding ----------------------------------------------------------
    def test_round_half_up(self):
        self.assertEqual(perf_pay.round_money(D("0.125")), D("0.13"))
        self.assertEqual(perf_pay.round_money(2.675), D("2.68"))  # not 2.67
        self.assertEqual(perf_pay.round_money(D("12.5"), 1), D("13"))
        self.assertEqual(perf_pay.round_money(D("1.02"), D("0.05")), D("1.00"))
        with self.assertRaises(ValueError):
            perf_pay.round_money(1, 0)
        # 1,234.56 × 30 % = 370.368 → 370.37; 10 / 9 = 111 % → factor 1
        line = perf_pay.compute_line(DEFAULT_SCALE, 1234.56, 9, 10)
        self.assertEqual(line["standard"], D("370.37"))
        self.assertEqual(line["amount"], D("370.37"))

    # team reward -------------------------------------------------------
    def test_team_reward(self):
        # minimum 80 met (actual 80): 5 % of the target value 100,000
        self.assertEqual(perf_pay.team_reward(100000, 80000, 80000, 0.05), D("5000.00"))
        self.assertEqual(perf_pay.team_reward(100000, 80000, 79999.99, 0.05), 0)
        # no minimum: the target itself must be met
        self.assertEqual(perf_pay.team_reward(100, 0, 99, 0.1), 0)
        self.assertEqual(perf_pay.team_reward(100, 0, 100, 0.1), D("10.00"))
        self.assertEqual(perf_pay.team_reward(0, 0, 10, 0.1), 0)

    # scale validation --------------------------------------------------
    def test_default_scale_valid(self):
        perf_pay.validate_scale(DEFAULT_SCALE)

    def _kind(self, scale):
        with self.assertRaises(ScaleError) as caught:
            perf_pay.validate_scale(scale)
        return caught.exception

    def test_scale_errors(self):
        self.assertEqual(self._kind([]).kind, "empty")
        error = self._kind([Bracket(0, 0.5, "fixed", 0), Bracket(0.6, None)])
        self.assertEqual(error.kind, "gap")
        self.assertEqual(
            error.params, {"achievement_from": 50.0, "achievement_to": 60.0}
        )
        error = self._kind([Bracket(0, 0.5, "fixed", 0), Bracket(0.4, None)])
        self.assertEqual(error.kind, "overlap")
        self.assertEqual(self._kind([Bracket(0.1, None)]).kind, "start")
        self.assertEqual(self._kind([Bracket(0, 1.0)]).kind, "open_end")
        self.assertEqual(
            self._kind([Bracket(0, 0.5), Bracket(0.5, 0.5)]).kind, "bounds"
        )
        self.assertEqual(
            self._kind([Bracket(0, None), Bracket(1, None)]).kind, "unbounded"
        )
        self.assertEqual(self._kind([Bracket(0, None, "fixed", -1)]).kind, "negative")
        # float bounds that meet exactly are no gap (0.1 + 0.2 issue)
        perf_pay.validate_scale([Bracket(0, 0.3), Bracket(0.3, None)])

    # properties --------------------------------------------------------
    @settings(max_examples=200, deadline=None)
    @given(a=achievements, b=achievements)
    def test_default_scale_monotone(self, a, b):
        low, high = sorted((a, b))
        self.assertLessEqual(
            perf_pay.factor_for(DEFAULT_SCALE, low),
            perf_pay.factor_for(DEFAULT_SCALE, high),
        )

    @settings(max_examples=200, deadline=None)
    @given(
        cuts=st.lists(
            st.decimals(min_value=D("0.01"), max_value=3, places=2),
            min_size=1,
            max_size=6,
            unique=True,
        ),
        steps=st.lists(st.decimals(min_value=0, max_value=1, places=2), min_size=7),
        a=achievements,
        b=achievements,
    )
    def test_monotone_scale_gives_monotone_pay(self, cuts, steps, a, b):
        """Fixed factors that never decrease, then "equal to achievement"
        from a bound at least the last fixed factor: pay never decreases
        when the achievement grows."""
        bounds = [D(0)] + sorted(cuts)
        factor, scale = D(0), []
        for low, high in pairwise(bounds):
            factor += steps[len(scale)]
            scale.append(Bracket(low, high, "fixed", factor))
        last = max(bounds[-1], factor)
        if last > bounds[-1]:
            scale.append(Bracket(bounds[-1], last, "fixed", factor))
        scale.append(Bracket(last, None, "achievement", 0))
        perf_pay.validate_scale(scale)
        low, high = sorted((a, b))
        pay_low = perf_pay.compute_line(scale, 1000, 100, low * 100)["amount"]
        pay_high = perf_pay.compute_line(scale, 1000, 100, high * 100)["amount"]
        self.assertLessEqual(pay_low, pay_high)

    @settings(max_examples=200, deadline=None)
    @given(
        wage=st.decimals(min_value=0, max_value=10**6, places=2),
        rate=st.decimals(min_value=0, max_value=1, places=4),
        target=st.integers(min_value=1, max_value=1000),
        actual=st.integers(min_value=0, max_value=5000),
    )
    def test_amounts_rounded_to_cents(self, wage, rate, target, actual):
        line = perf_pay.compute_line(DEFAULT_SCALE, wage, target, actual, rate)
        for key in ("standard", "amount"):
            self.assertEqual(line[key], line[key].quantize(D("0.01")))
            self.assertGreaterEqual(line[key], 0)
        # the amount is within half a cent of the exact product
        self.assertLessEqual(
            abs(line["amount"] - line["standard"] * line["factor"]), D("0.005")
        )

    @settings(max_examples=100, deadline=None)
    @given(
        cuts=st.lists(
            st.decimals(min_value=D("0.01"), max_value=5, places=2),
            min_size=0,
            max_size=6,
            unique=True,
        ),
        probe=achievements,
    )
    def test_any_partition_is_valid_and_covers(self, cuts, probe):
        """Brackets cut at any points cover every achievement exactly once."""
        bounds = [D(0)] + sorted(cuts) + [None]
        scale = [
            Bracket(bounds[i], bounds[i + 1], "fixed", D(i))
            for i in range(len(bounds) - 1)
        ]
        perf_pay.validate_scale(scale)
        covering = [
            b
            for b in scale
            if b.achievement_from <= probe
            and (b.achievement_to is None or probe < b.achievement_to)
        ]
        self.assertEqual(len(covering), 1)
        self.assertEqual(perf_pay.find_bracket(scale, probe), covering[0])
