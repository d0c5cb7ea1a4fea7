# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import csv
from datetime import date
from decimal import Decimal

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import file_open

from ..tools.target_math import achievement, month_windows, prorated_target
from .common_targets import TargetCommon


@tagged("post_install", "-at_install")
class TestTargetMath(TargetCommon):
    def test_achievement_function(self):
        self.assertEqual(achievement(10, 15), Decimal("1.5"))
        self.assertEqual(achievement(10, 3), Decimal("0.3"))
        self.assertEqual(achievement(10, 0), 0)
        self.assertIsNone(achievement(0, 5))
        # lower is better: on target 100 %, nothing 200 %, twice the target 0
        self.assertEqual(achievement(4, 4, higher_is_better=False), 1.0)
        self.assertEqual(achievement(4, 0, higher_is_better=False), 2.0)
        self.assertEqual(achievement(4, 12, higher_is_better=False), 0.0)

    def test_month_windows(self):
        windows = month_windows(date(2031, 1, 16), date(2031, 4, 15))
        self.assertEqual(
            [(w[0], w[1], w[2], w[3]) for w in windows],
            [
                (date(2031, 1, 1), date(2031, 1, 16), date(2031, 1, 31), 16),
                (date(2031, 2, 1), date(2031, 2, 1), date(2031, 2, 28), 28),
                (date(2031, 3, 1), date(2031, 3, 1), date(2031, 3, 31), 31),
                (date(2031, 4, 1), date(2031, 4, 1), date(2031, 4, 15), 15),
            ],
        )
        self.assertEqual(prorated_target(10, 16, 31), 5.16)
        self.assertEqual(prorated_target(10, 31, 31), 10.0)
        self.assertEqual(month_windows(date(2031, 2, 1), date(2031, 1, 1)), [])


@tagged("post_install", "-at_install")
class TestTargets(TargetCommon):
    def test_achievement_e1_e2(self):
        """Worked examples: target 10, actual 15 → 150 %; actual 3 → 30 %."""
        e1 = self._target(name="E1", employee_id=self.zhang.id)
        self._actual(e1, 9, date(2031, 3, 10))
        self._actual(e1, 6, date(2031, 3, 20))
        self.assertEqual(e1.actual_value, 15)
        self.assertAlmostEqual(e1.achievement, 1.5)
        e2 = self._target(name="E2", employee_id=self.wang.id)
        self._actual(e2, 3)
        self.assertAlmostEqual(e2.achievement, 0.3)
        self.assertFalse(e2.minimum_reached)

    def test_no_actual_is_zero(self):
        target = self._target(employee_id=self.zhang.id)
        self.assertEqual(target.actual_value, 0)
        self.assertEqual(target.achievement, 0)

    def test_actual_changes_follow(self):
        target = self._target(employee_id=self.zhang.id)
        entry = self._actual(target, 4)
        entry.value = 12
        self.assertAlmostEqual(target.achievement, 1.2)
        entry.unlink()
        self.assertEqual(target.actual_value, 0)

    def test_lower_is_better(self):
        complaints = self.env["hr.target.measure"].create(
            {"name": "Complaints (test)", "higher_is_better": False}
        )
        target = self._target(
            employee_id=self.zhang.id, measure_id=complaints.id, target_value=4
        )
        self._actual(target, 2)
        self.assertAlmostEqual(target.achievement, 1.5)
        self.assertTrue(target.minimum_reached)

    def test_defaults_from_level_and_employee(self):
        employee_target = self._target(employee_id=self.zhang.id)
        self.assertTrue(employee_target.is_pay_basis)
        self.assertEqual(employee_target.department_id, self.sales)
        department_target = self._target(
            level="department", department_id=self.sales.id
        )
        self.assertFalse(department_target.is_pay_basis)
        team = self._target(
            level="team",
            employee_id=self.zhang.id,
            team_member_ids=[(6, 0, self.wang.ids)],
        )
        self.assertTrue(team.is_pay_basis)

    def test_cascade_rollup(self):
        company = self._target(
            name="School", level="company", target_value=100, rollup_from_children=True
        )
        sales = self._target(
            name="Sales",
            level="department",
            department_id=self.sales.id,
            parent_id=company.id,
            target_value=60,
            rollup_from_children=True,
        )
        teaching = self._target(
            name="Teaching",
            level="department",
            department_id=self.teaching.id,
            parent_id=company.id,
            target_value=40,
        )
        zhang = self._target(employee_id=self.zhang.id, parent_id=sales.id)
        wang = self._target(employee_id=self.wang.id, parent_id=sales.id)
        self._actual(zhang, 15)
        self._actual(wang, 5)
        self._actual(teaching, 30)
        self.assertEqual(sales.actual_value, 20)
        self.assertEqual(company.actual_value, 50)
        self.assertAlmostEqual(company.achievement, 0.5)
        self.assertEqual(company.child_ids, sales | teaching)
        self.assertEqual(sales.child_count, 2)
        # a parent without roll-up counts its own entries only
        sales.rollup_from_children = False
        self.assertEqual(sales.actual_value, 0)
        self.assertEqual(company.actual_value, 30)
        # archiving a child takes it out of the roll-up
        sales.rollup_from_children = True
        wang.active = False
        self.assertEqual(company.actual_value, 45)
        self.assertEqual(
            self.Target.search([("id", "child_of", company.id)]),
            company | sales | teaching | zhang,
        )

    def test_cascade_rules(self):
        zhang = self._target(employee_id=self.zhang.id)
        with self.assertRaises(ValidationError) as error:
            self._target(
                name="Upside down",
                level="department",
                department_id=self.sales.id,
                parent_id=zhang.id,
            )
        self.assertIn("Upside down", str(error.exception))
        # the child's period must lie within the parent's
        year = self.Period.create(
            {
                "name": "2031 (test)",
                "period_type": "year",
                "date_from": date(2031, 1, 1),
                "date_to": date(2031, 12, 31),
            }
        )
        company = self._target(level="company", period_id=year.id, target_value=120)
        self._target(
            level="department",
            department_id=self.sales.id,
            parent_id=company.id,
        )
        april = self._month(2031, 4)
        quarter_child = self._target(
            name="Q1 sales",
            level="department",
            department_id=self.teaching.id,
            period_id=self.quarter.id,
        )
        with self.assertRaises(ValidationError) as error:
            self._target(
                name="April",
                employee_id=self.wang.id,
                period_id=april.id,
                parent_id=quarter_child.id,
            )
        self.assertIn("April", str(error.exception))
        self.assertIn("Q1 sales", str(error.exception))
        with self.assertRaises(UserError):
            company.parent_id = company

    def test_bad_values(self):
        before = self.Target.search_count([])
        for value in (0, -5):
            with self.assertRaises(ValidationError) as error:
                self._target(
                    name=f"Bad {value}", employee_id=self.zhang.id, target_value=value
                )
            self.assertIn(f"Bad {value}", str(error.exception))
            self.assertIn("greater than zero", str(error.exception))
        with self.assertRaises(ValidationError) as error:
            self._target(
                name="Min above",
                employee_id=self.zhang.id,
                target_value=10,
                minimum_value=12,
            )
        self.assertIn("Min above", str(error.exception))
        with self.assertRaises(ValidationError):
            self._target(
                name="Negative min", employee_id=self.zhang.id, minimum_value=-1
            )
        with self.assertRaises(ValidationError):
            self._target(name="Nobody", level="employee")
        with self.assertRaises(ValidationError):
            self._target(name="No department", level="department")
        self.assertEqual(self.Target.search_count([]), before)
        target = self._target(name="Fine", employee_id=self.zhang.id)
        with self.assertRaises(ValidationError):
            target.target_value = 0
        self.assertEqual(target.target_value, 10)

    def test_closed_period(self):
        target = self._target(name="Zhang March", employee_id=self.zhang.id)
        entry = self._actual(target, 4)
        self.period.action_close()
        with self.assertRaises(ValidationError) as error:
            self._actual(target, 5)
        message = str(error.exception)
        self.assertIn("Zhang March", message)
        self.assertIn(self.period.name, message)
        self.assertEqual(target.actual_ids, entry)
        self.assertEqual(target.actual_value, 4)
        with self.assertRaises(ValidationError):
            entry.value = 40
        self.assertEqual(entry.value, 4)
        with self.assertRaises(ValidationError):
            entry.unlink()
        self.assertTrue(entry.exists())
        with self.assertRaises(ValidationError) as error:
            target.target_value = 20
        self.assertIn("Zhang March", str(error.exception))
        self.assertEqual(target.target_value, 10)
        with self.assertRaises(ValidationError):
            target.unlink()
        self.assertTrue(entry.exists())
        # reopened, it takes entries again
        self.period.action_reopen()
        self._actual(target, 5)
        self.assertEqual(target.actual_value, 9)

    def test_actual_outside_period(self):
        target = self._target(name="Zhang March", employee_id=self.zhang.id)
        with self.assertRaises(ValidationError) as error:
            self._actual(target, 5, date(2031, 4, 1))
        self.assertIn("Zhang March", str(error.exception))
        self.assertFalse(target.actual_ids)

    def test_single_pay_basis(self):
        self._target(name="Main", employee_id=self.zhang.id)
        with self.assertRaises(ValidationError) as error:
            self._target(name="Second", employee_id=self.zhang.id)
        self.assertIn(self.zhang.name, str(error.exception))
        # allowed: not counting for pay, another level, another period
        self._target(name="Extra", employee_id=self.zhang.id, is_pay_basis=False)
        self._target(name="Team", level="team", employee_id=self.zhang.id)
        self._target(
            name="April", employee_id=self.zhang.id, period_id=self._month(2031, 4).id
        )
        with self.assertRaises(ValidationError):
            self.Target.create(
                [
                    {
                        "name": "Twin",
                        "measure_id": self.measure.id,
                        "period_id": self.quarter.id,
                        "employee_id": self.wang.id,
                        "target_value": 5,
                    }
                ]
                * 2
            )

    def test_get_pay_basis(self):
        lin = self.env["hr.employee"].create({"name": "Lin (test)"})
        zhang = self._target(employee_id=self.zhang.id)
        self._actual(zhang, 15)
        wang = self._target(employee_id=self.wang.id, target_value=10)
        self._actual(wang, 3)
        # not pay basis, not monthly, other month: ignored
        self._target(employee_id=self.wang.id, is_pay_basis=False, target_value=1)
        self._target(employee_id=lin.id, period_id=self.quarter.id)
        self._target(employee_id=lin.id, period_id=self._month(2031, 2).id)
        employees = self.zhang | self.wang | lin
        result = self.Target._get_pay_basis(
            employees, date(2031, 3, 1), date(2031, 3, 31)
        )
        self.assertEqual(set(result), {self.zhang.id, self.wang.id})
        self.assertEqual(result[self.zhang.id]["target"], zhang)
        self.assertEqual(result[self.zhang.id]["target_value"], 10)
        self.assertEqual(result[self.zhang.id]["actual"], 15)
        self.assertAlmostEqual(result[self.zhang.id]["achievement"], 1.5)
        self.assertAlmostEqual(result[self.wang.id]["achievement"], 0.3)
        self.assertEqual(
            self.Target._get_pay_basis(
                self.env["hr.employee"], date(2031, 3, 1), date(2031, 3, 31)
            ),
            {},
        )

    def test_get_pay_basis_queries_do_not_grow(self):
        def run(employees):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            result = self.Target._get_pay_basis(
                employees, date(2031, 3, 1), date(2031, 3, 31)
            )
            return self.env.cr.sql_log_count - before, result

        employees = self.env["hr.employee"].create(
            [{"name": f"Batch {i} (test)"} for i in range(30)]
        )
        self.Target.create(
            [
                {
                    "name": f"Batch {i}",
                    "measure_id": self.measure.id,
                    "period_id": self.period.id,
                    "employee_id": employee.id,
                    "target_value": 10,
                }
                for i, employee in enumerate(employees)
            ]
        )
        few, result_few = run(employees[:3])
        many, result_many = run(employees)
        self.assertEqual(len(result_few), 3)
        self.assertEqual(len(result_many), 30)
        self.assertEqual(few, many)

    def test_get_team_targets(self):
        team = self._target(
            level="team",
            employee_id=self.zhang.id,
            target_value=40,
            minimum_value=30,
            rollup_from_children=True,
        )
        member = self._target(
            employee_id=self.wang.id, parent_id=team.id, target_value=40
        )
        self._actual(member, 29)
        result = self.Target._get_team_targets(
            self.zhang, date(2031, 3, 1), date(2031, 3, 31)
        )
        self.assertEqual(result[self.zhang.id]["target"], team)
        self.assertEqual(result[self.zhang.id]["minimum_value"], 30)
        self.assertEqual(result[self.zhang.id]["actual"], 29)
        self.assertFalse(result[self.zhang.id]["minimum_reached"])
        self._actual(member, 1)
        result = self.Target._get_team_targets(
            self.zhang, date(2031, 3, 1), date(2031, 3, 31)
        )
        self.assertTrue(result[self.zhang.id]["minimum_reached"])
        self.assertAlmostEqual(result[self.zhang.id]["achievement"], 0.75)
        # the employee-level API does not return team targets
        self.assertFalse(
            self.Target._get_pay_basis(self.zhang, date(2031, 3, 1), date(2031, 3, 31))
        )

    def test_import_actuals(self):
        """Actuals load through Odoo's standard import (CSV/XLSX use load())."""
        target = self._target(name="Zhang March import", employee_id=self.zhang.id)
        result = self.Actual.load(
            ["target_id", "date", "value", "note"],
            [
                ["Zhang March import", "2031-03-02", "4", "walk-in"],
                ["Zhang March import", "2031-03-09", "6", "fair"],
            ],
        )
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(target.actual_value, 10)
        self.period.action_close()
        result = self.Actual.load(
            ["target_id", "date", "value"], [["Zhang March import", "2031-03-10", "1"]]
        )
        self.assertTrue(result["messages"])
        self.assertEqual(target.actual_value, 10)

    def test_import_template(self):
        """The import template's columns are the fields' labels."""
        (template,) = self.Actual.get_import_templates()
        path = template["template"].lstrip("/")
        with file_open(path) as template_file:
            header = next(csv.reader(template_file))
        labels = {field.string: name for name, field in self.Actual._fields.items()}
        self.assertEqual(
            [labels[column] for column in header],
            ["target_id", "date", "value", "note"],
        )

    def test_employee_smart_button(self):
        self._target(employee_id=self.zhang.id)
        self._target(employee_id=self.zhang.id, period_id=self.quarter.id)
        self.assertEqual(self.zhang.target_count, 2)
        self.assertEqual(self.wang.target_count, 0)
        action = self.zhang.action_open_targets()
        self.assertEqual(action["res_model"], "hr.target")
        self.assertEqual(self.Target.search_count(action["domain"]), 2)
        self.assertEqual(action["context"]["default_employee_id"], self.zhang.id)
