# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import MONTH, PerfPayCase


@tagged("post_install", "-at_install")
class TestPerfPayAccess(PerfPayCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pay_run = cls.env["hr.performance.pay.run"].create(
            {
                "date_month": MONTH,
                "company_id": cls.company.id,
                "department_id": cls.department.id,
            }
        )
        cls.pay_run.action_compute_lines()
        cls.zhang_line = cls.pay_run.line_ids.filtered(
            lambda ln: ln.employee_id == cls.zhang
        )
        cls.li_line = cls.pay_run.line_ids.filtered(lambda ln: ln.employee_id == cls.li)

    def test_employee_reads_own_line_only(self):
        user = self.users["employee"]
        Line = self.env["hr.performance.pay.line"].with_user(user)
        self.assertEqual(Line.search([]), self.zhang_line)
        self.assertEqual(self.zhang_line.with_user(user).amount, 450.0)
        with self.assertRaises(AccessError):
            self.li_line.with_user(user).read(["amount"])
        with self.assertRaises(AccessError):
            self.zhang_line.with_user(user).write({"actual": 30})
        # the "Performance Pay" list works for the employee
        m2o = {"fields": {"display_name": {}}}
        result = Line.web_search_read(
            [],
            {
                "run_id": m2o,
                "employee_id": m2o,
                "department_id": m2o,
                "job_id": m2o,
                "line_type": {},
                "achievement": {},
                "amount": {},
                "state": {},
            },
        )
        self.assertEqual(result["length"], 1)
        self.assertEqual(result["records"][0]["amount"], 450.0)
        self.assertEqual(
            result["records"][0]["run_id"]["display_name"], "2026-03 市场部"
        )
        # the run is visible (own line), not the others' amounts nor the export
        run = self.pay_run.with_user(user)
        with self.assertRaises(AccessError):
            run.line_ids.invalidate_recordset()
            run.line_ids.read(["amount"])
        with self.assertRaises(AccessError):
            run.action_export_distribution()
        with self.assertRaises(AccessError):
            run.write({"note": "x"})

    def test_manager_sees_team_runs_only(self):
        other_user = new_test_user(
            self.env,
            login="pp_other_manager",
            groups="base.group_user,hr_target_mgmt.group_hr_target_mgmt_manager",
            company_id=self.company.id,
            company_ids=[(6, 0, self.company.ids)],
        )
        Run = self.env["hr.performance.pay.run"]
        self.assertEqual(Run.with_user(self.users["manager"]).search([]), self.pay_run)
        self.assertFalse(Run.with_user(other_user).search([]))
        with self.assertRaises(AccessError):
            self.li_line.with_user(other_user).read(["amount"])
        self.assertEqual(
            self.env["hr.performance.pay.line"]
            .with_user(self.users["manager"])
            .search_count([]),
            3,
        )

    def test_finance_and_principal_see_all_of_their_companies(self):
        other = self.env["res.company"].create({"name": "Other school"})
        other_department = self.env["hr.department"].create(
            {"name": "Sales B", "company_id": other.id}
        )
        other_run = self.env["hr.performance.pay.run"].create(
            {
                "date_month": MONTH,
                "company_id": other.id,
                "department_id": other_department.id,
            }
        )
        for role in ("finance", "principal"):
            runs = self.env["hr.performance.pay.run"].with_user(self.users[role])
            self.assertIn(self.pay_run, runs.search([]))
            self.assertNotIn(other_run, runs.search([]))
            with self.assertRaises(AccessError):
                other_run.with_user(self.users[role]).read(["amount_total"])
            self.assertEqual(
                self.env["hr.performance.pay.line"]
                .with_user(self.users[role])
                .search_count([]),
                3,
            )

    def test_finance_cannot_create_or_delete_runs(self):
        Run = self.env["hr.performance.pay.run"].with_user(self.users["finance"])
        with self.assertRaises(AccessError):
            Run.create(
                {
                    "date_month": "2026-05-01",
                    "company_id": self.company.id,
                    "department_id": self.department.id,
                }
            )
        with self.assertRaises(AccessError):
            self.pay_run.with_user(self.users["finance"]).unlink()
