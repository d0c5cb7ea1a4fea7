# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.hr_target_mgmt.tools.bulk import insert_rows, update_rows

from ..tools import training_math

GROUP_HR_OFFICER = "hr_target_mgmt.group_hr_target_mgmt_hr_officer"

#: Fields HR officers give when they enrol someone.
ENROL_FIELDS = {"session_id", "employee_id", "note", "need_id"}
#: Fields the session's trainer writes (the practical learning score).
TRAINER_FIELDS = {"l2_practical_score", "trainer_note"}
#: Fields the attendee's manager writes (the behaviour observation).
MANAGER_FIELDS = {"l3_score", "l3_note"}
#: Fields HR officers may write besides the above.
#: (``l1_score``: a paper questionnaire keyed in by HR.)
HR_FIELDS = (
    ENROL_FIELDS | TRAINER_FIELDS | MANAGER_FIELDS | {"leave_excused", "l1_score"}
)


class HrTrainingAttendee(models.Model):
    """An attendee of a session (学员): their enrolment, attendance and the
    four-level evaluation; the attendees of closed sessions make each
    employee's training archive (培训档案)."""

    _name = "hr.training.attendee"
    _description = "Training Attendee"
    _inherit = ["mail.thread", "mail.activity.mixin", "hr.team.scope.mixin"]
    _order = "date_start desc, session_id, employee_id, id"

    session_id = fields.Many2one(
        "hr.training.session",
        required=True,
        ondelete="cascade",
        index=True,
        domain="[('state', 'in', ('draft', 'confirmed'))]",
    )
    employee_id = fields.Many2one("hr.employee", required=True, index=True)
    company_id = fields.Many2one(
        related="session_id.company_id", store=True, index=True
    )
    course_id = fields.Many2one(related="session_id.course_id", store=True, index=True)
    category_id = fields.Many2one(related="session_id.category_id", store=True)
    session_state = fields.Selection(related="session_id.state", store=True)
    date_start = fields.Date(related="session_id.date_start", store=True)
    date_end = fields.Date(related="session_id.date_end", store=True)
    trainer_id = fields.Many2one(related="session_id.trainer_id", store=True)
    trainer_user_id = fields.Many2one(
        related="session_id.trainer_user_id",
        string="Trainer User",
        store=True,
        index=True,
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
    )
    manager_user_id = fields.Many2one(
        "res.users",
        string="Manager",
        compute="_compute_employee_snapshot",
        store=True,
        precompute=True,
        help="The employee's manager, else their department's manager.",
    )
    note = fields.Text()
    need_id = fields.Many2one(
        "hr.training.need",
        string="Training Need",
        index="btree_not_null",
        help="The need this enrolment answers.",
    )
    retraining_need_id = fields.Many2one(
        "hr.training.need",
        string="Re-training Need",
        readonly=True,
        copy=False,
        help="Created when the attendee failed or was absent without leave.",
    )
    attendance_ids = fields.One2many("hr.training.attendance", "attendee_id")
    leave_excused = fields.Boolean(
        string="Excused Absence",
        help="The absence was on approved leave: no warning and no re-training.",
    )
    attended = fields.Boolean(compute="_compute_attendance", store=True)
    attended_ratio = fields.Float(
        string="Attendance (%)",
        compute="_compute_attendance",
        store=True,
        digits=(16, 1),
    )
    absent_count = fields.Integer(compute="_compute_attendance", store=True)
    hours = fields.Float(
        compute="_compute_attendance",
        store=True,
        digits=(16, 1),
        aggregator="sum",
        help="Course hours times the share of the sittings attended.",
    )
    # L1 reaction
    l1_score = fields.Float(
        string="Reaction (L1)",
        digits=(16, 2),
        help="Score of the satisfaction survey (0 to 100); HR may key in a "
        "paper questionnaire.",
    )
    l1_done = fields.Boolean(readonly=True)
    l1_user_input_id = fields.Many2one("survey.user_input", readonly=True, copy=False)
    # L2 learning
    l2_exam_score = fields.Float(string="Exam Score", digits=(16, 2), readonly=True)
    l2_exam_done = fields.Boolean(readonly=True)
    l2_user_input_id = fields.Many2one("survey.user_input", readonly=True, copy=False)
    l2_practical_score = fields.Float(string="Practical Score", digits=(16, 2))
    trainer_note = fields.Text()
    l2_scored = fields.Boolean(compute="_compute_l2", store=True)
    l2_score = fields.Float(
        string="Learning (L2)", compute="_compute_l2", store=True, digits=(16, 2)
    )
    l2_passed = fields.Boolean(string="Passed", compute="_compute_l2", store=True)
    # L3 behaviour
    l3_score = fields.Float(string="Behaviour (L3)", digits=(16, 2))
    l3_note = fields.Text(string="Observation")
    l3_done = fields.Boolean(readonly=True)
    l3_date_due = fields.Date(string="Follow-up Due", readonly=True)
    # L4 results
    l4_before = fields.Float(string="Appraisal Before", digits=(16, 2), readonly=True)
    l4_after = fields.Float(string="Appraisal After", digits=(16, 2), readonly=True)
    l4_change = fields.Float(string="Appraisal Change", digits=(16, 2), readonly=True)
    l4_before_known = fields.Boolean(readonly=True)
    l4_after_known = fields.Boolean(readonly=True)
    target_before = fields.Float(
        string="Achievement Before (%)", digits=(16, 2), readonly=True
    )
    target_after = fields.Float(
        string="Achievement After (%)", digits=(16, 2), readonly=True
    )
    target_change = fields.Float(
        string="Achievement Change (points)", digits=(16, 2), readonly=True
    )
    target_before_known = fields.Boolean(readonly=True)
    target_after_known = fields.Boolean(readonly=True)
    # archive
    completed = fields.Boolean(compute="_compute_completed", store=True)
    valid_until = fields.Date(compute="_compute_completed", store=True)
    is_valid = fields.Boolean(string="Valid", compute="_compute_is_valid")
    resume_line_id = fields.Many2one("hr.resume.line", readonly=True, copy=False)

    _sql_constraints = [
        (
            "employee_session_unique",
            "UNIQUE(session_id, employee_id)",
            "An employee is enrolled once in a session.",
        )
    ]

    @api.model
    def _team_scope_domain(self):
        return self._team_employee_domain("employee_id")

    @api.depends("employee_id")
    def _compute_employee_snapshot(self):
        for attendee in self:
            employee = attendee.employee_id.sudo()
            attendee.department_id = employee.department_id
            attendee.manager_user_id = (
                employee.parent_id.user_id or employee.department_id.manager_id.user_id
            )

    @api.depends(
        "attendance_ids.status", "session_id.sitting_ids", "course_id.duration_hours"
    )
    def _compute_attendance(self):
        for attendee in self:
            sittings = attendee.session_id.sitting_ids
            statuses = {a.sitting_id.id: a.status for a in attendee.attendance_ids}
            taken = [statuses[s.id] for s in sittings if s.id in statuses]
            attendee.update(
                self._attendance_values(taken, attendee.course_id.duration_hours)
            )

    @api.model
    def _attendance_values(self, taken, duration_hours):
        """The attendance figures of an attendee from the statuses ``taken``
        in the sittings of their session."""
        ratio = training_math.attended_ratio(taken) if taken else 0.0
        return {
            "attended": any(status != "absent" for status in taken),
            "absent_count": taken.count("absent"),
            "attended_ratio": 100.0 * ratio,
            "hours": duration_hours * ratio,
        }

    def _update_attendance_figures(self):
        """Compute the attendance figures of ``self`` again after a bulk
        insert or update of attendance lines: one grouped read of the lines
        and one update for all the attendees."""
        attendees = self.sudo().with_context(active_test=False)
        if not attendees:
            return
        attendees = attendees.search_fetch(
            [("id", "in", attendees.ids)],
            ["session_id", "course_id", "session_state"],
            order="id",
        )
        statuses = {
            (attendee.id, sitting.id): status
            for attendee, sitting, status in self.env["hr.training.attendance"]
            .sudo()
            ._read_group(
                [("attendee_id", "in", attendees.ids)],
                ["attendee_id", "sitting_id", "status"],
            )
        }
        sittings = {
            session.id: session.sitting_ids.ids for session in attendees.session_id
        }
        values = {}
        for attendee in attendees:
            taken = [
                statuses[attendee.id, sitting_id]
                for sitting_id in sittings[attendee.session_id.id]
                if (attendee.id, sitting_id) in statuses
            ]
            values[attendee.id] = self._attendance_values(
                taken, attendee.course_id.duration_hours
            )
        update_rows(attendees, values)
        # closed sessions: what follows from the attendance (rare)
        attendees.filtered(lambda a: a.session_state == "done").modified(
            ["attended", "hours"]
        )

    @api.depends(
        "l2_exam_done", "l2_exam_score", "l2_practical_score", "course_id.pass_mark"
    )
    def _compute_l2(self):
        for attendee in self:
            if attendee.l2_exam_done:
                score = attendee.l2_exam_score
            elif attendee.l2_practical_score:
                score = attendee.l2_practical_score
            else:
                score = None
            attendee.l2_scored = score is not None
            attendee.l2_score = score or 0.0
            attendee.l2_passed = bool(
                training_math.passed(score, attendee.course_id.pass_mark)
            )

    @api.depends(
        "session_state",
        "attended",
        "l2_scored",
        "l2_passed",
        "course_id.survey_id",
        "course_id.pass_mark",
        "course_id.validity_months",
        "date_end",
    )
    def _compute_completed(self):
        for attendee in self:
            attendee.update(attendee._completion_values(attendee.session_state))

    def _completion_values(self, session_state):
        """Whether the attendee completed the course (and until when it is
        valid) once their session is in ``session_state``."""
        self.ensure_one()
        if session_state != "done" or not self.attended:
            completed = False
        elif self.l2_scored:
            completed = self.l2_passed
        else:
            # a course with an exam or a pass mark waits for the score
            course = self.course_id
            completed = not course.survey_id and not course.pass_mark
        months = self.course_id.validity_months
        return {
            "completed": completed,
            "valid_until": (
                training_math.add_months(self.date_end, months)
                if completed and months
                else False
            ),
        }

    def _prefetch_for_closing(self):
        """Read what closing a session needs of its attendees in one query."""
        self.sudo().with_context(active_test=False).search_fetch(
            [("id", "in", self.ids)],
            [
                "session_id",
                "employee_id",
                "course_id",
                "category_id",
                "company_id",
                "date_start",
                "date_end",
                "attended",
                "hours",
                "l1_user_input_id",
                "l2_user_input_id",
                "l2_scored",
                "l2_score",
                "l2_passed",
                "manager_user_id",
                "employee_user_id",
                "need_id",
                "resume_line_id",
                "retraining_need_id",
            ],
            order="id",
        )

    def _update_completion(self):
        """Write the state of the attendees' sessions and what follows from
        it (completion, validity) in one update."""
        update_rows(
            self,
            {
                attendee.id: dict(
                    attendee._completion_values(attendee.session_id.state),
                    session_state=attendee.session_id.state,
                )
                for attendee in self
            },
        )

    @api.depends("completed", "valid_until")
    @api.depends_context("date")
    def _compute_is_valid(self):
        today = fields.Date.context_today(self)
        for attendee in self:
            attendee.is_valid = attendee.completed and (
                not attendee.valid_until or attendee.valid_until >= today
            )

    @api.depends("employee_id", "session_id")
    def _compute_display_name(self):
        for attendee in self:
            attendee.display_name = (
                f"{attendee.employee_id.name} – {attendee.session_id.name}"
            )

    @api.constrains("l1_score", "l2_practical_score", "l3_score")
    def _check_scores(self):
        for attendee in self:
            try:
                training_math.check_score(attendee.l1_score)
                training_math.check_score(attendee.l2_practical_score)
                training_math.check_score(attendee.l3_score)
            except training_math.TrainingMathError as error:
                raise ValidationError(
                    _(
                        "Attendee %(attendee)s: a score lies from 0 to 100.",
                        attendee=attendee.display_name,
                    )
                ) from error

    # ------------------------------------------------------------------
    # rights: who writes what
    # ------------------------------------------------------------------

    def _is_hr(self):
        return self.env.su or self.env.user.has_group(GROUP_HR_OFFICER)

    @api.model_create_multi
    def create(self, vals_list):
        """Enrol: the rules are checked for the whole batch first (who
        enrols, duplicates, needs, seats, companies), then the attendees are
        inserted in one query and invited to the sittings' events in bulk
        (:meth:`_insert_enrolments`)."""
        if not self._is_hr():
            raise AccessError(_("Only HR officers enrol employees in sessions."))
        for vals in vals_list:
            if not self.env.su and set(vals) - ENROL_FIELDS:
                raise AccessError(
                    _(
                        "Enrolment gives the session, the employee and a note; "
                        "the rest is set by the session."
                    )
                )
        self.check_access("create")
        sessions = self.env["hr.training.session"].browse(
            {vals.get("session_id") for vals in vals_list if vals.get("session_id")}
        )
        closed = sessions.sudo().filtered(lambda s: s.state in ("done", "cancel"))
        if closed:
            raise UserError(
                _(
                    "Session %(session)s is closed or cancelled: nobody enrols "
                    "any more.",
                    session=closed[0].name,
                )
            )
        if any(set(vals) - ENROL_FIELDS for vals in vals_list) or any(
            not vals.get("session_id") or not vals.get("employee_id")
            for vals in vals_list
        ):
            # server data carrying evaluation values: the ORM's way
            attendees = super(
                HrTrainingAttendee,
                self.with_context(mail_create_nolog=True, mail_create_nosubscribe=True),
            ).create(vals_list)
            attendees = attendees.with_env(self.env)
            attendees._check_need()
            attendees._check_capacity()
            attendees._check_employee_company()
        else:
            attendees = self._insert_enrolments(vals_list)
        attendees.check_access("create")
        confirmed = sessions.sudo().filtered(lambda s: s.state == "confirmed")
        confirmed.sitting_ids._invite_partners()
        return attendees

    def _insert_enrolments(self, vals_list):
        """Check the enrolments of ``vals_list`` set-wise, then insert them
        in one query with what ``create`` would store (the session's and the
        employee's snapshot, nothing attended yet); a test compares every
        stored column with ``create``'s."""
        env = self.env
        sessions = (
            env["hr.training.session"]
            .sudo()
            .browse({vals["session_id"] for vals in vals_list})
        )
        sessions.fetch(
            [
                "name",
                "state",
                "company_id",
                "course_id",
                "category_id",
                "date_start",
                "date_end",
                "trainer_id",
                "trainer_user_id",
                "capacity",
            ]
        )
        employees = (
            env["hr.employee"]
            .sudo()
            .with_context(active_test=False)
            .search_fetch(
                [("id", "in", [vals["employee_id"] for vals in vals_list])],
                ["name", "user_id", "department_id", "parent_id", "company_id"],
            )
        )
        self._check_enrolments(vals_list, sessions, employees)
        rows = []
        for vals in vals_list:
            session = sessions.browse(vals["session_id"])
            employee = employees.browse(vals["employee_id"])
            course = session.course_id
            rows.append(
                {
                    "session_id": session.id,
                    "employee_id": employee.id,
                    "note": vals.get("note") or False,
                    "need_id": vals.get("need_id") or False,
                    "company_id": session.company_id.id,
                    "course_id": course.id,
                    "category_id": session.category_id.id,
                    "session_state": session.state,
                    "date_start": session.date_start,
                    "date_end": session.date_end,
                    "trainer_id": session.trainer_id.id,
                    "trainer_user_id": session.trainer_user_id.id,
                    "employee_user_id": employee.user_id.id,
                    "department_id": employee.department_id.id,
                    "manager_user_id": (
                        employee.parent_id.user_id
                        or employee.department_id.manager_id.user_id
                    ).id,
                    "attended": False,
                    "attended_ratio": 0.0,
                    "absent_count": 0,
                    "hours": 0.0,
                    "l2_scored": False,
                    "l2_score": 0.0,
                    "l2_passed": bool(training_math.passed(None, course.pass_mark)),
                    "completed": False,
                    "valid_until": False,
                }
            )
        attendees = insert_rows(self.sudo(), rows).with_env(env)
        sessions.invalidate_recordset(["attendee_ids"])
        sessions.modified(["attendee_ids"])
        return attendees

    def _check_enrolments(self, vals_list, sessions, employees):
        """The rules of an enrolment, for the whole batch in a few reads:
        an employee once per session, the employees of the given needs, the
        seats of each session, the company of the session."""
        seen = set()
        for vals in vals_list:
            key = (vals["session_id"], vals["employee_id"])
            if key in seen:
                self._raise_duplicate(*key)
            seen.add(key)
        existing = (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch(
                [
                    ("session_id", "in", sessions.ids),
                    ("employee_id", "in", employees.ids),
                ],
                ["session_id", "employee_id"],
            )
        )
        for attendee in existing:
            if (attendee.session_id.id, attendee.employee_id.id) in seen:
                self._raise_duplicate(attendee.session_id.id, attendee.employee_id.id)
        needs = (
            self.env["hr.training.need"]
            .sudo()
            .browse({vals["need_id"] for vals in vals_list if vals.get("need_id")})
        )
        for vals in vals_list:
            if vals.get("need_id"):
                self._check_need_of(
                    employees.browse(vals["employee_id"]), needs.browse(vals["need_id"])
                )
        counts = dict(
            self.sudo()._read_group(
                [("session_id", "in", sessions.filtered("capacity").ids)],
                ["session_id"],
                ["__count"],
            )
        )
        for session in sessions.filtered("capacity"):
            count = counts.get(session, 0) + sum(
                1 for vals in vals_list if vals["session_id"] == session.id
            )
            if count > session.capacity:
                raise ValidationError(
                    _(
                        "Session %(session)s is full: %(count)s attendees for "
                        "%(capacity)s seats.",
                        session=session.name,
                        count=count,
                        capacity=session.capacity,
                    )
                )
        for vals in vals_list:
            session = sessions.browse(vals["session_id"])
            employee = employees.browse(vals["employee_id"])
            if employee.company_id not in (
                session.company_id,
                self.env["res.company"],
            ):
                raise ValidationError(
                    _(
                        "Attendee %(employee)s works for another company than "
                        "the session %(session)s.",
                        employee=employee.name,
                        session=session.name,
                    )
                )

    def _raise_duplicate(self, session_id, employee_id):
        raise UserError(
            _(
                "%(employee)s is already enrolled in the session %(session)s.",
                employee=self.env["hr.employee"].sudo().browse(employee_id).name,
                session=self.env["hr.training.session"].sudo().browse(session_id).name,
            )
        )

    def _check_need(self):
        for attendee in self.filtered("need_id"):
            self._check_need_of(attendee.employee_id, attendee.need_id.sudo())

    def _check_need_of(self, employee, need):
        if employee not in need.employee_ids and (
            not need.department_id or employee.department_id != need.department_id
        ):
            raise ValidationError(
                _(
                    "%(employee)s is not one of the employees of the "
                    "training need %(need)s.",
                    employee=employee.name,
                    need=need.name,
                )
            )
        if need.state in ("covered", "cancelled"):
            raise ValidationError(
                _(
                    "The training need %(need)s is covered or cancelled.",
                    need=need.name,
                )
            )

    def _check_capacity(self):
        """Raise when a session of ``self`` holds more attendees than seats
        (one grouped count for every session)."""
        sessions = self.session_id.filtered("capacity")
        if not sessions:
            return
        self.flush_model(["session_id"])
        counts = dict(
            self.sudo()._read_group(
                [("session_id", "in", sessions.ids)], ["session_id"], ["__count"]
            )
        )
        for session in sessions:
            if counts.get(session, 0) > session.capacity:
                raise ValidationError(
                    _(
                        "Session %(session)s is full: %(count)s attendees for "
                        "%(capacity)s seats.",
                        session=session.name,
                        count=counts[session],
                        capacity=session.capacity,
                    )
                )

    def _check_employee_company(self):
        for attendee in self:
            if attendee.employee_id.company_id not in (
                attendee.company_id,
                self.env["res.company"],
            ):
                raise ValidationError(
                    _(
                        "Attendee %(employee)s works for another company than "
                        "the session %(session)s.",
                        employee=attendee.employee_id.name,
                        session=attendee.session_id.name,
                    )
                )

    def _allowed_fields(self):
        """Fields the current user may write on every record of ``self``."""
        if self._is_hr():
            return HR_FIELDS
        uid = self.env.uid
        allowed = None
        for attendee in self.sudo():
            mine = set()
            if attendee.trainer_user_id.id == uid:
                mine |= TRAINER_FIELDS
            if attendee.manager_user_id.id == uid or attendee.is_in_my_team:
                mine |= MANAGER_FIELDS
            allowed = mine if allowed is None else allowed & mine
        return allowed or set()

    def write(self, vals):
        if not self.env.su:
            refused = set(vals) - self._allowed_fields()
            if refused:
                raise AccessError(
                    _(
                        "You may not change %(fields)s of these attendees.",
                        fields=", ".join(
                            self._fields[name].string
                            for name in sorted(refused)
                            if name in self._fields
                        )
                        or ", ".join(sorted(refused)),
                    )
                )
            if {"session_id", "employee_id"} & set(vals) and self.filtered(
                lambda a: a.session_state != "draft"
            ):
                raise UserError(
                    _("Move an attendee only while the session is a draft.")
                )
            if MANAGER_FIELDS & set(vals):
                not_done = self.filtered(lambda a: a.session_state != "done")
                if not_done:
                    raise UserError(
                        _(
                            "Attendee %(attendee)s: the behaviour is observed "
                            "after the session closes.",
                            attendee=not_done[0].display_name,
                        )
                    )
                absent = self.filtered(lambda a: not a.attended)
                if absent:
                    raise UserError(
                        _(
                            "%(employee)s did not attend %(session)s: there is "
                            "nothing to evaluate.",
                            employee=absent[0].employee_id.name,
                            session=absent[0].session_id.name,
                        )
                    )
            if "l1_score" in vals:
                absent = self.filtered(lambda a: not a.attended)
                if absent:
                    raise UserError(
                        _(
                            "%(employee)s did not attend %(session)s: there is "
                            "nothing to evaluate.",
                            employee=absent[0].employee_id.name,
                            session=absent[0].session_id.name,
                        )
                    )
            if "l2_practical_score" in vals:
                absent = self.filtered(
                    lambda a: (
                        a.session_state in ("confirmed", "done") and not a.attended
                    )
                )
                if absent and vals["l2_practical_score"]:
                    raise UserError(
                        _(
                            "%(employee)s did not attend %(session)s: there is "
                            "nothing to evaluate.",
                            employee=absent[0].employee_id.name,
                            session=absent[0].session_id.name,
                        )
                    )
        if "l1_score" in vals:
            vals = dict(vals, l1_done=True)
        if "l3_score" in vals:
            vals = dict(vals, l3_done=True)
        result = super().write(vals)
        if "l2_practical_score" in vals:
            self.sudo()._after_learning_scored()
        if {"l1_score", "l3_score", "l2_practical_score"} & set(vals):
            self.session_id.sudo()._update_level_averages()
        if "l3_score" in vals:
            self.sudo()._close_followup_activities()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_archived(self):
        if not self._is_hr():
            raise AccessError(_("Only HR officers remove attendees."))
        if self.filtered(lambda a: a.session_state == "done"):
            raise UserError(_("The attendees of a closed session stay in the archive."))

    # ------------------------------------------------------------------
    # evaluation paths (server side)
    # ------------------------------------------------------------------

    def _check_answerer(self, partner):
        """Raise unless ``partner`` is the attendee and they attended."""
        self.ensure_one()
        employee = self.employee_id.sudo()
        own = employee.work_contact_id | employee.user_id.partner_id
        if not partner or partner not in own:
            raise UserError(
                _(
                    "This evaluation of %(session)s belongs to %(employee)s: "
                    "someone who did not attend cannot answer it.",
                    session=self.session_id.name,
                    employee=employee.name,
                )
            )
        if not self.attended:
            raise UserError(
                _(
                    "%(employee)s did not attend %(session)s: there is nothing "
                    "to evaluate.",
                    employee=employee.name,
                    session=self.session_id.name,
                )
            )

    def _record_survey_answer(self, user_input):
        """A survey answer of this attendee is done: keep its score."""
        self.ensure_one()
        user = self.env.user
        answerer = user.partner_id if not user._is_public() else user_input.partner_id
        self._check_answerer(answerer)
        score = user_input.scoring_percentage
        if user_input.training_level == "reaction":
            self.sudo().write({"l1_score": score, "l1_done": True})
        else:
            self.sudo().write({"l2_exam_score": score, "l2_exam_done": True})
            self.sudo()._after_learning_scored()
        self.session_id.sudo()._update_level_averages()

    def _send_reaction_surveys(self):
        """Create the reaction (level 1) answers of the attendees who came,
        one batch per survey, and tell each attendee."""
        for survey, attendees in (
            self.filtered(lambda a: a.attended and not a.l1_user_input_id)
            .grouped(lambda a: a.course_id.feedback_survey_id)
            .items()
        ):
            if not survey:
                continue
            attendees._create_survey_answers(survey, "reaction")

    def _send_exams(self):
        """Create the exam (level 2) answers of the attendees who came."""
        for survey, attendees in (
            self.filtered(lambda a: a.attended and not a.l2_user_input_id)
            .grouped(lambda a: a.course_id.survey_id)
            .items()
        ):
            if not survey:
                continue
            attendees._create_survey_answers(survey, "learning")

    def _create_survey_answers(self, survey, level):
        UserInput = self.env["survey.user_input"].sudo()
        field = "l1_user_input_id" if level == "reaction" else "l2_user_input_id"
        values = []
        for attendee in self:
            partner = attendee.employee_id.user_id.partner_id or (
                attendee.employee_id.work_contact_id
            )
            values.append(
                {
                    "survey_id": survey.id,
                    "partner_id": partner.id,
                    "email": partner.email,
                    "training_attendee_id": attendee.id,
                    "training_level": level,
                }
            )
        answers = UserInput.create(values)
        update_rows(
            self,
            {
                attendee.id: {field: answer.id}
                for attendee, answer in zip(self, answers, strict=True)
            },
        )
        self._schedule_activities(
            "mail.mail_activity_data_todo",
            [
                {
                    "res_id": attendee.id,
                    "user_id": attendee.employee_user_id.id,
                    "summary": (
                        self.env._(
                            "Rate the training %(session)s",
                            session=attendee.session_id.name,
                        )
                        if level == "reaction"
                        else self.env._(
                            "Take the exam of %(session)s",
                            session=attendee.session_id.name,
                        )
                    ),
                    "note": answer.get_start_url(),
                }
                for attendee, answer in zip(self, answers, strict=True)
                if attendee.employee_user_id
            ],
        )

    def _schedule_activities(self, type_xmlid, vals_list):
        """Schedule activities of the type ``type_xmlid`` on attendees, one
        dict per activity (``res_id``, ``user_id``, ``summary``, ``note``;
        due today unless given), in one create for all."""
        if not vals_list:
            return
        activity_type = self.env.ref(type_xmlid)
        model = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        self.env["mail.activity"].sudo().with_context(
            mail_activity_quick_update=True
        ).create(
            [
                {
                    "res_model_id": model,
                    "activity_type_id": activity_type.id,
                    "automated": True,
                    "date_deadline": today,
                    **vals,
                }
                for vals in vals_list
            ]
        )

    def _schedule_behaviour_followups(self):
        """Ask each attended employee's manager for the behaviour (level 3)
        observation ``followup_weeks`` after the session (one create of the
        activities for all the attendees)."""
        attended = self.filtered("attended")
        update_rows(
            attended,
            {
                attendee.id: {
                    "l3_date_due": attendee.date_end
                    + timedelta(weeks=attendee.course_id.followup_weeks)
                }
                for attendee in attended
            },
        )
        todo = self.env.ref("mail.mail_activity_data_todo")
        model = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].sudo().with_context(
            mail_activity_quick_update=True
        ).create(
            [
                {
                    "res_model_id": model,
                    "res_id": attendee.id,
                    "activity_type_id": todo.id,
                    "date_deadline": attendee.l3_date_due,
                    "user_id": attendee.manager_user_id.id,
                    "summary": self.env._(
                        "Observe how %(employee)s applies %(course)s",
                        employee=attendee.employee_id.name,
                        course=attendee.course_id.name,
                    ),
                }
                for attendee in attended
                if attendee.manager_user_id
            ]
        )

    def _close_followup_activities(self):
        """Mark done the behaviour activities (those assigned to each
        attendee's manager), in one read and one feedback for all."""
        managers = {attendee.id: attendee.manager_user_id.id for attendee in self}
        activities = self.env["mail.activity"].search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        )
        activities.filtered(
            lambda act: act.user_id and act.user_id.id == managers.get(act.res_id)
        ).action_feedback(feedback=_("Behaviour observed."))

    def _after_learning_scored(self):
        """Archive the passed attendees of closed sessions; the failed ones
        need training again."""
        done = self.filtered(lambda a: a.session_state == "done")
        done._apply_completion()
        done.filtered(lambda a: a.l2_scored and not a.l2_passed)._on_failed()

    def _on_unexcused_absence(self, lines):
        """Warn the manager of each attendee absent without leave (one
        activity per attendee, however many sittings they missed)."""
        warning = self.env.ref("mail.mail_activity_data_warning")
        warned = {
            (activity.res_id, activity.user_id.id)
            for activity in self.env["mail.activity"]
            .sudo()
            .search_fetch(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "=", warning.id),
                ],
                ["res_id", "user_id"],
            )
        }
        dates = {}
        for line in lines:
            dates.setdefault(line.attendee_id.id, set()).add(line.date)
        self._schedule_activities(
            "mail.mail_activity_data_warning",
            [
                {
                    "res_id": attendee.id,
                    "user_id": attendee.manager_user_id.id,
                    "summary": self.env._(
                        "%(employee)s was absent without leave from %(session)s",
                        employee=attendee.employee_id.name,
                        session=attendee.session_id.name,
                    ),
                    "note": ", ".join(
                        str(d) for d in sorted(dates.get(attendee.id, ()))
                    ),
                }
                for attendee in self
                if attendee.manager_user_id
                and (attendee.id, attendee.manager_user_id.id) not in warned
            ],
        )
        self._create_retraining_needs(
            lambda a: a.env._(
                "Absent without leave from %(session)s.", session=a.session_id.name
            )
        )

    def _on_failed(self):
        """A failed learning (level 2): a note and a re-training need."""
        self._message_log_batch(
            bodies={
                attendee.id: self.env._(
                    "Failed: learning score %(score)s below the pass mark %(mark)s.",
                    score=round(attendee.l2_score, 2),
                    mark=attendee.course_id.pass_mark,
                )
                for attendee in self
            }
        )
        self._create_retraining_needs(
            lambda a: a.env._(
                "Failed %(session)s: learning score %(score)s below the pass "
                "mark %(mark)s.",
                session=a.session_id.name,
                score=round(a.l2_score, 2),
                mark=a.course_id.pass_mark,
            ),
            urgency="high",
        )

    def _create_retraining_needs(self, reason, urgency="normal"):
        """One re-training need (hr.training.need) per attendee that has
        none yet, approved by their manager as any other need."""
        todo = self.filtered(lambda a: not a.retraining_need_id)
        if not todo:
            return
        needs = (
            self.env["hr.training.need"]
            .sudo()
            .create(
                [
                    {
                        "name": self.env._(
                            "Re-training: %(course)s", course=attendee.course_id.name
                        ),
                        "company_id": attendee.company_id.id,
                        "employee_ids": [Command.set(attendee.employee_id.ids)],
                        "source": "manager",
                        "category": attendee.category_id.family or "professional",
                        "urgency": urgency,
                        "reason": reason(attendee),
                        "requested_by": attendee.manager_user_id.id or self.env.user.id,
                    }
                    for attendee in todo
                ]
            )
        )
        update_rows(
            todo,
            {
                attendee.id: {"retraining_need_id": need.id}
                for attendee, need in zip(todo, needs, strict=True)
            },
        )

    def _apply_completion(self):
        """Write each completed course on the employee's résumé (type
        Training) and grant the course's skills, once."""
        todo = (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch(
                [
                    ("id", "in", self.ids),
                    ("completed", "=", True),
                    ("resume_line_id", "=", False),
                ],
                [
                    "employee_id",
                    "course_id",
                    "date_start",
                    "date_end",
                    "hours",
                    "l2_scored",
                    "l2_score",
                    "valid_until",
                ],
                order="id",
            )
            .with_env(self.env)
        )
        if not todo:
            return
        line_type = self.env.ref(
            "hr_appraisal_training.resume_line_type_training", raise_if_not_found=False
        )
        Line = self.env["hr.resume.line"].sudo()
        # what other addons compute on a résumé line (hr_skills_survey: the
        # department, the expiry) is computed here in memory, from the
        # employees read once
        computed = [
            name
            for name, field in Line._fields.items()
            if field.store
            and field.column_type
            and field.compute
            and name not in models.LOG_ACCESS_COLUMNS
        ]
        self.env["hr.employee"].sudo().with_context(active_test=False).search_fetch(
            [("id", "in", todo.employee_id.ids)], ["department_id"]
        )
        rows = []
        for attendee in todo:
            row = {
                "employee_id": attendee.employee_id.id,
                "name": attendee.course_id.name,
                "date_start": attendee.date_start,
                "date_end": attendee.date_end,
                "description": attendee._resume_description(),
                "line_type_id": line_type.id if line_type else False,
            }
            draft = Line.new(row)
            row.update(
                {
                    name: Line._fields[name].convert_to_write(draft[name], draft)
                    for name in computed
                }
            )
            rows.append(row)
        lines = insert_rows(Line, rows)
        update_rows(
            todo,
            {
                attendee.id: {"resume_line_id": line.id}
                for attendee, line in zip(todo, lines, strict=True)
            },
        )
        todo._grant_skills()

    def _resume_description(self):
        self.ensure_one()
        parts = [_("%(hours)s hours", hours=round(self.hours, 1))]
        if self.l2_scored:
            parts.append(_("score %(score)s", score=round(self.l2_score, 2)))
        if self.valid_until:
            parts.append(_("valid until %(date)s", date=self.valid_until))
        return "; ".join(parts)

    def _grant_skills(self):
        """Give each employee the course's skills, raising a lower level and
        never lowering a higher one (one read of the employees' skills)."""
        EmployeeSkill = self.env["hr.employee.skill"].sudo()
        existing = {
            (skill.employee_id.id, skill.skill_id.id): skill
            for skill in EmployeeSkill.search(
                [
                    ("employee_id", "in", self.employee_id.ids),
                    ("skill_id", "in", self.course_id.skill_ids.skill_id.ids),
                ]
            )
        }
        to_create = {}
        for attendee in self:
            for grant in attendee.course_id.skill_ids:
                key = (attendee.employee_id.id, grant.skill_id.id)
                current = existing.get(key)
                if current:
                    if current.skill_level_id.level_progress < (
                        grant.skill_level_id.level_progress
                    ):
                        current.skill_level_id = grant.skill_level_id
                elif (
                    key not in to_create
                    or to_create[key]["level"].level_progress
                    < grant.skill_level_id.level_progress
                ):
                    to_create[key] = {"grant": grant, "level": grant.skill_level_id}
        if to_create:
            EmployeeSkill.create(
                [
                    {
                        "employee_id": employee_id,
                        "skill_type_id": item["grant"].skill_type_id.id,
                        "skill_id": skill_id,
                        "skill_level_id": item["level"].id,
                    }
                    for (employee_id, skill_id), item in to_create.items()
                ]
            )

    def _compute_results(self):
        """Level 4: mean appraisal final score and mean target achievement
        of each attendee's employee in the window before and after the
        session. One read of the attendees, one grouped read of the
        appraisals, one of the targets and one update, whatever their
        number."""
        if not self:
            return
        attendees = (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch(
                [("id", "in", self.ids)],
                ["session_id", "employee_id", "date_start", "date_end"],
                order="id",
            )
        )
        windows = {}
        for attendee in attendees:
            months = relativedelta(months=attendee.session_id.results_window_months)
            windows[attendee.id] = (
                attendee.date_start - months,
                attendee.date_start,
                attendee.date_end,
                attendee.date_end + months,
            )
        lowest = min(w[0] for w in windows.values())
        highest = max(w[3] for w in windows.values())
        employee_ids = attendees.employee_id.ids
        groupby = ["employee_id", "date_from:day", "date_to:day"]
        by_employee = {}
        for kind, model, domain, value, scale in (
            (
                "review",
                "hr.performance.review",
                [("state", "=", "done"), ("has_final_score", "=", True)],
                "final_score",
                1.0,
            ),
            ("target", "hr.target", [("level", "=", "employee")], "achievement", 100.0),
        ):
            groups = (
                self.env[model]
                .sudo()
                ._read_group(
                    [
                        ("employee_id", "in", employee_ids),
                        ("date_to", ">=", lowest),
                        ("date_from", "<=", highest),
                        *domain,
                    ],
                    groupby,
                    [f"{value}:array_agg"],
                )
            )
            for employee, date_from, date_to, values in groups:
                by_employee.setdefault((kind, employee.id), []).extend(
                    (date_from, date_to, scale * (v or 0.0)) for v in values
                )
        results = {}
        for attendee in attendees:
            before_from, start, end, after_to = windows[attendee.id]
            values = {}
            for kind, prefix in (("review", "l4"), ("target", "target")):
                rows = by_employee.get((kind, attendee.employee_id.id), [])
                before = [v for d_from, d_to, v in rows if before_from <= d_to < start]
                after = [v for d_from, d_to, v in rows if end < d_from <= after_to]
                mean_before, mean_after, change = training_math.results_change(
                    before, after
                )
                values.update(
                    {
                        f"{prefix}_before": mean_before or 0.0,
                        f"{prefix}_after": mean_after or 0.0,
                        f"{prefix}_change": change or 0.0,
                        f"{prefix}_before_known": mean_before is not None,
                        f"{prefix}_after_known": mean_after is not None,
                    }
                )
            results[attendee.id] = values
        update_rows(attendees, results)
