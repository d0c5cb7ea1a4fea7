# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from odoo.tests import BaseCase, tagged

from odoo.addons.hr_target_mgmt.tools.money import MoneyError

from ..tools import allocation
from ..tools.allocation import AllocationError, AllocationParams, Person

D = Decimal
CENT = D("0.01")

amounts = st.decimals(
    min_value=0, max_value=10_000_000, places=2, allow_nan=False, allow_infinity=False
)
months = st.one_of(
    st.integers(min_value=0, max_value=24),
    st.decimals(min_value=0, max_value=24, places=1),
)
members = st.lists(
    st.tuples(st.integers(1, 4), months, st.booleans(), st.booleans()),
    min_size=1,
    max_size=8,
)


def _department(rows, head):
    """People from hypothesis rows (grade, months, probation, outstanding);
    ``head`` is an index into the rows or None."""
    return [
        Person(
            f"p{index}",
            grade,
            month,
            on_probation=probation,
            outstanding=outstanding,
            is_head=index == head,
        )
        for index, (grade, month, probation, outstanding) in enumerate(rows)
    ]


def _exact_shares(amount, people):
    """The unrounded shares, computed here independently of the engine:
    weight = 1.1 ^ (grade − lowest grade) × 1.1 if outstanding × months / 12
    (capped at 12), nothing on probation or with 3 months or less."""
    entitled = [p for p in people if not p.on_probation and p.months > 3]
    lowest = min(p.grade for p in entitled)
    weights = {}
    for person in people:
        weight = Fraction(0)
        if person in entitled:
            weight = Fraction(11, 10) ** (person.grade - lowest)
            weight *= Fraction(min(D(person.months), D(12))) / 12
            if person.outstanding:
                weight *= Fraction(11, 10)
        weights[person.id] = weight
    total = sum(weights.values())
    return {key: Fraction(amount) * weight / total for key, weight in weights.items()}


@tagged("post_install", "-at_install")
class TestAllocation(BaseCase):
    """Year-end profit sharing: surplus, pool, departments, rules A–E."""

    # surplus and pool --------------------------------------------------
    def test_e3(self):
        """Actual 5,000,000, target 4,000,000: surplus 1,000,000, pool at 30 %
        300,000, split 4 : 3 : 3 into 120,000 / 90,000 / 90,000."""
        self.assertEqual(allocation.surplus(5_000_000, 4_000_000), D(1_000_000))
        result = allocation.sharing_pool(5_000_000, 4_000_000, D("0.30"))
        self.assertTrue(result.shared)
        self.assertEqual(result.surplus, D("1000000.00"))
        self.assertEqual(result.pool, D("300000.00"))
        self.assertEqual(result.remainder, D("700000.00"))
        split = allocation.split_departments(
            result.pool, {"sales": 4, "teaching": 3, "back_office": 3}
        )
        self.assertEqual(
            split,
            {
                "sales": D("120000.00"),
                "teaching": D("90000.00"),
                "back_office": D("90000.00"),
            },
        )
        self.assertEqual(list(split), ["sales", "teaching", "back_office"])
        self.assertEqual(
            allocation.split_departments(D("300000"), [4, 3, 3]),
            [D("120000.00"), D("90000.00"), D("90000.00")],
        )

    def test_no_surplus_no_sharing(self):
        for actual, target in ((4_000_000, 4_000_000), (3_999_999.99, 4_000_000)):
            result = allocation.sharing_pool(actual, target, 0.35)
            self.assertFalse(result.shared)
            self.assertEqual(result.reason, "no_surplus")
            self.assertEqual(result.pool, 0)
            self.assertEqual(result.remainder, 0)
            self.assertLessEqual(result.surplus, 0)
        self.assertEqual(allocation.surplus(3, 5), D(-2))

    def test_pool_share_range(self):
        for share in (D("0.30"), 0.35, "0.40"):
            self.assertTrue(allocation.pool(1000, share).shared)
        for share in (D("0.2999"), 0.41, 0, 1):
            with self.assertRaises(AllocationError) as caught:
                allocation.pool(1000, share)
            self.assertEqual(caught.exception.kind, "share_range")
            self.assertEqual(caught.exception.params["min_share"], D("0.30"))
        # other bounds, themselves checked
        self.assertEqual(allocation.pool(1000, 0.5, 0.5, 0.6).pool, D("500.00"))
        for low, high in ((0.5, 0.4), (-0.1, 0.4), (0.3, 1.5)):
            with self.assertRaises(AllocationError) as caught:
                allocation.pool(1000, 0.35, low, high)
            self.assertEqual(caught.exception.kind, "params")
        with self.assertRaises(MoneyError):
            allocation.pool(float("nan"), 0.35)
        with self.assertRaises(AllocationError):
            allocation.pool(1000, float("nan"))

    def test_pool_rounds_half_up(self):
        result = allocation.pool(D("0.05"), D("0.30"))
        self.assertEqual(result.pool, D("0.02"))  # 0.015 → 0.02
        self.assertEqual(result.remainder, D("0.03"))
        result = allocation.pool(D("333.33"), D("0.35"), rounding=1)
        self.assertEqual(result.pool, D(117))  # 116.6655 → 117
        self.assertEqual(result.pool + result.remainder, result.surplus)

    @settings(max_examples=200, deadline=None)
    @given(
        surplus=st.decimals(
            min_value=D("-1000000"), max_value=D("1000000000"), places=2
        ),
        share=st.decimals(min_value=D("0.30"), max_value=D("0.40"), places=4),
    )
    def test_pool_plus_remainder_is_surplus(self, surplus, share):
        result = allocation.pool(surplus, share)
        if surplus <= 0:
            self.assertFalse(result.shared)
            self.assertEqual(result.pool, 0)
            return
        self.assertEqual(result.pool + result.remainder, surplus)
        self.assertEqual(result.pool % CENT, 0)
        self.assertLessEqual(abs(result.pool - surplus * share), D("0.005"))

    @settings(max_examples=200, deadline=None)
    @given(
        total=amounts,
        ratios=st.lists(
            st.decimals(min_value=D("0.001"), max_value=D(1000), places=3),
            min_size=1,
            max_size=12,
        ),
    )
    def test_departments_sum_exactly(self, total, ratios):
        parts = allocation.split_departments(total, ratios)
        self.assertEqual(sum(parts), total)
        self.assertEqual(len(parts), len(ratios))
        weight = sum(ratios)
        for part, ratio in zip(parts, ratios, strict=True):
            self.assertGreaterEqual(part, 0)
            self.assertEqual(part % CENT, 0)
            exact = Fraction(total) * Fraction(ratio) / Fraction(weight)
            self.assertLess(abs(Fraction(part) - exact), Fraction(CENT))

    @settings(max_examples=200, deadline=None)
    @given(
        total=amounts,
        weights=st.lists(st.integers(0, 10**30), min_size=1, max_size=40).filter(any),
        rounding=st.sampled_from([D("0.01"), D(1), D("0.05")]),
    )
    def test_integer_split_is_money_split(self, total, weights, rounding):
        """The department split in integers gives exactly the suite's money
        split (largest remainder, ties to the earlier part)."""
        self.assertEqual(
            allocation._split_integers(total, weights, rounding),
            allocation._split(total, [D(weight) for weight in weights], rounding),
        )

    def test_department_ratios_refused(self):
        for ratios in ([4, 0, 3], [4, -1], [], {"sales": 0}):
            with self.assertRaises(AllocationError) as caught:
                allocation.split_departments(1000, ratios)
            self.assertEqual(caught.exception.kind, "ratio")
        with self.assertRaises(MoneyError):
            allocation.split_departments(1000, [4, float("inf")])
        with self.assertRaises(MoneyError):
            allocation.split_departments(-1, [1])

    # allocation inside a department -------------------------------------
    def _sales(self):
        return [
            Person("head", 3, 12, is_head=True),
            Person("g2", 2, 12),
            Person("g2_outstanding", 2, 12, outstanding=True),
            Person("g1_6_months", 1, 6),
            Person("probationer", 1, 5, on_probation=True),
            Person("new_hire", 1, 2),
        ]

    def test_worked_example(self):
        """Sales, 120,000. Weights (grade 1, full year = 1; one grade up =
        × 1.1; outstanding × 1.1; 6 months = × 6/12):
        head grade 3: 1.21; grade 2: 1.1; grade 2 outstanding: 1.21;
        grade 1, 6 months: 0.5; probationer and 2-month hire: 0.
        Total weight 4.02, so in cents:
        head 12,000,000 × 1.21 / 4.02 = 3,611,940.30 → 3,611,940 (rest .30),
        grade 2: × 1.1 / 4.02 = 3,283,582.09 → 3,283,582 (rest .09),
        outstanding: as the head, 3,611,940 (rest .30),
        6 months: × 0.5 / 4.02 = 1,492,537.31 → 1,492,537 (rest .31).
        The floors add up to 11,999,999: the missing cent goes to the largest
        rest, the 6-month employee. E: 36,119.40 ≤ 5 × 14,925.38."""
        people = self._sales()
        result = allocation.allocate(D(120_000), people)
        self.assertEqual(
            result.shares,
            {
                "head": D("36119.40"),
                "g2": D("32835.82"),
                "g2_outstanding": D("36119.40"),
                "g1_6_months": D("14925.38"),
                "probationer": D("0.00"),
                "new_hire": D("0.00"),
            },
        )
        self.assertEqual(sum(result.shares.values()), D(120_000))
        self.assertEqual(
            result.rules,
            {
                "head": "A",
                "g2": "A",
                "g2_outstanding": "A+",
                "g1_6_months": "B",
                "probationer": "P0",
                "new_hire": "B0",
            },
        )
        self.assertEqual(allocation.check_plan(120_000, people, result.shares), [])

    def test_service_limits(self):
        people = [
            Person("three", 1, 3),
            Person("three_and_half", 1, D("3.5")),
            Person("year", 1, 12),
            Person("two_years", 1, 24),
            Person("probation", 1, 24, on_probation=True),
            Person("six_outstanding", 1, 6, outstanding=True),
        ]
        result = allocation.allocate(D("2140.00"), people)
        # weights × 12: 0, 3.5, 12, 12, 0, 1.1 × 6 = 6.6; total 34.1. In cents:
        # full year 214,000 × 12 / 34.1 = 75,307.92 → 75,307 (rest .92),
        # 3.5 months: × 3.5 / 34.1 = 21,964.81 → 21,964 (rest .81),
        # outstanding 6 months: × 6.6 / 34.1 = 41,419.35 → 41,419 (rest .35).
        # The floors add up to 213,997: the 3 missing cents go to the
        # largest rests (both full years, then 3.5 months).
        self.assertEqual(
            result.shares,
            {
                "three": D("0.00"),
                "three_and_half": D("219.65"),
                "year": D("753.08"),
                "two_years": D("753.08"),
                "probation": D("0.00"),
                "six_outstanding": D("414.19"),
            },
        )
        self.assertEqual(result.rules["three"], "B0")
        self.assertEqual(result.rules["three_and_half"], "B")
        self.assertEqual(result.rules["six_outstanding"], "B+")
        self.assertEqual(result.rules["probation"], "P0")
        self.assertEqual(sum(result.shares.values()), D(2140))

    def test_other_params(self):
        params = AllocationParams(
            outstanding_uplift=D("0.15"), grade_step=D("0.20"), min_months_for_share=6
        )
        people = [
            Person("a", 1, 12),
            Person("b", 2, 12),
            Person("c", 2, 12, outstanding=True),
            Person("d", 1, 6),
        ]
        result = allocation.allocate(D("1000"), people, params, rounding=1)
        # weights 1, 1.2, 1.38, 0 (6 months is not more than 6)
        self.assertEqual(
            result.shares, {"a": D(279), "b": D(335), "c": D(386), "d": D(0)}
        )
        self.assertEqual(
            allocation.check_plan(1000, people, result.shares, params, 1), []
        )

    def test_head_capped(self):
        """Head of grade 20, two grade-1 employees, 10,000: by grade the head
        would weigh 1.1 ^ 19 = 6.12 times a grade-1 share. Capped: the
        largest head share with head ≤ 5 × the lowest share is 7,142.85
        (the others 1,428.58 and 1,428.57; 7,142.86 would leave 1,428.57
        each, 5 × 1,428.57 = 7,142.85). No adjacent grade bounds the cap."""
        people = [
            Person("head", 20, 12, is_head=True),
            Person("s1", 1, 12),
            Person("s2", 1, 12),
        ]
        result = allocation.allocate(10_000, people)
        self.assertEqual(
            result.shares,
            {"head": D("7142.85"), "s1": D("1428.58"), "s2": D("1428.57")},
        )
        self.assertEqual(result.rules, {"head": "E", "s1": "A", "s2": "A"})

    def test_head_capped_within_c(self):
        """Head alone in grade 6 next to grade 5: the cap may take the head
        down to the grade-5 full share / 1.2 but not below."""
        people = [
            Person("head", 6, 12, is_head=True),
            Person("g5", 5, 12),
            Person("g1", 1, 4),
        ]
        # weights: head 1.1^5 = 1.61051, g5 1.1^4 = 1.4641, g1 4/12 = 0.3333:
        # 1.61051 < 5 × 0.3333: no cap needed
        result = allocation.allocate(10_000, people)
        self.assertNotEqual(result.rules["head"], "E")
        people[0] = Person("head", 9, 12, is_head=True)
        people[1] = Person("g8", 8, 12)
        # head 1.1^8 = 2.14 > 5/3: capped; minimum 1.1^7 / 1.2 = 1.62 < 5/3
        result = allocation.allocate(10_000, people)
        self.assertEqual(result.rules["head"], "E")
        shares = result.shares
        self.assertLessEqual(shares["head"], 5 * shares["g1"])
        self.assertGreaterEqual(shares["head"] * D("1.2"), shares["g8"])
        self.assertEqual(allocation.check_plan(10_000, people, shares), [])

    def test_head_cannot_be_capped(self):
        """E impossible: the 4-month employee's share × 5 is below the head's
        minimum under C (grade-9 full share / 1.2)."""
        people = [
            Person("head", 10, 12, is_head=True),
            Person("g9", 9, 12),
            Person("g1", 1, 4),
        ]
        with self.assertRaises(AllocationError) as caught:
            allocation.allocate(10_000, people)
        error = caught.exception
        self.assertEqual(error.kind, "E")
        self.assertEqual(error.employee_ids, ["head", "g1"])
        self.assertEqual(error.params["limited_by"], "C")
        self.assertEqual(error.params["limited_by_ids"], ["g9"])
        # a head sharing its grade may not fall below its peers (rule A):
        # 1.1 ^ 9 = 2.36 > 5 × 4/12
        people = [
            Person("head", 10, 12, is_head=True),
            Person("g10", 10, 12),
            Person("g1", 1, 4),
        ]
        with self.assertRaises(AllocationError) as caught:
            allocation.allocate(10_000, people)
        self.assertEqual(caught.exception.kind, "E")
        self.assertEqual(caught.exception.params["limited_by"], "A")
        self.assertEqual(caught.exception.params["limited_by_ids"], ["g10"])

    def test_nobody_entitled(self):
        people = [Person("p", 1, 12, on_probation=True), Person("n", 1, 3)]
        with self.assertRaises(AllocationError) as caught:
            allocation.allocate(100, people)
        self.assertEqual(caught.exception.kind, "sum")
        self.assertEqual(caught.exception.employee_ids, ["p", "n"])
        result = allocation.allocate(0, people)
        self.assertEqual(result.shares, {"p": 0, "n": 0})
        self.assertEqual(result.rules, {"p": "P0", "n": "B0"})

    @settings(max_examples=200, deadline=None)
    @given(amount=amounts, rows=members, head=st.none() | st.integers(0, 7))
    def test_allocation_keeps_rules(self, amount, rows, head):
        """Any department: shares that keep A, B, C and E and add up exactly,
        or an error naming the rule that cannot hold: E (there is a head) or
        sum (nobody is entitled)."""
        people = _department(rows, head)
        head_person = next((p for p in people if p.is_head), None)
        entitled = [p for p in people if not p.on_probation and p.months > 3]
        try:
            result = allocation.allocate(amount, people)
        except AllocationError as error:
            if error.kind == "sum":
                self.assertFalse(entitled)
                self.assertGreater(amount, 0)
            else:
                self.assertEqual(error.kind, "E")
                self.assertEqual(error.employee_ids[0], head_person.id)
            return
        shares = result.shares
        self.assertEqual(set(shares), {p.id for p in people})
        self.assertLessEqual(set(result.rules.values()), set(allocation.SHARE_RULES))
        self.assertEqual(sum(shares.values()), amount)
        self.assertEqual(allocation.check_plan(amount, people, shares), [])
        for person in people:
            self.assertGreaterEqual(shares[person.id], 0)
            self.assertEqual(shares[person.id] % CENT, 0)
            if person not in entitled:
                self.assertEqual(shares[person.id], 0)
        if head_person is not None and shares[head_person.id]:
            others = [shares[p.id] for p in people if p != head_person]
            lowest = min((share for share in others if share), default=None)
            if lowest is not None:
                self.assertLessEqual(shares[head_person.id], 5 * lowest)
        if result.rules.get(getattr(head_person, "id", None)) != "E" and entitled:
            # uncapped: each share within one cent of its exact value
            exact = _exact_shares(amount, people)
            for person in people:
                self.assertLess(
                    abs(Fraction(shares[person.id]) - exact[person.id]), Fraction(CENT)
                )

    @settings(max_examples=200, deadline=None)
    @given(amount=amounts, rows=members)
    def test_without_head_never_refused(self, amount, rows):
        """Without a head, rules A, B and C always hold after rounding."""
        people = _department(rows, None)
        entitled = any(not p.on_probation and p.months > 3 for p in people)
        if not entitled and amount > 0:
            return
        result = allocation.allocate(amount, people)
        self.assertEqual(sum(result.shares.values()), amount)

    # checking adjusted plans -------------------------------------------
    def test_check_plan_c(self):
        """Grade-3 head and grade-2 employee: the computed split keeps C; a
        manager giving the head 22 % more does not, and both are named."""
        people = [Person("head", 3, 12, is_head=True), Person("emp", 2, 12)]
        result = allocation.allocate(10_000, people)
        self.assertEqual(result.shares, {"head": D("5238.10"), "emp": D("4761.90")})
        plan = {"head": D("5500.00"), "emp": D("4500.00")}
        violations = allocation.check_plan(10_000, people, plan)
        self.assertEqual(len(violations), 1)
        self.assertEqual(violations[0].rule, "C")
        self.assertEqual(violations[0].employee_ids, ["emp", "head"])
        self.assertEqual(violations[0].params["grades"], [2, 3])
        # 20 % exactly is allowed (5454.55 / 4545.45 = 1.2000…)
        plan = {"head": D("5454.55"), "emp": D("4545.45")}
        self.assertEqual(allocation.check_plan(10_000, people, plan), [])
        # whichever grade is the larger
        plan = {"head": D("4500.00"), "emp": D("5500.00")}
        violations = allocation.check_plan(10_000, people, plan)
        self.assertEqual([v.rule for v in violations], ["C"])
        self.assertEqual(violations[0].employee_ids, ["head", "emp"])

    def test_check_plan_c_in_worked_example(self):
        people = self._sales()
        plan = dict(allocation.allocate(120_000, people).shares)
        plan["head"] += D("3880.60")  # 40,000.00 > 1.2 × 32,835.82
        plan["g1_6_months"] -= D("3880.60")
        rules = {
            v.rule: v.employee_ids for v in allocation.check_plan(120_000, people, plan)
        }
        self.assertEqual(rules["C"], ["g2", "head"])

    def test_check_plan_e(self):
        people = [
            Person("head", 10, 12, is_head=True),
            Person("s1", 1, 12),
            Person("s2", 1, 12),
        ]
        plan = {"head": D(9000), "s1": D(500), "s2": D(500)}
        violations = allocation.check_plan(10_000, people, plan)
        self.assertEqual(len(violations), 1)
        self.assertEqual(violations[0].rule, "E")
        self.assertEqual(violations[0].employee_ids, ["head", "s1"])
        self.assertEqual(violations[0].params["multiple"], 5)
        # 5 × the lowest exactly is allowed, one cent more is not: E has no
        # rounding tolerance
        plan = {"head": D("7142.85"), "s1": D("1428.58"), "s2": D("1428.57")}
        self.assertEqual(allocation.check_plan(10_000, people, plan), [])
        plan = {"head": D("7142.86"), "s1": D("1428.57"), "s2": D("1428.57")}
        self.assertEqual(
            [v.rule for v in allocation.check_plan(10_000, people, plan)], ["E"]
        )

    def test_check_plan_a(self):
        people = [
            Person("x", 2, 12),
            Person("y", 2, 12),
            Person("o", 2, 12, outstanding=True),
        ]
        check = allocation.check_plan
        # equal within one cent
        self.assertEqual(
            check(300, people, {"x": 95, "y": D("95.01"), "o": D("109.99")}), []
        )
        violations = check(300, people, {"x": 95, "y": D("95.02"), "o": D("109.98")})
        self.assertEqual(
            [(v.rule, v.employee_ids) for v in violations], [("A", ["x", "y"])]
        )
        # outstanding: from the equal share to less than 20 % more
        self.assertEqual(check(300, people, {"x": 100, "y": 100, "o": 100}), [])
        self.assertEqual(check(320, people, {"x": 100, "y": 100, "o": 120}), [])
        # 120.02 is within the tolerance (120.0199 / 100.009 < 1.2), 120.03 not
        plan = {"x": 100, "y": 100, "o": D("120.02")}
        self.assertEqual(check(D("320.02"), people, plan), [])
        violations = check(D("320.03"), people, {"x": 100, "y": 100, "o": D("120.03")})
        self.assertEqual(
            [(v.rule, v.employee_ids) for v in violations], [("A", ["x", "o"])]
        )
        violations = check(290, people, {"x": 100, "y": 100, "o": 90})
        self.assertEqual([v.rule for v in violations], ["A"])

    def test_check_plan_b(self):
        people = [
            Person("full", 1, 12),
            Person("half", 1, 6),
            Person("new", 1, 3),
            Person("probation", 1, 12, on_probation=True),
        ]
        check = allocation.check_plan
        self.assertEqual(check(150, people, {"full": 100, "half": 50}), [])
        # 50.02 is two cents from 50 and counts twice in the implied full
        # share (100.04 ± 0.02 against 100 ± 0.01): refused
        violations = check(D("150.02"), people, {"full": 100, "half": D("50.02")})
        self.assertEqual(
            [(v.rule, v.employee_ids) for v in violations], [("B", ["full", "half"])]
        )
        violations = check(160, people, {"full": 100, "half": 50, "new": 10})
        self.assertEqual(
            [(v.rule, v.employee_ids) for v in violations], [("B", ["new"])]
        )
        self.assertEqual(violations[0].params["reason"], "B0")
        violations = check(160, people, {"full": 100, "half": 50, "probation": 10})
        self.assertEqual(violations[0].params["reason"], "P0")

    def test_check_plan_sum_and_inputs(self):
        people = [Person("a", 1, 12), Person("b", 1, 12)]
        violations = allocation.check_plan(100, people, {"a": 50, "b": D("49.99")})
        self.assertEqual([v.rule for v in violations], ["sum"])
        self.assertEqual(violations[0].params["total"], D("99.99"))
        with self.assertRaises(AllocationError) as caught:
            allocation.check_plan(100, people, {"a": 50, "b": 50, "c": 0})
        self.assertEqual(caught.exception.kind, "unknown_employee")
        with self.assertRaises(AllocationError) as caught:
            allocation.check_plan(100, people, {"a": D("50.005"), "b": D("49.995")})
        self.assertEqual(caught.exception.kind, "not_rounded")
        with self.assertRaises(MoneyError):
            allocation.check_plan(100, people, {"a": 150, "b": -50})

    # input validation ---------------------------------------------------
    def _kind(self, error_class, function, *args, **kwargs):
        with self.assertRaises(error_class) as caught:
            function(*args, **kwargs)
        return caught.exception.kind

    def test_invalid_inputs(self):
        people = [Person("a", 1, 12)]
        allocate = allocation.allocate
        for amount, kind in (
            (float("nan"), "not_finite"),
            (D("Infinity"), "not_finite"),
            (-1, "negative"),
            (D(10) ** 10, "too_large"),
        ):
            self.assertEqual(self._kind(MoneyError, allocate, amount, people), kind)
        self.assertEqual(
            self._kind(MoneyError, allocate, 1, people, rounding=0), "rounding"
        )
        for person, kind in (
            (Person("a", 1, -1), "months"),
            (Person("a", 1, float("nan")), "months"),
            (Person("a", 1, "6"), "months"),
            (Person("a", D("1.5"), 12), "grade"),
            (Person("a", True, 12), "grade"),
            (Person("a", 1, 12, outstanding=1), "flag"),
            ({"id": "a", "grade": 1, "months": 12, "level": 2}, "person"),
            ("a", "person"),
        ):
            self.assertEqual(self._kind(AllocationError, allocate, 1, [person]), kind)
        heads = [Person("a", 1, 12, is_head=True), Person("b", 1, 12, is_head=True)]
        self.assertEqual(
            self._kind(AllocationError, allocate, 1, heads), "several_heads"
        )
        twins = [Person("a", 1, 12), Person("a", 2, 12)]
        self.assertEqual(
            self._kind(AllocationError, allocate, 1, twins), "duplicate_id"
        )
        for params in (
            {"outstanding_uplift": D("0.20")},
            {"outstanding_uplift": -0.01},
            {"grade_step": D("0.21")},
            {"min_months_for_share": 12},
            {"full_year_months": 0},
            {"head_max_multiple": D("0.5")},
            {"grade_step": float("nan")},
            {"unknown": 1},
        ):
            self.assertEqual(
                self._kind(AllocationError, allocate, 1, people, params), "params"
            )
        # mappings are accepted for people and params
        result = allocate(
            10, [{"id": "a", "grade": 1, "months": 12}], {"grade_step": D("0.20")}
        )
        self.assertEqual(result.shares, {"a": D("10.00")})
        with self.assertRaises(ValueError):
            AllocationError("no_such_kind")
