# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged

from .common import MONTH, HrPerformanceCase


@tagged("post_install", "-at_install")
class TestValuesReadRight(HrPerformanceCase):
    """Months as year-month, the team named, counts without decimals, the
    finance reports."""

    def test_month_label(self):
        run = self._new_run(date_month=date(2026, 3, 17))
        self.assertEqual(run.date_month, MONTH)
        self.assertEqual(run.month_label, "2026-03")
        self.assertEqual(run.team_name, "市场部")
        self.assertEqual(run.name, "2026-03 市场部")
        run.action_compute_lines()
        self.assertEqual(set(run.line_ids.mapped("month_label")), {"2026-03"})
        self.assertTrue(all(run.line_ids.mapped("department_id")))
        # grouped by month in the analysis: one group "2026-03"
        groups = self.env["hr.performance.pay.line"]._read_group(
            [("run_id", "=", run.id)], ["month_label", "department_id"], ["amount:sum"]
        )
        self.assertEqual(groups, [("2026-03", self.department, 1525.0)])
        team_run = self._new_run(department_id=False, supervisor_id=self.supervisor.id)
        self.assertEqual(team_run.team_name, "王主管")
        self.assertEqual(team_run.name, "2026-03 王主管")

    def test_measure_decimal_places(self):
        self.assertEqual(self.measure.decimal_places, 2, "default")
        self.measure.decimal_places = 0
        run = self._new_run()
        run.action_compute_lines()
        self.assertEqual(self._line(run, self.zhang).measure_decimal_places, 0)
        self.assertEqual(self.zhang_target.measure_decimal_places, 0)
        self.assertEqual(self.zhang_target.actual_ids.measure_decimal_places, 0)
        self.assertEqual(
            self._line(run, self.supervisor, "team_reward").measure_decimal_places, 2
        )
        for places in (-1, 7):
            with self.assertRaises(ValidationError) as caught:
                self.measure.decimal_places = places
            self.assertIn("Enrolments", str(caught.exception))
        # the counting measures of the module count whole people
        self.assertEqual(
            self.env.ref("hr_target_mgmt.measure_enrolments").decimal_places, 0
        )
        self.assertEqual(
            self.env.ref("hr_target_mgmt.measure_revenue").decimal_places, 2
        )

    def test_reporting_menu_for_finance(self):
        Menu = self.env["ir.ui.menu"]
        for role in ("finance", "manager"):
            visible = Menu.with_user(self.users[role])._visible_menu_ids()
            for xmlid in (
                "hr_target_mgmt.menu_hr_performance_reporting",
                "hr_target_mgmt.menu_hr_performance_pay_analysis",
            ):
                self.assertIn(self.env.ref(xmlid).id, visible, (role, xmlid))
        visible = Menu.with_user(self.users["employee"])._visible_menu_ids()
        self.assertNotIn(
            self.env.ref("hr_target_mgmt.menu_hr_performance_pay_analysis").id, visible
        )
        # finance reads the analysis: by department and month
        run = self._new_run()
        run.action_compute_lines()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "hr_target_mgmt.hr_performance_pay_line_action_analysis"
        )
        self.assertTrue(action["view_mode"].startswith("pivot"))
        groups = (
            self.env["hr.performance.pay.line"]
            .with_user(self.users["finance"])
            .read_group(
                [("run_id", "=", run.id)],
                ["amount:sum"],
                ["department_id", "month_label"],
                lazy=False,
            )
        )
        self.assertEqual(
            [(g["month_label"], g["amount"]) for g in groups], [("2026-03", 1525.0)]
        )


@tagged("post_install", "-at_install")
class TestValuesTour(HttpCase, HrPerformanceCase):
    """In the browser: open brackets read "No upper limit"/"No cap"; finance
    sends a reported run back with a reason."""

    def test_scale_brackets(self):
        self.start_tour(
            "/odoo/action-hr_target_mgmt.hr_performance_pay_scale_action",
            "hr_target_mgmt_scale_brackets",
            login="pp_hr_manager",
        )

    def test_finance_send_back(self):
        self.measure.decimal_places = 0
        run = self._new_run()
        run.action_compute_lines()
        run.with_user(self.users["manager"]).action_report()
        self.start_tour(
            "/odoo/action-hr_target_mgmt.hr_performance_pay_run_action",
            "hr_target_mgmt_finance_send_back",
            login="pp_finance",
        )
        self.assertEqual(run.state, "draft")
        activity = run.activity_ids.filtered(
            lambda a: "李四的招生登记表缺少家长签字" in (a.summary or "")
        )
        self.assertEqual(activity.user_id, self.users["manager"])
