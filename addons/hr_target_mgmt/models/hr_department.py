# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class HrDepartment(models.Model):
    _name = "hr.department"
    _inherit = ["hr.department", "hr.team.scope.mixin"]

    @api.model
    def _team_scope_domain(self):
        return [("id", "in", self._team_managed_department_ids())]

    performance_pay_scale_id = fields.Many2one(
        "hr.performance.pay.scale",
        string="Performance-Pay Scale",
        domain="[('company_id', '=', company_id)]",
        help="Scale of the department's employees when neither their contract "
        "nor their job names one.",
    )
