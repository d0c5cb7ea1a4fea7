# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..tools import appraisal_score as score
from .hr_kpi_template import PERSPECTIVES
from .hr_kpi_template_line import METHODS
from .hr_performance_review import (
    EVIDENCE,
    GROUP_HR_OFFICER,
    engine_line,
    line_input,
)

#: What the reviewed employee writes, during the self-assessment.
SELF_FIELDS = {"self_score", "evidence_note"}
#: What the reviewer (team manager or HR officer) writes, before the end.
MANAGER_FIELDS = {"manager_score", "manager_comment", "evidence_status"}


class HrPerformanceReviewLine(models.Model):
    """One KPI of an appraisal: the self and manager scores side by side."""

    _name = "hr.performance.review.line"
    _description = "Appraisal KPI Line"
    _order = "review_id, sequence, id"

    review_id = fields.Many2one(
        "hr.performance.review",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    employee_id = fields.Many2one(related="review_id.employee_id", store=True)
    state = fields.Selection(related="review_id.state")
    sequence = fields.Integer(readonly=True)
    name = fields.Char(string="KPI", required=True, readonly=True)
    description = fields.Text(readonly=True)
    perspective = fields.Selection(
        PERSPECTIVES, string="BSC Perspective", readonly=True
    )
    method = fields.Selection(
        METHODS, string="Scoring Method", required=True, readonly=True
    )
    measure_id = fields.Many2one("hr.target.measure", readonly=True)
    max_points = fields.Float(string="Maximum Points", digits=(16, 2), readonly=True)
    weight = fields.Float(digits=(16, 2), readonly=True)
    achievement = fields.Float(
        readonly=True,
        help="Target-linked lines: the average achievement of the employee's "
        "targets of the measure in the review window (1.2 = 120 %).",
    )
    has_achievement = fields.Boolean(readonly=True)
    self_score = fields.Float(
        digits=(16, 2), help="Rating 1 to 5, or points out of the maximum."
    )
    self_scored = fields.Boolean(readonly=True)
    manager_score = fields.Float(
        digits=(16, 2), help="Rating 1 to 5, or points out of the maximum."
    )
    manager_scored = fields.Boolean(readonly=True)
    evidence_note = fields.Text(
        string="Evidence", help="The employee's facts and evidence for this KPI."
    )
    manager_comment = fields.Text()
    evidence_status = fields.Selection(
        [
            ("normal", "Normal"),
            ("insufficient", "Insufficient"),
            ("excused", "Excused"),
        ],
        default="normal",
        required=True,
        help="Insufficient: the line scores 0 or loses rating steps (see the "
        "template). Excused (HR only): the line leaves the calculation.",
    )
    self_line_score = fields.Float(compute="_compute_line_scores", digits=(16, 2))
    manager_line_score = fields.Float(compute="_compute_line_scores", digits=(16, 2))

    # ------------------------------------------------------------------
    # Engine
    # ------------------------------------------------------------------
    def _engine_line(self):
        self.ensure_one()
        return engine_line(self.id, self)

    def _engine_input(self, column):
        """The raw input of ``column`` (``self`` or ``manager``), or None."""
        self.ensure_one()
        return line_input(self, column)

    def _missing(self, column):
        """The line needs an input of ``column`` and has none."""
        self.ensure_one()
        if self._engine_input(column) is not None:
            return False
        try:
            score.line_score(
                self.method,
                None,
                self.max_points if self.method == "points" else None,
                EVIDENCE[self.evidence_status],
                self.review_id.penalty_mode or score.PENALTY_ZERO,
                self.review_id.penalty_steps,
            )
        except score.AppraisalScoreError:
            return True
        return False

    @api.depends(
        "self_score",
        "self_scored",
        "manager_score",
        "manager_scored",
        "evidence_status",
        "achievement",
        "has_achievement",
    )
    def _compute_line_scores(self):
        for line in self:
            scores = {}
            for column in (score.SELF, score.MANAGER):
                value = line._engine_input(column)
                try:
                    result = score.line_score(
                        line.method,
                        value,
                        line.max_points if line.method == "points" else None,
                        EVIDENCE[line.evidence_status],
                        line.review_id.penalty_mode or score.PENALTY_ZERO,
                        line.review_id.penalty_steps,
                    )
                except score.AppraisalScoreError:
                    result = None
                scores[column] = float(result or 0)
            line.self_line_score = scores[score.SELF]
            line.manager_line_score = scores[score.MANAGER]

    @api.constrains("self_score", "manager_score", "self_scored", "manager_scored")
    def _check_scores(self):
        for line in self.filtered(lambda ln: ln.method != "target"):
            for fname, flag in (
                ("self_score", "self_scored"),
                ("manager_score", "manager_scored"),
            ):
                if not line[flag]:
                    continue
                try:
                    score.line_score(
                        line.method,
                        line[fname],
                        line.max_points if line.method == "points" else None,
                    )
                except score.AppraisalScoreError as error:
                    if line.method == "rating":
                        message = _(
                            "KPI %(line)s: a rating lies from 1 to 5.",
                            line=line.name,
                        )
                    else:
                        message = _(
                            "KPI %(line)s: points lie from 0 to %(max)s.",
                            line=line.name,
                            max=format(line.max_points, "g"),
                        )
                    raise ValidationError(message) from error

    # ------------------------------------------------------------------
    # Client writes: each role its own column
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                _("The KPI lines of an appraisal come from its template.")
            )
        for vals in vals_list:
            self._mark_scored(vals)
        return super().create(vals_list)

    @staticmethod
    def _mark_scored(vals):
        for fname in ("self_score", "manager_score"):
            if fname in vals:
                value = vals[fname]
                vals[fname.replace("_score", "_scored")] = value is not False and (
                    value is not None
                )

    def write(self, vals):
        if not self.env.su:
            self._check_client_write(vals)
        vals = dict(vals)
        self._mark_scored(vals)
        return super().write(vals)

    def _check_client_write(self, vals):
        fnames = set(vals)
        hr_officer = self.env.user.has_group(GROUP_HR_OFFICER)
        for line in self:
            review = line.review_id
            allowed = set()
            if review._is_own() and review.state == "self":
                allowed |= SELF_FIELDS
            if review._is_reviewer() and review.state in ("self", "manager"):
                allowed |= MANAGER_FIELDS
            forbidden = fnames - allowed
            if forbidden:
                raise AccessError(
                    _(
                        "%(review)s, KPI %(line)s: %(fields)s cannot be "
                        "written by you now.",
                        review=review.display_name,
                        line=line.name,
                        fields=", ".join(
                            sorted(
                                self._fields[name]._description_string(self.env)
                                if name in self._fields
                                else name
                                for name in forbidden
                            )
                        ),
                    )
                )
            if (
                "evidence_status" in vals
                and not hr_officer
                and "excused" in (vals["evidence_status"], line.evidence_status)
            ):
                raise AccessError(
                    _(
                        "KPI %(line)s: only HR officers excuse a line (or "
                        "withdraw the excuse).",
                        line=line.name,
                    )
                )
        # the reviews' rules decide who may write at all
        self.review_id.check_access("write")
