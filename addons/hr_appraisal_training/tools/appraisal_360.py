# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""360-degree answers of an appraisal, free of the ORM.

Internal reviewers (peers, subordinates) score each KPI line like the
manager does; their answers go to :func:`.appraisal_score.compute` as they
are. Outside reviewers (customers) answer a scored survey instead, which
gives one percentage for the whole questionnaire; :func:`survey_inputs`
turns it into one input per KPI line so that the customer column scores
that percentage on every line:

* ``rating`` lines: the rating percentage / 20 (85 % → 4.25, scoring 85),
  at least 1 (the rating scale has no zero: a result below 20 % scores 20);
* ``points`` lines: percentage × maximum / 100;
* ``target`` lines take the measured achievement in every column and get
  no input from a survey.

A percentage lies from 0 to 100; anything else raises
:class:`.appraisal_score.AppraisalScoreError` (kind ``score_range``).
"""

from decimal import Decimal

from . import appraisal_score as score


@score._exact
def survey_input(method, percentage, max_points=None):
    """The raw input of a line of ``method`` that scores ``percentage``
    (``None`` for target lines)."""
    value = score._num(percentage, "percentage")
    if value < 0 or value > score.HUNDRED:
        raise score.AppraisalScoreError("score_range", score=percentage)
    if method == score.METHOD_TARGET:
        return None
    if method == score.METHOD_RATING:
        return max(score.RATING_MIN, value / Decimal(20))
    if method == score.METHOD_POINTS:
        return value * score._num(max_points, "max_points") / score.HUNDRED
    raise score.AppraisalScoreError("unknown_method", method=method)


def survey_inputs(lines, percentage):
    """One answer ({line key: input}) from a survey ``percentage`` for the
    KPI ``lines`` (:class:`.appraisal_score.KpiLine`); target lines are left
    out."""
    answer = {}
    for line in lines:
        value = survey_input(line.method, percentage, line.max_points)
        if value is not None:
            answer[line.key] = value
    return answer
