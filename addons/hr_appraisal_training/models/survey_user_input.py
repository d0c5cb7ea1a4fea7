# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    performance_reviewer_id = fields.Many2one(
        "hr.performance.review.reviewer",
        string="Appraisal 360 Reviewer",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        help="The appraisal this answer reviews, as a customer.",
    )

    def _mark_done(self):
        result = super()._mark_done()
        for answer in self.filtered("performance_reviewer_id"):
            answer.performance_reviewer_id._fold_survey(answer)
        return result

    def _check_reviewer_link(self, vals):
        if "performance_reviewer_id" in vals and not self.env.su:
            raise AccessError(
                _("Only the appraisal links a survey answer to a 360 reviewer.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_reviewer_link(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_reviewer_link(vals)
        return super().write(vals)
