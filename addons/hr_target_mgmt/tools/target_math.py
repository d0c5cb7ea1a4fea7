# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Target arithmetic, free of the ORM.

Achievements are ratios: 1.5 means 150 %.
"""

import calendar
from datetime import date, timedelta
from decimal import Decimal

from .money import is_finite, to_decimal

#: The largest target, minimum or actual value accepted (revenue in currency
#: units included): anything beyond is a typo, not a result.
MAX_VALUE = Decimal(10) ** 12


def is_valid_value(value, allow_negative=False):
    """True for a finite number within ±:data:`MAX_VALUE` (and not negative
    unless allowed)."""
    if not is_finite(value):
        return False
    number = to_decimal(value)
    if number < 0 and not allow_negative:
        return False
    return abs(number) <= MAX_VALUE


def achievement(target, actual, higher_is_better=True):
    """Achievement of ``actual`` against ``target`` as an exact decimal
    ratio (1.5 = 150 %): the one definition used by targets and pay lines.

    * higher is better (enrolments, revenue): ``actual / target``
      (target 10, actual 15 → 1.5);
    * lower is better (complaints, days late): ``2 - actual / target``,
      floored at 0: hitting the target exactly gives 1.0, zero gives 2.0,
      twice the target or worse gives 0.

    No actual counts as 0. A target that is missing, zero or negative gives
    ``None`` (no achievement can be measured).
    """
    if not target or target <= 0:
        return None
    ratio = to_decimal(actual or 0) / to_decimal(target)
    if higher_is_better:
        return ratio
    return max(Decimal(2) - ratio, Decimal(0))


def month_windows(date_start, date_end):
    """Split [date_start, date_end] into calendar months.

    Returns a list of ``(month_first_day, from, to, covered_days,
    days_in_month)``: ``from``/``to`` are the part of the month inside the
    window.
    """
    windows = []
    if not date_start or not date_end or date_end < date_start:
        return windows
    current = date(date_start.year, date_start.month, 1)
    while current <= date_end:
        days_in_month = calendar.monthrange(current.year, current.month)[1]
        month_last = current + timedelta(days=days_in_month - 1)
        part_from = max(current, date_start)
        part_to = min(month_last, date_end)
        windows.append(
            (
                current,
                part_from,
                part_to,
                (part_to - part_from).days + 1,
                days_in_month,
            )
        )
        current = month_last + timedelta(days=1)
    return windows


def prorated_target(monthly_target, covered_days, days_in_month):
    """The part of a monthly target due for ``covered_days`` of a month of
    ``days_in_month`` days, rounded to 2 decimals."""
    if covered_days >= days_in_month:
        return float(monthly_target)
    return round(monthly_target * covered_days / days_in_month, 2)
