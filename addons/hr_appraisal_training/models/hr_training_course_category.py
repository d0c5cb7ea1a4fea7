# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class HrTrainingCourseCategory(models.Model):
    """A category of training courses (课程类别): the four families of the
    after-sales training policy (general, professional, management,
    frontier) and their sub-categories, shipped as data."""

    _name = "hr.training.course.category"
    _description = "Training Course Category"
    _parent_name = "parent_id"
    _parent_store = True
    _rec_name = "complete_name"
    _order = "complete_name"

    name = fields.Char(required=True, translate=True)
    complete_name = fields.Char(
        compute="_compute_complete_name", store=True, recursive=True
    )
    parent_id = fields.Many2one(
        "hr.training.course.category", string="Parent Category", ondelete="restrict"
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many(
        "hr.training.course.category", "parent_id", string="Sub-categories"
    )
    family = fields.Selection(
        [
            ("general", "General"),
            ("professional", "Professional"),
            ("management", "Management"),
            ("frontier", "Frontier"),
        ],
        compute="_compute_family",
        store=True,
        readonly=False,
        recursive=True,
        help="The course family of the training policy; a sub-category "
        "takes its parent's.",
    )
    description = fields.Text(translate=True)
    course_count = fields.Integer(compute="_compute_course_count")
    active = fields.Boolean(default=True)

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for category in self:
            if category.parent_id:
                category.complete_name = (
                    f"{category.parent_id.complete_name} / {category.name}"
                )
            else:
                category.complete_name = category.name

    @api.depends("parent_id.family")
    def _compute_family(self):
        for category in self:
            if category.parent_id:
                category.family = category.parent_id.family

    def _compute_course_count(self):
        counts = {
            category.id: count
            for category, count in self.env["hr.training.course"]._read_group(
                [("category_id", "child_of", self.ids)], ["category_id"], ["__count"]
            )
        }
        for category in self:
            category.course_count = sum(
                counts.get(child_id, 0)
                for child_id in self.search([("id", "child_of", category.id)]).ids
            )

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(
                _("A course category cannot be its own parent (directly or not).")
            )
