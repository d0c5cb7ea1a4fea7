# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class HrTrainingSession(models.Model):
    """Confirming a session of an online course linked to an eLearning
    course enrols its attendees there; closing it takes their eLearning
    completion as learning score when the course has no exam."""

    _inherit = "hr.training.session"

    def action_confirm(self):
        result = super().action_confirm()
        self._enrol_elearning()
        return result

    def action_close(self):
        self._check_hr()
        self.filtered(
            lambda s: s.state == "confirmed"
        ).sudo().attendee_ids._score_elearning_completion()
        return super().action_close()

    def _enrol_elearning(self):
        """Make the attendees of the sessions members of their course's
        eLearning course (one call of website_slides per eLearning course)."""
        self.sudo().attendee_ids._enrol_elearning()
