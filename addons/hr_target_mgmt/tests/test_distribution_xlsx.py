# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io

import openpyxl

from odoo.tests import tagged

from .common_perf_pay import PerfPayCase


@tagged("post_install", "-at_install")
class TestDistributionXlsx(PerfPayCase):
    def test_export_reads_back(self):
        run = self._new_run()
        run.action_compute_lines()
        self._line(run, self.li).note = "新人"
        action = run.with_user(self.users["manager"]).action_export_distribution()
        self.assertEqual(action["type"], "ir.actions.act_url")
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        self.assertEqual(attachment.res_id, run.id)
        self.assertTrue(attachment.name.startswith("业务奖金分配表_2026-03"))
        book = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(attachment.datas)), data_only=True
        )
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
        self.assertEqual(rows["王主管"][11:13], (1000, 1000))
        totals = [cell.value for cell in sheet[8]]
        self.assertEqual(totals[0], "合计")
        self.assertEqual(totals[10:13], [525, 1000, 1525])
        # the formulas are there for whoever edits the sheet
        formulas = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(attachment.datas))
        )["业务奖金分配表"]
        self.assertEqual(formulas["M8"].value, "=SUM(M5:M7)")
        signatures = [
            cell.value
            for row in sheet.iter_rows(min_row=11, max_row=11)
            for cell in row
        ]
        for label in ("制表:", "财务审核:", "校长审批:"):
            self.assertIn(label, signatures)
