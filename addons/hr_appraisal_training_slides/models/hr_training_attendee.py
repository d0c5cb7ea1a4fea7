# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class HrTrainingAttendee(models.Model):
    """The attendee of an online course linked to an eLearning course: a
    member of that course from the session's confirmation, their progress
    read from website_slides (never written by a client)."""

    _inherit = "hr.training.attendee"

    slide_channel_id = fields.Many2one(
        related="course_id.slide_channel_id", string="eLearning Course"
    )
    elearning_member = fields.Boolean(
        string="eLearning Member",
        compute="_compute_elearning",
        compute_sudo=True,
        help="The employee is a member of the course's eLearning course.",
    )
    elearning_completion = fields.Integer(
        string="eLearning Completion (%)",
        compute="_compute_elearning",
        compute_sudo=True,
        help="Share of the eLearning course's contents the employee completed.",
    )
    elearning_completed = fields.Boolean(
        string="eLearning Completed",
        compute="_compute_elearning",
        compute_sudo=True,
        help="The employee finished the eLearning course.",
    )

    def _elearning_partner(self):
        """The contact website_slides knows the employee by: their user's,
        else their work contact (as for the surveys of the training)."""
        self.ensure_one()
        employee = self.employee_id.sudo()
        return employee.user_id.partner_id or employee.work_contact_id

    @api.depends("course_id.slide_channel_id", "employee_id")
    def _compute_elearning(self):
        """One read of the memberships of every attendee of ``self``."""
        channels = self.course_id.slide_channel_id
        partners = self.env["res.partner"].union(
            *(attendee._elearning_partner() for attendee in self)
        )
        memberships = {}
        if channels and partners:
            for row in self.env["slide.channel.partner"].search_read(
                [
                    ("channel_id", "in", channels.ids),
                    ("partner_id", "in", partners.ids),
                ],
                ["channel_id", "partner_id", "completion", "member_status"],
                load=None,
            ):
                memberships[row["channel_id"], row["partner_id"]] = row
        for attendee in self:
            row = memberships.get(
                (attendee.slide_channel_id.id, attendee._elearning_partner().id)
            )
            completed = bool(row) and row["member_status"] == "completed"
            attendee.elearning_member = bool(row) and row["member_status"] != "invited"
            attendee.elearning_completed = completed
            attendee.elearning_completion = (
                100 if completed else (row or {}).get("completion", 0)
            )

    @api.model_create_multi
    def create(self, vals_list):
        attendees = super().create(vals_list)
        attendees.filtered(lambda a: a.session_state == "confirmed")._enrol_elearning()
        return attendees

    def _enrol_elearning(self):
        """Add the employees to their course's eLearning course: one call of
        website_slides' own ``_action_add_members`` per eLearning course for
        all the attendees. The enrolment is the server's (the callers checked
        that an HR officer organises the session), hence ``sudo``: an HR
        officer need not be an eLearning officer of the course."""
        online = self.sudo().filtered(
            lambda a: a.course_id.mode == "online" and a.course_id.slide_channel_id
        )
        for channel, attendees in online.grouped(
            lambda a: a.course_id.slide_channel_id
        ).items():
            partners = self.env["res.partner"].union(
                *(attendee._elearning_partner() for attendee in attendees)
            )
            channel._action_add_members(partners)

    def _score_elearning_completion(self):
        """When the session closes: for a course linked to an eLearning
        course and without exam, the eLearning completion is the practical
        learning (level 2) score of each attendee who came and whom the
        trainer did not score (passed when it reaches the course's pass
        mark)."""
        todo = self.sudo().filtered(
            lambda a: (
                a.attended
                and a.course_id.mode == "online"
                and a.course_id.slide_channel_id
                and not a.course_id.survey_id
                and not a.l2_exam_done
                and not a.l2_practical_score
                and a.elearning_completion
            )
        )
        for score, attendees in todo.grouped("elearning_completion").items():
            attendees.write({"l2_practical_score": score})
