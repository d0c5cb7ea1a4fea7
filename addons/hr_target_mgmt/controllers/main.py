# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.http import content_disposition, request

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(content, filename):
    """The HTTP response of an XLSX report of the suite: a download made on
    the fly, never stored nor cached."""
    return request.make_response(
        content,
        headers=[
            ("Content-Type", XLSX),
            ("Content-Disposition", content_disposition(filename)),
            ("Cache-Control", "no-store"),
        ],
    )


class DistributionTableController(http.Controller):
    @http.route(
        "/hr_target_mgmt/distribution/<int:run_id>",
        type="http",
        auth="user",
        methods=["GET"],
        readonly=True,
    )
    def download_distribution(self, run_id):
        """The distribution table of a run as an XLSX download, for the
        users allowed to read it (the run's own access check); the file is
        made on the fly and never stored."""
        run = request.env["hr.performance.pay.run"].browse(run_id).exists()
        if not run:
            raise request.not_found()
        run._check_distribution_access()
        # the user may read the run and all its lines: the names, departments
        # and jobs on them are read as superuser (finance has no HR rights)
        content = request.env["hr.performance.pay.distribution.report"]._get_xlsx(
            run.sudo()
        )
        filename = f"业务奖金分配表_{run.month_label}_{run.team_name or ''}.xlsx"
        return xlsx_response(content, filename)
