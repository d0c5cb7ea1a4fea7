# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.http import request

from odoo.addons.hr_target_mgmt.controllers.main import xlsx_response


class BonusPlanController(http.Controller):
    @http.route(
        "/hr_bonus_share/plan_xlsx/<int:plan_id>",
        type="http",
        auth="user",
        methods=["GET"],
        readonly=True,
    )
    def download_plan_xlsx(self, plan_id):
        """The profit-sharing plan as an XLSX download, for the users allowed
        to read it whole (the plan's own access check); the file is made on
        the fly and never stored."""
        plan = request.env["hr.bonus.plan"].browse(plan_id).exists()
        if not plan:
            raise request.not_found()
        plan._check_report_access()
        # the user may read the plan and all its shares: the names, grades
        # and departments on them are read as superuser
        content = request.env["hr.bonus.plan.xlsx.report"]._get_xlsx(plan.sudo())
        filename = f"{plan.name}_{plan.company_id.name}.xlsx"
        return xlsx_response(content, filename)
