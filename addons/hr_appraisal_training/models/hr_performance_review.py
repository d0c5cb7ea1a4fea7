# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date

from odoo.addons.hr_target_mgmt.models.hr_approval_mixin import (
    ACTIVITY_LATE,
    ACTIVITY_STEP,
    ApprovalStep,
)
from odoo.addons.hr_target_mgmt.tools.bulk import insert_rows, update_rows

from ..tools import appraisal_score as score
from .hr_kpi_template import REVIEWER_WEIGHT_FIELDS

GROUP_EMPLOYEE = "hr_target_mgmt.group_hr_target_mgmt_employee"
GROUP_MANAGER = "hr_target_mgmt.group_hr_target_mgmt_manager"
GROUP_HR_OFFICER = "hr_target_mgmt.group_hr_target_mgmt_hr_officer"

#: Columns scored on the appraisal's own lines (the 360 reviewers' answers
#: come from their own records).
COLUMNS = (score.SELF, score.MANAGER)
#: 360 reviewer types: anonymous on the appraisal (averages only).
TYPES_360 = (score.PEER, score.SUBORDINATE, score.CUSTOMER)
SUFFIXES_360 = ("score", "count", "status")

#: Fields a client may give when an HR officer creates a review by hand.
CREATE_FIELDS = {"cycle_id", "employee_id", "template_id", "date_from", "date_to"}
#: Fields the reviewed employee writes, during the self-assessment.
EMPLOYEE_FIELDS = {"employee_comment"}
#: Fields the employee writes on their done appraisal (interview, re-check).
EMPLOYEE_DONE_FIELDS = {"interview_employee_comment", "recheck_reason"}
#: Fields the reviewer writes on the done appraisal (interview notes).
INTERVIEW_FIELDS = {
    "interview_achievements",
    "interview_shortcomings",
    "interview_improvement",
}
#: Fields HR officers write while a re-check is requested.
RECHECK_FIELDS = {"recheck_score", "recheck_decision_reason"}
#: Status of a 360 reviewer type on the appraisal.
TYPE_STATUS = [
    (score.STATUS_COUNTED, "Counted"),
    (score.STATUS_NO_ANSWER, "No Answer"),
    (score.STATUS_BELOW_MINIMUM, "Merged (too few answers)"),
    (score.STATUS_NO_WEIGHT, "No Weight"),
]
#: Fields the reviewer (team manager or HR officer) writes before the end.
REVIEWER_FIELDS = {"manager_comment", "manager_note"}
#: Fields HR officers write at any time (the band after calibration).
HR_FIELDS = {"band_override_id", "band_override_reason"}
#: The stored columns computed by ``_compute_scores``.
SCORE_FIELDS = (
    "self_total",
    "manager_total",
    "final_score",
    "has_final_score",
    "band_computed_id",
    *(f"{rtype}_{suffix}" for rtype in TYPES_360 for suffix in SUFFIXES_360),
)


#: The evidence status of a line and the engine's name of it.
EVIDENCE = {
    "normal": score.EVIDENCE_OK,
    "insufficient": score.EVIDENCE_INSUFFICIENT,
    "excused": score.EVIDENCE_EXCUSED,
}


def engine_line(key, line):
    """The engine's KPI line of ``line`` (a line record or a dict of line
    values), keyed by ``key``."""
    return score.KpiLine(
        key=key,
        weight=line["weight"],
        method=line["method"],
        max_points=line["max_points"] if line["method"] == "points" else None,
        evidence=EVIDENCE[line["evidence_status"]],
        name=line["name"],
    )


def line_input(line, column):
    """The raw input of ``column`` (self or manager) of ``line`` (a line
    record or a dict of line values), or None."""
    if line["method"] == "target":
        return line["achievement"] if line["has_achievement"] else None
    if column == score.SELF:
        return line["self_score"] if line["self_scored"] else None
    return line["manager_score"] if line["manager_scored"] else None


def employee_snapshot(employee):
    """The employee's department, job and reviewer (their manager, else
    their department's manager, else the manager of the department above)
    kept on the appraisal."""
    manager = employee.parent_id.user_id
    if not manager or manager == employee.user_id:
        manager = employee.department_id.manager_id.user_id
    if manager == employee.user_id:
        manager = employee.department_id.parent_id.manager_id.user_id
    return {
        "department_id": employee.department_id,
        "job_id": employee.job_id,
        "manager_user_id": manager,
    }


def template_line_values(template):
    """The values of the KPI lines an appraisal copies from ``template``."""
    return [
        {
            "sequence": line.sequence,
            "name": line.name,
            "description": line.description,
            "perspective": line.perspective,
            "method": line.method,
            "measure_id": line.measure_id.id,
            "max_points": line.max_points,
            "weight": line.weight,
        }
        for line in template.line_ids
    ]


def engine_kwargs(penalty_mode, penalty_steps, min_answers, bands):
    """The engine's options of a review (``bands``: the engine's (lower
    bound, band id) pairs, or None)."""
    kwargs = {
        "penalty_mode": penalty_mode or score.PENALTY_ZERO,
        "penalty_steps": penalty_steps,
        "min_answers": min_answers or score.DEFAULT_MIN_ANSWERS,
    }
    if bands:
        kwargs["bands"] = bands
    return kwargs


def engine_answer(lines, column, keys):
    """The answer of ``column`` (self or manager) for ``lines`` (line records
    or dicts of line values), keyed by ``keys``: {key: input given}."""
    answer = {}
    for key, line in zip(keys, lines, strict=True):
        value = line_input(line, column)
        if value is not None:
            answer[key] = value
    return answer


def engine_result(lines, answers, weights, kwargs, strict=False):
    """The engine's result, leaving out the columns whose inputs are
    incomplete (strict: the engine's error is raised); ``None`` when no
    column is complete."""
    answers = dict(answers)
    while True:
        try:
            return score.compute(lines, answers, weights, **kwargs)
        except score.AppraisalScoreError as error:
            column = error.params.get("reviewer_type")
            if strict or error.kind != "missing_input" or column not in answers:
                if strict:
                    raise
                return None
            del answers[column]


def score_values(result, state, recheck_state, recheck_score, bands):
    """The stored score columns (``SCORE_FIELDS``, band as an id) for the
    engine's ``result`` of a review in ``state``: column scores are previews
    until the review is done; then the final score and band are given (a
    revised re-check gives the final score, its band follows). ``bands``:
    the engine's (lower bound, band id) pairs, or None."""
    columns = {c.reviewer_type: c for c in result.columns} if result else {}
    self_column = columns.get(score.SELF)
    manager_column = columns.get(score.MANAGER)
    has_score = bool(state == "done" and result and result.score is not None)
    values = {
        "self_total": float(self_column.score or 0) if self_column else 0.0,
        "manager_total": float(manager_column.score or 0) if manager_column else 0.0,
        "has_final_score": has_score,
        "final_score": float(result.score) if has_score else 0.0,
        "band_computed_id": (result.band or False) if has_score else False,
    }
    for rtype in TYPES_360:
        column = columns.get(rtype)
        values[f"{rtype}_count"] = column.answer_count if column else 0
        values[f"{rtype}_status"] = column.status if column else score.STATUS_NO_ANSWER
        # a merged type shows no average (its answers are hidden)
        values[f"{rtype}_score"] = (
            float(column.score)
            if column
            and column.score is not None
            and column.status != score.STATUS_BELOW_MINIMUM
            else 0.0
        )
    if has_score and recheck_state == "revised":
        values["final_score"] = recheck_score
        values["band_computed_id"] = (
            score.band_for(recheck_score, bands) if bands else False
        )
    return values


class HrPerformanceReview(models.Model):
    """One employee's appraisal (考核) in a cycle: KPI lines with the self and
    manager scores side by side; the final score and band come from
    :mod:`..tools.appraisal_score`."""

    _name = "hr.performance.review"
    _description = "Appraisal"
    _inherit = ["hr.approval.mixin", "hr.team.scope.mixin"]
    _order = "date_to desc, employee_id, id"

    name = fields.Char(compute="_compute_name", store=True)
    cycle_id = fields.Many2one(
        "hr.performance.review.cycle",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        related="cycle_id.company_id", store=True, index=True, readonly=True
    )
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, readonly=True, tracking=True
    )
    employee_user_id = fields.Many2one(
        "res.users",
        string="Employee User",
        related="employee_id.user_id",
        store=True,
        index=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_employee_snapshot",
        store=True,
        precompute=True,
        readonly=True,
    )
    job_id = fields.Many2one(
        "hr.job",
        compute="_compute_employee_snapshot",
        store=True,
        precompute=True,
        readonly=True,
    )
    manager_user_id = fields.Many2one(
        "res.users",
        string="Reviewer",
        compute="_compute_employee_snapshot",
        store=True,
        precompute=True,
        readonly=True,
        help="The employee's manager, else their department's manager.",
    )
    template_id = fields.Many2one("hr.kpi.template", readonly=True, required=True)
    date_from = fields.Date(string="Start", readonly=True, required=True)
    date_to = fields.Date(string="End", readonly=True, required=True)
    date_self_deadline = fields.Date(related="cycle_id.date_self_deadline", store=True)
    date_manager_deadline = fields.Date(
        related="cycle_id.date_manager_deadline", store=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("self", "Self-assessment"),
            ("manager", "Manager Review"),
            ("done", "Done"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        group_expand=True,
    )
    line_ids = fields.One2many(
        "hr.performance.review.line", "review_id", string="KPI Lines"
    )
    weight_manager = fields.Float(
        string="Manager Weight", digits=(16, 2), readonly=True
    )
    weight_self = fields.Float(string="Self Weight", digits=(16, 2), readonly=True)
    weight_peer = fields.Float(string="Peer Weight", digits=(16, 2), readonly=True)
    weight_subordinate = fields.Float(
        string="Subordinate Weight", digits=(16, 2), readonly=True
    )
    weight_customer = fields.Float(
        string="Customer Weight", digits=(16, 2), readonly=True
    )
    penalty_mode = fields.Selection(
        [("zero", "Line scores 0"), ("steps", "Lowered by steps")],
        string="Insufficient Evidence",
        default="zero",
        readonly=True,
    )
    penalty_steps = fields.Integer(string="Steps Lowered", default=1, readonly=True)
    employee_comment = fields.Text(string="Self-assessment Comment")
    manager_comment = fields.Text(help="Shared with the employee.")
    manager_note = fields.Text(
        string="Private Note",
        compute="_compute_manager_note",
        inverse="_inverse_manager_note",
        groups=GROUP_MANAGER,
        help="The reviewer's private note, never shown to employees (nor to "
        "a manager on their own appraisal).",
    )
    # kept out of every client's reach; read through manager_note
    manager_note_value = fields.Text(groups="base.group_system", copy=False)
    self_total = fields.Float(
        string="Self Score",
        compute="_compute_scores",
        store=True,
        digits=(16, 2),
        aggregator="avg",
    )
    manager_total = fields.Float(
        string="Manager Score",
        compute="_compute_scores",
        store=True,
        digits=(16, 2),
        aggregator="avg",
    )
    final_score = fields.Float(
        compute="_compute_scores",
        store=True,
        digits=(16, 2),
        aggregator="avg",
        help="Weighted score of the reviewer columns (0 to 100), given once "
        "the review is done.",
    )
    has_final_score = fields.Boolean(compute="_compute_scores", store=True)
    band_computed_id = fields.Many2one(
        "hr.performance.review.band",
        string="Computed Band",
        compute="_compute_scores",
        store=True,
    )
    band_override_id = fields.Many2one(
        "hr.performance.review.band",
        string="Calibrated Band",
        tracking=True,
        help="Set by HR at calibration; a reason is required.",
    )
    band_override_reason = fields.Text(string="Calibration Reason", tracking=True)
    band_id = fields.Many2one(
        "hr.performance.review.band",
        compute="_compute_band_id",
        store=True,
        index=True,
    )

    # 360 reviews: named answers on the reviewers (manager and HR only);
    # the employee reads each type's average here
    reviewer_ids = fields.One2many(
        "hr.performance.review.reviewer",
        "review_id",
        string="360 Reviewers",
        groups=GROUP_MANAGER,
    )
    peer_score = fields.Float(
        string="Peer Average", compute="_compute_scores", store=True, digits=(16, 2)
    )
    peer_count = fields.Integer(
        string="Peer Answers", compute="_compute_scores", store=True
    )
    peer_status = fields.Selection(
        TYPE_STATUS, string="Peers", compute="_compute_scores", store=True
    )
    subordinate_score = fields.Float(
        string="Subordinate Average",
        compute="_compute_scores",
        store=True,
        digits=(16, 2),
    )
    subordinate_count = fields.Integer(
        string="Subordinate Answers", compute="_compute_scores", store=True
    )
    subordinate_status = fields.Selection(
        TYPE_STATUS, string="Subordinates", compute="_compute_scores", store=True
    )
    customer_score = fields.Float(
        string="Customer Average",
        compute="_compute_scores",
        store=True,
        digits=(16, 2),
    )
    customer_count = fields.Integer(
        string="Customer Answers", compute="_compute_scores", store=True
    )
    customer_status = fields.Selection(
        TYPE_STATUS, string="Customers", compute="_compute_scores", store=True
    )
    min_360_answers = fields.Integer(
        string="Minimum 360 Answers",
        related="company_id.appraisal_360_min_answers",
    )
    is_own_review = fields.Boolean(compute="_compute_is_own_review")
    # interview (面谈)
    interview_event_id = fields.Many2one(
        "calendar.event", string="Interview", readonly=True, copy=False
    )
    interview_start = fields.Datetime(
        related="interview_event_id.start", store=True, string="Interview Start"
    )
    interview_stop = fields.Datetime(
        related="interview_event_id.stop", store=True, string="Interview End"
    )
    interview_achievements = fields.Text(string="Achievements")
    interview_shortcomings = fields.Text(string="Shortcomings")
    interview_improvement = fields.Text(string="Way to Improve")
    interview_employee_comment = fields.Text(string="Employee's Comment")
    date_acknowledged = fields.Date(
        string="Acknowledged On", readonly=True, copy=False, tracking=True
    )
    # re-check (复核)
    date_recheck_limit = fields.Date(
        string="Re-check Until",
        compute="_compute_date_recheck_limit",
        help="Last day the employee may request a re-check.",
    )
    recheck_state = fields.Selection(
        [
            ("none", "None"),
            ("requested", "Requested"),
            ("upheld", "Upheld"),
            ("revised", "Revised"),
        ],
        string="Re-check",
        default="none",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    recheck_reason = fields.Text(string="Re-check Reason", tracking=True)
    date_recheck_requested = fields.Date(
        string="Re-check Requested On", readonly=True, copy=False
    )
    recheck_score = fields.Float(
        string="Revised Score",
        digits=(16, 2),
        tracking=True,
        help="HR's new final score (0 to 100) when the re-check revises it.",
    )
    recheck_decision_reason = fields.Text(string="Re-check Decision", tracking=True)
    recheck_original_score = fields.Float(
        string="Score Before Re-check", digits=(16, 2), readonly=True, copy=False
    )
    recheck_user_id = fields.Many2one(
        "res.users", string="Re-checked By", readonly=True, copy=False
    )

    _sql_constraints = [
        (
            "employee_cycle_unique",
            "UNIQUE(cycle_id, employee_id)",
            "An employee has one appraisal per cycle.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("cycle_id.name", "employee_id.name")
    def _compute_name(self):
        for review in self:
            review.name = (
                f"{review.cycle_id.name or ''} - {review.employee_id.name or ''}"
            )

    @api.depends("employee_id")
    def _compute_employee_snapshot(self):
        for review in self:
            review.update(employee_snapshot(review.employee_id.sudo()))

    @api.model
    def _team_scope_domain(self):
        return self._team_employee_domain("employee_id")

    def _engine_lines(self, lines=None):
        self.ensure_one()
        lines = self.line_ids if lines is None else lines
        return [line._engine_line() for line in lines]

    def _engine_answers(self, lines=None, reviewers=None):
        """One answer per column (self, manager) with the inputs given, and
        one per done 360 reviewer. ``lines`` and ``reviewers``: the review's
        lines and done reviewers when already read (bulk work)."""
        self.ensure_one()
        lines = self.line_ids if lines is None else lines
        answers = {
            column: [engine_answer(lines, column, [line.id for line in lines])]
            for column in COLUMNS
        }
        if reviewers is None:
            reviewers = self.sudo().reviewer_ids.filtered(lambda r: r.state == "done")
        for reviewer in reviewers:
            answers.setdefault(reviewer.reviewer_type, []).append(
                reviewer._engine_answer()
            )
        return answers

    def _engine_kwargs(self, bands):
        """The engine's options of this review (penalty, 360 minimum, bands)."""
        self.ensure_one()
        return engine_kwargs(
            self.penalty_mode,
            self.penalty_steps,
            self.company_id.appraisal_360_min_answers,
            bands._engine_bands() if bands else None,
        )

    def _score_result(
        self,
        columns=COLUMNS + TYPES_360,
        strict=False,
        bands=None,
        lines=None,
        reviewers=None,
    ):
        """The engine's result for ``columns``. A column whose inputs are
        incomplete is left out (strict: the engine's error is raised)."""
        self.ensure_one()
        lines = self.line_ids if lines is None else lines
        if not lines:
            return None
        answers = {
            column: rows
            for column, rows in self._engine_answers(lines, reviewers).items()
            if column in columns
        }
        if bands is None:
            bands = self.env["hr.performance.review.band"]._bands_for(self.company_id)
        weights = {
            rtype: self[fname] for rtype, fname in REVIEWER_WEIGHT_FIELDS.items()
        }
        return engine_result(
            self._engine_lines(lines),
            answers,
            weights,
            self._engine_kwargs(bands),
            strict=strict,
        )

    def _score_values(self, result, bands, state=None):
        """The stored score columns of this review for the engine's
        ``result`` (``None``: no result), as :meth:`_compute_scores` stores
        them. ``bands``: the review's company bands."""
        self.ensure_one()
        return score_values(
            result,
            state or self.state,
            self.recheck_state,
            self.recheck_score,
            bands._engine_bands() if bands else None,
        )

    @api.depends(
        "line_ids.weight",
        "line_ids.self_score",
        "line_ids.self_scored",
        "line_ids.manager_score",
        "line_ids.manager_scored",
        "line_ids.evidence_status",
        "line_ids.achievement",
        "line_ids.has_achievement",
        *REVIEWER_WEIGHT_FIELDS.values(),
        "penalty_mode",
        "penalty_steps",
        "state",
        "reviewer_ids.state",
        "reviewer_ids.score_ids.score",
        "reviewer_ids.score_ids.scored",
        "reviewer_ids.survey_percentage",
        "recheck_state",
        "recheck_score",
    )
    def _compute_scores(self):
        bands = self.env["hr.performance.review.band"]._bands_by_company(
            self.company_id
        )
        for review in self:
            company_bands = bands.get(review.company_id.id)
            result = review._score_result(bands=company_bands) if review.id else None
            review.update(review._score_values(result, company_bands))

    @api.depends_context("uid")
    def _compute_is_own_review(self):
        for review in self:
            review.is_own_review = review._is_own()

    def _band_of(self, value):
        self.ensure_one()
        bands = self.env["hr.performance.review.band"]._bands_for(self.company_id)
        if not bands:
            return self.env["hr.performance.review.band"]
        return bands.browse(score.band_for(value, bands._engine_bands()))

    @api.depends("date_acknowledged", "company_id.appraisal_recheck_days")
    def _compute_date_recheck_limit(self):
        for review in self:
            review.date_recheck_limit = (
                review.date_acknowledged
                + timedelta(days=review.company_id.appraisal_recheck_days)
                if review.date_acknowledged
                else False
            )

    @api.depends_context("uid")
    def _compute_manager_note(self):
        for review in self:
            own = not self.env.su and review._is_own()
            review.manager_note = False if own else review.sudo().manager_note_value

    def _inverse_manager_note(self):
        for review in self:
            review.sudo().manager_note_value = review.manager_note

    @api.depends("band_computed_id", "band_override_id", "recheck_state")
    def _compute_band_id(self):
        for review in self:
            # a revised re-check gives the band of its score
            review.band_id = (
                review.band_computed_id
                if review.recheck_state == "revised"
                else review.band_override_id or review.band_computed_id
            )

    @api.constrains("employee_id", "company_id")
    def _check_employee_company(self):
        for review in self:
            if review.employee_id.sudo().company_id != review.company_id:
                raise ValidationError(
                    _(
                        "%(employee)s does not belong to the company of cycle "
                        "%(cycle)s.",
                        employee=review.employee_id.sudo().name,
                        cycle=review.cycle_id.name,
                    )
                )

    @api.model
    def _cron_review_reminders(self, today=None):
        """Post the step activities of the appraisals waiting for their
        employee or manager, and the reminders of late steps."""
        today = today or fields.Date.context_today(self)
        reviews = self.sudo().search([("state", "in", ("self", "manager"))])
        reviews._approval_schedule_activities(today)
        # the 360 reviewers who have not answered yet
        self.env["hr.performance.review.reviewer"].sudo().search(
            [("state", "=", "requested"), ("review_id", "in", reviews.ids)]
        )._approval_schedule_activities(today)
        return True

    @api.constrains("band_override_id", "band_override_reason")
    def _check_band_override(self):
        for review in self:
            if (
                review.band_override_id
                and not (review.band_override_reason or "").strip()
            ):
                raise ValidationError(
                    _(
                        "%(review)s: give the reason for changing the band.",
                        review=review.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _approval_steps(self):
        return [
            ApprovalStep(
                "draft",
                "self",
                GROUP_HR_OFFICER,
                _("Start"),
            ),
            ApprovalStep(
                "self",
                "manager",
                GROUP_EMPLOYEE,
                _("Submit Self-assessment"),
                "date_self_deadline",
                "employee_user_id",
                _("Fill in your self-assessment"),
                _("Your self-assessment is late: submit it now"),
            ),
            ApprovalStep(
                "manager",
                "done",
                GROUP_MANAGER,
                _("Complete Review"),
                "date_manager_deadline",
                "manager_user_id",
                _("Review your team member's appraisal"),
                _("The appraisal review is late: complete it now"),
                True,
            ),
        ]

    def _approval_unlocked_fields(self):
        # the done appraisal's interview and re-check (each role's fields
        # are checked by _check_client_write)
        return (
            super()._approval_unlocked_fields()
            | HR_FIELDS
            | EMPLOYEE_DONE_FIELDS
            | INTERVIEW_FIELDS
            | RECHECK_FIELDS
        )

    def _approval_protected_fields(self):
        return (
            super()._approval_protected_fields()
            | {
                "self_total",
                "manager_total",
                "final_score",
                "has_final_score",
                "band_computed_id",
                "band_id",
                "interview_event_id",
                "date_acknowledged",
                "recheck_state",
                "date_recheck_requested",
                "recheck_original_score",
                "recheck_user_id",
            }
            | {f"{rtype}_{suffix}" for rtype in TYPES_360 for suffix in SUFFIXES_360}
        )

    def _is_own(self):
        self.ensure_one()
        return self.employee_id.sudo().user_id == self.env.user

    def _is_reviewer(self):
        """The user reviews this appraisal: HR officer or the employee's
        manager (their team), never on their own appraisal."""
        self.ensure_one()
        if self.env.su:
            return True
        if self._is_own():
            return False
        return self.env.user.has_group(GROUP_HR_OFFICER) or self.is_in_my_team

    def _check_reviewer(self):
        for review in self:
            if not review._is_reviewer():
                raise AccessError(
                    _(
                        "%(review)s: only the employee's manager or HR can do this.",
                        review=review.display_name,
                    )
                )

    def _start(self):
        """Server: open the self-assessment of new reviews."""
        return self.sudo()._approval_move(
            "self", ("draft",), GROUP_HR_OFFICER, _("Start")
        )

    # ------------------------------------------------------------------
    # Bulk work: thousands of appraisals in a constant number of queries
    # ------------------------------------------------------------------
    @api.model
    def _insert_started(self, vals_list):
        """Server: insert the appraisals of ``vals_list`` (the values of the
        cycle's ``_prepare_reviews``) with their KPI lines, in the
        self-assessment step, storing what ``create`` then ``_start`` store
        (a test compares every stored column), in one INSERT per table
        whatever their number: ``create`` inserts by hundreds and recomputes
        each appraisal, so its queries grow with the cycle.

        Like the cycle's opening always did, no message and no tracking per
        appraisal (the cycle's chatter says what was done) and no follower
        (the people of a step follow through its activity). The step's
        activities, for the employees who have a user, are posted with one
        ``create``.

        Server code only: the caller checks the user's rights (an HR
        officer opening the cycle) and validates the values first."""
        Review = self.sudo()
        if not vals_list:
            return Review
        env = self.env
        today = fields.Date.context_today(self)
        cycles = (
            env["hr.performance.review.cycle"]
            .sudo()
            .browse({vals["cycle_id"] for vals in vals_list})
        )
        cycles.fetch(
            ["name", "company_id", "date_self_deadline", "date_manager_deadline"]
        )
        employees = (
            env["hr.employee"]
            .sudo()
            .browse([vals["employee_id"] for vals in vals_list])
        )
        employees.fetch(["name", "user_id", "department_id", "job_id", "parent_id"])
        employees.parent_id.fetch(["user_id"])
        employees.department_id.fetch(["manager_id", "parent_id"])
        templates = (
            env["hr.kpi.template"]
            .sudo()
            .browse({vals["template_id"] for vals in vals_list})
        )
        template_lines = {
            template.id: template_line_values(template) for template in templates
        }
        bands = env["hr.performance.review.band"]._bands_by_company(cycles.company_id)
        engine_bands = {
            company_id: company_bands._engine_bands() or None
            for company_id, company_bands in bands.items()
        }
        step = Review._approval_step_from("self")
        # target-linked lines: the achievements, for all the appraisals at once
        achievements = self._achievements(
            (
                vals["employee_id"],
                line["measure_id"],
                vals["date_from"],
                vals["date_to"],
            )
            for vals in vals_list
            for line in template_lines[vals["template_id"]]
            if line["method"] == "target"
        )
        review_rows, line_rows = [], []
        scores_by_key = {}
        for vals in vals_list:
            cycle = cycles.browse(vals["cycle_id"])
            company = cycle.company_id
            employee = employees.browse(vals["employee_id"])
            template = templates.browse(vals["template_id"])
            lines = []
            for line in template_lines[template.id]:
                has_achievement, achievement = (
                    achievements[
                        (
                            employee.id,
                            line["measure_id"],
                            vals["date_from"],
                            vals["date_to"],
                        )
                    ]
                    if line["method"] == "target"
                    else (False, 0.0)
                )
                lines.append(
                    dict(
                        line,
                        company_id=company.id,
                        employee_id=employee.id,
                        evidence_status="normal",
                        self_score=0.0,
                        self_scored=False,
                        manager_score=0.0,
                        manager_scored=False,
                        has_achievement=has_achievement,
                        achievement=achievement,
                    )
                )
            line_rows.append(lines)
            weights = {
                rtype: template[fname]
                for rtype, fname in REVIEWER_WEIGHT_FIELDS.items()
            }
            # appraisals of the same template and inputs score the same
            key = (
                template.id,
                company.id,
                tuple((line["has_achievement"], line["achievement"]) for line in lines),
            )
            if key not in scores_by_key:
                scores_by_key[key] = score_values(
                    engine_result(
                        [engine_line(index, line) for index, line in enumerate(lines)],
                        {
                            column: [engine_answer(lines, column, range(len(lines)))]
                            for column in COLUMNS
                        },
                        weights,
                        engine_kwargs(
                            template.penalty_mode,
                            template.penalty_steps,
                            company.appraisal_360_min_answers,
                            engine_bands.get(company.id),
                        ),
                    )
                    if lines
                    else None,
                    "self",
                    "none",
                    0.0,
                    engine_bands.get(company.id),
                )
            scores = scores_by_key[key]
            deadline = cycle[step.deadline_field]
            snapshot = employee_snapshot(employee)
            review_rows.append(
                {
                    **vals,
                    **scores,
                    **{
                        fname: template[fname]
                        for fname in REVIEWER_WEIGHT_FIELDS.values()
                    },
                    "name": f"{cycle.name or ''} - {employee.name or ''}",
                    "company_id": company.id,
                    "employee_user_id": employee.user_id.id,
                    "department_id": snapshot["department_id"].id,
                    "job_id": snapshot["job_id"].id,
                    "manager_user_id": snapshot["manager_user_id"].id,
                    "date_self_deadline": cycle.date_self_deadline,
                    "date_manager_deadline": cycle.date_manager_deadline,
                    "penalty_mode": template.penalty_mode,
                    "penalty_steps": template.penalty_steps,
                    "state": step.state,
                    "date_next_deadline": deadline,
                    "approval_reminded_state": step.state,
                    "approval_late_reminded_state": step.state
                    if deadline and today > deadline
                    else False,
                    "band_id": scores["band_computed_id"],
                    "interview_start": False,
                    "interview_stop": False,
                }
            )
        reviews = insert_rows(Review, review_rows)
        insert_rows(
            env["hr.performance.review.line"].sudo(),
            [
                dict(line, review_id=review_id)
                for review_id, lines in zip(reviews.ids, line_rows, strict=True)
                for line in lines
            ],
        )
        cycles.invalidate_recordset(["review_ids"])
        cycles.modified(["review_ids"])
        reviews._post_started_activities(step, today)
        return reviews

    def _post_started_activities(self, step, today):
        """The activities of the self-assessment step (and its late
        reminder when the deadline has passed) of new appraisals, as
        ``_approval_schedule_activities`` posts them, in one ``create``."""
        model_id = self.env["ir.model"]._get_id(self._name)
        activity_types = {
            False: self.env.ref(ACTIVITY_STEP),
            True: self.env.ref(ACTIVITY_LATE),
        }
        lang_steps = {}
        vals_list = []
        self.fetch([step.responsible, step.deadline_field])
        for review in self.filtered(step.responsible):
            user = review[step.responsible]
            if user.lang not in lang_steps:
                lang_steps[user.lang] = review.with_context(
                    lang=user.lang
                )._approval_step_from(step.state)
            lang_step = lang_steps[user.lang]
            deadline = review[step.deadline_field]
            for is_late in (False, True):
                if is_late and not (deadline and today > deadline):
                    continue
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": review.id,
                        "activity_type_id": activity_types[is_late].id,
                        "summary": lang_step.late_summary
                        if is_late
                        else lang_step.summary,
                        "user_id": user.id,
                        "date_deadline": deadline or today,
                        "automated": True,
                    }
                )
        if vals_list:
            self.env["mail.activity"].sudo().create(vals_list)

    def _update_columns(self, values):
        """Server: store ``values`` (``{record id: {column: value}}``, the
        same columns for every record) in one ``UPDATE ... FROM (VALUES
        ...)`` (``update_rows``), then tell the ORM they changed (their
        dependents elsewhere are recomputed; their own computation, if
        pending, is dropped: the caller stores the computed values)."""
        records = update_rows(self, values)
        if not records:
            return
        fnames = sorted(next(iter(values.values())))
        records.modified(fnames)
        for fname in fnames:
            self.env.remove_to_compute(self._fields[fname], records)

    def action_start(self):
        self._check_reviewer()
        return self._approval_advance("draft")

    def _check_complete(self, column, lines_by_review=None):
        """Raise, naming the lines, unless ``column`` has every input.
        ``lines_by_review``: the lines of each review when already read."""
        for review in self:
            lines = (
                review.line_ids
                if lines_by_review is None
                else lines_by_review[review.id]
            )
            missing = lines.filtered(lambda ln, c=column: ln._missing(c))
            if missing:
                raise UserError(
                    _(
                        "%(review)s: score every KPI before submitting; "
                        "missing: %(lines)s.",
                        review=review.display_name,
                        lines=", ".join(missing.mapped("name")),
                    )
                )

    def action_submit_self(self):
        """The employee submits their self-assessment (complete); the
        manager or HR may also move on without it."""
        for review in self:
            if review._is_own():
                review._check_complete(score.SELF)
            else:
                review._check_reviewer()
        return self._approval_advance("self")

    def _read_for_scores(self):
        """The reviews' scoring inputs read in one query per table (the
        prefetch would read them by thousands): ``(lines, reviewers)``,
        each ``{review id: records}`` (lines in their order, done 360
        reviewers)."""
        reviews = self.sudo()
        reviews.fetch(
            [
                "state",
                "company_id",
                "employee_id",
                "penalty_mode",
                "penalty_steps",
                "recheck_state",
                "recheck_score",
                "band_override_id",
                *REVIEWER_WEIGHT_FIELDS.values(),
            ]
        )
        reviews.company_id.fetch(["appraisal_360_min_answers"])
        Line = self.env["hr.performance.review.line"].sudo()
        line_ids = {review.id: [] for review in self}
        for line in Line.search_fetch(
            [("review_id", "in", self.ids)],
            [
                "review_id",
                "name",
                "method",
                "weight",
                "max_points",
                "evidence_status",
                "achievement",
                "has_achievement",
                "self_score",
                "self_scored",
                "manager_score",
                "manager_scored",
            ],
        ):
            line_ids[line.review_id.id].append(line.id)
        Reviewer = self.env["hr.performance.review.reviewer"].sudo()
        reviewer_ids = {review.id: [] for review in self}
        for reviewer in Reviewer.search_fetch(
            [("review_id", "in", self.ids), ("state", "=", "done")],
            ["review_id", "reviewer_type", "state"],
        ):
            reviewer_ids[reviewer.review_id.id].append(reviewer.id)
        return (
            {key: Line.browse(ids) for key, ids in line_ids.items()},
            {key: Reviewer.browse(ids) for key, ids in reviewer_ids.items()},
        )

    def action_done(self):
        """The reviewer completes the reviews: manager scores complete, final
        score from the engine. Any number of reviews in a constant number of
        queries: the inputs are read at once, the scores computed by the
        engine and stored with the state in one UPDATE. The state change is
        tracked as a write would track it (one tracking message per review
        in its chatter, when the transaction commits)."""
        self._check_reviewer()
        lines, reviewers = self._read_for_scores()
        self._check_complete(score.MANAGER, lines)
        bands = self.env["hr.performance.review.band"]._bands_by_company(
            self.company_id
        )
        values = {}
        for review in self:
            company_bands = bands.get(review.company_id.id)
            # an incomplete self column (skipped by the manager) is left out
            result = review._score_result(
                bands=company_bands,
                lines=lines[review.id],
                reviewers=reviewers[review.id],
            )
            if result is None:
                try:
                    review._score_result(
                        columns=(score.MANAGER,),
                        strict=True,
                        lines=lines[review.id],
                        reviewers=reviewers[review.id],
                    )
                except score.AppraisalScoreError as error:
                    raise UserError(review._score_error_message(error)) from error
            if result is None or result.score is None:
                raise UserError(
                    _(
                        "%(review)s has no final score: every KPI is excused "
                        "or no reviewer column counts.",
                        review=review.display_name,
                    )
                )
            values[review.id] = review._score_values(
                result, company_bands, state="done"
            )
        self.env["hr.performance.review.reviewer"].sudo().search(
            [("review_id", "in", self.ids)]
        )._close_unanswered()
        return self._complete(values)

    def _complete(self, values):
        """Take the step *Complete Review* as ``_approval_advance`` does,
        storing the state with the final ``values`` (``{review id: score
        columns}``) in one UPDATE."""
        step = self._approval_step_from("manager")
        next_step = self._approval_step_from(step.next_state)
        self._approval_check_group(step.group, step.label)
        self._approval_check_state((step.state,), step.label)
        self.check_access("write")
        reviews = self.sudo()
        if not self.env.context.get("tracking_disable"):
            # the tracking message of each review is posted at commit
            reviews._track_prepare(["state"])
        rows = {}
        for review in reviews:
            row = dict(values[review.id], state=step.next_state)
            row["band_id"] = (
                row["band_computed_id"]
                if review.recheck_state == "revised"
                else review.band_override_id.id or row["band_computed_id"]
            )
            row["date_next_deadline"] = (
                review[next_step.deadline_field]
                if next_step and next_step.deadline_field
                else False
            )
            rows[review.id] = row
        # the reviews' dependents (stored related fields of the
        # recommendations) are found through this one2many: read it at once
        reviews.fetch(["recommendation_ids"])
        reviews._update_columns(rows)
        # the step's activities are done, whoever they were assigned to
        reviews.activity_feedback([ACTIVITY_STEP, ACTIVITY_LATE])
        if next_step:
            reviews.fetch(
                [
                    "state",
                    "approval_reminded_state",
                    "approval_late_reminded_state",
                    "company_id",
                ]
            )
            self._approval_schedule_activities(fields.Date.context_today(self))
        return True

    def action_refresh_achievements(self):
        self._check_reviewer()
        for review in self:
            if review.state == "done":
                raise UserError(_("%(review)s is done.", review=review.display_name))
        self.sudo()._fetch_achievements()
        return True

    # ------------------------------------------------------------------
    # Interview (面谈) and re-check (复核)
    # ------------------------------------------------------------------
    def _check_done(self, label):
        for review in self:
            if review.state != "done":
                raise UserError(
                    _(
                        "%(review)s is not done: “%(step)s” comes after the review.",
                        review=review.display_name,
                        step=label,
                    )
                )

    def action_schedule_interview(self):
        """The reviewer schedules the interview: a meeting of the employee
        and the manager (tomorrow at 10:00, to be moved in the calendar)."""
        self.ensure_one()
        self._check_reviewer()
        self._check_done(_("Schedule Interview"))
        if self.date_acknowledged:
            raise UserError(
                _(
                    "%(review)s: the interview is already acknowledged.",
                    review=self.display_name,
                )
            )
        if not self.interview_event_id:
            employee = self.employee_id.sudo()
            partners = (
                employee.work_contact_id
                | employee.user_id.partner_id
                | self.manager_user_id.partner_id
            )
            if not self.env.su:
                partners |= self.env.user.partner_id
            start = datetime.combine(
                fields.Date.context_today(self) + timedelta(days=1), time(10, 0)
            )
            event = (
                self.env["calendar.event"]
                .sudo()
                .create(
                    {
                        "name": _(
                            "Appraisal interview: %(review)s",
                            review=self.display_name,
                        ),
                        "start": start,
                        "stop": start + timedelta(hours=1),
                        "user_id": self.env.user.id,
                        "partner_ids": [fields.Command.set(partners.ids)],
                        "res_model_id": self.env["ir.model"]._get_id(self._name),
                        "res_id": self.id,
                    }
                )
            )
            self.sudo().interview_event_id = event
            self.message_post(
                body=_(
                    "Interview scheduled on %(date)s.",
                    date=format_date(self.env, start.date()),
                )
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "calendar.event",
            "res_id": self.interview_event_id.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_acknowledge(self):
        """The employee has had the interview and acknowledges the result."""
        for review in self:
            if self.env.su or not review._is_own():
                raise AccessError(
                    _(
                        "%(review)s: only the appraised employee acknowledges it.",
                        review=review.display_name,
                    )
                )
            review._check_done(_("Acknowledge"))
            if review.date_acknowledged:
                raise UserError(
                    _(
                        "%(review)s is already acknowledged.",
                        review=review.display_name,
                    )
                )
        self.check_access("write")
        self.sudo().date_acknowledged = fields.Date.context_today(self)
        return True

    def action_request_recheck(self):
        """The employee asks for a re-check, with a reason, within the
        company's window after acknowledging."""
        today = fields.Date.context_today(self)
        for review in self:
            if self.env.su or not review._is_own():
                raise AccessError(
                    _(
                        "%(review)s: only the appraised employee requests a re-check.",
                        review=review.display_name,
                    )
                )
            review._check_done(_("Request Re-check"))
            if not review.date_acknowledged:
                raise UserError(
                    _(
                        "%(review)s: acknowledge the interview first.",
                        review=review.display_name,
                    )
                )
            if review.recheck_state != "none":
                raise UserError(
                    _(
                        "%(review)s: a re-check was already requested.",
                        review=review.display_name,
                    )
                )
            if today > review.date_recheck_limit:
                raise UserError(
                    _(
                        "%(review)s: a re-check could be requested until "
                        "%(date)s; that window is over.",
                        review=review.display_name,
                        date=format_date(self.env, review.date_recheck_limit),
                    )
                )
            if not (review.recheck_reason or "").strip():
                raise UserError(
                    _(
                        "%(review)s: give the reason of your re-check request.",
                        review=review.display_name,
                    )
                )
        self.check_access("write")
        self.sudo().write(
            {"recheck_state": "requested", "date_recheck_requested": today}
        )
        for review in self.sudo():
            review.activity_schedule(
                "hr_target_mgmt.mail_activity_type_approval_step",
                summary=_("Decide the re-check request"),
                user_id=review.manager_user_id.id or self.env.user.id,
            )
        return True

    def _check_recheck_decision(self, label):
        if not self.env.su and not self.env.user.has_group(GROUP_HR_OFFICER):
            raise AccessError(
                _(
                    "%(reviews)s: only HR officers decide a re-check.",
                    reviews=", ".join(self.mapped("display_name")),
                )
            )
        for review in self:
            if review._is_own() and not self.env.su:
                raise AccessError(
                    _(
                        "%(review)s: nobody decides the re-check of their own "
                        "appraisal.",
                        review=review.display_name,
                    )
                )
            if review.recheck_state != "requested":
                raise UserError(
                    _(
                        "%(review)s: no re-check is waiting (“%(step)s”).",
                        review=review.display_name,
                        step=label,
                    )
                )
            if not (review.recheck_decision_reason or "").strip():
                raise UserError(
                    _(
                        "%(review)s: give the reason of the re-check decision.",
                        review=review.display_name,
                    )
                )

    def action_recheck_uphold(self):
        """HR keeps the score and band."""
        self._check_recheck_decision(_("Uphold"))
        self.check_access("write")
        self.sudo().write({"recheck_state": "upheld", "recheck_user_id": self.env.uid})
        self.sudo().activity_feedback(
            ["hr_target_mgmt.mail_activity_type_approval_step"]
        )
        return True

    def action_recheck_revise(self):
        """HR revises the final score (and so the band)."""
        self._check_recheck_decision(_("Revise"))
        for review in self:
            if not 0 <= review.recheck_score <= 100:
                raise UserError(
                    _(
                        "%(review)s: the revised score lies from 0 to 100.",
                        review=review.display_name,
                    )
                )
        self.check_access("write")
        for review in self.sudo():
            old_score, old_band = review.final_score, review.band_id
            review.write(
                {
                    "recheck_original_score": old_score,
                    "recheck_state": "revised",
                    "recheck_user_id": self.env.uid,
                }
            )
            # formatted outside _(): babel cannot read f-strings in its call
            old_text = f"{old_score:.2f}"
            new_text = f"{review.final_score:.2f}"
            review.message_post(
                body=_(
                    "Re-check: score %(old)s (%(old_band)s) revised to "
                    "%(new)s (%(new_band)s). Reason: %(reason)s",
                    old=old_text,
                    old_band=old_band.name or "-",
                    new=new_text,
                    new_band=review.band_id.name or "-",
                    reason=review.recheck_decision_reason,
                )
            )
        self.sudo().activity_feedback(
            ["hr_target_mgmt.mail_activity_type_approval_step"]
        )
        return True

    def _score_error_message(self, error):
        self.ensure_one()
        lines = {line.id: line.name for line in self.line_ids}
        line = lines.get(error.params.get("line"), "")
        messages = {
            "missing_input": _("KPI %(line)s has no score.", line=line),
            "rating_range": _("KPI %(line)s: a rating lies from 1 to 5.", line=line),
            "points_range": _(
                "KPI %(line)s: points lie from 0 to %(max)s.",
                line=line,
                max=error.params.get("max_points"),
            ),
            "band_no_zero": _("One rating band must start at 0."),
            "weight_sum": _(
                "The weights add up to %(total)s, not 100.",
                total=error.params.get("total"),
            ),
        }
        return _(
            "%(review)s: %(error)s",
            review=self.display_name,
            error=messages.get(error.kind, str(error)),
        )

    # ------------------------------------------------------------------
    # Lines and achievements
    # ------------------------------------------------------------------
    @api.model
    def _achievements(self, keys):
        """``{key: (has achievement, average achievement)}`` for each key
        (employee id, measure id, start, end): the average achievement of
        the employee's targets of the measure whose period lies in the
        window (one query for all the keys)."""
        keys = set(keys)
        if not keys:
            return {}
        targets = (
            self.env["hr.target"]
            .sudo()
            .search_fetch(
                [
                    ("employee_id", "in", list({key[0] for key in keys})),
                    ("level", "=", "employee"),
                    ("measure_id", "in", list({key[1] for key in keys})),
                    ("date_from", ">=", min(key[2] for key in keys)),
                    ("date_to", "<=", max(key[3] for key in keys)),
                ],
                ["employee_id", "measure_id", "date_from", "date_to", "achievement"],
            )
        )
        by_key = {}
        for target in targets:
            by_key.setdefault((target.employee_id.id, target.measure_id.id), []).append(
                target
            )
        result = {}
        for key in keys:
            employee_id, measure_id, date_from, date_to = key
            achievements = [
                target.achievement
                for target in by_key.get((employee_id, measure_id), [])
                if target.date_from >= date_from and target.date_to <= date_to
            ]
            result[key] = (
                bool(achievements),
                sum(achievements) / len(achievements) if achievements else 0.0,
            )
        return result

    def _fetch_achievements(self):
        """Target-linked lines: the average achievement of the employee's
        targets of the line's measure whose period lies in the review (one
        query for all the reviews)."""
        lines = self.line_ids.filtered(lambda ln: ln.method == "target")
        if not lines:
            return

        def key(line):
            review = line.review_id
            return (
                review.employee_id.id,
                line.measure_id.id,
                review.date_from,
                review.date_to,
            )

        achievements = self._achievements(key(line) for line in lines)
        for line in lines:
            has_achievement, achievement = achievements[key(line)]
            line.sudo().write(
                {"has_achievement": has_achievement, "achievement": achievement}
            )

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [dict(vals) for vals in vals_list]
        if not self.env.su:
            self.check_access("create")
            for vals in vals_list:
                forbidden = set(vals) - CREATE_FIELDS - self._approval_mail_fields()
                if forbidden:
                    raise AccessError(self._forbidden_message(forbidden))
        Template = self.env["hr.kpi.template"].sudo()
        line_vals = []
        for vals in vals_list:
            template = Template.browse(vals.get("template_id"))
            line_vals.append(
                [] if "line_ids" in vals else template_line_values(template)
            )
            if template:
                for fname in REVIEWER_WEIGHT_FIELDS.values():
                    vals.setdefault(fname, template[fname])
                vals.setdefault("penalty_mode", template.penalty_mode)
                vals.setdefault("penalty_steps", template.penalty_steps)
        reviews = super().create(vals_list)
        # the lines are copied from the template by the server
        self.env["hr.performance.review.line"].sudo().create(
            [
                dict(vals, review_id=review.id)
                for review, review_lines in zip(reviews, line_vals, strict=True)
                for vals in review_lines
            ]
        )
        reviews.sudo()._fetch_achievements()
        reviews._check_team_scope()
        return reviews

    def _forbidden_message(self, fnames):
        return _(
            "Appraisals: %(fields)s cannot be written by you now.",
            fields=", ".join(
                sorted(
                    self._fields[name]._description_string(self.env)
                    if name in self._fields
                    else name
                    for name in fnames
                )
            ),
        )

    def write(self, vals):
        if not self.env.su:
            self._check_client_write(vals)
        result = super().write(vals)
        if not self.env.su and "employee_id" in vals:
            self._check_team_scope()
        return result

    def _check_client_write(self, vals):
        """Server-side whitelist of the fields each role writes. The KPI
        lines may only be updated, each line checking its own column."""
        fnames = set(vals) - self._approval_mail_fields()
        if "line_ids" in fnames:
            commands = vals["line_ids"] or []
            if any(
                not isinstance(command, list | tuple)
                or command[0] not in (fields.Command.UPDATE, fields.Command.LINK)
                for command in commands
            ):
                raise AccessError(
                    _("The KPI lines of an appraisal come from its template.")
                )
            fnames.discard("line_ids")
        if "reviewer_ids" in fnames:
            # the 360 reviewers' own create/write/unlink check who and what
            self._check_reviewer()
            fnames.discard("reviewer_ids")
        if not fnames:
            return
        hr_officer = self.env.user.has_group(GROUP_HR_OFFICER)
        for review in self:
            allowed = set()
            if review._is_own() and review.state == "self":
                allowed |= EMPLOYEE_FIELDS
            if review._is_reviewer() and review.state in ("self", "manager"):
                allowed |= REVIEWER_FIELDS
            if hr_officer and not review._is_own():
                allowed |= HR_FIELDS
            if review.state == "done":
                if review._is_own() and not review.date_acknowledged:
                    allowed |= {"interview_employee_comment"}
                if review._is_own() and review.recheck_state == "none":
                    allowed |= {"recheck_reason"}
                if review._is_reviewer() and not review.date_acknowledged:
                    allowed |= INTERVIEW_FIELDS
                if (
                    hr_officer
                    and not review._is_own()
                    and review.recheck_state == "requested"
                ):
                    allowed |= RECHECK_FIELDS
            forbidden = fnames - allowed
            if forbidden:
                raise AccessError(review._forbidden_message(forbidden))

    @api.ondelete(at_uninstall=False)
    def _unlink_not_done(self):
        for review in self:
            if review.state == "done" and not self.env.su:
                raise UserError(
                    _(
                        "%(review)s is done and cannot be deleted.",
                        review=review.display_name,
                    )
                )
