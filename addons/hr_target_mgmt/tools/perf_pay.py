# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Performance-pay arithmetic, free of the ORM.

Achievements, rates and factors are ratios: 1.5 means 150 %.

* A *scale* is a list of :class:`Bracket`; a bracket covers the achievements
  from ``achievement_from`` (included) to ``achievement_to`` (excluded,
  ``None`` = no upper bound). A valid scale covers every achievement from 0
  to infinity exactly once.
* A bracket's factor is either fixed, or the achievement itself
  (``factor_type="achievement"``), optionally capped.
* Performance standard = wage × rate (default 30 %), rounded to the currency.
* Performance pay = standard × factor, rounded to the currency.
* Team reward (a percentage of the business target, 业务指标的一定百分比):
  when the team's actual reaches its minimum target, the supervisor earns a
  percentage *of the team target value* (not of the actual):
  reward = rate × target value.

Money is computed with :class:`~decimal.Decimal` and rounded half-up to the
currency's rounding step (:mod:`.money`), so amounts are exact to the cent.
"""

from collections import namedtuple
from decimal import Decimal
from itertools import pairwise

from .money import round_money, to_decimal
from .target_math import achievement

DEFAULT_RATE = 0.3

FACTOR_FIXED = "fixed"
FACTOR_ACHIEVEMENT = "achievement"

Bracket = namedtuple(
    "Bracket",
    ["achievement_from", "achievement_to", "factor_type", "factor", "cap"],
    defaults=[FACTOR_FIXED, 0.0, None],
)

#: Cap of the open top bracket of the default scale: from 120 % the factor
#: is the achievement itself, up to 300 %, so that a typo in an actual cannot
#: pay a fortune.
DEFAULT_CAP = 3.0

#: The shipped default scale, the one place it is defined (the data file
#: creates it from here). Its brackets reproduce both worked examples
#: (target 10, actual 15: 150 % → factor 150 %; actual 3: 30 % → factor 25 %)
#: and pay nothing for no result at all.
DEFAULT_SCALE = (
    Bracket(0.0, 0.2, FACTOR_FIXED, 0.0),
    Bracket(0.2, 0.6, FACTOR_FIXED, 0.25),
    Bracket(0.6, 0.8, FACTOR_FIXED, 0.5),
    Bracket(0.8, 1.0, FACTOR_FIXED, 0.8),
    Bracket(1.0, 1.2, FACTOR_FIXED, 1.0),
    Bracket(1.2, None, FACTOR_ACHIEVEMENT, 0.0, DEFAULT_CAP),
)


class ScaleError(ValueError):
    """A scale is not valid. ``kind`` names the rule, ``params`` the
    offending values (as percentages) so that callers can translate.

    Kinds: ``empty``, ``bounds`` (to <= from), ``negative`` (negative factor
    or cap or bound), ``start`` (first bracket does not start at 0),
    ``overlap``, ``gap``, ``open_end`` (last bracket has an upper bound) and
    ``unbounded`` (a bracket without upper bound is not the last one).
    """

    def __init__(self, kind, **params):
        self.kind = kind
        self.params = params
        super().__init__(f"{kind}: {params}")


_d = to_decimal


def _pct(value):
    return None if value is None else float(_d(value) * 100)


def _key(value):
    return _d(value).normalize()


def validate_scale(brackets):
    """Raise :class:`ScaleError` unless ``brackets`` cover [0, ∞) exactly
    once. Bounds are compared exactly (decimal), so 0.3 meets 0.3."""
    if not brackets:
        raise ScaleError("empty")
    for bracket in brackets:
        lower, upper = bracket.achievement_from, bracket.achievement_to
        if (
            lower < 0
            or (bracket.factor or 0) < 0
            or (bracket.cap is not None and bracket.cap < 0)
        ):
            raise ScaleError("negative", achievement_from=_pct(lower))
        if upper is not None and _key(upper) <= _key(lower):
            raise ScaleError(
                "bounds", achievement_from=_pct(lower), achievement_to=_pct(upper)
            )
    ordered = sorted(brackets, key=lambda b: _key(b.achievement_from))
    if _key(ordered[0].achievement_from) != 0:
        raise ScaleError("start", achievement_from=_pct(ordered[0].achievement_from))
    for previous, current in pairwise(ordered):
        if previous.achievement_to is None:
            raise ScaleError(
                "unbounded",
                achievement_from=_pct(previous.achievement_from),
            )
        end, start = _key(previous.achievement_to), _key(current.achievement_from)
        if start < end:
            raise ScaleError(
                "overlap",
                achievement_from=_pct(current.achievement_from),
                achievement_to=_pct(previous.achievement_to),
            )
        if start > end:
            raise ScaleError(
                "gap",
                achievement_from=_pct(previous.achievement_to),
                achievement_to=_pct(current.achievement_from),
            )
    if ordered[-1].achievement_to is not None:
        raise ScaleError("open_end", achievement_to=_pct(ordered[-1].achievement_to))


def find_bracket(brackets, value):
    """The bracket covering achievement ``value`` (from included, to
    excluded). ``None`` counts as 0."""
    value = _d(value or 0)
    if value < 0:
        value = Decimal(0)
    for bracket in brackets:
        if _d(bracket.achievement_from) <= value and (
            bracket.achievement_to is None or value < _d(bracket.achievement_to)
        ):
            return bracket
    return None


def factor_for(brackets, value):
    """The pay factor (a decimal ratio) for achievement ``value``; 0 when no
    bracket covers it."""
    bracket = find_bracket(brackets, value)
    if bracket is None:
        return Decimal(0)
    if bracket.factor_type == FACTOR_ACHIEVEMENT:
        factor = max(_d(value or 0), Decimal(0))
    else:
        factor = _d(bracket.factor or 0)
    if bracket.cap is not None and bracket.cap is not False:
        factor = min(factor, _d(bracket.cap))
    return factor


def standard(wage, rate=DEFAULT_RATE, rounding=0.01):
    """Performance-pay standard: the wage × rate, rounded to the currency."""
    return round_money(_d(wage or 0) * _d(rate), rounding)


def performance_pay(standard_amount, factor, rounding=0.01):
    """Performance pay: standard × factor, rounded to the currency."""
    return round_money(_d(standard_amount) * _d(factor), rounding)


def compute_line(
    brackets,
    wage,
    target,
    actual,
    rate=DEFAULT_RATE,
    rounding=0.01,
    higher_is_better=True,
):
    """Everything of one person's monthly line, as a dict of decimals:
    ``achievement`` (ratio, 0 when no actual), ``factor``, ``standard`` and
    ``amount``."""
    ratio = achievement(target, actual, higher_is_better)
    if ratio is None:
        ratio = Decimal(0)
    factor = factor_for(brackets, ratio)
    std = standard(wage, rate, rounding)
    return {
        "achievement": ratio,
        "factor": factor,
        "standard": std,
        "amount": performance_pay(std, factor, rounding),
    }


def team_reward(
    target_value, minimum_value, actual, rate, rounding=0.01, higher_is_better=True
):
    """The supervisor's team reward: ``rate`` × the team target value when
    the team's ``actual`` reaches its minimum (the target value itself when
    no minimum is set), else 0. On a lower-is-better measure, reaching means
    an actual at most that threshold (as for the target's own flag)."""
    if not target_value or target_value <= 0:
        return Decimal(0)
    actual = _d(actual or 0)
    threshold = _d(minimum_value) if minimum_value else _d(target_value)
    met = actual >= threshold if higher_is_better else actual <= threshold
    if not met:
        return Decimal(0)
    return round_money(_d(target_value) * _d(rate), rounding)
