# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, _, fields, models
from odoo.exceptions import UserError


class HrPerformanceReview(models.Model):
    """Improvement after the appraisal: weaknesses turned into training
    needs, the improvement plan (IDP) and HR's recommendation."""

    _inherit = "hr.performance.review"

    weakness_ids = fields.One2many(
        "hr.performance.review.weakness", "review_id", string="Weaknesses"
    )
    training_need_ids = fields.One2many(
        "hr.training.need", "review_id", string="Training Needs", readonly=True
    )
    idp_ids = fields.One2many(
        "hr.performance.idp", "review_id", string="Improvement Plans", readonly=True
    )
    recommendation_ids = fields.One2many(
        "hr.performance.review.recommendation",
        "review_id",
        string="Recommendations",
        readonly=True,
    )

    def _approval_unlocked_fields(self):
        # weaknesses are agreed at the interview, once the review is done
        return super()._approval_unlocked_fields() | {"weakness_ids"}

    def _check_client_write(self, vals):
        # the weaknesses check their own writer
        vals = {key: value for key, value in vals.items() if key != "weakness_ids"}
        return super()._check_client_write(vals)

    def action_create_training_needs(self):
        """Each weakness without a training need becomes one (source:
        appraisal) for the employee; the manager or HR does it."""
        self._check_reviewer()
        self.check_access("write")
        weaknesses = self.weakness_ids.filtered(lambda w: not w.training_need_id)
        if not weaknesses:
            raise UserError(
                _(
                    "%(reviews)s: write the weaknesses agreed with the employee "
                    "first; each one becomes a training need.",
                    reviews=", ".join(self.mapped("display_name")),
                )
            )
        needs = (
            self.env["hr.training.need"]
            .sudo()
            .create(
                [
                    {
                        "name": weakness.name,
                        "company_id": weakness.review_id.company_id.id,
                        "employee_ids": [
                            Command.set(weakness.review_id.employee_id.ids)
                        ],
                        "department_id": weakness.review_id.department_id.id,
                        "skill_id": weakness.skill_id.id,
                        "category": weakness.category,
                        "urgency": weakness.urgency,
                        "reason": weakness.note,
                        "source": "appraisal",
                        "review_id": weakness.review_id.id,
                        "requested_by": self.env.user.id,
                    }
                    for weakness in weaknesses
                ]
            )
        )
        for weakness, need in zip(weaknesses, needs, strict=True):
            weakness.sudo().training_need_id = need
        return True

    def action_view_training_needs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_appraisal_training.hr_training_need_action"
        )
        action["domain"] = [("review_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_create_idp(self):
        """The improvement plan of the appraisal (manager or HR)."""
        self.ensure_one()
        self._check_reviewer()
        self.check_access("write")
        idp = self.idp_ids[:1]
        if not idp:
            idp = self.env["hr.performance.idp"].create(
                {
                    "review_id": self.id,
                    "employee_id": self.employee_id.id,
                    "name": _(
                        "Improvement plan of %(employee)s",
                        employee=self.employee_id.sudo().name,
                    ),
                }
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.performance.idp",
            "res_id": idp.id,
            "view_mode": "form",
        }
