# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

MODES = [
    ("internal", "Internal"),
    ("external", "External"),
    ("online", "Online"),
    ("practice", "On-the-job Practice"),
]


class HrTrainingCourse(models.Model):
    """A training course (培训课程): its category, mode, duration, materials,
    exam, validity of the certificate it gives, and the skills it grants."""

    _name = "hr.training.course"
    _description = "Training Course"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "category_id, name, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char()
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        index=True,
        help="Leave empty for a course shared by every company.",
    )
    category_id = fields.Many2one(
        "hr.training.course.category",
        required=True,
        index=True,
        tracking=True,
    )
    mode = fields.Selection(MODES, required=True, default="internal", tracking=True)
    description = fields.Html(translate=True)
    objectives = fields.Text(translate=True)
    duration_hours = fields.Float(
        string="Duration (hours)", digits=(16, 1), required=True, default=1.0
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "hr_training_course_attachment_rel",
        "course_id",
        "attachment_id",
        string="Materials",
    )
    elearning_url = fields.Char(
        string="Online Course Link",
        help="Link of the online course, e.g. an eLearning course of this "
        "database (Website > eLearning) or of an outside platform.",
    )
    survey_id = fields.Many2one(
        "survey.survey",
        string="Exam",
        domain="[('certification', '=', True)]",
        help="A certification survey: its score is the attendee's learning "
        "(level 2) score.",
    )
    pass_mark = fields.Float(
        digits=(16, 2),
        default=60.0,
        help="Lowest learning score (0 to 100) that passes the course; a "
        "failed attendee gets a re-training need.",
    )
    feedback_survey_id = fields.Many2one(
        "survey.survey",
        string="Satisfaction Survey",
        help="Reaction (level 1) questionnaire sent to the attendees when a "
        "session of this course closes; scored surveys give a score.",
    )
    followup_weeks = fields.Integer(
        string="Behaviour Follow-up (weeks)",
        default=8,
        help="Weeks after a session's end when the attendee's manager is "
        "asked for the behaviour (level 3) observation.",
    )
    validity_months = fields.Integer(
        string="Validity (months)",
        help="Months a passed course stays valid in the training archive; "
        "0 means it does not expire.",
    )
    skill_ids = fields.One2many(
        "hr.training.course.skill", "course_id", string="Skills Granted"
    )
    color = fields.Integer()

    @api.constrains("duration_hours", "pass_mark", "validity_months", "followup_weeks")
    def _check_numbers(self):
        for course in self:
            if not 0 < course.duration_hours <= 10000:
                raise ValidationError(
                    _(
                        "Course %(course)s: the duration must be more than 0 "
                        "and at most 10,000 hours.",
                        course=course.display_name,
                    )
                )
            if not 0 <= course.pass_mark <= 100:
                raise ValidationError(
                    _(
                        "Course %(course)s: the pass mark lies from 0 to 100.",
                        course=course.display_name,
                    )
                )
            if not 0 <= course.validity_months <= 1200 or not (
                0 <= course.followup_weeks <= 520
            ):
                raise ValidationError(
                    _(
                        "Course %(course)s: the validity (0 to 1,200 months) and "
                        "the follow-up delay (0 to 520 weeks) cannot be negative "
                        "or absurd.",
                        course=course.display_name,
                    )
                )
