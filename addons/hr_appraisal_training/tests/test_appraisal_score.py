# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from odoo.tests import BaseCase, tagged

from odoo.addons.hr_appraisal_training.tools import appraisal_score
from odoo.addons.hr_appraisal_training.tools.appraisal_score import (
    AppraisalScoreError,
    KpiLine,
    WeightSumError,
)

D = Decimal

CN_BANDS = ((90, "优秀"), (80, "良好"), (60, "合格"), (0, "待改进"))
TEACHING_TYPES = {"manager": 60, "self": 10, "peer": 20, "subordinate": 10}


def teaching_template():
    """Teaching department: points out of a maximum equal to the weight."""
    return [
        KpiLine("retention", 50, "points", 50, name="student retention"),
        KpiLine("feedback", 10, "points", 10, name="parent feedback"),
        KpiLine("quality", 30, "points", 30, name="teaching quality"),
        KpiLine("admin", 10, "points", 10, name="administration"),
    ]


def teaching(retention, feedback, quality, admin):
    return {
        "retention": retention,
        "feedback": feedback,
        "quality": quality,
        "admin": admin,
    }


# strategies ------------------------------------------------------------
@st.composite
def weights_to_100(draw, size):
    """``size`` weights of 0.01 precision adding up to exactly 100; often
    multiples of 5 or 25, so that equal weights (and ties between
    remainders when rescaling) are frequent."""
    step = draw(st.sampled_from((1, 500, 2500)))
    cuts = sorted(
        step * cut
        for cut in draw(
            st.lists(
                st.integers(0, 10000 // step), min_size=size - 1, max_size=size - 1
            )
        )
    )
    bounds = [0, *cuts, 10000]
    return [D(bounds[i + 1] - bounds[i]).scaleb(-2) for i in range(size)]


def raw_input(line):
    if line.method == "rating":
        return st.decimals(min_value=1, max_value=5, places=1)
    if line.method == "target":
        return st.decimals(min_value=-1, max_value=3, places=3)
    return st.decimals(min_value=0, max_value=line.max_points, places=2)


@st.composite
def appraisals(draw, min_lines=1, max_lines=6):
    """Keyword arguments of ``compute`` for a random appraisal."""
    size = draw(st.integers(min_lines, max_lines))
    weights = draw(weights_to_100(size))
    lines = []
    for i, weight in enumerate(weights):
        method = draw(st.sampled_from(appraisal_score.METHODS))
        max_points = None
        if method == "points":
            max_points = draw(st.integers(1, 100))
        evidence = draw(
            st.sampled_from(appraisal_score.EVIDENCES)
            if draw(st.booleans())
            else st.just("ok")
        )
        lines.append(KpiLine(f"L{i}", weight, method, max_points, evidence))
    answers = {}
    for reviewer_type in appraisal_score.REVIEWER_TYPES:
        count = draw(st.integers(0, 4))
        answers[reviewer_type] = [
            {line.key: draw(raw_input(line)) for line in lines} for __ in range(count)
        ]
    type_weights = dict(
        zip(
            appraisal_score.REVIEWER_TYPES,
            draw(weights_to_100(len(appraisal_score.REVIEWER_TYPES))),
            strict=True,
        )
    )
    return {
        "lines": lines,
        "answers": answers,
        "type_weights": type_weights,
        "min_answers": draw(st.integers(1, 4)),
        "penalty_mode": draw(st.sampled_from(appraisal_score.PENALTY_MODES)),
        "penalty_steps": draw(st.integers(0, 5)),
    }


def to_floats(kwargs):
    """The same appraisal with every number as a Python float."""
    lines = [
        KpiLine(
            line.key,
            float(line.weight),
            line.method,
            None if line.max_points is None else float(line.max_points),
            line.evidence,
        )
        for line in kwargs["lines"]
    ]
    answers = {
        t: [{k: float(v) for k, v in answer.items()} for answer in rows]
        for t, rows in kwargs["answers"].items()
    }
    type_weights = {t: float(w) for t, w in kwargs["type_weights"].items()}
    return dict(kwargs, lines=lines, answers=answers, type_weights=type_weights)


def by_key(result):
    """Reviewer type → {line key: line breakdown}: the result without the
    order of the lines."""
    return {
        column.reviewer_type: (
            column.status,
            column.effective_weight,
            column.score,
            {line.key: line for line in column.lines},
        )
        for column in result.columns
    }


@tagged("post_install", "-at_install")
class TestAppraisalScore(BaseCase):
    """The appraisal score arithmetic (tools/appraisal_score.py)."""

    def assertKind(self, kind, func, *args, **kwargs):
        with self.assertRaises(AppraisalScoreError) as caught:
            func(*args, **kwargs)
        self.assertEqual(caught.exception.kind, kind, caught.exception.params)
        return caught.exception

    # worked examples -----------------------------------------------------
    def test_worked_example_teaching(self):
        """Teaching template 50/10/30/10 in points; reviewer types manager
        60 / self 10 / peer 20 / subordinate 10; 3 peers and 1 subordinate.

        * The single subordinate is below the minimum of 3: merged, so the
          weights 60/10/20 are rescaled: 66.666…, 11.111…, 22.222…, cut to
          66.66 + 11.11 + 22.22 = 99.99; the missing cent goes to the largest
          remainder (manager, .666…): 66.67 / 11.11 / 22.22.
        * Manager 45/50, 8/10, 27/30, 9/10 → 90, 80, 90, 90:
          (50×90 + 10×80 + 30×90 + 10×90) / 100 = 89.
        * Self full marks → 100.
        * Peers: retention 40, 45, 44 → 80, 90, 88 → 86.00; feedback 7, 9, 8
          → 80.00; quality 25, 28, 26 → 79/90 × 100 = 87.777… → 87.78;
          admin 10, 8, 9 → 90.00. Column (50×86 + 10×80 + 30×87.78 + 10×90)
          / 100 = 8633.4 / 100 = 86.334.
        * Final (66.67×89 + 11.11×100 + 22.22×86.334) / 100
          = (5933.63 + 1111 + 1918.34148) / 100 = 89.6297148 → 89.63 (良好).
        """
        result = appraisal_score.compute(
            teaching_template(),
            {
                "manager": [teaching(45, 8, 27, 9)],
                "self": [teaching(50, 10, 30, 10)],
                "peer": [
                    teaching(40, 7, 25, 10),
                    teaching(45, 9, 28, 8),
                    teaching(44, 8, 26, 9),
                ],
                "subordinate": [teaching(0, 0, 0, 0)],
            },
            TEACHING_TYPES,
            bands=CN_BANDS,
        )
        self.assertEqual(result.score, D("89.63"))
        self.assertEqual(str(result.score), "89.63")
        self.assertEqual(result.band, "良好")
        manager, self_, peer, subordinate, customer = result.columns
        self.assertEqual(
            [c.effective_weight for c in result.columns],
            [D("66.67"), D("11.11"), D("22.22"), 0, 0],
        )
        self.assertEqual(manager.score, D(89))
        self.assertEqual(self_.score, D(100))
        self.assertEqual(peer.score, D("86.334"))
        self.assertEqual(
            [line.score for line in peer.lines],
            [D("86.00"), D("80.00"), D("87.78"), D("90.00")],
        )
        self.assertEqual(peer.lines[2].name, "teaching quality")
        self.assertEqual(peer.lines[2].inputs, (D(25), D(26), D(28)))
        self.assertEqual(peer.lines[2].contribution, D("26.334"))
        self.assertEqual(peer.contribution, D("19.1834148"))
        self.assertEqual(subordinate.status, "below_minimum")
        self.assertEqual(subordinate.answer_count, 1)
        self.assertIsNone(subordinate.score)
        self.assertEqual(subordinate.lines, ())
        self.assertEqual(customer.status, "no_answer")
        self.assertEqual(result.line_weights["retention"], D(50))
        # the contributions add up to the unrounded final score
        self.assertEqual(sum(c.contribution for c in result.columns), D("89.6297148"))

    def test_worked_example_excused_and_insufficient(self):
        """Four rating lines of 25; manager rates 5, 4, 3, 2 (100, 80, 60,
        40)."""
        ratings = {"a": 5, "b": 4, "c": 3, "d": 2}

        def score(evidence_d, **kwargs):
            lines = [KpiLine(k, 25) for k in "abc"]
            lines.append(KpiLine("d", 25, "rating", evidence=evidence_d))
            return appraisal_score.compute(
                lines, {"manager": [ratings]}, {"manager": 100}, **kwargs
            )

        # all counted: (100 + 80 + 60 + 40) × 25 / 100 = 70
        self.assertEqual(score("ok").score, D("70.00"))
        # d excused: 33.34 / 33.33 / 33.33 (the tied cent goes to the key
        # sorting first), 33.34 + 26.664 + 19.998 = 80.002 → 80.00
        result = score("excused")
        self.assertEqual(
            result.line_weights, {"a": D("33.34"), "b": D("33.33"), "c": D("33.33")}
        )
        self.assertEqual(result.score, D("80.00"))
        line_d = result.columns[0].lines[3]
        self.assertIsNone(line_d.score)
        self.assertEqual((line_d.effective_weight, line_d.contribution), (0, 0))
        # d insufficient, mode zero: 0 → 60
        self.assertEqual(score("insufficient").score, D("60.00"))
        # mode steps, 1 step: rating 2 → 1 → 20; 65
        self.assertEqual(score("insufficient", penalty_mode="steps").score, D("65.00"))
        # 3 steps: rating floored at 1 → still 20
        result = score("insufficient", penalty_mode="steps", penalty_steps=3)
        self.assertEqual(result.score, D("65.00"))
        self.assertEqual(result.columns[0].lines[3].inputs, (D(2),))

    # line scores ---------------------------------------------------------
    def test_rating_scores(self):
        for rating, expected in ((5, 100), (4, 80), (3, 60), (2, 40), (1, 20)):
            self.assertEqual(appraisal_score.line_score("rating", rating), expected)
        self.assertEqual(appraisal_score.line_score("rating", 4.5), D("90.00"))
        self.assertEqual(appraisal_score.line_score("rating", D("3.33")), D("66.60"))

    def test_target_scores(self):
        score = appraisal_score.line_score
        self.assertEqual(score("target", 1.2), D(100))  # no points above 100 %
        self.assertEqual(score("target", 1), D(100))
        self.assertEqual(score("target", 0.875), D("87.50"))
        self.assertEqual(score("target", D("0.12345")), D("12.35"))  # half-up
        self.assertEqual(score("target", 0), D(0))
        self.assertEqual(score("target", -0.3), D(0))

    def test_points_scores(self):
        score = appraisal_score.line_score
        self.assertEqual(score("points", 45, 50), D(90))
        self.assertEqual(score("points", 7, 30), D("23.33"))
        self.assertEqual(score("points", 2, 3), D("66.67"))
        self.assertEqual(score("points", 0, 10), D(0))
        self.assertEqual(score("points", 10, 10), D(100))

    def test_evidence_rules(self):
        score = appraisal_score.line_score
        self.assertEqual(score("rating", 5, evidence="insufficient"), 0)
        self.assertEqual(score("points", None, 10, evidence="insufficient"), 0)
        steps = {"evidence": "insufficient", "penalty_mode": "steps"}
        self.assertEqual(score("rating", 3, **steps), D(40))
        self.assertEqual(score("rating", 1, **steps), D(20))  # floored at 1
        self.assertEqual(score("rating", 5, **steps, penalty_steps=0), D(100))
        self.assertEqual(score("target", 0.9, **steps, penalty_steps=2), D(50))
        self.assertEqual(score("points", 5, 10, **steps, penalty_steps=3), D(0))
        self.assertEqual(score("points", 7, 30, **steps), D("3.33"))
        self.assertIsNone(score("rating", None, evidence="excused"))
        self.assertKind("missing_input", score, "rating", None, **steps)

    # reviewer types ------------------------------------------------------
    def _rating_appraisal(self, answers, type_weights=None, **kwargs):
        return appraisal_score.compute(
            [KpiLine("x", 100)],
            {t: [{"x": r} for r in ratings] for t, ratings in answers.items()},
            type_weights or TEACHING_TYPES,
            **kwargs,
        )

    def test_type_without_answers_drops_out(self):
        # manager 60, self 10 → 60/70 = 85.714…, 10/70 = 14.285…; cut to
        # 85.71 + 14.28; the cent goes to self (remainder .857… > .142…)
        result = self._rating_appraisal({"manager": [5], "self": [1]})
        self.assertEqual(
            [c.effective_weight for c in result.columns[:2]], [D("85.71"), D("14.29")]
        )
        # 85.71 × 100 / 100 + 14.29 × 20 / 100 = 85.71 + 2.858 = 88.568
        self.assertEqual(result.score, D("88.57"))
        self.assertEqual(
            [c.status for c in result.columns],
            ["counted", "counted", "no_answer", "no_answer", "no_answer"],
        )

    def test_type_below_minimum_is_merged(self):
        two_peers = self._rating_appraisal({"manager": [5], "peer": [1, 1]})
        peer = two_peers.columns[2]
        self.assertEqual(peer.status, "below_minimum")
        self.assertEqual(peer.answer_count, 2)
        self.assertIsNone(peer.score)
        self.assertEqual(peer.lines, ())
        self.assertEqual(two_peers.score, D(100))  # the manager alone
        # a lower minimum lets them count: 60/80 and 20/80 → 75 / 25
        counted = self._rating_appraisal(
            {"manager": [5], "peer": [1, 1]}, min_answers=2
        )
        self.assertEqual(counted.columns[2].status, "counted")
        self.assertEqual(counted.columns[2].effective_weight, D(25))
        self.assertEqual(counted.score, D(80))
        # three peers reach the default minimum: peers average 2, 2, 5
        three = self._rating_appraisal({"manager": [5], "peer": [2, 2, 5]})
        self.assertEqual(three.columns[2].status, "counted")
        self.assertEqual(three.columns[2].score, D(60))
        self.assertEqual(three.columns[2].lines[0].inputs, (D(2), D(2), D(5)))
        self.assertEqual(three.score, D(90))  # 75 × 100 + 25 × 60

    def test_manager_and_self_never_merged(self):
        result = self._rating_appraisal({"manager": [4], "self": [3]}, min_answers=4)
        self.assertEqual([c.status for c in result.columns[:2]], ["counted"] * 2)
        # 85.71 × 80 + 14.29 × 60 = 68.568 + 8.574 = 77.142
        self.assertEqual(result.score, D("77.14"))

    def test_zero_weight_type(self):
        result = self._rating_appraisal(
            {"manager": [3], "customer": [5, 5, 5]},
            {"manager": 100, "customer": 0},
        )
        customer = result.columns[4]
        self.assertEqual(customer.status, "no_weight")
        self.assertEqual(customer.score, D(100))
        self.assertEqual((customer.effective_weight, customer.contribution), (0, 0))
        self.assertEqual(result.score, D(60))

    def test_no_score(self):
        self.assertIsNone(self._rating_appraisal({}).score)
        only_peers = self._rating_appraisal({"peer": [5, 5]})
        self.assertIsNone(only_peers.score)
        self.assertIsNone(only_peers.band)
        result = appraisal_score.compute(
            [
                KpiLine("a", 60, evidence="excused"),
                KpiLine("b", 40, evidence="excused"),
            ],
            {"manager": [{}]},
            {"manager": 100},
        )
        self.assertIsNone(result.score)
        self.assertEqual(result.line_weights, {})
        # only a line weighing 0 left: nothing to rescale
        result = appraisal_score.compute(
            [KpiLine("a", 100, evidence="excused"), KpiLine("b", 0)],
            {"manager": [{"b": 5}]},
            {"manager": 100},
        )
        self.assertIsNone(result.score)
        self.assertEqual(result.columns[0].lines[1].score, D(100))

    # bands ---------------------------------------------------------------
    def test_band_edges(self):
        band = appraisal_score.band_for
        self.assertEqual(band(90, CN_BANDS), "优秀")
        self.assertEqual(band(D("89.99"), CN_BANDS), "良好")
        self.assertEqual(band(80, CN_BANDS), "良好")
        self.assertEqual(band(79.99, CN_BANDS), "合格")
        self.assertEqual(band(60, CN_BANDS), "合格")
        self.assertEqual(band(D("59.99"), CN_BANDS), "待改进")
        self.assertEqual(band(0, CN_BANDS), "待改进")
        self.assertEqual(band(100, CN_BANDS), "优秀")
        self.assertIsNone(band(None, CN_BANDS))
        self.assertEqual(band(90), "excellent")
        self.assertEqual(band(D("89.99")), "good")
        # unordered bands are the same bands
        self.assertEqual(band(85, tuple(reversed(CN_BANDS))), "良好")

    def test_final_rounds_half_up_before_banding(self):
        def final(first, second):
            return appraisal_score.compute(
                [KpiLine("a", 50, "target"), KpiLine("b", 50, "target")],
                {"manager": [{"a": first, "b": second}]},
                {"manager": 100},
                bands=CN_BANDS,
            )

        # 90.00 and 89.99 → 89.995 → 90.00, 优秀
        result = final(0.9, 0.8999)
        self.assertEqual((result.score, result.band), (D("90.00"), "优秀"))
        # 89.98 and 89.99 → 89.985 → 89.99 (half-up, not half-even)
        result = final(0.8998, 0.8999)
        self.assertEqual((result.score, result.band), (D("89.99"), "良好"))

    def test_band_validation(self):
        validate = appraisal_score.validate_bands
        self.assertKind("band_empty", validate, [])
        self.assertKind("band_no_zero", validate, [(90, "A"), (60, "B")])
        error = self.assertKind(
            "band_duplicate", validate, [(0, "A"), (60, "B"), (60.0, "C")]
        )
        self.assertEqual(error.params, {"lower_bound": D("60.0")})
        self.assertKind("band_range", validate, [(0, "A"), (100.01, "B")])
        self.assertKind("band_range", validate, [(-1, "A"), (0, "B")])
        self.assertKind("score_range", appraisal_score.band_for, 100.01)
        self.assertKind("score_range", appraisal_score.band_for, -0.01)
        self.assertKind(
            "band_no_zero",
            appraisal_score.compute,
            [KpiLine("x", 100)],
            {},
            {"manager": 100},
            bands=[(50, "A")],
        )

    # weights -------------------------------------------------------------
    def test_weights_must_add_up_to_100(self):
        self.assertEqual(appraisal_score.validate_weights([50, 10, 30, 10]), 100)
        # decimal comparison: 0.1 + 0.2 + 99.7 is 100 (it is not in floats)
        self.assertEqual(appraisal_score.validate_weights([0.1, 0.2, 99.7]), 100)
        with self.assertRaises(WeightSumError) as caught:
            appraisal_score.validate_weights([33.3, 33.3, 33.3])
        self.assertEqual(caught.exception.total, D("99.9"))
        self.assertEqual(caught.exception.params, {"total": D("99.9"), "what": "kpi"})
        with self.assertRaises(WeightSumError) as caught:
            appraisal_score.compute(
                [KpiLine("a", 60), KpiLine("b", 50)], {}, {"manager": 100}
            )
        self.assertEqual(caught.exception.total, D(110))
        with self.assertRaises(WeightSumError) as caught:
            appraisal_score.compute(
                [KpiLine("a", 100)], {}, {"manager": 60, "self": 10, "peer": 20}
            )
        self.assertEqual(
            (caught.exception.total, caught.exception.what), (90, "reviewer_type")
        )
        self.assertKind("weight_sum", appraisal_score.validate_weights, [])

    @settings(max_examples=200, deadline=None)
    @given(
        weights=st.lists(
            st.decimals(min_value=0, max_value=100, places=2), min_size=1, max_size=8
        ).filter(lambda ws: sum(ws) != 100)
    )
    def test_wrong_total_refused_with_the_total(self, weights):
        with self.assertRaises(WeightSumError) as caught:
            appraisal_score.validate_weights(weights)
        self.assertEqual(caught.exception.total, sum(weights))
        self.assertEqual(caught.exception.kind, "weight_sum")
        lines = [KpiLine(f"L{i}", w) for i, w in enumerate(weights)]
        with self.assertRaises(WeightSumError) as caught:
            appraisal_score.compute(lines, {}, {"manager": 100})
        self.assertEqual(caught.exception.total, sum(weights))

    @settings(max_examples=200, deadline=None)
    @given(
        data=st.data(),
        size=st.integers(1, 8),
    )
    def test_excusing_keeps_the_weights_sum(self, data, size):
        weights = data.draw(weights_to_100(size))
        excused = data.draw(st.lists(st.booleans(), min_size=size, max_size=size))
        kept = {f"L{i}": w for i, w in enumerate(weights) if not excused[i]}
        rescaled = appraisal_score.rescale_weights(kept)
        if not sum(kept.values()):
            self.assertIsNone(rescaled)
            return
        self.assertEqual(sum(rescaled.values()), D(100))
        total = sum(kept.values())
        for key, weight in kept.items():
            # proportional, within a cent of the exact share
            self.assertLess(abs(rescaled[key] - weight * 100 / total), D("0.01"))
            self.assertEqual(rescaled[key], rescaled[key].quantize(D("0.01")))
        # the same through compute, excused lines weighing 0
        lines = [
            KpiLine(f"L{i}", w, evidence="excused" if excused[i] else "ok")
            for i, w in enumerate(weights)
        ]
        result = appraisal_score.compute(
            lines, {"manager": [{f"L{i}": 3 for i in range(size)}]}, {"manager": 100}
        )
        self.assertEqual(result.line_weights, rescaled)
        column = result.columns[0]
        self.assertEqual(sum(line.effective_weight for line in column.lines), 100)
        self.assertEqual(column.score, 60)

    # properties ----------------------------------------------------------
    @settings(max_examples=200, deadline=None)
    @given(kwargs=appraisals())
    def test_score_within_0_100(self, kwargs):
        result = appraisal_score.compute(**kwargs)
        if result.score is None:
            self.assertIsNone(result.band)
        else:
            self.assertTrue(D(0) <= result.score <= D(100))
            self.assertEqual(result.score, result.score.quantize(D("0.01")))
            self.assertIsNotNone(result.band)
            self.assertEqual(sum(c.effective_weight for c in result.columns), D(100))
            self.assertEqual(sum(result.line_weights.values()), D(100))
            self.assertEqual(
                result.score,
                appraisal_score.round_score(
                    sum(c.contribution for c in result.columns)
                ),
            )
        for column in result.columns:
            if column.score is not None:
                self.assertTrue(D(0) <= column.score <= D(100))
            for line in column.lines:
                if line.score is not None:
                    self.assertTrue(D(0) <= line.score <= D(100))

    @settings(max_examples=200, deadline=None)
    @given(kwargs=appraisals())
    def test_equal_inputs_equal_outputs(self, kwargs):
        first = appraisal_score.compute(**kwargs)
        self.assertEqual(appraisal_score.compute(**kwargs), first)
        # the same numbers given as floats
        self.assertEqual(appraisal_score.compute(**to_floats(kwargs)), first)

    @settings(max_examples=200, deadline=None)
    @given(kwargs=appraisals(min_lines=2), data=st.data())
    def test_permutation_changes_nothing(self, kwargs, data):
        result = appraisal_score.compute(**kwargs)
        lines = data.draw(st.permutations(kwargs["lines"]))
        answers = {
            t: data.draw(st.permutations(rows))
            for t, rows in reversed(kwargs["answers"].items())
        }
        shuffled = appraisal_score.compute(**dict(kwargs, lines=lines, answers=answers))
        self.assertEqual(shuffled.score, result.score)
        self.assertEqual(shuffled.band, result.band)
        self.assertEqual(shuffled.line_weights, result.line_weights)
        self.assertEqual(by_key(shuffled), by_key(result))

    @settings(max_examples=200, deadline=None)
    @given(kwargs=appraisals(), data=st.data())
    def test_merged_type_is_like_no_answer(self, kwargs, data):
        reviewer_type = data.draw(
            st.sampled_from(sorted(appraisal_score.ANONYMOUS_TYPES))
        )
        rows = kwargs["answers"][reviewer_type]
        result = appraisal_score.compute(**kwargs)
        without = appraisal_score.compute(
            **dict(kwargs, answers=dict(kwargs["answers"], **{reviewer_type: []}))
        )
        column = result.columns[appraisal_score.REVIEWER_TYPES.index(reviewer_type)]
        if 0 < len(rows) < kwargs["min_answers"]:
            self.assertEqual(column.status, "below_minimum")
            self.assertEqual((column.score, column.lines), (None, ()))
            self.assertEqual(result.score, without.score)
            self.assertEqual(
                [c.effective_weight for c in result.columns],
                [c.effective_weight for c in without.columns],
            )
        elif not rows:
            self.assertEqual(column.status, "no_answer")

    # refused inputs ------------------------------------------------------
    def test_nan_and_infinity_refused(self):
        compute = appraisal_score.compute
        for bad in (
            float("nan"),
            float("inf"),
            float("-inf"),
            D("NaN"),
            D("sNaN"),
            D("Infinity"),
            D("-Infinity"),
        ):
            with self.subTest(bad=bad):
                self.assertKind("not_finite", appraisal_score.validate_weights, [bad])
                self.assertKind(
                    "not_finite", compute, [KpiLine("x", bad)], {}, {"manager": 100}
                )
                self.assertKind(
                    "not_finite", compute, [KpiLine("x", 100)], {}, {"manager": bad}
                )
                for method, max_points in (
                    ("rating", None),
                    ("target", None),
                    ("points", 10),
                ):
                    self.assertKind(
                        "not_finite",
                        compute,
                        [KpiLine("x", 100, method, max_points)],
                        {"manager": [{"x": bad}]},
                        {"manager": 100},
                    )
                    self.assertKind(
                        "not_finite",
                        appraisal_score.line_score,
                        method,
                        bad,
                        max_points,
                    )
                self.assertKind(
                    "not_finite", appraisal_score.line_score, "points", 1, bad
                )
                self.assertKind("not_finite", appraisal_score.band_for, bad)
                self.assertKind(
                    "not_finite", appraisal_score.validate_bands, [(0, "A"), (bad, "B")]
                )

    def test_out_of_range_refused(self):
        score = appraisal_score.line_score
        for rating in (0, 0.99, 5.01, 6, -1):
            error = self.assertKind("rating_range", score, "rating", rating)
            self.assertEqual(error.params["value"], D(repr(rating)))
        for points in (-0.01, 10.01):
            error = self.assertKind("points_range", score, "points", points, 10)
            self.assertEqual(error.params["max_points"], 10)
        self.assertKind("max_points", score, "points", 1)
        self.assertKind("max_points", score, "points", 0, 0)
        self.assertKind("max_points", score, "points", 0, -5)
        self.assertKind("max_points", score, "rating", 3, 5)
        self.assertKind("not_a_number", score, "rating", True)
        self.assertKind("not_a_number", score, "rating", "4")
        self.assertKind("unknown_method", score, "stars", 4)
        self.assertKind("unknown_evidence", score, "rating", 4, evidence="maybe")
        self.assertKind("penalty_mode", score, "rating", 4, penalty_mode="half")
        self.assertKind("penalty_steps", score, "rating", 4, penalty_steps=-1)
        self.assertKind("penalty_steps", score, "rating", 4, penalty_steps=1.5)
        self.assertKind("negative_weight", appraisal_score.validate_weights, [110, -10])
        self.assertKind("negative_weight", appraisal_score.rescale_weights, {"a": -1})

    def test_refused_appraisals(self):
        compute = appraisal_score.compute
        line = [KpiLine("x", 100)]
        manager = {"manager": 100}
        self.assertKind("no_lines", compute, [], {}, manager)
        self.assertKind(
            "duplicate_line", compute, [KpiLine("x", 50), KpiLine("x", 50)], {}, manager
        )
        self.assertKind(
            "negative_weight",
            compute,
            [KpiLine("x", 110), KpiLine("y", -10)],
            {},
            manager,
        )
        self.assertKind(
            "negative_weight", compute, line, {}, {"manager": 110, "self": -10}
        )
        error = self.assertKind(
            "unknown_reviewer_type", compute, line, {"boss": [{"x": 3}]}, manager
        )
        self.assertEqual(error.params, {"reviewer_type": "boss"})
        self.assertKind("unknown_reviewer_type", compute, line, {}, {"boss": 100})
        error = self.assertKind(
            "unknown_line", compute, line, {"self": [{"x": 3, "y": 3}]}, manager
        )
        self.assertEqual(error.params, {"line": "y", "reviewer_type": "self"})
        error = self.assertKind(
            "missing_input", compute, line, {"peer": [{"x": 3}, {}]}, manager
        )
        self.assertEqual(error.params, {"line": "x", "reviewer_type": "peer"})
        for bad in (0, -1, 1.0, True, None):
            self.assertKind("min_answers", compute, line, {}, manager, min_answers=bad)
        # lines given as mappings are fine
        result = compute(
            [{"key": "x", "weight": 100, "method": "points", "max_points": 4}],
            {"manager": [{"x": 3}]},
            manager,
        )
        self.assertEqual(result.score, D(75))
