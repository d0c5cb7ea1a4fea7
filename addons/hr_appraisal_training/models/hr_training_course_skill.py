# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class HrTrainingCourseSkill(models.Model):
    """A skill (hr_skills) and the level a passed course grants."""

    _name = "hr.training.course.skill"
    _description = "Skill Granted by a Training Course"
    _order = "course_id, skill_type_id, id"

    course_id = fields.Many2one(
        "hr.training.course", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="course_id.company_id", store=True)
    skill_type_id = fields.Many2one("hr.skill.type", required=True)
    skill_id = fields.Many2one(
        "hr.skill", required=True, domain="[('skill_type_id', '=', skill_type_id)]"
    )
    skill_level_id = fields.Many2one(
        "hr.skill.level",
        string="Level",
        required=True,
        domain="[('skill_type_id', '=', skill_type_id)]",
    )

    _sql_constraints = [
        (
            "skill_unique",
            "UNIQUE(course_id, skill_id)",
            "A course grants each skill once.",
        )
    ]

    @api.constrains("skill_type_id", "skill_id", "skill_level_id")
    def _check_skill_type(self):
        for line in self:
            if (
                line.skill_id.skill_type_id != line.skill_type_id
                or line.skill_level_id.skill_type_id != line.skill_type_id
            ):
                raise ValidationError(
                    _(
                        "Course %(course)s: the skill %(skill)s and its level "
                        "must belong to the skill type %(type)s.",
                        course=line.course_id.display_name,
                        skill=line.skill_id.name,
                        type=line.skill_type_id.name,
                    )
                )
