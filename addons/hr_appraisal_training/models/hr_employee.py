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

    training_attendee_ids = fields.One2many(
        "hr.training.attendee",
        "employee_id",
        string="Training Archive",
        groups="hr_target_mgmt.group_hr_target_mgmt_manager",
    )
    training_count = fields.Integer(
        string="Trainings",
        compute="_compute_training_stats",
        groups="hr_target_mgmt.group_hr_target_mgmt_employee",
    )
    training_hours = fields.Float(
        compute="_compute_training_stats",
        digits=(16, 1),
        groups="hr_target_mgmt.group_hr_target_mgmt_employee",
    )

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_training_stats(self):
        """The closed sessions of each employee that the user may read (the
        archive's record rules apply), one grouped read."""
        stats = {
            employee.id: (count, hours)
            for employee, count, hours in self.env["hr.training.attendee"]._read_group(
                [("employee_id", "in", self.ids), ("session_state", "=", "done")],
                ["employee_id"],
                ["__count", "hours:sum"],
            )
        }
        for employee in self:
            employee.training_count, employee.training_hours = stats.get(
                employee.id, (0, 0.0)
            )

    def action_open_training_archive(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_appraisal_training.hr_training_attendee_action_archive"
        )
        action.update(
            {
                "name": _("Training Archive of %(name)s", name=self.name),
                "domain": [
                    ("employee_id", "=", self.id),
                    ("session_state", "=", "done"),
                ],
                "context": {},
            }
        )
        return action

    def action_print_training_archive(self):
        return self.env.ref(
            "hr_appraisal_training.action_report_training_archive"
        ).report_action(self)
