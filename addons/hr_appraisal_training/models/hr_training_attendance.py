# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.hr_target_mgmt.tools.bulk import insert_rows, update_rows

GROUP_HR_OFFICER = "hr_target_mgmt.group_hr_target_mgmt_hr_officer"

STATUSES = [
    ("present", "Present"),
    ("late", "Late"),
    ("left_early", "Left Early"),
    ("absent", "Absent"),
]
#: Fields the trainer or HR write on a line.
RECORDER_FIELDS = {"status", "note"}


class HrTrainingAttendance(models.Model):
    """The attendance (考勤) of one attendee in one sitting, recorded by the
    session's trainer or an HR officer, on a day of the session."""

    _name = "hr.training.attendance"
    _description = "Training Attendance"
    _order = "date desc, sitting_id, attendee_id, id"

    attendee_id = fields.Many2one(
        "hr.training.attendee", required=True, ondelete="cascade", index=True
    )
    sitting_id = fields.Many2one(
        "hr.training.session.sitting", required=True, ondelete="cascade", index=True
    )
    session_id = fields.Many2one(
        related="attendee_id.session_id", store=True, index=True
    )
    employee_id = fields.Many2one(related="attendee_id.employee_id", store=True)
    employee_user_id = fields.Many2one(
        related="attendee_id.employee_user_id",
        string="Employee User",
        store=True,
        index=True,
    )
    manager_user_id = fields.Many2one(related="attendee_id.manager_user_id", store=True)
    trainer_user_id = fields.Many2one(
        related="attendee_id.trainer_user_id",
        string="Trainer User",
        store=True,
        index=True,
    )
    company_id = fields.Many2one(related="attendee_id.company_id", store=True)
    date = fields.Date(required=True)
    status = fields.Selection(STATUSES, required=True, default="present")
    leave_excused = fields.Boolean(related="attendee_id.leave_excused")
    note = fields.Char()
    recorded_by_id = fields.Many2one("res.users", readonly=True)

    _sql_constraints = [
        (
            "attendee_sitting_unique",
            "UNIQUE(attendee_id, sitting_id)",
            "An attendee has one attendance line per sitting.",
        )
    ]

    @api.constrains("date", "sitting_id", "attendee_id")
    def _check_date(self):
        for line in self:
            session = line.attendee_id.session_id
            if line.sitting_id.session_id != session:
                raise ValidationError(
                    _(
                        "Attendance of %(employee)s: the sitting belongs to "
                        "another session.",
                        employee=line.employee_id.name,
                    )
                )
            if not session.date_start <= line.date <= session.date_end:
                raise ValidationError(
                    _(
                        "Attendance of %(employee)s on %(date)s lies outside the "
                        "dates of the session %(session)s (%(start)s to %(end)s).",
                        employee=line.employee_id.name,
                        date=line.date,
                        session=session.name,
                        start=session.date_start,
                        end=session.date_end,
                    )
                )

    @api.model
    def _check_recorder(self, sessions):
        """Only the trainer of each session, or an HR officer, records."""
        if self.env.su or self.env.user.has_group(GROUP_HR_OFFICER):
            return
        others = sessions.sudo().filtered(lambda s: s.trainer_user_id != self.env.user)
        if others:
            raise AccessError(
                _(
                    "Only the trainer of %(session)s or an HR officer records "
                    "its attendance.",
                    session=others[0].name,
                )
            )

    def _check_open(self, sessions):
        closed = sessions.sudo().filtered(lambda s: s.state != "confirmed")
        if closed:
            raise UserError(
                _(
                    "Session %(session)s: attendance is recorded while the "
                    "session is confirmed (not in draft, closed or cancelled).",
                    session=closed[0].name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if set(vals) - (
                    RECORDER_FIELDS | {"attendee_id", "sitting_id", "date"}
                ):
                    raise AccessError(
                        _("These attendance fields are set by the server.")
                    )
            attendees = (
                self.env["hr.training.attendee"]
                .sudo()
                .browse([vals.get("attendee_id") for vals in vals_list])
            )
            self._check_recorder(attendees.session_id)
            self._check_open(attendees.session_id)
        for vals in vals_list:
            vals.setdefault("recorded_by_id", self.env.uid)
        lines = super().create(vals_list)
        lines._apply_policy()
        return lines

    @api.model
    def _insert_lines(self, attendees, sitting, status):
        """One line per attendee of ``attendees`` in ``sitting``, all with
        ``status``, in one insert with what ``create`` would store (a test
        compares every stored column); the attendees' figures follow.
        Server code only: the caller checks the rights first."""
        attendees = attendees.sudo().search_fetch(
            [("id", "in", attendees.ids)],
            [
                "session_id",
                "employee_id",
                "employee_user_id",
                "manager_user_id",
                "trainer_user_id",
                "company_id",
            ],
            order="id",
        )
        lines = insert_rows(
            self,
            [
                {
                    "attendee_id": attendee.id,
                    "sitting_id": sitting.id,
                    "date": sitting.date,
                    "status": status,
                    "recorded_by_id": self.env.uid,
                    "session_id": attendee.session_id.id,
                    "employee_id": attendee.employee_id.id,
                    "employee_user_id": attendee.employee_user_id.id,
                    "manager_user_id": attendee.manager_user_id.id,
                    "trainer_user_id": attendee.trainer_user_id.id,
                    "company_id": attendee.company_id.id,
                }
                for attendee in attendees
            ],
        )
        sitting.invalidate_recordset(["attendance_ids"])
        attendees.session_id.invalidate_recordset(["attendance_ids"])
        attendees.invalidate_recordset(["attendance_ids"])
        attendees._update_attendance_figures()
        lines._apply_policy()
        return lines

    def write(self, vals):
        if not self.env.su:
            if set(vals) - RECORDER_FIELDS:
                raise AccessError(
                    _("Only the status and the note of an attendance line change.")
                )
            self._check_recorder(self.session_id)
            self._check_open(self.session_id)
            vals = dict(vals, recorded_by_id=self.env.uid)
        if not set(vals) - RECORDER_FIELDS - {"recorded_by_id"}:
            # the status of a whole sitting marked at once: one update
            if "status" in vals and vals["status"] not in dict(STATUSES):
                raise ValidationError(
                    _(
                        "%(status)s is not a status of attendance.",
                        status=vals["status"],
                    )
                )
            self.check_access("write")
            update_rows(self, {line.id: vals for line in self})
            if "status" in vals:
                self._attendees()._update_attendance_figures()
        else:
            super().write(vals)
        if "status" in vals:
            self._apply_policy()
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed_session(self):
        if not self.env.su:
            self._check_recorder(self.session_id)
            self._check_open(self.session_id)

    def _attendees(self):
        """The attendees of the lines (one read)."""
        return (
            self.env["hr.training.attendee"]
            .sudo()
            .search([("attendance_ids", "in", self.ids)], order="id")
        )

    def _apply_policy(self):
        """Absent without leave: a warning activity to the attendee's
        manager (and, where the need model is installed, a re-training
        need). One read of the lines concerned."""
        absent = self.sudo().search_fetch(
            [
                ("id", "in", self.ids),
                ("status", "=", "absent"),
                ("attendee_id.leave_excused", "=", False),
            ],
            ["attendee_id", "date"],
            order="id",
        )
        if absent:
            absent.attendee_id.sudo()._on_unexcused_absence(absent)
