# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.http import request

from odoo.addons.hr_target_mgmt.controllers.main import xlsx_response


class CycleResultsController(http.Controller):
    @http.route(
        "/hr_appraisal_training/results/<int:cycle_id>",
        type="http",
        auth="user",
        methods=["GET"],
        readonly=True,
    )
    def download_results(self, cycle_id):
        """The results of a cycle as an XLSX download, for HR officers (the
        cycle's own access check); made on the fly, never stored."""
        cycle = request.env["hr.performance.review.cycle"].browse(cycle_id).exists()
        if not cycle:
            raise request.not_found()
        cycle._check_results_access()
        # the user may read the cycle's results: the names of the jobs and
        # departments are read as superuser (HR officers of the suite need
        # no rights on Odoo's HR app)
        report = request.env["hr.performance.review.cycle.results.report"]
        content = report._get_xlsx(cycle.sudo())
        filename = f"考核结果_{cycle.name}.xlsx"
        return xlsx_response(content, filename)


class TrainingArchiveController(http.Controller):
    @http.route(
        "/hr_appraisal_training/training_archive/<int:employee_id>",
        type="http",
        auth="user",
        methods=["GET"],
        readonly=True,
    )
    def download_training_archive(self, employee_id):
        """An employee's training archive as an XLSX download, for the
        employee, their manager and HR officers (checked on each request);
        made on the fly and never stored."""
        employee = request.env["hr.employee"].sudo().browse(employee_id).exists()
        if not employee:
            raise request.not_found()
        employee.with_user(request.env.user)._check_training_archive_access()
        content = request.env["hr.training.archive.xlsx"]._get_xlsx(employee)
        filename = f"培训档案_{employee.name}.xlsx"
        return xlsx_response(content, filename)
