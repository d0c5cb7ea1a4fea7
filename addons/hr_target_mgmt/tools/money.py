# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Money arithmetic shared by the whole suite, free of the ORM.

* Amounts are computed with :class:`~decimal.Decimal`, never with binary
  floats, and rounded *half-up* to the currency's rounding step (0.01 for
  CNY): 0.005 → 0.01, 2.675 → 2.68.
* :func:`split_by_weights` splits an amount into parts proportional to
  weights (department ratios 4 : 3 : 3, shares of a pool...). The parts are
  multiples of the rounding step and add up to the amount exactly, to the
  cent: each part first gets its exact share rounded down to the step, then
  the steps still missing go one each to the parts with the largest
  remainders (largest-remainder method). Ties go to the earlier part, so the
  same input always gives the same split.
* :data:`MAX_AMOUNT` bounds every amount the suite computes or accepts: no
  payroll pays more to one person at once, and beyond it binary floats
  (Odoo's monetary columns) can no longer hold every cent.
"""

import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

#: The largest amount (in currency units) of one line, share or pool.
MAX_AMOUNT = Decimal(10) ** 9


class MoneyError(ValueError):
    """Invalid money input. ``kind`` names the rule (``not_finite``,
    ``too_large``, ``negative``, ``rounding``, ``no_weight``), ``params``
    the offending values, so that callers can translate the message."""

    def __init__(self, kind, **params):
        self.kind = kind
        self.params = params
        super().__init__(f"{kind}: {params}")


def to_decimal(value):
    """Exact decimal of an int, float (through its shortest repr), string or
    Decimal. ``None`` and ``False`` are 0. Non-finite values (NaN, infinity)
    raise :class:`MoneyError` ``not_finite``."""
    if value is None or value is False:
        return Decimal(0)
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise MoneyError("not_finite", value=value)
        result = Decimal(repr(value))
    else:
        result = Decimal(value)
    if not result.is_finite():
        raise MoneyError("not_finite", value=value)
    return result


def is_finite(value):
    """True for a number that is neither NaN nor infinite."""
    try:
        to_decimal(value)
    except (MoneyError, ArithmeticError, ValueError, TypeError):
        return False
    return True


def check_amount(value, allow_negative=False, maximum=MAX_AMOUNT):
    """Return ``value`` as a Decimal, or raise :class:`MoneyError` when it is
    not finite (``not_finite``), negative (``negative``, unless allowed) or
    larger in size than ``maximum`` (``too_large``)."""
    amount = to_decimal(value)
    if amount < 0 and not allow_negative:
        raise MoneyError("negative", value=value)
    if abs(amount) > maximum:
        raise MoneyError("too_large", value=value, maximum=maximum)
    return amount


def _step(rounding):
    step = to_decimal(rounding or Decimal("0.01"))
    if step <= 0:
        raise MoneyError("rounding", rounding=rounding)
    return step


def round_money(amount, rounding=0.01):
    """Round ``amount`` half-up to a multiple of the currency's rounding step
    (``currency.rounding``: 0.01 for CNY, 1 for a currency without cents)."""
    step = _step(rounding)
    units = (to_decimal(amount) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return units * step


def split_by_weights(total, weights, rounding=0.01):
    """Split ``total`` into ``len(weights)`` parts proportional to
    ``weights``, each a multiple of ``rounding``, summing exactly to
    ``total`` rounded to the step.

    Weights are non-negative numbers, not all zero; a part of weight 0 gets
    0. The split is deterministic: remainders are compared exactly and ties
    favour the earlier part.

    >>> split_by_weights(300000, [4, 3, 3])
    [Decimal('120000.00'), Decimal('90000.00'), Decimal('90000.00')]
    >>> split_by_weights(100, [1, 1, 1])
    [Decimal('33.34'), Decimal('33.33'), Decimal('33.33')]
    """
    step = _step(rounding)
    exact_weights = [to_decimal(weight) for weight in weights]
    if any(weight < 0 for weight in exact_weights):
        raise MoneyError("negative", value=min(exact_weights))
    weight_sum = sum(exact_weights, Decimal(0))
    if not exact_weights or weight_sum <= 0:
        raise MoneyError("no_weight")
    total_units = int(round_money(total, step) / step)
    if total_units < 0:
        raise MoneyError("negative", value=total)
    # rational arithmetic on units of the step: exact whatever the weights
    fraction_sum = Fraction(weight_sum)
    shares = [total_units * Fraction(weight) / fraction_sum for weight in exact_weights]
    units = [math.floor(share) for share in shares]
    missing = total_units - sum(units)
    order = sorted(
        range(len(shares)), key=lambda index: (-(shares[index] - units[index]), index)
    )
    for index in order[:missing]:
        units[index] += 1
    return [unit * step for unit in units]
