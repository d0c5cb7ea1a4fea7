# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class HrEmployeePublic(models.Model):
    """Users without the Employees app's rights search employees through
    this public model: it has the same team scope as ``hr.employee``."""

    _name = "hr.employee.public"
    _inherit = ["hr.employee.public", "hr.team.scope.mixin"]

    @api.model
    def _team_scope_domain(self):
        return self._team_employee_domain("id")
