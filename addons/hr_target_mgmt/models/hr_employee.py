# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models


class HrEmployee(models.Model):
    _name = "hr.employee"
    _inherit = ["hr.employee", "hr.team.scope.mixin"]

    @api.model
    def _team_scope_domain(self):
        return self._team_employee_domain("id")

    target_count = fields.Integer(
        compute="_compute_target_count",
        groups="hr_target_mgmt.group_hr_target_mgmt_manager",
    )
    probation_count = fields.Integer(
        compute="_compute_probation_count",
        groups="hr_target_mgmt.group_hr_target_mgmt_hr_officer",
    )

    @api.depends_context("uid")
    def _compute_target_count(self):
        counts = {
            employee.id: count
            for employee, count in self.env["hr.target"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        }
        for employee in self:
            employee.target_count = counts.get(employee.id, 0)

    @api.depends_context("uid")
    def _compute_probation_count(self):
        counts = {
            employee.id: count
            for employee, count in self.env["hr.target.probation"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        }
        for employee in self:
            employee.probation_count = counts.get(employee.id, 0)

    def action_open_targets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_target_mgmt.hr_target_action"
        )
        action.update(
            {
                "name": _("Targets of %(name)s", name=self.name),
                "domain": [("employee_id", "=", self.id)],
                "context": {
                    "default_employee_id": self.id,
                    "default_level": "employee",
                },
            }
        )
        return action

    def action_open_probations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_target_mgmt.hr_target_probation_action"
        )
        action.update(
            {
                "domain": [("employee_id", "=", self.id)],
                "context": {"default_employee_id": self.id},
            }
        )
        return action
