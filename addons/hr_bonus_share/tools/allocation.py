# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Year-end profit-sharing arithmetic, free of the ORM.

Every amount is a :class:`~decimal.Decimal` rounded half-up to the currency's
rounding step (0.01 for CNY) with the suite's money tools: amounts given
(actual, target, surplus, pool, a department's amount) are rounded to the
step first. Splits add up to their total exactly, to the step (largest
remainder, ties to the earlier part).

Surplus and pool
----------------
* Surplus = the year's actual result − its target. There is something to
  share only when the surplus is positive: a surplus of zero or less gives a
  pool of 0, flagged ``shared=False`` with the reason ``no_surplus``.
* Pool = surplus × share, rounded half-up to the currency. The share must lie
  between the minimum and the maximum share, both included (30 % and 40 % by
  default); any other share is refused (kind ``share_range``). What is not
  pooled (surplus − pool) goes back to the investors or is reinvested, so
  pool + remainder = surplus exactly.
* The pool is split among any number of departments in proportion to
  positive ratios (4 : 3 : 3 for sales, teaching and back office by default);
  the departments' amounts add up to the pool exactly.

Inside a department (:func:`allocate`)
--------------------------------------
Each person has a grade level (an integer, higher = more senior), months of
service at year end, and three flags: on probation, outstanding, head of the
department.

* Entitlement (rule B). Nobody on probation at year end gets a share. Nobody
  with 3 months of service or less gets a share (the limit is
  ``min_months_for_share``). Everybody else is entitled.
* Full share of a grade (rule C). The full share of a grade is what an
  entitled, non-outstanding person of that grade with a full year of service
  gets. The full shares of two grades one level apart differ by the grade
  step (10 % by default): the higher grade's is 1 + step times the lower
  one's. The step may not exceed 20 %.
* Same grade (rule A). Entitled people of the same grade with at least a full
  year (12 months) of service get the same share, the full share of their
  grade. An outstanding person gets more, by the outstanding uplift (10 % by
  default; from 0 to less than 20 %).
* Less than a year (rule B). An entitled person with less than a year of
  service gets the full share of their grade (uplifted if outstanding) × the
  months served / 12.
* Department head (rule E). The head's share may not exceed 5 times the
  lowest non-zero share of the other people of the department. When it would,
  the head's share is lowered, and the others share what the head gives up in
  proportion. The head's share may only be lowered as far as rules A and C
  still allow: not below the full share of the head's grade when someone
  else of that grade is entitled (an outstanding head loses at most the
  uplift), otherwise not below the larger full share of the adjacent grades
  divided by 1.2 (× months / 12 for a head with less than a year), and
  without anybody entitled in an adjacent grade, as far as needed. A head is
  otherwise an employee of their grade like any other. When no share in that
  range keeps rule E, the allocation is refused (kind ``E``) rather than
  breaking a rule.
* Sum. The shares add up exactly to the department's amount.

How the shares are computed: each entitled person weighs
(1 + grade step) ^ (grade − lowest grade) × (1 + uplift if outstanding) ×
min(months, 12) / 12; the amount is split by those weights. The weights are
exact fractions, so the unrounded shares keep every rule exactly; only the
rounding to the step (each share moves by less than one step) can blur them.

Checking a plan (:func:`check_plan`)
------------------------------------
A plan (the computed one or a manager's adjusted amounts) is accepted when
unrounded shares could exist that keep every rule exactly and that each lie
less than one rounding step away from the plan's amount. In practice, one
step of tolerance per rounded amount compared, scaled by the factor it is
multiplied by:

* Sum: the shares add up to the amount (rounded to the step) exactly, with
  no tolerance.
* B: people without entitlement get exactly 0.
* A and B: the *implied full share* of an entitled person is their share ×
  12 / min(months, 12), known to within one step × 12 / min(months, 12).
  Inside a grade, the implied full shares of non-outstanding people must
  agree within their tolerances: two full-year people differ by one step at
  most; a person with 6 months of service is less than one and a half steps
  (one for their share, half of one for the halved full share) away from
  half the full share. An outstanding person's implied full share
  must lie between the grade's full share and 1.2 times it (the
  policy's limit, not the configured uplift): a manager may give an
  outstanding person anything from the equal share to just under 20 % more.
  A conflict between two people is rule A when both served a full year,
  rule B otherwise.
* C: the full shares of two grades one level apart differ by at most 20 %
  (the larger is at most 1.2 times the smaller; the step, not the
  direction, is limited), allowing each full share its tolerance. A grade
  whose entitled people are all outstanding only bounds its full share
  (above 1 / 1.2 ≈ 0.83 and up to 1 times their implied full share);
  grades more than one level apart are not compared.
* E: the head's share is at most 5 times the lowest non-zero share of the
  others, exactly, with no tolerance (the computed plan lowers the head's
  share by up to 6 steps more so that rounding cannot break this). With
  nobody else sharing, the rule holds trivially. A department has one head
  at most.

Errors carry a ``kind`` and parameters, never a sentence, so that callers
can translate them: :class:`AllocationError` (a rule that cannot hold, or an
invalid input: see :data:`ERROR_KINDS`) and the suite's ``MoneyError``
(amounts or rounding that are not finite, negative or too large).
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction
from numbers import Integral

from odoo.addons.hr_target_mgmt.tools.money import (
    MoneyError,
    check_amount,
    round_money,
    split_by_weights,
    to_decimal,
)

#: The policy's limits: an outstanding person gets less than 20 % more than
#: the equal share; the full shares of adjacent grades differ by 20 % at most.
OUTSTANDING_LIMIT = Decimal("0.20")
GRADE_GAP_LIMIT = Decimal("0.20")

DEFAULT_MIN_SHARE = Decimal("0.30")
DEFAULT_MAX_SHARE = Decimal("0.40")

#: Rules a plan can break (codes of :class:`Violation`), also the kinds of
#: :class:`AllocationError` raised when :func:`allocate` cannot keep them.
RULES = ("A", "B", "C", "E", "sum")

#: Every kind of :class:`AllocationError`.
ERROR_KINDS = RULES + (
    "share_range",  # pool share outside [min_share, max_share]
    "ratio",  # department ratio not > 0, or no department
    "params",  # a parameter outside its range
    "person",  # a person that is not a Person nor a mapping of its fields
    "duplicate_id",  # two people with the same id
    "grade",  # grade level not an integer
    "months",  # months of service negative or not a finite number
    "flag",  # on_probation / outstanding / is_head not a boolean
    "several_heads",  # more than one head in a department
    "unknown_employee",  # a plan's share for someone not in the department
    "not_rounded",  # a plan's share not a multiple of the rounding step
)

#: Codes of the rule that set each share, as returned by :func:`allocate`.
SHARE_RULES = (
    "A",  # full year: the equal full share of the grade
    "A+",  # full year, outstanding: the full share plus the uplift
    "B",  # less than a year: the full share x months / 12
    "B+",  # less than a year, outstanding: uplifted full share x months / 12
    "B0",  # 3 months of service or less: no share
    "P0",  # on probation at year end: no share
    "E",  # department head, lowered to keep rule E
)


class AllocationError(ValueError):
    """A rule that cannot hold or an invalid input. ``kind`` is one of
    :data:`ERROR_KINDS`, ``employee_ids`` the people concerned, ``params``
    the values involved, so that callers can translate the message."""

    def __init__(self, kind, employee_ids=(), **params):
        if kind not in ERROR_KINDS:
            raise ValueError(f"unknown allocation error kind: {kind!r}")
        self.kind = kind
        self.employee_ids = list(employee_ids)
        self.params = params
        super().__init__(f"{kind}: {self.employee_ids} {params}")


@dataclass(frozen=True)
class Pool:
    """The result of :func:`pool`. ``shared`` is False (``reason`` =
    ``"no_surplus"``, pool and remainder 0) when the surplus is not
    positive; otherwise ``pool + remainder == surplus``."""

    surplus: Decimal
    share: Decimal
    pool: Decimal
    remainder: Decimal
    shared: bool
    reason: str | None = None


@dataclass(frozen=True)
class Person:
    """One member of a department, as :func:`allocate` sees them."""

    id: object
    grade: int
    months: Decimal
    on_probation: bool = False
    outstanding: bool = False
    is_head: bool = False


@dataclass(frozen=True)
class AllocationParams:
    """The policy's parameters; the defaults are the policy's values."""

    #: extra share of an outstanding person, 0 ≤ uplift < 0.20
    outstanding_uplift: Decimal = Decimal("0.10")
    #: higher grade's full share = (1 + step) × lower one's, 0 ≤ step ≤ 0.20
    grade_step: Decimal = Decimal("0.10")
    #: this many months of service or less: no share
    min_months_for_share: Decimal = Decimal(3)
    #: months of a full year of service
    full_year_months: Decimal = Decimal(12)
    #: head's share ≤ this × the lowest non-zero share of the others, ≥ 1
    head_max_multiple: Decimal = Decimal(5)


@dataclass(frozen=True)
class Allocation:
    """Shares of a department: ``shares`` maps each person's id to their
    Decimal share, ``rules`` to the code of the rule that set it (see
    :data:`SHARE_RULES`)."""

    shares: dict
    rules: dict


@dataclass(frozen=True)
class Violation:
    """A rule a plan breaks: ``rule`` in :data:`RULES`, the people
    concerned, and the values involved."""

    rule: str
    employee_ids: list
    params: dict


# surplus and pool ------------------------------------------------------------


def _step(rounding):
    """The rounding step as a Decimal (0.01 when None); MoneyError
    ``rounding`` if it is not > 0."""
    step = Decimal("0.01") if rounding is None else to_decimal(rounding)
    if step <= 0:
        raise MoneyError("rounding", rounding=rounding)
    return step


def _money(value, step, allow_negative=False):
    return round_money(check_amount(value, allow_negative=allow_negative), step)


def surplus(actual, target, rounding=0.01):
    """Actual − target, each rounded to the currency first. Negative or zero
    means there is nothing to share (see :func:`pool`)."""
    step = _step(rounding)
    return _money(actual, step, True) - _money(target, step, True)


def _fraction_param(name, value, minimum=None, maximum=None, below=None):
    """``value`` as a Decimal, or AllocationError ``params`` out of range."""
    try:
        number = to_decimal(value)
    except (MoneyError, ArithmeticError, ValueError, TypeError) as error:
        raise AllocationError("params", name=name, value=value) from error
    if (
        (minimum is not None and number < minimum)
        or (maximum is not None and number > maximum)
        or (below is not None and number >= below)
    ):
        raise AllocationError(
            "params", name=name, value=number, minimum=minimum, maximum=maximum
        )
    return number


def pool(
    surplus,
    share,
    min_share=DEFAULT_MIN_SHARE,
    max_share=DEFAULT_MAX_SHARE,
    rounding=0.01,
):
    """The profit-sharing pool of a year's ``surplus``.

    ``share`` must lie in [``min_share``, ``max_share``] (AllocationError
    ``share_range`` otherwise; the bounds themselves lie in [0, 1]). A
    surplus of zero or less shares nothing. Otherwise the pool is
    surplus × share rounded half-up to the currency and the remainder,
    surplus − pool, goes back to the investors or is reinvested.

    >>> pool(1000000, 0.3)
    Pool(surplus=Decimal('1000000.00'), share=Decimal('0.3'), \
pool=Decimal('300000.00'), remainder=Decimal('700000.00'), shared=True, \
reason=None)
    """
    step = _step(rounding)
    low = _fraction_param("min_share", min_share, 0, 1)
    high = _fraction_param("max_share", max_share, low, 1)
    rate = _fraction_param("share", share)
    if not low <= rate <= high:
        raise AllocationError("share_range", share=rate, min_share=low, max_share=high)
    amount = _money(surplus, step, True)
    if amount <= 0:
        zero = round_money(0, step)
        return Pool(amount, rate, zero, zero, False, "no_surplus")
    pooled = round_money(amount * rate, step)
    return Pool(amount, rate, pooled, amount - pooled, True)


def sharing_pool(
    actual,
    target,
    share,
    min_share=DEFAULT_MIN_SHARE,
    max_share=DEFAULT_MAX_SHARE,
    rounding=0.01,
):
    """The pool of a year from its actual result and target: no surplus,
    no sharing (a pool of 0 with ``shared=False``, reason ``no_surplus``)."""
    return pool(
        surplus(actual, target, rounding), share, min_share, max_share, rounding
    )


def _split(total, weights, step):
    """money.split_by_weights of Decimal weights, in a decimal context wide
    enough to add the weights up exactly (the default 28 digits may not be)."""
    nonzero = [weight for weight in weights if weight]
    digits = 0
    if nonzero:
        top = max(weight.adjusted() for weight in nonzero)
        bottom = min(weight.as_tuple().exponent for weight in nonzero)
        digits = top - bottom + len(str(len(weights))) + 2
    with localcontext() as context:
        context.prec = max(context.prec, digits + 20)
        return split_by_weights(total, weights, step)


def split_departments(pool, ratios, rounding=0.01):
    """Split a pool among departments in proportion to ``ratios``: a mapping
    department → ratio (returns a dict with the same keys, in the same
    order) or a sequence (returns a list). Ratios must be > 0 (AllocationError
    ``ratio``); the amounts add up exactly to the pool.

    >>> split_departments(300000, {"sales": 4, "teaching": 3, "back": 3})
    {'sales': Decimal('120000.00'), 'teaching': Decimal('90000.00'), \
'back': Decimal('90000.00')}
    """
    step = _step(rounding)
    amount = _money(pool, step)
    keys = list(ratios) if isinstance(ratios, Mapping) else None
    values = [ratios[key] for key in keys] if keys is not None else list(ratios)
    if not values:
        raise AllocationError("ratio", count=0)
    weights = []
    for index, value in enumerate(values):
        weight = to_decimal(value)
        if weight <= 0:
            key = keys[index] if keys is not None else index
            raise AllocationError("ratio", department=key, ratio=weight)
        weights.append(weight)
    parts = _split(amount, weights, step)
    return dict(zip(keys, parts, strict=True)) if keys is not None else parts


# allocation inside a department ---------------------------------------------


def _params(params):
    if params is None:
        params = AllocationParams()
    elif isinstance(params, Mapping):
        try:
            params = AllocationParams(**params)
        except TypeError as error:
            raise AllocationError("params", names=sorted(params)) from error
    full = _fraction_param("full_year_months", params.full_year_months)
    if full <= 0:
        raise AllocationError("params", name="full_year_months", value=full)
    return AllocationParams(
        outstanding_uplift=_fraction_param(
            "outstanding_uplift", params.outstanding_uplift, 0, below=OUTSTANDING_LIMIT
        ),
        grade_step=_fraction_param("grade_step", params.grade_step, 0, GRADE_GAP_LIMIT),
        min_months_for_share=_fraction_param(
            "min_months_for_share", params.min_months_for_share, 0, below=full
        ),
        full_year_months=full,
        head_max_multiple=_fraction_param(
            "head_max_multiple", params.head_max_multiple, 1
        ),
    )


def _person(item):
    if isinstance(item, Mapping):
        try:
            item = Person(**item)
        except TypeError as error:
            raise AllocationError("person", keys=sorted(map(str, item))) from error
    elif not isinstance(item, Person):
        raise AllocationError("person", value=repr(item))
    # exact type tests first: a department holds thousands of people, and
    # the abstract-class test of Integral is slow
    if type(item.grade) is not int and (
        not isinstance(item.grade, Integral) or isinstance(item.grade, bool)
    ):
        raise AllocationError("grade", [item.id], grade=item.grade)
    try:
        if isinstance(item.months, bool | str):
            raise TypeError(item.months)
        months = to_decimal(item.months)
    except (MoneyError, ArithmeticError, ValueError, TypeError) as error:
        raise AllocationError("months", [item.id], months=item.months) from error
    if months < 0:
        raise AllocationError("months", [item.id], months=months)
    for name in ("on_probation", "outstanding", "is_head"):
        if getattr(item, name).__class__ is not bool:
            raise AllocationError("flag", [item.id], name=name)
    if (
        item.__class__ is Person
        and item.grade.__class__ is int
        and item.months.__class__ is Decimal
    ):
        return item
    return Person(
        item.id,
        int(item.grade),
        months,
        item.on_probation,
        item.outstanding,
        item.is_head,
    )


def _people(people):
    result = tuple(_person(item) for item in people)
    seen = set()
    for person in result:
        if person.id in seen:
            raise AllocationError("duplicate_id", [person.id])
        seen.add(person.id)
    heads = [person.id for person in result if person.is_head]
    if len(heads) > 1:
        raise AllocationError("several_heads", heads)
    return result


def _entitlement(person, params):
    """'P0' or 'B0' for people without a share, None for the entitled."""
    if person.on_probation:
        return "P0"
    if person.months <= params.min_months_for_share:
        return "B0"
    return None


def _year_fraction(person, params):
    """min(months, full year) / full year, exactly."""
    return Fraction(min(person.months, params.full_year_months)) / Fraction(
        params.full_year_months
    )


class _Department:
    """The exact (fraction) weights of a department's people."""

    def __init__(self, people, params):
        self.people = people
        self.params = params
        self.entitled = [p for p in people if _entitlement(p, params) is None]
        self.base_grade = min((p.grade for p in self.entitled), default=0)
        self.grades = {p.grade for p in self.entitled}
        # people of a grade share a handful of (months, flags): each weight
        # is computed once
        self._weights = {}
        self.weights = {p.id: self.natural_weight(p) for p in people}

    def full_weight(self, grade):
        """Weight of a full year, non-outstanding, in ``grade`` (rule C)."""
        step = 1 + Fraction(self.params.grade_step)
        return step ** (grade - self.base_grade)

    def natural_weight(self, person):
        key = (person.grade, person.months, person.on_probation, person.outstanding)
        weight = self._weights.get(key)
        if weight is None:
            weight = self._weights[key] = self._natural_weight(person)
        return weight

    def _natural_weight(self, person):
        if _entitlement(person, self.params) is not None:
            return Fraction(0)
        weight = self.full_weight(person.grade) * _year_fraction(person, self.params)
        if person.outstanding:
            weight *= 1 + Fraction(self.params.outstanding_uplift)
        return weight

    def split(self, total, step, weights):
        fractions = [weights[p.id] for p in self.people]
        distinct = set(fractions)
        denominator = math.lcm(*(f.denominator for f in distinct))
        scaled = {f: int(f * denominator) for f in distinct}
        divisor = math.gcd(*scaled.values()) or 1
        integers = [scaled[f] // divisor for f in fractions]
        parts = _split_integers(total, integers, step)
        return {p.id: part for p, part in zip(self.people, parts, strict=True)}

    def head_minimum(self, head):
        """Lowest weight rules A and C allow the head, with the rule and the
        people that set it."""
        fraction = _year_fraction(head, self.params)
        peers = [
            p.id for p in self.entitled if p.grade == head.grade and p.id != head.id
        ]
        if peers:
            return self.full_weight(head.grade) * fraction, "A", peers
        adjacent = [g for g in (head.grade - 1, head.grade + 1) if g in self.grades]
        if not adjacent:
            return Fraction(0), None, []
        grade = max(adjacent, key=self.full_weight)
        limit = 1 + Fraction(GRADE_GAP_LIMIT)
        ids = [p.id for p in self.entitled if p.grade == grade]
        return self.full_weight(grade) / limit * fraction, "C", ids


def _split_integers(total, weights, step):
    """money.split_by_weights of non-negative integer weights, with the same
    result (largest remainder, ties to the earlier part) in integer
    arithmetic: a department's split handles thousands of weights."""
    weight_sum = sum(weights)
    if weight_sum <= 0:
        return _split(total, [Decimal(weight) for weight in weights], step)
    total_units = int(round_money(total, step) / step)
    if total_units < 0:
        raise MoneyError("negative", value=total)
    units, remainders = [], []
    for weight in weights:
        unit, remainder = divmod(total_units * weight, weight_sum)
        units.append(unit)
        remainders.append(remainder)
    missing = total_units - sum(units)
    if missing:
        order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
        for index in order[:missing]:
            units[index] += 1
    return [unit * step for unit in units]


def _e_breach(people, shares, params):
    """(head, lowest other) when the head's share exceeds the multiple of the
    lowest non-zero share of the others, else None."""
    head = next((p for p in people if p.is_head), None)
    if head is None:
        return None
    others = [p for p in people if p.id != head.id and shares[p.id] > 0]
    if not others:
        return None
    lowest = min(others, key=lambda p: shares[p.id])
    if shares[head.id] > params.head_max_multiple * shares[lowest.id]:
        return head, lowest
    return None


def _cap_head(department, total, step, head):
    """Lower the head's weight until rule E holds on the rounded shares.

    Candidate weights make the head's exact share the multiple of the lowest
    exact share minus t steps, t = 0, 1, ... multiple + 1: with t = multiple
    + 1, rounding (less than one step per share) cannot break E any more.
    The first candidate that keeps E wins; none may go below the minimum
    rules A and C allow (that minimum itself is the last candidate).
    """
    params = department.params
    weights = department.weights
    natural = weights[head.id]
    others = [p for p in department.entitled if p.id != head.id]
    lowest = min(others, key=lambda p: weights[p.id])
    low = weights[lowest.id]
    rest = sum((weights[p.id] for p in others), Fraction(0))
    units = Fraction(total / step)
    multiple = Fraction(params.head_max_multiple)
    minimum, limited_by, limited_ids = department.head_minimum(head)
    candidates = []
    for margin in range(math.ceil(multiple) + 2):
        weight = (multiple * units * low - margin * rest) / (units + margin)
        if weight >= natural:
            continue
        if weight <= 0 or weight < minimum:
            break
        candidates.append(weight)
    if 0 < minimum < natural and minimum not in candidates:
        candidates.append(minimum)
    for weight in candidates:
        trial = dict(weights)
        trial[head.id] = weight
        shares = department.split(total, step, trial)
        if _e_breach(department.people, shares, params) is None:
            return shares
    raise AllocationError(
        "E",
        [head.id, lowest.id],
        multiple=params.head_max_multiple,
        limited_by=limited_by,
        limited_by_ids=limited_ids,
    )


def allocate(amount, people, params=None, rounding=0.01):
    """Allocate a department's ``amount`` among ``people`` (:class:`Person`
    instances or mappings of their fields) under rules A, B, C and E (see
    the module's documentation); ``params`` is an :class:`AllocationParams`
    (or a mapping of its fields), the policy's values by default.

    Returns an :class:`Allocation` whose shares add up exactly to the amount
    rounded to the step. Raises :class:`AllocationError` with the rule that
    cannot hold (``E``: the head cannot be lowered enough; ``sum``: the
    amount is positive but nobody is entitled) and the people concerned
    rather than returning a plan that breaks a rule; ``MoneyError`` for an
    invalid amount or rounding.
    """
    step = _step(rounding)
    params = _params(params)
    people = _people(people)
    total = _money(amount, step)
    department = _Department(people, params)
    rules = {}
    for person in people:
        rules[person.id] = _entitlement(person, params) or (
            ("A" if person.months >= params.full_year_months else "B")
            + ("+" if person.outstanding else "")
        )
    if total == 0:
        return Allocation({p.id: round_money(0, step) for p in people}, rules)
    if not department.entitled:
        raise AllocationError("sum", [p.id for p in people], amount=total)
    shares = department.split(total, step, department.weights)
    breach = _e_breach(people, shares, params)
    if breach:
        head = breach[0]
        shares = _cap_head(department, total, step, head)
        rules[head.id] = "E"
    violations = check_plan(total, people, shares, params, step)
    if violations:
        first = violations[0]
        raise AllocationError(first.rule, first.employee_ids, **first.params)
    return Allocation(shares, rules)


# checking a plan -----------------------------------------------------------------


def _plan_shares(people, shares, step):
    ids = {p.id for p in people}
    unknown = [key for key in shares if key not in ids]
    if unknown:
        raise AllocationError("unknown_employee", unknown)
    result = {}
    for person in people:
        share = check_amount(shares.get(person.id, 0))
        if share % step:
            raise AllocationError("not_rounded", [person.id], share=share, step=step)
        result[person.id] = share
    return result


def _grade_bounds(people, shares, params, step):
    """For each grade with entitled people, the open interval (low, high)
    where its exact full share must lie, with the person setting each bound
    (see the module's documentation)."""
    uplift_limit = 1 + Fraction(OUTSTANDING_LIMIT)
    bounds = {}
    # people with the same grade, months, flag and share give the same
    # bounds; only the first of them can set one (the comparisons are strict)
    seen = set()
    for person in people:
        key = (person.grade, person.months, person.outstanding, shares[person.id])
        if key in seen or _entitlement(person, params) is not None:
            continue
        seen.add(key)
        fraction = _year_fraction(person, params)
        implied = Fraction(shares[person.id]) / fraction
        tolerance = Fraction(step) / fraction
        low, high = implied - tolerance, implied + tolerance
        if person.outstanding:
            low /= uplift_limit
        current = bounds.get(person.grade)
        if current is None:
            bounds[person.grade] = [low, person, high, person]
            continue
        if low > current[0]:
            current[0:2] = [low, person]
        if high < current[2]:
            current[2:4] = [high, person]
    return bounds


def check_plan(amount, people, shares, params=None, rounding=0.01):
    """The rules a plan breaks, as a list of :class:`Violation` (empty when
    the plan keeps them all).

    ``shares`` maps people's ids to their amounts (a missing person gets 0);
    each must be a non-negative multiple of the rounding step. The rules and
    their tolerances are those of the module's documentation: ``sum`` (exact),
    ``B`` (no share without entitlement; prorated shares), ``A`` (same
    grade), ``C`` (adjacent grades) and ``E`` (head, exact).
    """
    step = _step(rounding)
    params = _params(params)
    people = _people(people)
    total = _money(amount, step)
    plan = _plan_shares(people, shares, step)
    violations = []
    planned = sum(plan.values(), Decimal(0))
    if planned != total:
        violations.append(Violation("sum", [], {"total": planned, "amount": total}))
    for person in people:
        reason = _entitlement(person, params)
        if reason and plan[person.id]:
            violations.append(
                Violation(
                    "B",
                    [person.id],
                    {
                        "share": plan[person.id],
                        "reason": reason,
                        "months": person.months,
                        "min_months": params.min_months_for_share,
                    },
                )
            )
    bounds = _grade_bounds(people, plan, params, step)
    consistent = {}
    for grade in sorted(bounds):
        low, low_person, high, high_person = bounds[grade]
        if low < high:
            consistent[grade] = bounds[grade]
            continue
        full_year = all(
            p.months >= params.full_year_months for p in (low_person, high_person)
        )
        violations.append(
            Violation(
                "A" if full_year else "B",
                [high_person.id, low_person.id],
                {
                    "grade": grade,
                    "shares": [plan[high_person.id], plan[low_person.id]],
                },
            )
        )
    gap_limit = 1 + Fraction(GRADE_GAP_LIMIT)
    for grade in sorted(consistent):
        upper = consistent.get(grade + 1)
        if upper is None:
            continue
        lower = consistent[grade]
        # (low, low person, high, high person) of each grade
        for big, small in ((upper, lower), (lower, upper)):
            if big[0] >= gap_limit * small[2]:
                violations.append(
                    Violation(
                        "C",
                        [small[3].id, big[1].id],
                        {
                            "grades": [grade, grade + 1],
                            "shares": [plan[small[3].id], plan[big[1].id]],
                            "limit": GRADE_GAP_LIMIT,
                        },
                    )
                )
    breach = _e_breach(people, plan, params)
    if breach:
        head, lowest = breach
        violations.append(
            Violation(
                "E",
                [head.id, lowest.id],
                {
                    "share": plan[head.id],
                    "lowest": plan[lowest.id],
                    "multiple": params.head_max_multiple,
                },
            )
        )
    return violations
