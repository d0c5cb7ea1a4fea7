# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged

WAIT_FOR = """
const selector = %r;
let tries = 0;
const timer = setInterval(() => {
    if (document.querySelector(selector)) {
        clearInterval(timer);
        console.log("test successful");
    } else if (++tries > 300) {
        clearInterval(timer);
        console.error("Not rendered: " + selector);
    }
}, 100);
"""


@tagged("post_install", "-at_install")
class TestTargetViews(HttpCase):
    """Every view of targets, actuals and probations renders in the browser
    (kanban by period, list, form, hierarchy, pivot, graph), for an HR
    manager and for an employee without HR rights."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.employee_user = new_test_user(
            env, login="views_employee", password="views_employee"
        )
        period = env["hr.target.period"].create(
            {
                "name": "2031-03 (views)",
                "date_from": date(2031, 3, 1),
                "date_to": date(2031, 3, 31),
            }
        )
        measure = env["hr.target.measure"].create(
            {"name": "Enrolments (views)", "unit": "persons"}
        )
        supervisor = env["hr.employee"].create({"name": "Supervisor (views)"})
        employee = env["hr.employee"].create(
            {
                "name": "Zhang San (views)",
                "parent_id": supervisor.id,
                "user_id": cls.employee_user.id,
            }
        )
        common = {"measure_id": measure.id, "period_id": period.id}
        cls.company_target = env["hr.target"].create(
            dict(
                common,
                name="School (views)",
                level="company",
                target_value=40,
                rollup_from_children=True,
            )
        )
        cls.team_target = env["hr.target"].create(
            dict(
                common,
                name="Team (views)",
                level="team",
                employee_id=supervisor.id,
                team_member_ids=[(6, 0, employee.ids)],
                parent_id=cls.company_target.id,
                target_value=20,
                minimum_value=15,
                rollup_from_children=True,
            )
        )
        cls.target = env["hr.target"].create(
            dict(
                common,
                name="Zhang San (views)",
                employee_id=employee.id,
                parent_id=cls.team_target.id,
                target_value=10,
            )
        )
        env["hr.target.actual"].create(
            {"target_id": cls.target.id, "date": date(2031, 3, 5), "value": 15}
        )
        job = env["hr.job"].create(
            {"name": "Consultant (views)", "performance_basis": "field"}
        )
        contract = env["hr.contract"].create(
            {
                "name": "Contract (views)",
                "employee_id": employee.id,
                "job_id": job.id,
                "wage": 1000,
                "date_start": date(2031, 1, 1),
                "trial_date_end": date(2031, 3, 31),
                "state": "open",
            }
        )
        cls.probation = env["hr.target.probation"].create(
            {
                "employee_id": employee.id,
                "contract_id": contract.id,
                "date_start": date(2031, 1, 1),
                "date_end": date(2031, 3, 31),
                "monthly_target": 10,
            }
        )

    def _check(self, url, selector, login="admin"):
        self.browser_js(url, WAIT_FOR % selector, login=login)

    def test_target_views(self):
        action = "/odoo/action-hr_target_mgmt.hr_target_action"
        self._check(f"{action}?view_type=kanban", ".o_kanban_record .o_progressbar")
        self._check(f"{action}?view_type=list", ".o_list_view .o_data_row")
        self._check(f"{action}?view_type=hierarchy", ".o_hierarchy_node")
        self._check(f"{action}?view_type=pivot", ".o_pivot table")
        self._check(f"{action}?view_type=graph", ".o_graph_renderer canvas")
        self._check(
            f"{action}/{self.team_target.id}",
            ".o_form_view .o_field_many2many_avatar_employee",
        )

    def test_actual_and_probation_views(self):
        self._check(
            "/odoo/action-hr_target_mgmt.hr_target_actual_action",
            ".o_list_view .o_data_row",
        )
        self._check(
            f"/odoo/action-hr_target_mgmt.hr_target_probation_action/{self.probation.id}",
            ".o_form_view button[name='action_review']",
        )
        self._check(
            "/odoo/action-hr_target_mgmt.hr_target_action_analysis",
            ".o_pivot table",
        )

    def test_my_targets_as_employee(self):
        self._check(
            "/odoo/action-hr_target_mgmt.hr_target_action_my",
            ".o_kanban_record .o_progressbar",
            login="views_employee",
        )
        self._check(
            f"/odoo/action-hr_target_mgmt.hr_target_action_my/{self.target.id}",
            ".o_form_view .o_field_widget[name='achievement']",
            login="views_employee",
        )
