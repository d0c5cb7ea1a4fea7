# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Training math (培训评估), plain Python without the ORM.

- :func:`trainer_score`: a trainer's score for one session, the weighted
  mean of teaching quality, effect, satisfaction and course development
  (each 0 to 100; default weights 40 / 30 / 20 / 10).
- :func:`mean`: the mean of the known values (``None`` left out).
- :func:`attended_ratio`: the share of a session an attendee followed,
  from their statuses per sitting (late and left early count half).
- :func:`passed`: a learning score against the pass mark.
- :func:`results_change`: level 4, the mean of the appraisal scores (or
  target achievements) before and after a session and their difference.
- :func:`add_months`: the end of a certificate's validity.
"""

import calendar
import math
from datetime import date

#: Default weights of the trainer evaluation (sum 100).
TRAINER_WEIGHTS = {
    "quality": 40.0,
    "effect": 30.0,
    "satisfaction": 20.0,
    "development": 10.0,
}

#: Share of a sitting that each attendance status counts for.
ATTENDANCE_SHARE = {
    "present": 1.0,
    "late": 0.5,
    "left_early": 0.5,
    "absent": 0.0,
}


class TrainingMathError(ValueError):
    """Bad input of the training math; ``kind`` names the rule."""

    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind


def check_score(value, name="score"):
    """``value`` as a float from 0 to 100; ``None`` stays ``None``."""
    if value is None or value is False:
        return None
    value = float(value)
    if not math.isfinite(value) or not 0 <= value <= 100:
        raise TrainingMathError("score_range", f"{name} must lie from 0 to 100")
    return value


def mean(values):
    """Mean of the values that are not ``None``; ``None`` when there is none.

    >>> mean([80, None, 90])
    85.0
    """
    known = [float(value) for value in values if value is not None]
    if not known:
        return None
    return math.fsum(known) / len(known)


def trainer_score(quality, effect, satisfaction, development, weights=None):
    """Weighted trainer score (0 to 100) of one session.

    Criteria without a score are left out and the other weights rescale;
    ``None`` when none is scored.

    >>> trainer_score(90, 80, 100, 50)
    85.0
    >>> trainer_score(90, None, None, None)
    90.0
    """
    weights = weights or TRAINER_WEIGHTS
    if any(not math.isfinite(w) or w < 0 for w in weights.values()):
        raise TrainingMathError("weight", "weights must be finite and not negative")
    scores = {
        "quality": check_score(quality, "quality"),
        "effect": check_score(effect, "effect"),
        "satisfaction": check_score(satisfaction, "satisfaction"),
        "development": check_score(development, "development"),
    }
    scored = {key: value for key, value in scores.items() if value is not None}
    total_weight = math.fsum(weights[key] for key in scored)
    if not scored or not total_weight:
        return None
    return math.fsum(weights[key] * value for key, value in scored.items()) / (
        total_weight
    )


def attended_ratio(statuses):
    """Share (0 to 1) of the sittings an attendee followed.

    >>> attended_ratio(["present", "late", "absent", "present"])
    0.625
    """
    statuses = list(statuses)
    if not statuses:
        return 0.0
    return math.fsum(ATTENDANCE_SHARE[status] for status in statuses) / len(statuses)


def passed(score, pass_mark):
    """``True`` when ``score`` reaches ``pass_mark``; ``None`` without score."""
    score = check_score(score)
    if score is None:
        return None
    return score >= check_score(pass_mark, "pass mark")


def results_change(before, after):
    """Level 4: ``(mean before, mean after, after - before)``.

    Each mean is ``None`` without a value in its window; the change is
    ``None`` unless both are known.

    >>> results_change([70, 80], [90])
    (75.0, 90.0, 15.0)
    """
    mean_before = mean(before)
    mean_after = mean(after)
    if mean_before is None or mean_after is None:
        return mean_before, mean_after, None
    return mean_before, mean_after, mean_after - mean_before


def add_months(day, months):
    """``day`` plus ``months`` months, clamped to the end of the month.

    >>> add_months(date(2026, 1, 31), 1)
    datetime.date(2026, 2, 28)
    """
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))
