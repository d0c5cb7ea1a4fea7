# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import training_math

GROUP_HR_OFFICER = "hr_target_mgmt.group_hr_target_mgmt_hr_officer"

#: Fields of the trainer evaluation (0 to 100 each).
TRAINER_FIELDS = (
    "trainer_quality",
    "trainer_effect",
    "trainer_satisfaction",
    "trainer_development",
)
#: Fields that change only through the server's own checked paths.
SERVER_FIELDS = {
    "state",
    "date_closed",
    "l1_average",
    "l2_average",
    "l2_pass_rate",
    "l3_average",
    "l4_before",
    "l4_after",
    "l4_change",
    "target_before",
    "target_after",
    "target_change",
}


#: Attendee fields that follow the closing of their session.
CLOSING_FIELDS = ("session_state", "completed", "valid_until")


class HrTrainingSession(models.Model):
    """A session (培训班) of a course: its trainer, sittings (each a calendar
    event with the attendees invited), room, capacity, attendees,
    attendance, the four-level evaluation and the closing summary."""

    _name = "hr.training.session"
    _description = "Training Session"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    course_id = fields.Many2one(
        "hr.training.course", required=True, index=True, tracking=True
    )
    category_id = fields.Many2one(related="course_id.category_id", store=True)
    mode = fields.Selection(related="course_id.mode", store=True)
    duration_hours = fields.Float(related="course_id.duration_hours")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    trainer_id = fields.Many2one(
        "hr.training.trainer",
        index=True,
        tracking=True,
        domain="[('company_id', '=', company_id), ('state', '=', 'qualified')]",
    )
    trainer_user_id = fields.Many2one(
        "res.users",
        related="trainer_id.user_id",
        string="Trainer User",
        store=True,
        index=True,
    )
    responsible_user_id = fields.Many2one(
        "res.users",
        string="Organiser",
        default=lambda self: self.env.user,
        tracking=True,
    )
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    date_closed = fields.Date(string="Closed on", readonly=True, copy=False)
    location = fields.Char(string="Room")
    equipment = fields.Char()
    capacity = fields.Integer(help="Most attendees; 0 means no limit.")
    notice_days = fields.Integer(
        string="Notice (days)",
        default=3,
        help="Days before each sitting when the invited attendees are reminded.",
    )
    results_window_months = fields.Integer(
        string="Results Window (months)",
        default=6,
        help="Level 4 compares the appraisals and targets of this many months "
        "before the session with those of as many months after it.",
    )
    sitting_ids = fields.One2many(
        "hr.training.session.sitting", "session_id", string="Sittings", copy=True
    )
    attendee_ids = fields.One2many(
        "hr.training.attendee", "session_id", string="Attendees"
    )
    attendance_ids = fields.One2many("hr.training.attendance", "session_id")
    need_ids = fields.Many2many(
        "hr.training.need",
        "hr_training_session_need_rel",
        "session_id",
        "need_id",
        string="Training Needs",
        domain="[('state', 'in', ('approved', 'planned')), "
        "('company_id', '=', company_id)]",
        help="Approved needs this session answers: Enrol from Needs enrols "
        "their employees; closing the session covers the needs whose "
        "employees all completed it.",
    )
    attendee_count = fields.Integer(compute="_compute_attendee_count", store=True)
    material_ids = fields.Many2many(
        "ir.attachment",
        "hr_training_session_attachment_rel",
        "session_id",
        "attachment_id",
        string="Materials and Papers",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("confirmed", "Confirmed"),
            ("done", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        group_expand=True,
    )
    summary = fields.Html(
        string="Summary Report",
        help="Closing summary of the session (written when it closes; HR may edit).",
    )
    # trainer evaluation of this session
    trainer_quality = fields.Float(string="Teaching Quality", digits=(16, 2))
    trainer_effect = fields.Float(string="Effect", digits=(16, 2))
    trainer_satisfaction = fields.Float(
        string="Satisfaction",
        digits=(16, 2),
        help="Filled from the attendees' reaction (level 1) mean when the "
        "session closes, unless entered.",
    )
    trainer_development = fields.Float(string="Course Development", digits=(16, 2))
    trainer_scored = fields.Boolean(compute="_compute_trainer_score", store=True)
    trainer_score = fields.Float(
        compute="_compute_trainer_score",
        store=True,
        digits=(16, 2),
        aggregator="avg",
        help="Weighted: teaching quality 40 %, effect 30 %, satisfaction 20 %, "
        "course development 10 %.",
    )
    # the four levels, averaged over the attendees
    l1_average = fields.Float(
        string="Reaction (L1)", digits=(16, 2), readonly=True, aggregator="avg"
    )
    l2_average = fields.Float(
        string="Learning (L2)", digits=(16, 2), readonly=True, aggregator="avg"
    )
    l2_pass_rate = fields.Float(
        string="Pass Rate (%)", digits=(16, 2), readonly=True, aggregator="avg"
    )
    l3_average = fields.Float(
        string="Behaviour (L3)", digits=(16, 2), readonly=True, aggregator="avg"
    )
    l4_before = fields.Float(
        string="Appraisal Before (L4)", digits=(16, 2), readonly=True, aggregator="avg"
    )
    l4_after = fields.Float(
        string="Appraisal After (L4)", digits=(16, 2), readonly=True, aggregator="avg"
    )
    l4_change = fields.Float(
        string="Appraisal Change (L4)", digits=(16, 2), readonly=True, aggregator="avg"
    )
    target_before = fields.Float(
        string="Target Achievement Before (%)",
        digits=(16, 2),
        readonly=True,
        aggregator="avg",
    )
    target_after = fields.Float(
        string="Target Achievement After (%)",
        digits=(16, 2),
        readonly=True,
        aggregator="avg",
    )
    target_change = fields.Float(
        string="Target Achievement Change (points)",
        digits=(16, 2),
        readonly=True,
        aggregator="avg",
    )

    @api.depends("attendee_ids")
    def _compute_attendee_count(self):
        counts = {
            session.id: count
            for session, count in self.env["hr.training.attendee"]._read_group(
                [("session_id", "in", self.ids)], ["session_id"], ["__count"]
            )
        }
        for session in self:
            session.attendee_count = counts.get(session.id, 0)

    @api.depends(*TRAINER_FIELDS)
    def _compute_trainer_score(self):
        for session in self:
            values = [session[name] or None for name in TRAINER_FIELDS]
            score = training_math.trainer_score(*values)
            session.trainer_scored = score is not None
            session.trainer_score = score or 0.0

    @api.onchange("course_id")
    def _onchange_course_id(self):
        if self.course_id and not self.name:
            self.name = self.course_id.name

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for session in self:
            if session.date_end < session.date_start:
                raise ValidationError(
                    _(
                        "Session %(session)s: the end comes before the start.",
                        session=session.name,
                    )
                )

    @api.constrains("capacity", "notice_days", "results_window_months", *TRAINER_FIELDS)
    def _check_numbers(self):
        for session in self:
            if session.capacity < 0 or not 0 <= session.notice_days <= 365:
                raise ValidationError(
                    _(
                        "Session %(session)s: the capacity and the notice cannot "
                        "be negative (notice at most 365 days).",
                        session=session.name,
                    )
                )
            if not 1 <= session.results_window_months <= 36:
                raise ValidationError(
                    _(
                        "Session %(session)s: the results window lies from 1 to "
                        "36 months.",
                        session=session.name,
                    )
                )
            try:
                for name in TRAINER_FIELDS:
                    training_math.check_score(session[name])
            except training_math.TrainingMathError as error:
                raise ValidationError(
                    _(
                        "Session %(session)s: a trainer evaluation score lies "
                        "from 0 to 100.",
                        session=session.name,
                    )
                ) from error

    @api.constrains("capacity", "attendee_ids")
    def _check_capacity(self):
        for session in self:
            if session.capacity and session.attendee_count > session.capacity:
                raise ValidationError(
                    _(
                        "Session %(session)s is full: %(count)s attendees for "
                        "%(capacity)s seats.",
                        session=session.name,
                        count=session.attendee_count,
                        capacity=session.capacity,
                    )
                )

    @api.constrains("trainer_id", "course_id")
    def _check_trainer(self):
        for session in self:
            trainer = session.trainer_id
            if trainer and trainer.state == "retired":
                raise ValidationError(
                    _(
                        "Session %(session)s: the trainer %(trainer)s is retired.",
                        session=session.name,
                        trainer=trainer.name,
                    )
                )
            if (
                trainer
                and trainer.course_ids
                and session.course_id not in trainer.course_ids
            ):
                raise ValidationError(
                    _(
                        "Session %(session)s: %(trainer)s may not teach the "
                        "course %(course)s.",
                        session=session.name,
                        trainer=trainer.name,
                        course=session.course_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # writes: HR officers organise; a session's trainer scores nothing here
    # ------------------------------------------------------------------

    def _check_hr(self):
        if not self.env.su and not self.env.user.has_group(GROUP_HR_OFFICER):
            raise AccessError(_("Only HR officers organise training sessions."))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_hr()
        for vals in vals_list:
            if not self.env.su and SERVER_FIELDS & set(vals):
                raise AccessError(
                    _("The state and the results of a session are set by the server.")
                )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._check_hr()
            if SERVER_FIELDS & set(vals):
                raise AccessError(
                    _("The state and the results of a session are set by the server.")
                )
            if self.filtered(lambda s: s.state in ("done", "cancel")) and set(vals) - {
                "summary",
                "material_ids",
                *TRAINER_FIELDS,
            }:
                raise UserError(
                    _(
                        "A closed or cancelled session keeps its course, dates "
                        "and attendees."
                    )
                )
        result = super().write(vals)
        if {"date_start", "date_end"} & set(vals):
            self.sitting_ids._check_in_session()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_planned(self):
        if self.filtered(lambda s: s.state not in ("draft", "cancel")):
            raise UserError(_("Only draft or cancelled sessions can be deleted."))

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------

    def action_confirm(self):
        """Plan the session: one calendar event per sitting with the
        attendees invited and a reminder ``notice_days`` before."""
        self._check_hr()
        for session in self:
            if session.state != "draft":
                raise UserError(
                    _("Session %(session)s is not a draft.", session=session.name)
                )
            if not session.sitting_ids:
                raise UserError(
                    _(
                        "Session %(session)s: plan at least one sitting first.",
                        session=session.name,
                    )
                )
        self.sudo().write({"state": "confirmed"})
        self.sitting_ids._sync_events()

    def action_cancel(self):
        self._check_hr()
        if self.filtered(lambda s: s.state == "done"):
            raise UserError(_("A closed session cannot be cancelled."))
        events = self.sitting_ids.event_id
        self.sudo().write({"state": "cancel"})
        events.sudo().unlink()

    def action_draft(self):
        self._check_hr()
        if self.filtered(lambda s: s.state != "cancel"):
            raise UserError(_("Only a cancelled session goes back to draft."))
        self.sudo().write({"state": "draft"})

    def action_close(self):
        """Close the session: summary report, reaction surveys to the
        attendees who came, behaviour follow-ups to their managers, results
        (level 4) and the archive of the passed attendees."""
        self._check_hr()
        for session in self:
            if session.state != "confirmed":
                raise UserError(
                    _(
                        "Session %(session)s: only a confirmed session closes.",
                        session=session.name,
                    )
                )
            missing = session.sitting_ids.filtered(lambda s: not s.attendance_taken)
            if missing:
                raise UserError(
                    _(
                        "Session %(session)s: take the attendance of every "
                        "sitting before closing (missing: %(sittings)s).",
                        session=session.name,
                        sittings=", ".join(missing.mapped("display_name")),
                    )
                )
        sudo_self = self.sudo()
        attendees = sudo_self.attendee_ids
        Attendee = self.env["hr.training.attendee"]
        # the attendees' closing figures are written in bulk just below
        with self.env.protecting(
            [Attendee._fields[name] for name in CLOSING_FIELDS], attendees
        ):
            sudo_self.write(
                {"state": "done", "date_closed": fields.Date.context_today(self)}
            )
        attendees._prefetch_for_closing()
        attendees._update_completion()
        attendees._send_reaction_surveys()
        attendees._schedule_behaviour_followups()
        attendees._compute_results()
        attendees._apply_completion()
        sudo_self._update_level_averages()
        sudo_self._cover_needs()
        for session in sudo_self:
            if not session.trainer_satisfaction and session.l1_average:
                session.trainer_satisfaction = session.l1_average
            session.summary = session._summary_html()
            session.message_post(
                body=_(
                    "Session closed: %(attended)s of %(count)s attendees came.",
                    attended=len(session.attendee_ids.filtered("attended")),
                    count=session.attendee_count,
                ),
            )

    def action_compute_results(self):
        """Compute level 4 (appraisals and targets before / after) again."""
        self._check_hr()
        self.sudo().attendee_ids._compute_results()
        self.sudo()._update_level_averages()

    def _update_level_averages(self):
        """Session means of the four levels over the attendees who have a
        value (one read of every attendee of the sessions)."""
        rows = (
            self.env["hr.training.attendee"]
            .sudo()
            .search_read(
                [("session_id", "in", self.ids)],
                [
                    "session_id",
                    "l1_done",
                    "l1_score",
                    "l2_scored",
                    "l2_score",
                    "l2_passed",
                    "l3_done",
                    "l3_score",
                    "l4_before_known",
                    "l4_after_known",
                    "l4_before",
                    "l4_after",
                    "target_before_known",
                    "target_after_known",
                    "target_before",
                    "target_after",
                ],
                load=None,
            )
        )
        by_session = {}
        for row in rows:
            by_session.setdefault(row["session_id"], []).append(row)

        def known(rows, flag, value):
            return [row[value] for row in rows if row[flag]]

        def both(rows, prefix):
            return [
                row[f"{prefix}_after"] - row[f"{prefix}_before"]
                for row in rows
                if row[f"{prefix}_before_known"] and row[f"{prefix}_after_known"]
            ]

        mean = training_math.mean
        for session in self:
            rows = by_session.get(session.id, [])
            scored = [row for row in rows if row["l2_scored"]]
            values = {
                "l1_average": mean(known(rows, "l1_done", "l1_score")),
                "l2_average": mean(known(rows, "l2_scored", "l2_score")),
                "l3_average": mean(known(rows, "l3_done", "l3_score")),
                "l4_before": mean(known(rows, "l4_before_known", "l4_before")),
                "l4_after": mean(known(rows, "l4_after_known", "l4_after")),
                "l4_change": mean(both(rows, "l4")),
                "target_before": mean(
                    known(rows, "target_before_known", "target_before")
                ),
                "target_after": mean(known(rows, "target_after_known", "target_after")),
                "target_change": mean(both(rows, "target")),
                "l2_pass_rate": (
                    100.0 * sum(row["l2_passed"] for row in scored) / len(scored)
                    if scored
                    else None
                ),
            }
            session.sudo().write({key: value or 0.0 for key, value in values.items()})

    def _summary_html(self):
        self.ensure_one()
        attendees = self.attendee_ids
        counts = dict.fromkeys(("present", "late", "left_early", "absent"), 0)
        counts.update(
            self.env["hr.training.attendance"]
            .sudo()
            ._read_group([("session_id", "=", self.id)], ["status"], ["__count"])
        )
        return self.env["ir.qweb"]._render(
            "hr_appraisal_training.hr_training_session_summary",
            {
                "session": self,
                "attendees": attendees,
                "counts": counts,
                "attended": len(attendees.filtered("attended")),
            },
        )

    def _attendance_window(self):
        """First and last day attendance may be recorded on."""
        self.ensure_one()
        return self.date_start, self.date_end

    def _notice_delta(self):
        return timedelta(days=self.notice_days)

    def action_enrol_needs(self):
        """Enrol the employees of the session's needs who are not enrolled
        yet (one create for all), and mark the needs as planned."""
        self._check_hr()
        for session in self:
            needs = session.need_ids.sudo()
            enrolled = session.attendee_ids.employee_id
            values = []
            for need in needs:
                employees = need.employee_ids or self.env["hr.employee"].search(
                    [("department_id", "child_of", need.department_id.id)]
                )
                for employee in employees - enrolled:
                    values.append(
                        {
                            "session_id": session.id,
                            "employee_id": employee.id,
                            "need_id": need.id,
                        }
                    )
                    enrolled |= employee
            self.env["hr.training.attendee"].create(values)
            needs.filtered(lambda n: n.state in ("new", "approved"))._mark_planned()

    def _cover_needs(self):
        """Needs whose employees all completed a closed session are covered."""
        attendees = self.attendee_ids.sudo().filtered("need_id")
        for need in attendees.need_id:
            linked = attendees.filtered(lambda a, n=need: a.need_id == n)
            if linked and all(linked.mapped("completed")) and need.state != "covered":
                need._mark_covered()

    def action_open_attendees(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_appraisal_training.hr_training_attendee_action"
        )
        action["domain"] = [("session_id", "=", self.id)]
        action["context"] = {"default_session_id": self.id}
        return action
