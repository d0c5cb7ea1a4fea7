# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import BaseCase

from ..models.hr_performance_review_cycle import semi_annual_window
from .common import HrAppraisalCase


class TestSemiAnnualWindow(BaseCase):
    def test_window(self):
        hire = date(2025, 3, 15)
        self.assertEqual(
            semi_annual_window(hire, date(2026, 6, 30)),
            (date(2025, 9, 15), date(2026, 3, 14)),
        )
        self.assertEqual(
            semi_annual_window(hire, date(2026, 3, 14)),
            (date(2025, 9, 15), date(2026, 3, 14)),
        )
        self.assertIsNone(semi_annual_window(hire, date(2025, 9, 13)))
        # month ends: 31 August + 6 months
        self.assertEqual(
            semi_annual_window(date(2025, 8, 31), date(2026, 6, 30)),
            (date(2025, 8, 31), date(2026, 2, 27)),
        )


class TestCycles(HrAppraisalCase):
    def _hire(self, name, start):
        employee = self.env["hr.employee"].create(
            {
                "name": name,
                "company_id": self.company.id,
                "department_id": self.teaching.id,
                "parent_id": self.teaching_manager.id,
            }
        )
        self.env["hr.contract"].create(
            {
                "name": f"{name} contract",
                "employee_id": employee.id,
                "company_id": self.company.id,
                "wage": 1000.0,
                "date_start": start,
                "state": "open",
            }
        )
        return employee

    def test_date_to_from_type(self):
        cycle = self._cycle()
        self.assertEqual(cycle.date_to, date(2026, 3, 31))
        cycle.cycle_type = "monthly"
        self.assertEqual(cycle.date_to, date(2026, 1, 31))
        cycle.cycle_type = "annual"
        self.assertEqual(cycle.date_to, date(2026, 12, 31))

    def test_semi_annual_from_each_hire_date(self):
        early = self._hire("周老师", date(2025, 3, 15))
        late = self._hire("吴老师", date(2025, 8, 1))
        cycle = self._cycle(
            name="2026 H1",
            cycle_type="semi_annual",
            employee_ids=[Command.set((early | late).ids)],
        )
        self.assertEqual(cycle.date_to, date(2026, 6, 30))
        self._as("hr_officer", cycle).action_open()
        self.assertEqual(cycle.state, "open")
        windows = {
            review.employee_id: (review.date_from, review.date_to)
            for review in cycle.review_ids
        }
        self.assertEqual(
            windows,
            {
                early: (date(2025, 9, 15), date(2026, 3, 14)),
                late: (date(2025, 8, 1), date(2026, 1, 31)),
            },
        )
        self.assertEqual(set(cycle.review_ids.mapped("state")), {"self"})
        self.assertEqual(cycle.review_ids.template_id, self.template_teaching)

    def test_open_refused_names_employees_and_writes_nothing(self):
        hired = self._hire("周老师", date(2025, 3, 15))
        lonely_department = self.env["hr.department"].create(
            {"name": "后勤部", "company_id": self.company.id}
        )
        no_template = self.env["hr.employee"].create(
            {
                "name": "钱师傅",
                "company_id": self.company.id,
                "department_id": lonely_department.id,
            }
        )
        self.env["hr.contract"].create(
            {
                "name": "钱师傅 contract",
                "employee_id": no_template.id,
                "company_id": self.company.id,
                "wage": 1000.0,
                "date_start": date(2024, 1, 1),
                "state": "open",
            }
        )
        cycle = self._cycle(
            name="2026 H1",
            cycle_type="semi_annual",
            employee_ids=[Command.set((hired | self.teacher | no_template).ids)],
        )
        with self.assertRaises(UserError) as caught:
            self._as("hr_officer", cycle).action_open()
        message = str(caught.exception)
        self.assertIn("孙老师", message)  # no hire date
        self.assertIn("钱师傅", message)  # no template
        self.assertNotIn("周老师", message)
        self.assertEqual(cycle.state, "draft")
        self.assertFalse(
            self.env["hr.performance.review"].search([("cycle_id", "=", cycle.id)])
        )

    def test_scope_by_department_and_template_per_employee(self):
        cycle = self._cycle(department_ids=[Command.set(self.department.ids)])
        self._as("hr_officer", cycle).action_open()
        self.assertEqual(
            set(cycle.review_ids.employee_id.ids),
            {self.supervisor.id, self.zhang.id, self.li.id},
        )
        zhang = cycle.review_ids.filtered(lambda r: r.employee_id == self.zhang)
        self.assertEqual(zhang.template_id, self.template_sales)
        self.assertEqual(zhang.line_ids.mapped("name"), ["Enrolments", "Service"])
        self.assertEqual(
            (zhang.date_from, zhang.date_to), (date(2026, 1, 1), date(2026, 3, 31))
        )
        # the target of March 2026: 15 / 10
        target_line = zhang.line_ids.filtered(lambda ln: ln.method == "target")
        self.assertTrue(target_line.has_achievement)
        self.assertAlmostEqual(target_line.achievement, 1.5)
        self.assertEqual(zhang.manager_user_id, self.users["manager"])
        self.assertEqual(zhang.weight_manager, 70)
        with self.assertRaises(UserError):
            self._as("hr_officer", cycle).action_open()

    def test_only_hr_opens_cycles(self):
        cycle = self._cycle(employee_ids=[Command.set(self.zhang.ids)])
        for role in ("employee", "manager", "finance"):
            with self.assertRaises(AccessError):
                self._as(role, cycle).action_open()
        with self.assertRaises(AccessError):
            self._as("hr_officer", cycle).with_context(
                hr_performance_pay_workflow=True
            ).write({"state": "open"})
        self.assertEqual(cycle.state, "draft")
        self.assertFalse(cycle.review_ids)
        with self.assertRaises(AccessError):
            self.env["hr.performance.review.cycle"].with_user(
                self.users["hr_officer"]
            ).create(
                {
                    "name": "Open at once",
                    "company_id": self.company.id,
                    "date_from": date(2026, 1, 1),
                    "state": "open",
                }
            )
