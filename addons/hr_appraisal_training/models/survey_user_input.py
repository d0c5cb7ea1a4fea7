# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

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
        for user_input in self.filtered("training_attendee_id"):
            user_input.training_attendee_id.sudo()._record_survey_answer(user_input)
        return result
