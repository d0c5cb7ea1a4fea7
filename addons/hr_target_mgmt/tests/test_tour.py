# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .common import MONTH, PerfPayCase


@tagged("post_install", "-at_install")
class TestPerformancePayTour(HttpCase, PerfPayCase):
    """In the browser: the supervisor reports the month, finance verifies."""

    def test_report_then_verify(self):
        run = self.env["hr.performance.pay.run"].create(
            {
                "date_month": MONTH,
                "company_id": self.company.id,
                "department_id": self.department.id,
            }
        )
        run.action_compute_lines()
        self.start_tour(
            "/odoo/action-hr_target_mgmt.hr_performance_pay_run_action",
            "hr_target_mgmt_performance_pay_report",
            login="pp_manager",
        )
        self.assertEqual(run.state, "reported")
        self.start_tour(
            "/odoo/action-hr_target_mgmt.hr_performance_pay_run_action",
            "hr_target_mgmt_performance_pay_verify",
            login="pp_finance",
        )
        self.assertEqual(run.state, "verified")
