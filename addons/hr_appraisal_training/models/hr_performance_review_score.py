# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..tools import appraisal_score as score
from .hr_performance_review_line import EVIDENCE

#: What the reviewer writes on their own rows.
REVIEWER_FIELDS = {"score", "comment"}


class HrPerformanceReviewScore(models.Model):
    """A 360 reviewer's score of one KPI line of an appraisal: the
    reviewer's own column, which nobody else but the employee's manager and
    HR reads."""

    _name = "hr.performance.review.score"
    _description = "Appraisal 360 Score"
    _order = "reviewer_id, sequence, id"

    reviewer_id = fields.Many2one(
        "hr.performance.review.reviewer",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    line_id = fields.Many2one(
        "hr.performance.review.line",
        string="KPI Line",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    review_id = fields.Many2one(
        related="reviewer_id.review_id", store=True, index=True, string="Appraisal"
    )
    company_id = fields.Many2one(related="reviewer_id.company_id", store=True)
    user_id = fields.Many2one(
        related="reviewer_id.user_id", store=True, index=True, string="Reviewer User"
    )
    # the line's facts, read through the reviewer's row (the reviewer does
    # not read the appraisal itself)
    sequence = fields.Integer(related="line_id.sequence", store=True)
    name = fields.Char(related="line_id.name", string="KPI")
    description = fields.Text(related="line_id.description")
    method = fields.Selection(related="line_id.method")
    max_points = fields.Float(related="line_id.max_points")
    weight = fields.Float(related="line_id.weight")
    score = fields.Float(
        digits=(16, 2), help="Rating 1 to 5, or points out of the maximum."
    )
    scored = fields.Boolean(readonly=True)
    comment = fields.Text()

    _sql_constraints = [
        (
            "reviewer_line_unique",
            "UNIQUE(reviewer_id, line_id)",
            "A reviewer scores a KPI line once.",
        ),
    ]

    def _missing(self):
        """The line needs a score and has none."""
        self.ensure_one()
        if self.scored:
            return False
        line = self.line_id.sudo()
        try:
            score.line_score(
                line.method,
                None,
                line.max_points if line.method == "points" else None,
                EVIDENCE[line.evidence_status],
                line.review_id.penalty_mode or score.PENALTY_ZERO,
                line.review_id.penalty_steps,
            )
        except score.AppraisalScoreError:
            return True
        return False

    @api.constrains("score", "scored")
    def _check_score(self):
        for row in self.filtered("scored"):
            line = row.line_id.sudo()
            try:
                score.line_score(
                    line.method,
                    row.score,
                    line.max_points if line.method == "points" else None,
                )
            except score.AppraisalScoreError as error:
                if line.method == "rating":
                    message = _(
                        "KPI %(line)s: a rating lies from 1 to 5.", line=line.name
                    )
                else:
                    message = _(
                        "KPI %(line)s: points lie from 0 to %(max)s.",
                        line=line.name,
                        max=format(line.max_points, "g"),
                    )
                raise ValidationError(message) from error

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                _("The 360 score rows come from the appraisal's KPI lines.")
            )
        for vals in vals_list:
            if "score" in vals:
                vals["scored"] = vals["score"] is not False
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            fnames = set(vals)
            for row in self:
                reviewer = row.reviewer_id
                if (
                    fnames - REVIEWER_FIELDS
                    or not reviewer._is_own()
                    or reviewer.state != "requested"
                ):
                    raise AccessError(
                        _(
                            "%(reviewer)s, KPI %(line)s: only the reviewer "
                            "writes their own scores while the review is "
                            "requested.",
                            reviewer=reviewer.display_name,
                            line=row.name,
                        )
                    )
            self.reviewer_id._check_open()
        vals = dict(vals)
        if "score" in vals:
            vals["scored"] = vals["score"] is not False and vals["score"] is not None
        return super().write(vals)
