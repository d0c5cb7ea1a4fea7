# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    performance_review_count = fields.Integer(
        string="Appraisal Count",
        compute="_compute_performance_review_count",
        groups="hr_target_mgmt.group_hr_target_mgmt_manager",
    )

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_performance_review_count(self):
        counts = {
            employee.id: count
            for employee, count in self.env["hr.performance.review"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        }
        for employee in self:
            employee.performance_review_count = counts.get(employee.id, 0)

    def action_open_performance_reviews(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_appraisal_training.hr_performance_review_action"
        )
        action.update(
            {
                "name": _("Appraisals of %(name)s", name=self.name),
                "domain": [("employee_id", "=", self.id)],
                "context": {},
                "view_mode": "list,form,kanban,pivot,graph",
                "views": [
                    (False, mode)
                    for mode in ("list", "form", "kanban", "pivot", "graph")
                ],
            }
        )
        return action
