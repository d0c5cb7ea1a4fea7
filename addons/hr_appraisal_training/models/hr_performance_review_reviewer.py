# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.hr_target_mgmt.models.hr_approval_mixin import ApprovalStep

from ..tools import appraisal_360
from ..tools import appraisal_score as score
from .hr_kpi_template import REVIEWER_WEIGHT_FIELDS
from .hr_performance_review import GROUP_EMPLOYEE

#: Fields a manager or HR officer gives when asking for a 360 review.
CREATE_FIELDS = {"review_id", "reviewer_type", "user_id", "partner_id"}
#: Fields the reviewer writes while the review is requested.
REVIEWER_FIELDS = {"comment", "score_ids"}


class HrPerformanceReviewReviewer(models.Model):
    """One 360 reviewer of an appraisal: a peer or subordinate who scores
    the KPI lines in Odoo (their own column only), or a customer who answers
    the template's scored survey by link. Named answers are read by the
    reviewer themselves, the employee's manager and HR only; the employee
    sees each type's average on the appraisal."""

    _name = "hr.performance.review.reviewer"
    _description = "Appraisal 360 Reviewer"
    _inherit = ["hr.approval.mixin"]
    _order = "review_id, reviewer_type, id"
    _rec_name = "reviewer_name"

    review_id = fields.Many2one(
        "hr.performance.review",
        string="Appraisal",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True, index=True)
    # plain names: the reviewer reads neither the appraisal nor the employee
    employee_name = fields.Char(
        related="review_id.employee_id.name", string="Reviewed Employee"
    )
    cycle_name = fields.Char(related="review_id.cycle_id.name", string="Cycle")
    review_state = fields.Selection(
        related="review_id.state", string="Appraisal Status"
    )
    reviewer_type = fields.Selection(
        [
            ("peer", "Peer"),
            ("subordinate", "Subordinate"),
            ("customer", "Customer"),
        ],
        required=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Reviewer",
        index=True,
        domain=[("share", "=", False)],
        help="Peers and subordinates score in Odoo.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        help="Customers and other outside reviewers answer the survey.",
    )
    reviewer_name = fields.Char(compute="_compute_reviewer_name", string="Name")
    state = fields.Selection(
        [
            ("requested", "Requested"),
            ("done", "Answered"),
            ("cancelled", "Not Answered"),
        ],
        default="requested",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    date_deadline = fields.Date(
        string="Deadline",
        related="review_id.cycle_id.date_360_deadline",
        store=True,
    )
    score_ids = fields.One2many(
        "hr.performance.review.score", "reviewer_id", string="Scores"
    )
    comment = fields.Text()
    survey_user_input_id = fields.Many2one(
        "survey.user_input", string="Survey Answer", readonly=True, copy=False
    )
    survey_url = fields.Char(
        string="Survey Link",
        compute="_compute_survey_url",
        help="The link the customer opens to answer the survey.",
    )
    survey_percentage = fields.Float(
        string="Survey Score (%)", digits=(16, 2), readonly=True, copy=False
    )
    average_score = fields.Float(
        string="Average Line Score",
        compute="_compute_average_score",
        digits=(16, 2),
        help="This reviewer's score of the appraisal (0 to 100), the KPI "
        "weights applied.",
    )

    _sql_constraints = [
        (
            "reviewer_unique",
            "UNIQUE(review_id, user_id)",
            "A person reviews an appraisal once.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("user_id", "partner_id")
    def _compute_reviewer_name(self):
        for reviewer in self:
            reviewer.reviewer_name = (
                reviewer.user_id.sudo().name or reviewer.partner_id.sudo().name or ""
            )

    @api.depends("survey_user_input_id")
    def _compute_survey_url(self):
        base = self.get_base_url()
        for reviewer in self:
            answer = reviewer.sudo().survey_user_input_id
            reviewer.survey_url = (
                base + answer.get_start_url() if answer.survey_id else False
            )

    @api.depends("score_ids.score", "score_ids.scored", "survey_percentage", "state")
    def _compute_average_score(self):
        for reviewer in self:
            review = reviewer.sudo().review_id
            result = None
            try:
                result = score.compute(
                    review._engine_lines(),
                    {reviewer.reviewer_type: [reviewer.sudo()._engine_answer()]},
                    {reviewer.reviewer_type: 100},
                    min_answers=1,
                    penalty_mode=review.penalty_mode or score.PENALTY_ZERO,
                    penalty_steps=review.penalty_steps,
                )
            except score.AppraisalScoreError:
                result = None
            if reviewer.reviewer_type == "customer" and reviewer.state != "done":
                result = None  # no survey result yet
            reviewer.average_score = float(result.score or 0) if result else 0.0

    # ------------------------------------------------------------------
    # Engine
    # ------------------------------------------------------------------
    def _engine_answer(self):
        """This reviewer's answer: {line id: input}."""
        self.ensure_one()
        review = self.review_id
        if self.reviewer_type == "customer":
            return appraisal_360.survey_inputs(
                review._engine_lines(), self.survey_percentage
            )
        answer = {}
        for line in review.line_ids:
            if line.method == "target":
                value = line._engine_input(score.MANAGER)
            else:
                row = self.score_ids.filtered(lambda s, ln=line: s.line_id == ln)
                value = row.score if row and row.scored else None
            if value is not None:
                answer[line.id] = value
        return answer

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _approval_steps(self):
        return [
            ApprovalStep(
                "requested",
                "done",
                GROUP_EMPLOYEE,
                _("Submit Review"),
                "date_deadline",
                "user_id",
                _("Give your 360 review"),
                _("Your 360 review is late: submit it now"),
                True,
            ),
        ]

    def _approval_extra_locked_states(self):
        return ("cancelled",)

    def _approval_protected_fields(self):
        return super()._approval_protected_fields() | {
            "survey_user_input_id",
            "survey_percentage",
        }

    def _is_own(self):
        self.ensure_one()
        return bool(self.user_id) and self.user_id == self.env.user

    def _check_open(self):
        for reviewer in self:
            if reviewer.review_id.sudo().state not in ("draft", "self", "manager"):
                raise UserError(
                    _(
                        "%(review)s is done: its 360 reviews are closed.",
                        review=reviewer.review_id.sudo().display_name,
                    )
                )

    def action_submit(self):
        """The reviewer submits their scores (every KPI that needs one)."""
        for reviewer in self:
            if not self.env.su and not reviewer._is_own():
                raise AccessError(
                    _(
                        "%(reviewer)s: only the reviewer submits their own review.",
                        reviewer=reviewer.display_name,
                    )
                )
            reviewer._check_open()
            missing = reviewer.score_ids.filtered(lambda s: s._missing())
            if missing:
                raise UserError(
                    _(
                        "%(review)s: score every KPI before submitting; "
                        "missing: %(lines)s.",
                        review=reviewer.review_id.sudo().display_name,
                        lines=", ".join(missing.mapped("name")),
                    )
                )
        return self._approval_advance("requested")

    def _fold_survey(self, user_input):
        """Server: the customer's survey is done; its score (%) is their
        answer."""
        for reviewer in self.sudo():
            if reviewer.state != "requested" or reviewer.review_id.state == "done":
                continue
            reviewer.write(
                {
                    "survey_percentage": user_input.scoring_percentage,
                    "state": "done",
                }
            )
            reviewer.activity_feedback(
                [
                    "hr_target_mgmt.mail_activity_type_approval_step",
                    "hr_target_mgmt.mail_activity_type_approval_late",
                ]
            )

    def _close_unanswered(self):
        """Server: the appraisal is done; unanswered requests close."""
        pending = self.sudo().filtered(lambda r: r.state == "requested")
        pending.write({"state": "cancelled"})
        pending.activity_unlink(
            [
                "hr_target_mgmt.mail_activity_type_approval_step",
                "hr_target_mgmt.mail_activity_type_approval_late",
            ]
        )

    def action_send_survey(self):
        """Send the customer the survey invitation with their own link
        (the survey's invitation wizard and mail template)."""
        self._check_manager()
        for reviewer in self:
            answer = reviewer.sudo().survey_user_input_id
            if not answer:
                raise UserError(
                    _(
                        "%(reviewer)s answers no survey.",
                        reviewer=reviewer.display_name,
                    )
                )
            invite = (
                self.env["survey.invite"]
                .sudo()
                .create(
                    {
                        "survey_id": answer.survey_id.id,
                        "partner_ids": [fields.Command.link(reviewer.partner_id.id)],
                    }
                )
            )
            invite._send_mail(answer)
            reviewer.review_id.sudo().message_post(
                body=_(
                    "Survey sent to %(reviewer)s.",
                    reviewer=reviewer.partner_id.name,
                )
            )
        return True

    # ------------------------------------------------------------------
    # Client writes
    # ------------------------------------------------------------------
    def _check_manager(self):
        for reviewer in self:
            review = reviewer.review_id
            if not review._is_reviewer():
                raise AccessError(
                    _(
                        "%(review)s: only the employee's manager or HR choose "
                        "the 360 reviewers.",
                        review=review.sudo().display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self.check_access("create")
            for vals in vals_list:
                forbidden = set(vals) - CREATE_FIELDS - self._approval_mail_fields()
                if forbidden:
                    raise AccessError(
                        _(
                            "360 reviewers: %(fields)s cannot be given.",
                            fields=", ".join(sorted(forbidden)),
                        )
                    )
        reviewers = super().create(vals_list)
        if not self.env.su:
            reviewers._check_manager()
            reviewers.check_access("read")
        if not self.env.su:
            reviewers._check_open()
        reviewers.sudo()._prepare_answers()
        reviewers.sudo()._approval_schedule_activities(fields.Date.context_today(self))
        return reviewers

    def _prepare_answers(self):
        """Server: one score row per KPI line to score (internal reviewers),
        or the survey answer with its own link (customers)."""
        score_vals = []
        for reviewer in self:
            review = reviewer.review_id
            if reviewer.reviewer_type == "customer":
                survey = review.template_id.survey_id
                reviewer.survey_user_input_id = survey._create_answer(
                    partner=reviewer.partner_id,
                    check_attempts=False,
                    performance_reviewer_id=reviewer.id,
                )
                continue
            score_vals += [
                {"reviewer_id": reviewer.id, "line_id": line.id}
                for line in review.line_ids
                if line.method != "target"
            ]
        self.env["hr.performance.review.score"].create(score_vals)

    @api.constrains("review_id", "reviewer_type", "user_id", "partner_id")
    def _check_reviewer(self):
        for reviewer in self.sudo():
            review = reviewer.review_id
            weight = review[REVIEWER_WEIGHT_FIELDS[reviewer.reviewer_type]]
            type_label = dict(
                self._fields["reviewer_type"]._description_selection(self.env)
            )[reviewer.reviewer_type]
            if not weight:
                raise ValidationError(
                    _(
                        "%(review)s: reviewers of type %(type)s do not count "
                        "in its template (weight 0).",
                        review=review.display_name,
                        type=type_label,
                    )
                )
            if reviewer.reviewer_type == "customer":
                if not reviewer.partner_id or not review.template_id.survey_id:
                    raise ValidationError(
                        _(
                            "%(review)s: a customer reviewer needs a contact "
                            "and a survey on the KPI template %(template)s.",
                            review=review.display_name,
                            template=review.template_id.display_name,
                        )
                    )
            elif not reviewer.user_id:
                raise ValidationError(
                    _(
                        "%(review)s: peers and subordinates review as users.",
                        review=review.display_name,
                    )
                )
            if reviewer.user_id and reviewer.user_id in (
                review.employee_id.user_id | review.manager_user_id
            ):
                raise ValidationError(
                    _(
                        "%(review)s: %(user)s cannot be a 360 reviewer of it.",
                        review=review.display_name,
                        user=reviewer.user_id.name,
                    )
                )

    def write(self, vals):
        if not self.env.su:
            fnames = set(vals) - self._approval_mail_fields()
            for reviewer in self:
                if fnames - REVIEWER_FIELDS or not reviewer._is_own():
                    raise AccessError(
                        _(
                            "%(reviewer)s: only the reviewer writes their "
                            "comment and scores.",
                            reviewer=reviewer.display_name,
                        )
                    )
            if fnames:
                self._check_open()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_requested(self):
        if self.env.su:
            return
        self._check_manager()
        for reviewer in self:
            if reviewer.state != "requested":
                raise UserError(
                    _(
                        "%(reviewer)s has answered and cannot be removed.",
                        reviewer=reviewer.display_name,
                    )
                )
