# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Appraisal scoring arithmetic, free of the ORM.

Every rule of the appraisal score is in this module; the ORM only gathers
the inputs, calls :func:`compute` and translates the errors.

Weights
    Each KPI line of a template has a weight of 0 or more, and the weights of
    a template add up to exactly 100. The same holds for the reviewer-type
    weights of a template (manager, self, peer, subordinate, customer; a
    type left out weighs 0). Totals are compared as decimals, so
    33.33 + 33.33 + 33.34 is accepted and 33.3 × 3 is not.
    :func:`validate_weights` returns the total or raises
    :class:`WeightSumError`, which carries it.

Line score of one input, always from 0 to 100
    * ``rating``: a rating from 1 to 5 (fractions allowed) scores
      rating / 5 × 100: 5 → 100, 4 → 80, 3 → 60, 1 → 20. The lowest rating
      still earns 20: the rating scale has no zero.
    * ``target``: the input is the achievement ratio actual / target
      (1.2 means 120 %). The line scores achievement × 100, at most 100 and
      at least 0: achievement above 100 % earns no extra appraisal points
      (performance pay already rewards it), and a negative achievement
      (a loss against a profit target) scores 0.
    * ``points``: points out of the line's maximum (0 to the maximum, the
      maximum above 0) score points / maximum × 100.

Evidence
    * ``ok``: the line scores as above.
    * ``insufficient``: in mode ``zero`` the line scores 0 and needs no
      input. In mode ``steps`` with n steps (a whole number, 0 or more), a
      rating line uses the rating lowered by n, never below 1; any other line
      loses 20 × n points of line score (one rating step is worth 20), never
      below 0.
    * ``excused`` (a special reason verified by HR): the line leaves the
      calculation, needs no input, and the other lines' weights are
      rescaled to add up to 100 again.

Effective weights
    The weights that count are rescaled in proportion so that they add up
    to 100, then apportioned to the cent by largest remainder, so that they
    add up to exactly 100.00: each rescaled weight is cut down to the cent,
    and the cents still missing go one each to the largest cut-off
    remainders. Ties go to the larger original weight, then to the line
    whose key sorts first (for reviewer types: manager, self, peer,
    subordinate, customer, in that order). Without excused lines and with
    template weights of at most two decimals, the effective weights are the
    template weights. When nothing is left to rescale (every line excused,
    or only lines weighing 0 left) there is no score.

Reviewer columns
    Answers are grouped by reviewer type. Each answer gives one input per
    line (lines that need no input may be left out). A type's score for a
    line is the average of its answers' line scores, rounded half-up to
    0.01. A line's contribution to the column is its effective weight ×
    its line score / 100; the column score is the sum of the contributions
    (not rounded).

    A column counts when its type has at least one answer and a weight above
    0. Peers, subordinates and customers are anonymous: a type of those
    with fewer answers than the minimum (default 3) is merged into the
    others, which means its answers are neither shown (no average, no
    inputs) nor counted, and its weight is shared out like that of a type
    without answers. Manager and self are never merged. The weights of the
    counting columns are rescaled to 100 like the line weights.

Final score
    The sum over the counting columns of effective weight × column score /
    100, rounded half-up to 0.01; it is always from 0 to 100. There is no
    score (``None``) when no column counts or no line weight is left. So
    exactly two roundings happen: the line scores of each column and the
    final score.

Rating bands
    A list of (lower bound, code); the bounds lie from 0 to 100, are all
    different, and one is exactly 0. A score belongs to the band with the
    highest lower bound not above it. The band of an appraisal is that of
    its rounded final score (89.995 rounds to 90.00, the band from 90).

Inputs
    Numbers may be ints, floats (read through their shortest repr, so 0.1
    is 0.1) or decimals; the arithmetic is decimal. Booleans, strings,
    NaN and infinities are refused, as are out-of-range values, with
    :class:`AppraisalScoreError` (a :class:`ValueError`) whose ``kind`` names
    the rule and ``params`` carries the values, for the ORM to translate.
"""

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

METHOD_RATING = "rating"
METHOD_TARGET = "target"
METHOD_POINTS = "points"
METHODS = (METHOD_RATING, METHOD_TARGET, METHOD_POINTS)

EVIDENCE_OK = "ok"
EVIDENCE_INSUFFICIENT = "insufficient"
EVIDENCE_EXCUSED = "excused"
EVIDENCES = (EVIDENCE_OK, EVIDENCE_INSUFFICIENT, EVIDENCE_EXCUSED)

PENALTY_ZERO = "zero"
PENALTY_STEPS = "steps"
PENALTY_MODES = (PENALTY_ZERO, PENALTY_STEPS)

MANAGER = "manager"
SELF = "self"
PEER = "peer"
SUBORDINATE = "subordinate"
CUSTOMER = "customer"
REVIEWER_TYPES = (MANAGER, SELF, PEER, SUBORDINATE, CUSTOMER)
ANONYMOUS_TYPES = frozenset({PEER, SUBORDINATE, CUSTOMER})
DEFAULT_MIN_ANSWERS = 3

STATUS_COUNTED = "counted"
STATUS_NO_ANSWER = "no_answer"
STATUS_BELOW_MINIMUM = "below_minimum"
STATUS_NO_WEIGHT = "no_weight"

WHAT_KPI = "kpi"
WHAT_REVIEWER = "reviewer_type"

#: Default rating bands (codes; the ORM gives them their labels).
DEFAULT_BANDS = (
    (90, "excellent"),
    (80, "good"),
    (60, "satisfactory"),
    (0, "needs_improvement"),
)

RATING_MIN = Decimal(1)
RATING_MAX = Decimal(5)
STEP_POINTS = Decimal(20)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")
_CENTS = 10000  # 100.00 counted in cents

# Enough digits that sums and products of the inputs are exact; the only
# inexact step is one division, rounded to the cent right after.
_CONTEXT = Context(prec=60)


class AppraisalScoreError(ValueError):
    """An input breaks a rule. ``kind`` names the rule, ``params`` the
    offending values, so that the ORM layer can translate the message.

    Kinds: ``not_a_number``, ``not_finite``, ``negative_weight``,
    ``weight_sum`` (:class:`WeightSumError`), ``no_lines``, ``duplicate_line``,
    ``unknown_method``, ``unknown_evidence``, ``max_points``,
    ``rating_range``, ``points_range``, ``unknown_reviewer_type``,
    ``unknown_line``, ``missing_input``, ``penalty_mode``, ``penalty_steps``,
    ``min_answers``, ``band_empty``, ``band_range``, ``band_duplicate``,
    ``band_no_zero``, ``score_range``.
    """

    def __init__(self, kind, **params):
        self.kind = kind
        self.params = params
        super().__init__(f"{kind}: {params}")


class WeightSumError(AppraisalScoreError):
    """Weights that do not add up to 100; ``total`` is their sum and
    ``what`` says which weights (``kpi`` or ``reviewer_type``)."""

    def __init__(self, total, what):
        super().__init__("weight_sum", total=total, what=what)
        self.total = total
        self.what = what


@dataclass(frozen=True)
class KpiLine:
    """One KPI line of a template. ``key`` identifies the line (unique in
    the template, a str or an int; answers refer to it), ``name`` is shown
    (the key when not given), ``max_points`` is for ``points`` lines only."""

    key: object
    weight: object
    method: str = METHOD_RATING
    max_points: object = None
    evidence: str = EVIDENCE_OK
    name: object = None


@dataclass(frozen=True)
class LineBreakdown:
    """Why a line scored what it did in one reviewer column. ``inputs`` are
    the answers' raw inputs (decimals, sorted); ``score`` is ``None`` for an
    excused line; ``contribution`` = effective weight × score / 100."""

    key: object
    name: object
    method: str
    evidence: str
    inputs: tuple
    score: Decimal | None
    weight: Decimal
    effective_weight: Decimal
    contribution: Decimal


@dataclass(frozen=True)
class ColumnBreakdown:
    """One reviewer type. ``status`` is ``counted``, ``no_answer``,
    ``below_minimum`` (merged: ``score`` is ``None`` and ``lines`` empty) or
    ``no_weight``; ``contribution`` = effective weight × score / 100."""

    reviewer_type: str
    status: str
    answer_count: int
    weight: Decimal
    effective_weight: Decimal
    score: Decimal | None
    contribution: Decimal
    lines: tuple


@dataclass(frozen=True)
class AppraisalResult:
    """The final ``score`` (``None`` when there is none), its ``band``, one
    :class:`ColumnBreakdown` per reviewer type (in :data:`REVIEWER_TYPES`
    order) and the effective line weights by key."""

    score: Decimal | None
    band: object
    columns: tuple
    line_weights: dict


@dataclass(frozen=True)
class _Line:
    key: object
    name: object
    weight: Decimal
    method: str
    denominator: Decimal
    evidence: str


def _exact(function):
    """Run ``function`` in the exact decimal context."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with localcontext(_CONTEXT):
            return function(*args, **kwargs)

    return wrapper


def _num(value, field, **where):
    """The exact decimal of an int, float or decimal; anything else, NaN
    and infinities are refused."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise AppraisalScoreError("not_a_number", field=field, value=value, **where)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise AppraisalScoreError("not_finite", field=field, value=value, **where)
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise AppraisalScoreError("not_finite", field=field, value=value, **where)
        return value
    return Decimal(value)


def round_score(value):
    """Round half-up to 0.01."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


# weights ---------------------------------------------------------------
@_exact
def validate_weights(weights, what=WHAT_KPI):
    """Return the sum of ``weights`` (an iterable of numbers) when every
    weight is 0 or more and they add up to exactly 100; otherwise raise
    (``negative_weight``, or :class:`WeightSumError` carrying the total)."""
    total = Decimal(0)
    for weight in weights:
        value = _num(weight, "weight", what=what)
        if value < 0:
            raise AppraisalScoreError("negative_weight", what=what, value=value)
        total += value
    if total != HUNDRED:
        raise WeightSumError(total, what)
    return total


def _apportion(items):
    """``items``: (weight, order) pairs, weights decimals of 0 or more.
    The weights rescaled to add up to exactly 100.00, apportioned to the
    cent by largest remainder (ties: larger weight, then smaller order).
    ``None`` when the weights add up to 0."""
    places = max((-w.as_tuple().exponent for w, __ in items), default=0)
    scale = 10 ** max(places, 0)
    units = [int(w * scale) for w, __ in items]
    total = sum(units)
    if not total:
        return None
    cents = [u * _CENTS // total for u in units]
    remainders = [u * _CENTS % total for u in units]
    missing = _CENTS - sum(cents)
    ranked = sorted(
        range(len(items)),
        key=lambda i: (-remainders[i], -units[i], items[i][1]),
    )
    for i in ranked[:missing]:
        cents[i] += 1
    return [Decimal(c).scaleb(-2) for c in cents]


def _key_order(key):
    return (str(key), type(key).__name__)


@_exact
def rescale_weights(weights):
    """``weights``: a mapping key → weight (0 or more) of the lines that
    count. Their effective weights (same keys), adding up to exactly
    100.00; ``None`` when the weights add up to 0."""
    keys = list(weights)
    items = []
    for key in keys:
        value = _num(weights[key], "weight", line=key)
        if value < 0:
            raise AppraisalScoreError("negative_weight", what=WHAT_KPI, value=value)
        items.append((value, _key_order(key)))
    shares = _apportion(items)
    return None if shares is None else dict(zip(keys, shares, strict=True))


# lines and inputs ------------------------------------------------------
def _check_line(line):
    if isinstance(line, Mapping):
        line = KpiLine(**line)
    key = line.key
    if line.method not in METHODS:
        raise AppraisalScoreError("unknown_method", line=key, method=line.method)
    if line.evidence not in EVIDENCES:
        raise AppraisalScoreError("unknown_evidence", line=key, evidence=line.evidence)
    weight = _num(line.weight, "weight", line=key)
    if weight < 0:
        raise AppraisalScoreError("negative_weight", what=WHAT_KPI, value=weight)
    denominator = Decimal(1)
    if line.method == METHOD_POINTS:
        if line.max_points is None:
            raise AppraisalScoreError("max_points", line=key, value=None)
        denominator = _num(line.max_points, "max_points", line=key)
        if denominator <= 0:
            raise AppraisalScoreError("max_points", line=key, value=denominator)
    elif line.max_points is not None:
        raise AppraisalScoreError("max_points", line=key, value=line.max_points)
    name = key if line.name is None else line.name
    return _Line(key, name, weight, line.method, denominator, line.evidence)


def _check_lines(lines):
    checked = [_check_line(line) for line in lines]
    if not checked:
        raise AppraisalScoreError("no_lines")
    seen = set()
    for line in checked:
        if line.key in seen:
            raise AppraisalScoreError("duplicate_line", line=line.key)
        seen.add(line.key)
    validate_weights([line.weight for line in checked], WHAT_KPI)
    return checked


def _check_penalty(mode, steps):
    if mode not in PENALTY_MODES:
        raise AppraisalScoreError("penalty_mode", value=mode)
    value = _num(steps, "penalty_steps")
    if value < 0 or value != value.to_integral_value():
        raise AppraisalScoreError("penalty_steps", value=value)
    return mode, value


def _needs_input(line, penalty):
    if line.evidence == EVIDENCE_EXCUSED:
        return False
    return not (line.evidence == EVIDENCE_INSUFFICIENT and penalty[0] == PENALTY_ZERO)


def _check_input(line, raw, reviewer_type):
    value = _num(raw, "input", line=line.key, reviewer_type=reviewer_type)
    if line.method == METHOD_RATING and not RATING_MIN <= value <= RATING_MAX:
        raise AppraisalScoreError(
            "rating_range", line=line.key, reviewer_type=reviewer_type, value=value
        )
    if line.method == METHOD_POINTS and not 0 <= value <= line.denominator:
        raise AppraisalScoreError(
            "points_range",
            line=line.key,
            reviewer_type=reviewer_type,
            value=value,
            max_points=line.denominator,
        )
    return value


def _numerator(line, value, penalty):
    """The line score of one input is this numerator / line.denominator."""
    mode, steps = penalty
    insufficient = line.evidence == EVIDENCE_INSUFFICIENT
    if insufficient and mode == PENALTY_ZERO:
        return Decimal(0)
    if line.method == METHOD_RATING:
        if insufficient:
            value = max(value - steps, RATING_MIN)
        return value * HUNDRED / RATING_MAX
    if line.method == METHOD_TARGET:
        numerator = min(max(value, Decimal(0)), Decimal(1)) * HUNDRED
    else:
        numerator = value * HUNDRED
    if insufficient:
        penalty_points = steps * STEP_POINTS * line.denominator
        numerator = max(numerator - penalty_points, Decimal(0))
    return numerator


@_exact
def line_score(
    method,
    value,
    max_points=None,
    evidence=EVIDENCE_OK,
    penalty_mode=PENALTY_ZERO,
    penalty_steps=1,
):
    """The 0–100 line score of one input, rounded half-up to 0.01
    (``None`` for an excused line)."""
    line = _check_line(KpiLine("line", 0, method, max_points, evidence))
    penalty = _check_penalty(penalty_mode, penalty_steps)
    if line.evidence == EVIDENCE_EXCUSED:
        return None
    if value is None:
        if _needs_input(line, penalty):
            raise AppraisalScoreError("missing_input", line=None, reviewer_type=None)
        return Decimal(0).quantize(CENT)
    number = _check_input(line, value, None)
    return round_score(_numerator(line, number, penalty) / line.denominator)


def _check_answers(answers, lines, penalty):
    """Reviewer type → list of {line key: decimal or None}, validated."""
    by_key = {line.key: line for line in lines}
    checked = {}
    for reviewer_type, type_answers in answers.items():
        if reviewer_type not in REVIEWER_TYPES:
            raise AppraisalScoreError(
                "unknown_reviewer_type", reviewer_type=reviewer_type
            )
        checked[reviewer_type] = rows = []
        for answer in type_answers:
            for key in answer:
                if key not in by_key:
                    raise AppraisalScoreError(
                        "unknown_line", line=key, reviewer_type=reviewer_type
                    )
            row = {}
            for line in lines:
                raw = answer.get(line.key)
                if raw is None:
                    if _needs_input(line, penalty):
                        raise AppraisalScoreError(
                            "missing_input", line=line.key, reviewer_type=reviewer_type
                        )
                    row[line.key] = None
                else:
                    row[line.key] = _check_input(line, raw, reviewer_type)
            rows.append(row)
    return checked


def _check_type_weights(type_weights):
    for reviewer_type in type_weights:
        if reviewer_type not in REVIEWER_TYPES:
            raise AppraisalScoreError(
                "unknown_reviewer_type", reviewer_type=reviewer_type
            )
    weights = {t: _num(type_weights.get(t, 0), "weight") for t in REVIEWER_TYPES}
    validate_weights(weights.values(), WHAT_REVIEWER)
    return weights


def _check_min_answers(min_answers):
    if (
        isinstance(min_answers, bool)
        or not isinstance(min_answers, int)
        or min_answers < 1
    ):
        raise AppraisalScoreError("min_answers", value=min_answers)
    return min_answers


# bands -----------------------------------------------------------------
@_exact
def validate_bands(bands):
    """The bands as (decimal lower bound, code) pairs, highest bound first;
    raise unless the bounds lie within 0..100, differ, and one is 0."""
    checked = []
    for lower, code in bands:
        bound = _num(lower, "band")
        if not 0 <= bound <= HUNDRED:
            raise AppraisalScoreError("band_range", lower_bound=bound)
        if any(bound == other for other, __ in checked):
            raise AppraisalScoreError("band_duplicate", lower_bound=bound)
        checked.append((bound, code))
    if not checked:
        raise AppraisalScoreError("band_empty")
    if not any(bound == 0 for bound, __ in checked):
        raise AppraisalScoreError("band_no_zero")
    return tuple(sorted(checked, key=lambda band: band[0], reverse=True))


@_exact
def band_for(score, bands=DEFAULT_BANDS):
    """The code of the band of ``score`` (0–100; ``None`` gives ``None``):
    the band with the highest lower bound not above the score."""
    if score is None:
        return None
    value = _num(score, "score")
    if not 0 <= value <= HUNDRED:
        raise AppraisalScoreError("score_range", value=value)
    for bound, code in validate_bands(bands):
        if bound <= value:
            return code
    return None  # not reached: a band starts at 0


# the appraisal ---------------------------------------------------------
def _column_lines(lines, line_weights, rows, penalty):
    """The lines of one reviewer column and its score (sum of the
    contributions, ``None`` when no line weight is left)."""
    breakdown = []
    for line in lines:
        effective = (line_weights or {}).get(line.key, Decimal(0))
        inputs = tuple(sorted(r[line.key] for r in rows if r[line.key] is not None))
        if line.evidence == EVIDENCE_EXCUSED:
            score = None
            contribution = Decimal(0)
        else:
            total = sum(
                (_numerator(line, row[line.key], penalty) for row in rows), Decimal(0)
            )
            score = round_score(total / (line.denominator * len(rows)))
            contribution = effective * score / HUNDRED
        breakdown.append(
            LineBreakdown(
                line.key,
                line.name,
                line.method,
                line.evidence,
                inputs,
                score,
                line.weight,
                effective,
                contribution,
            )
        )
    if line_weights is None:
        return tuple(breakdown), None
    return tuple(breakdown), sum((b.contribution for b in breakdown), Decimal(0))


def _status(reviewer_type, count, weight, min_answers):
    if not count:
        return STATUS_NO_ANSWER
    if reviewer_type in ANONYMOUS_TYPES and count < min_answers:
        return STATUS_BELOW_MINIMUM
    if not weight:
        return STATUS_NO_WEIGHT
    return STATUS_COUNTED


@_exact
def compute(
    lines,
    answers,
    type_weights,
    *,
    min_answers=DEFAULT_MIN_ANSWERS,
    penalty_mode=PENALTY_ZERO,
    penalty_steps=1,
    bands=DEFAULT_BANDS,
):
    """Score one appraisal.

    ``lines``: :class:`KpiLine` (or mappings of its fields); ``answers``:
    reviewer type → list of answers, each a mapping line key → raw input;
    ``type_weights``: reviewer type → weight (missing types weigh 0);
    ``penalty_mode``/``penalty_steps``: the insufficient-evidence rule.
    Returns an :class:`AppraisalResult`.
    """
    checked_lines = _check_lines(lines)
    weights = _check_type_weights(type_weights)
    min_answers = _check_min_answers(min_answers)
    penalty = _check_penalty(penalty_mode, penalty_steps)
    checked_bands = validate_bands(bands)
    rows_by_type = _check_answers(answers, checked_lines, penalty)
    line_weights = rescale_weights(
        {
            line.key: line.weight
            for line in checked_lines
            if line.evidence != EVIDENCE_EXCUSED
        }
    )
    statuses = {
        t: _status(t, len(rows_by_type.get(t, ())), weights[t], min_answers)
        for t in REVIEWER_TYPES
    }
    counted = [t for t in REVIEWER_TYPES if statuses[t] == STATUS_COUNTED]
    shares = _apportion([(weights[t], REVIEWER_TYPES.index(t)) for t in counted])
    type_shares = dict(zip(counted, shares or (), strict=False))
    columns = []
    total = Decimal(0)
    for reviewer_type in REVIEWER_TYPES:
        rows = rows_by_type.get(reviewer_type, [])
        column_lines, score = (), None
        if statuses[reviewer_type] in (STATUS_COUNTED, STATUS_NO_WEIGHT):
            column_lines, score = _column_lines(
                checked_lines, line_weights, rows, penalty
            )
        effective = type_shares.get(reviewer_type, Decimal(0))
        contribution = Decimal(0)
        if score is not None:
            contribution = effective * score / HUNDRED
            total += contribution
        columns.append(
            ColumnBreakdown(
                reviewer_type,
                statuses[reviewer_type],
                len(rows),
                weights[reviewer_type],
                effective,
                score,
                contribution,
                column_lines,
            )
        )
    final = None
    if counted and line_weights is not None:
        final = round_score(total)
    band = None
    if final is not None:
        band = band_for(final, checked_bands)
    return AppraisalResult(final, band, tuple(columns), line_weights or {})
