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
                "团队目标",
                "团队实际",
                "团队奖励",
                "合计",
                "备注",
            ],
        )
        self.assertIn("月份:2026-03", sheet["A2"].value)
        rows = {
            row[1]: row
            for row in sheet.iter_rows(min_row=5, max_row=7, values_only=True)
        }
        self.assertEqual(set(rows), {"张三", "李四", "王主管"})
        self.assertEqual(
            rows["张三"][4:15],
            (1000, 10, 15, 1.5, 1.5, 300, 450, None, None, 0, 450),
        )
        self.assertEqual(rows["李四"][10], 75)
        self.assertEqual(rows["李四"][15], "新人")
        # the supervisor paid on the team only: the team's target and actual
        # in their own columns, no personal figures (blank, not 0)
        self.assertEqual(rows["王主管"][5:11], (None,) * 5 + (0,))
        self.assertEqual(rows["王主管"][11:15], (100000, 90000, 1000, 1000))
        totals = [cell.value for cell in sheet[8]]
        self.assertEqual(totals[0], "合计")
        self.assertEqual(totals[13:15], [1000, 1525])
        self.assertEqual(totals[10], 525)
        # the formulas are there for whoever edits the sheet
        formulas = openpyxl.load_workbook(io.BytesIO(content))["业务奖金分配表"]
        self.assertEqual(formulas["O8"].value, "=SUM(O5:O7)")
        signatures = [
            cell.value
            for row in sheet.iter_rows(min_row=11, max_row=11)
            for cell in row
        ]
        for label in ("制表:", "财务审核:", "校长审批:"):
            self.assertIn(label, signatures)

    def _rows(self, content):
        sheet = openpyxl.load_workbook(io.BytesIO(content), data_only=True)[
            "业务奖金分配表"
        ]
        return {
            row[1]: row
            for row in sheet.iter_rows(min_row=5, values_only=True)
            if row[0] and row[0] != "合计" and row[1]
        }

    def test_supervisor_row_equals_the_form(self):
        """A supervisor with their own target and a team reward (the demo's
        market supervisor): both sets of figures, each as on the run's form."""
        self._target(self.supervisor, 5, 6)
        run = self._new_run()
        run.action_compute_lines()
        own = self._line(run, self.supervisor)
        team = self._line(run, self.supervisor, "team_reward")
        self.assertTrue(own and team)
        # the supervisor overrides their team reward before verification
        self._as("manager", team).write(
            {"amount": 1100, "override_reason": "新校区开拓奖励"}
        )
        # as finance downloads it (the controller reads as superuser after
        # the access check)
        run.with_user(self.users["finance"])._check_distribution_access()
        content = self.env["hr.performance.pay.distribution.report"]._get_xlsx(
            run.sudo()
        )
        row = self._rows(content)["王主管"]
        # own figures = the performance line on the form
        self.assertEqual(row[5:8], (own.target_value, own.actual, own.achievement))
        self.assertEqual((row[5], row[6]), (5, 6))
        # team figures = the team-reward line on the form, not zero
        self.assertEqual(row[11:13], (team.target_value, team.actual))
        self.assertEqual(row[11:13], (100000, 90000))
        self.assertEqual(row[13], team.amount)
        self.assertEqual(row[14], own.amount + team.amount)
        self.assertIn("新校区开拓奖励", row[15])
        self.assertIn("1,000", row[15], "the computed amount beside the override")


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
            # the supervisor's team figures, as on the run's form
            team = self._line(run, self.supervisor, "team_reward")
            self.assertEqual(sheet["B7"].value, "王主管")
            self.assertEqual(
                (sheet["L7"].value, sheet["M7"].value),
                (team.target_value, team.actual),
            )
            self.assertEqual((sheet["L7"].value, sheet["M7"].value), (100000, 90000))
        self.assertEqual(self.env["ir.attachment"].search_count([]), attachments)
        # 张三 has a line in the run, yet may not download his colleagues' pay;
        # nor may the manager of another department
        for role in ("employee", "manager2"):
            self.authenticate(f"pp_{role}", f"pp_{role}")
            response = self.url_open(url)
            self.assertIn(response.status_code, (403, 404), role)
            self.assertNotIn("spreadsheetml", response.headers.get("Content-Type", ""))
