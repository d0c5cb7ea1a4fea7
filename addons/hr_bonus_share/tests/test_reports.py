# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import BonusShareCase

HEADERS = [
    "No.",
    "Employee",
    "Grade",
    "Months of Service",
    "Outstanding",
    "Rule Applied",
    "Proposed",
    "Adjusted",
    "Final Amount",
    "Note",
]


class BonusReportCase(BonusShareCase):
    def _approved_plan(self):
        plan = self._computed_plan()
        zhang, li = self._share(plan, self.zhang), self._share(plan, self.li)
        self._as("manager", li).write(
            {"outstanding": True, "amount_adjusted": li.amount + 1000}
        )
        self._as("manager", zhang).write({"amount_adjusted": zhang.amount - 1000})
        self._submit_all(plan)
        self._as("principal", plan).action_approve()
        return plan

    def _rows(self, content):
        book = openpyxl.load_workbook(io.BytesIO(content), data_only=True)
        sheet = book.worksheets[0]
        return sheet, list(sheet.iter_rows(values_only=True))


@tagged("post_install", "-at_install")
class TestBonusPlanReports(BonusReportCase):
    def test_xlsx_reads_back(self):
        plan = self._approved_plan()
        action = self._as("finance", plan).action_export_xlsx()
        self.assertEqual(action["url"], f"/hr_bonus_share/plan_xlsx/{plan.id}")
        content = self.env["hr.bonus.plan.xlsx.report"]._get_xlsx(plan)
        sheet, rows = self._rows(content)
        self.assertIn(str(plan.fiscal_year), sheet["A1"].value)
        self.assertIn("300,000.00", sheet["A2"].value)
        self.assertEqual(list(rows[3]), HEADERS)
        by_name = {row[1]: row for row in rows[4:] if row[1]}
        zhang, li = self._share(plan, self.zhang), self._share(plan, self.li)
        self.assertEqual(by_name["张三"][2], "G1")
        self.assertEqual(by_name["张三"][3], 12)
        self.assertEqual(
            by_name["张三"][6:9],
            (zhang.amount_proposed, zhang.amount_adjusted, zhang.amount),
        )
        self.assertEqual(by_name["张三"][6] - 1000, by_name["张三"][8])
        self.assertEqual(by_name["李四"][4], "Yes")
        self.assertTrue(by_name["李四"][5].startswith("A"))
        self.assertEqual(by_name["李四"][8], li.amount)
        # department sections with their amounts, then the total
        sections = {row[0]: row[8] for row in rows if row[0] and "ratio" in str(row[0])}
        self.assertEqual(sorted(sections.values()), [90000, 90000, 120000])
        total = next(row for row in rows if row[0] == "Total")
        self.assertEqual(total[6:9], (300000, 300000, 300000))
        flat = [cell for row in rows for cell in row if cell]
        for label in ("Prepared by:", "Finance:", "Principal:"):
            self.assertIn(label, flat)

    def test_export_and_pdf_refused_to_employees_and_managers(self):
        plan = self._approved_plan()
        for role in ("employee", "manager"):
            with self.assertRaises(AccessError, msg=role):
                self._as(role, plan).action_export_xlsx()
        report = self.env.ref("hr_bonus_share.action_report_hr_bonus_plan")
        with self.assertRaises(AccessError):
            report.with_user(self.users["employee"])._render_qweb_html(
                report.report_name, plan.ids
            )

    def test_pdf_renders_with_the_amounts(self):
        plan = self._approved_plan()
        report = self.env.ref("hr_bonus_share.action_report_hr_bonus_plan")
        html, _kind = report.with_user(self.users["principal"])._render_qweb_html(
            report.report_name, plan.ids
        )
        html = html.decode()
        self.assertIn(plan.name, html)
        self.assertIn("300,000.00", html)
        self.assertIn("120,000.00", html)
        self.assertIn(self.zhang.name, html)
        self.assertIn(self.annual_cycle.name, html)
        self.assertIn("Principal:", html)

    def test_employee_sees_own_share_and_rule_once_approved(self):
        plan = self._computed_plan()
        Share = self.env["hr.bonus.share"].with_user(self.users["employee"])
        self.assertFalse(Share.search([]))
        self._submit_all(plan)
        self._as("principal", plan).action_approve()
        own = Share.search([])
        self.assertEqual(own.employee_id.user_id, self.users["employee"])
        self.assertEqual(len(own), 1)
        self.assertEqual(own.rule, own.sudo().rule)
        self.assertTrue(own.rule)
        self.assertEqual(own.amount, own.sudo().amount)
        action = self.env.ref("hr_bonus_share.hr_bonus_share_action_my")
        self.assertIn("plan_state", action.domain)


@tagged("post_install", "-at_install")
class TestBonusPlanDownload(HttpCase, BonusReportCase):
    """The workbook is a download checked on each request, never an
    attachment."""

    def test_download_by_role(self):
        plan = self._approved_plan()
        url = f"/hr_bonus_share/plan_xlsx/{plan.id}"
        attachments = self.env["ir.attachment"].search_count([])
        for role in ("finance", "principal"):
            user = self.users[role]
            self.authenticate(user.login, user.login)
            response = self.url_open(url)
            self.assertEqual(response.status_code, 200, response.text[:3000])
            self.assertIn("spreadsheetml", response.headers["Content-Type"])
            self.assertIn("attachment", response.headers["Content-Disposition"])
            __, rows = self._rows(response.content)
            self.assertEqual(list(rows[3]), HEADERS)
            self.assertIn("张三", [row[1] for row in rows])
        self.assertEqual(self.env["ir.attachment"].search_count([]), attachments)
        for role in ("employee", "manager"):
            user = self.users[role]
            self.authenticate(user.login, user.login)
            response = self.url_open(url)
            self.assertIn(response.status_code, (403, 404), role)
            self.assertNotIn("spreadsheetml", response.headers.get("Content-Type", ""))
