# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import Form, tagged

from .common import BonusShareCase


@tagged("post_install", "-at_install")
class TestBonusViews(BonusShareCase):
    def test_views_load_for_each_role(self):
        views = [(False, "list"), (False, "form"), (False, "search")]
        for role, models in (
            ("finance", ["hr.bonus.plan", "hr.bonus.department", "hr.bonus.share"]),
            ("manager", ["hr.bonus.department", "hr.bonus.share"]),
            ("employee", ["hr.bonus.share"]),
            ("hr_manager", ["hr.bonus.grade", "hr.bonus.plan"]),
        ):
            for model in models:
                result = self.env[model].with_user(self.users[role]).get_views(views)
                self.assertIn(model, result["models"], f"{role} {model}")

    def test_manager_adjusts_in_the_department_form(self):
        plan = self._computed_plan()
        line = self._line(plan, self.department)
        zhang = self._share(plan, self.zhang)
        with Form(self._as("manager", line)) as form:
            self.assertEqual(form.amount, 120000)
            for index in range(len(form.share_ids)):
                with form.share_ids.edit(index) as row:
                    if row.employee_id == self.zhang:
                        row.outstanding = True
        self.assertTrue(zhang.outstanding)

    def test_finance_creates_a_plan_in_the_form(self):
        Plan = self.env["hr.bonus.plan"].with_user(self.users["finance"])
        with Form(Plan.with_company(self.company)) as form:
            form.fiscal_year = 2026
            self.assertEqual(form.target_id, self.company_target)
        plan = form.record
        self.assertEqual(plan.company_id, self.company)
        self.assertEqual(len(plan.department_ids), 3)

    def test_finance_sets_ratios_in_the_plan_form(self):
        plan = self._new_plan()
        lines = list(plan.department_ids)
        with Form(self._as("finance", plan)) as form:
            index = lines.index(self._line(plan, self.back_office))
            with form.department_ids.edit(index) as row:
                row.ratio = 1
            form.department_ids.remove(lines.index(self._line(plan, self.teaching)))
        self.assertEqual(
            plan.department_ids.department_id, self.department | self.back_office
        )
        self._as("finance", plan).action_compute()
        # 4 : 1 of 300,000
        self.assertEqual(self._line(plan, self.department).amount, 240000)
        self.assertEqual(self._line(plan, self.back_office).amount, 60000)
