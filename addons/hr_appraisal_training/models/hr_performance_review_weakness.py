# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError

#: Fields the reviewer (manager of the team or HR officer) writes.
REVIEWER_FIELDS = {"name", "skill_id", "category", "urgency", "note"}


class HrPerformanceReviewWeakness(models.Model):
    """A weakness agreed in the appraisal (面谈中确认的不足): it becomes a
    training need of the employee (source: appraisal)."""

    _name = "hr.performance.review.weakness"
    _description = "Appraisal Weakness"
    _order = "review_id, sequence, id"

    review_id = fields.Many2one(
        "hr.performance.review", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    employee_id = fields.Many2one(related="review_id.employee_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Weakness", required=True)
    skill_id = fields.Many2one("hr.skill")
    category = fields.Selection(
        [
            ("general", "General"),
            ("professional", "Professional"),
            ("management", "Management"),
            ("frontier", "Frontier"),
        ],
        string="Training Category",
        required=True,
        default="professional",
    )
    urgency = fields.Selection(
        [("low", "Low"), ("normal", "Normal"), ("high", "High")],
        required=True,
        default="normal",
    )
    note = fields.Text(string="Way to Improve")
    training_need_id = fields.Many2one(
        "hr.training.need", readonly=True, ondelete="set null", copy=False
    )

    def _check_reviewer_write(self, reviews, fnames):
        if self.env.su:
            return
        forbidden = set(fnames) - REVIEWER_FIELDS - {"review_id", "sequence"}
        if forbidden:
            raise AccessError(
                _(
                    "Appraisal weaknesses: %(fields)s cannot be written by you.",
                    fields=", ".join(sorted(forbidden)),
                )
            )
        reviews._check_reviewer()

    @api.model_create_multi
    def create(self, vals_list):
        reviews = self.env["hr.performance.review"].browse(
            {vals.get("review_id") for vals in vals_list}
        )
        for vals in vals_list:
            self._check_reviewer_write(reviews, vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_reviewer_write(self.review_id, vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_reviewer(self):
        if not self.env.su:
            self.review_id._check_reviewer()
