# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

import openpyxl

from odoo.tests import HttpCase, tagged

from .common import PerfPayCase


@tagged("post_install", "-at_install")
class TestDistributionXlsx(PerfPayCase):
    def test_export_reads_back(self):
        run = self._new_run()
        run.action_compute_lines()
        self._line(run, self.li).note = "新人"
        action = run.with_user(self.users["manager"]).action_export_distribution()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertEqual(action["url"], f"/hr_target_mgmt/distribution/{run.id}")
        content = self.env["hr.performance.pay.distribution.report"]._get_xlsx(run)
        book = openpyxl.load_workbook(io.BytesIO(content), data_only=True)
        sheet = book["业务奖金分配表"]
        self.assertEqual(sheet["A1"].value, "业务奖金分配表")
        headers = [cell.value for cell in sheet[4]]
        self.assertEqual(
            headers,
            [
                "序号",
                "姓名",
                "部门",
                "岗位",
                "基本工资",
                "目标",
                "实际完成",
                "完成率",
                "绩效系数",
                "绩效工资标准",
                "绩效工资",
                "团队奖励",
                "合计",
                "备注",
            ],
        )
        rows = {
            row[1]: row
            for row in sheet.iter_rows(min_row=5, max_row=7, values_only=True)
        }
        self.assertEqual(set(rows), {"张三", "李四", "王主管"})
        self.assertEqual(rows["张三"][4:13], (1000, 10, 15, 1.5, 1.5, 300, 450, 0, 450))
        self.assertEqual(rows["李四"][10], 75)
        self.assertEqual(rows["李四"][13], "新人")
        # the supervisor paid on the team: the team's target and actual
        self.assertEqual(rows["王主管"][5:8], (100000, 90000, 0.9))
        self.assertEqual(rows["王主管"][11:13], (1000, 1000))
        totals = [cell.value for cell in sheet[8]]
        self.assertEqual(totals[0], "合计")
        self.assertEqual(totals[10:13], [525, 1000, 1525])
        # the formulas are there for whoever edits the sheet
        formulas = openpyxl.load_workbook(io.BytesIO(content))["业务奖金分配表"]
        self.assertEqual(formulas["M8"].value, "=SUM(M5:M7)")
        signatures = [
            cell.value
            for row in sheet.iter_rows(min_row=11, max_row=11)
            for cell in row
        ]
        for label in ("制表:", "财务审核:", "校长审批:"):
            self.assertIn(label, signatures)


@tagged("post_install", "-at_install")
class TestDistributionDownload(HttpCase, PerfPayCase):
    """The table is a download checked on each request, never an attachment
    an employee could read later."""

    def test_download_by_role(self):
        run = self._new_run()
        run.action_compute_lines()
        url = f"/hr_target_mgmt/distribution/{run.id}"
        attachments = self.env["ir.attachment"].search_count([])
        for role in ("finance", "manager"):
            self.authenticate(f"pp_{role}", f"pp_{role}")
            response = self.url_open(url)
            self.assertEqual(response.status_code, 200, response.text[:3000])
            self.assertIn("spreadsheetml", response.headers["Content-Type"])
            self.assertIn("attachment", response.headers["Content-Disposition"])
            sheet = openpyxl.load_workbook(io.BytesIO(response.content))[
                "业务奖金分配表"
            ]
            self.assertEqual(sheet["B5"].value, "张三")
        self.assertEqual(self.env["ir.attachment"].search_count([]), attachments)
        # 张三 has a line in the run, yet may not download his colleagues' pay;
        # nor may the manager of another department
        for role in ("employee", "manager2"):
            self.authenticate(f"pp_{role}", f"pp_{role}")
            response = self.url_open(url)
            self.assertIn(response.status_code, (403, 404), role)
            self.assertNotIn("spreadsheetml", response.headers.get("Content-Type", ""))
