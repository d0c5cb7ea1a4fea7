# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL


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

    def _elearning_keys(self):
        """``{attendee id: (eLearning course id, partner id)}`` for the
        attendees of ``self`` whose course links an eLearning course, in one
        query whatever their number. The partner is the one website_slides
        knows the employee by: their user's, else their work contact (as for
        the surveys of the training)."""
        ids = [i for i in self.ids if i]
        if not ids:
            return {}
        self.flush_model(["employee_id", "course_id"])
        self.env["hr.employee"].flush_model(["user_id", "work_contact_id"])
        self.env["res.users"].flush_model(["partner_id"])
        self.env["hr.training.course"].flush_model(["slide_channel_id"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT a.id, c.slide_channel_id,
                       COALESCE(u.partner_id, e.work_contact_id)
                  FROM hr_training_attendee a
                  JOIN hr_training_course c ON c.id = a.course_id
                  JOIN hr_employee e ON e.id = a.employee_id
             LEFT JOIN res_users u ON u.id = e.user_id
                 WHERE a.id = ANY(%s) AND c.slide_channel_id IS NOT NULL
                """,
                ids,
            )
        )
        return {
            attendee: (channel, partner)
            for attendee, channel, partner in rows
            if partner
        }

    @api.depends("course_id.slide_channel_id", "employee_id")
    def _compute_elearning(self):
        """One read of the memberships of every attendee of ``self``."""
        keys = self._elearning_keys()
        memberships = {}
        if keys:
            for row in self.env["slide.channel.partner"].search_read(
                [
                    ("channel_id", "in", list({k[0] for k in keys.values()})),
                    ("partner_id", "in", list({k[1] for k in keys.values()})),
                ],
                ["channel_id", "partner_id", "completion", "member_status"],
                load=None,
            ):
                memberships[row["channel_id"], row["partner_id"]] = row
        for attendee in self:
            row = memberships.get(keys.get(attendee.id))
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
        partners_by_channel = {}
        for channel, partner in self._elearning_keys().values():
            partners_by_channel.setdefault(channel, set()).add(partner)
        Channel = self.env["slide.channel"].sudo()
        for channel, partners in partners_by_channel.items():
            Channel.browse(channel)._action_add_members(
                self.env["res.partner"].browse(sorted(partners))
            )

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
