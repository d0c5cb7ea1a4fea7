# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Target arithmetic, free of the ORM.

Achievements are ratios: 1.5 means 150 %.
"""

import calendar
from datetime import date, timedelta


def achievement(target, actual, higher_is_better=True):
    """Achievement of ``actual`` against ``target`` as a ratio.

    * higher is better (enrolments, revenue): ``actual / target``
      (target 10, actual 15 → 1.5);
    * lower is better (complaints, days late): ``2 - actual / target``,
      floored at 0: hitting the target exactly gives 1.0, zero gives 2.0,
      twice the target or worse gives 0.

    A target that is not positive (not set yet) gives 0.
    """
    if not target or target <= 0:
        return 0.0
    ratio = (actual or 0.0) / target
    if higher_is_better:
        return ratio
    return max(0.0, 2.0 - ratio)


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
