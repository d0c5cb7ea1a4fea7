# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The printable appraisal form and the XLSX export of a cycle's results."""

import io

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import HrAppraisalCase


class ReportCase(HrAppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle = cls.env["hr.performance.review.cycle"].create(
            {
                "name": "2026 Q1 (report)",
                "company_id": cls.company.id,
                "cycle_type": "quarterly",
                "date_from": "2026-01-01",
                "employee_ids": [Command.set((cls.zhang | cls.li).ids)],
            }
        )
        cls.cycle.action_open()
        cls.review = cls.cycle.review_ids.filtered(lambda r: r.employee_id == cls.zhang)
        service = cls.review.line_ids.filtered(lambda ln: ln.method == "rating")
        service.write({"self_score": 4, "evidence_note": "12 家长好评"})
        cls.review.write(
            {
                "employee_comment": "完成招生目标",
                "manager_comment": "继续保持",
                "manager_note": "私下:可提拔",
            }
        )
        cls.review.action_submit_self()
        service.write({"manager_score": 3})
        cls.review.action_done()


@tagged("post_install", "-at_install")
class TestReports(ReportCase):
    def test_appraisal_form_html(self):
        html = (
            self.env["ir.actions.report"]
            .with_user(self.users["employee"])
            ._render_qweb_html(
                "hr_appraisal_training.hr_performance_review_report", self.review.ids
            )[0]
            .decode()
        )
        self.assertIn("张三", html)
        self.assertIn("Service", html)
        self.assertIn("86.40", html)
        self.assertIn(self.review.band_id.name, html)
        self.assertIn("继续保持", html)
        self.assertIn("12 家长好评", html)
        self.assertNotIn("可提拔", html)

    def test_results_xlsx(self):
        content = self.env["hr.performance.review.cycle.results.report"]._get_xlsx(
            self.cycle
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = list(sheet.iter_rows(min_row=5, values_only=True))
        by_name = {row[0]: row for row in rows}
        self.assertEqual(set(by_name), {"张三", "李四"})
        self.assertAlmostEqual(by_name["张三"][5], 86.4)
        self.assertEqual(by_name["张三"][6], self.review.band_id.name)
        self.assertIsNone(by_name["李四"][5])  # not done: no final score
        for role in ("employee", "manager"):
            with self.assertRaises(AccessError):
                self._as(role, self.cycle).action_export_results()
        action = self._as("hr_officer", self.cycle).action_export_results()
        self.assertIn(f"/results/{self.cycle.id}", action["url"])


@tagged("post_install", "-at_install")
class TestResultsDownload(HttpCase, ReportCase):
    def test_download_by_role(self):
        url = f"/hr_appraisal_training/results/{self.cycle.id}"
        self.authenticate("pp_hr_officer", "pp_hr_officer")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, response.text[:2000])
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        names = {row[0] for row in sheet.iter_rows(min_row=5, values_only=True)}
        self.assertEqual(names, {"张三", "李四"})
        for role in ("employee", "manager"):
            self.authenticate(f"pp_{role}", f"pp_{role}")
            response = self.url_open(url)
            self.assertIn(response.status_code, (403, 404), role)
            self.assertNotIn("spreadsheetml", response.headers.get("Content-Type", ""))
