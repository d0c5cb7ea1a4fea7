# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class HrTrainingCourse(models.Model):
    """An online course may link the eLearning course (website_slides) its
    attendees follow: they become its members when their session is
    confirmed."""

    _inherit = "hr.training.course"

    slide_channel_id = fields.Many2one(
        "slide.channel",
        string="eLearning Course",
        index="btree_not_null",
        ondelete="set null",
        tracking=True,
        domain="['|', ('website_id', '=', False), "
        "('website_id.company_id', '=', company_id)]",
        help="The eLearning course (Website > eLearning) of this online "
        "course: the attendees of its confirmed sessions become its members "
        "and their progress shows on the attendee. Leave empty for a course "
        "on an outside platform (Online Course Link).",
    )

    @api.onchange("mode")
    def _onchange_mode_slide_channel(self):
        if self.mode != "online":
            self.slide_channel_id = False

    @api.constrains("slide_channel_id", "mode", "company_id")
    def _check_slide_channel(self):
        for course in self.filtered("slide_channel_id"):
            channel = course.slide_channel_id.sudo()
            if course.mode != "online":
                raise ValidationError(
                    _(
                        "Course %(course)s: only an online course links an "
                        "eLearning course.",
                        course=course.display_name,
                    )
                )
            website = channel.website_id
            if website and website.company_id != course.company_id:
                raise ValidationError(
                    _(
                        "Course %(course)s: the eLearning course %(channel)s is "
                        "published on the website of %(company)s; choose an "
                        "eLearning course of the course's company or one shown "
                        "on every website.",
                        course=course.display_name,
                        channel=channel.name,
                        company=website.company_id.name,
                    )
                )

    def _check_slide_channel_access(self, vals_list):
        """One links only an eLearning course one may read: the enrolment
        that follows is the server's and reaches any eLearning course."""
        if self.env.su:
            return
        ids = {
            vals["slide_channel_id"]
            for vals in vals_list
            if vals.get("slide_channel_id")
        }
        self.env["slide.channel"].browse(ids).check_access("read")

    @api.model_create_multi
    def create(self, vals_list):
        self._check_slide_channel_access(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._check_slide_channel_access([vals])
        result = super().write(vals)
        if vals.get("slide_channel_id"):
            # linked after its sessions were confirmed: enrol their attendees
            self.env["hr.training.session"].sudo().search(
                [("course_id", "in", self.ids), ("state", "=", "confirmed")]
            )._enrol_elearning()
        return result
