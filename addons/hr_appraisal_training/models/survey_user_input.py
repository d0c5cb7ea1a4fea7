# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError

# the links of an answer to what it evaluates: set by the server only
SUITE_LINKS = ("performance_reviewer_id", "training_attendee_id", "training_level")


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
    training_attendee_id = fields.Many2one(
        "hr.training.attendee", index="btree_not_null", readonly=True, copy=False
    )
    training_level = fields.Selection(
        [("reaction", "Reaction (L1)"), ("learning", "Learning (L2)")],
        readonly=True,
        copy=False,
    )

    def _mark_done(self):
        result = super()._mark_done()
        for answer in self.filtered("performance_reviewer_id"):
            answer.performance_reviewer_id._fold_survey(answer)
        for user_input in self.filtered("training_attendee_id"):
            user_input.training_attendee_id.sudo()._record_survey_answer(user_input)
        return result

    def _check_suite_links(self, vals):
        if not self.env.su and any(fname in vals for fname in SUITE_LINKS):
            raise AccessError(
                _(
                    "Only the appraisal or the training session links a survey "
                    "answer to what it evaluates."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_suite_links(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_suite_links(vals)
        return super().write(vals)
