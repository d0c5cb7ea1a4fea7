# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Year-end profit sharing on the suite's test school: the worked example E3
(actual 5,000,000, target 4,000,000 → surplus 1,000,000 → pool 30 % =
300,000 → sales 120,000, teaching 90,000, back office 90,000)."""

from datetime import date

from odoo.addons.hr_target_mgmt.tests.common import HrPerformanceCase

YEAR = 2026


class BonusShareCase(HrPerformanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Grade = cls.env["hr.bonus.grade"]
        cls.grades = {
            level: Grade.create(
                {"name": f"G{level}", "level": level, "company_id": cls.company.id}
            )
            for level in (1, 2, 3)
        }
        cls.back_office = cls.env["hr.department"].create(
            {"name": "行政后勤部", "company_id": cls.company.id, "bonus_ratio": 3}
        )
        cls.department.bonus_ratio = 4
        cls.teaching.bonus_ratio = 3
        cls.clerk = cls.env["hr.employee"].create(
            {
                "name": "周文员",
                "company_id": cls.company.id,
                "department_id": cls.back_office.id,
            }
        )
        cls.env["hr.contract"].create(
            [
                {
                    "name": f"{employee.name} contract",
                    "employee_id": employee.id,
                    "company_id": cls.company.id,
                    "wage": 2000.0,
                    "date_start": date(2025, 1, 1),
                    "state": "open",
                }
                for employee in (cls.teaching_manager, cls.teacher, cls.clerk)
            ]
        )
        # sales: head grade 3, 张三 grade 1, 李四 grade 2 (adjacent grades)
        for employee, level in (
            (cls.supervisor, 3),
            (cls.zhang, 1),
            (cls.li, 2),
            (cls.teaching_manager, 2),
            (cls.teacher, 1),
            (cls.clerk, 1),
        ):
            employee.bonus_grade_id = cls.grades[level]
        cls.year_period = cls.env["hr.target.period"].create(
            {
                "name": str(YEAR),
                "period_type": "year",
                "date_from": date(YEAR, 1, 1),
                "date_to": date(YEAR, 12, 31),
                "company_id": cls.company.id,
            }
        )
        cls.company_target = cls.env["hr.target"].create(
            {
                "name": f"全校营收 {YEAR}",
                "level": "company",
                "measure_id": cls.revenue.id,
                "period_id": cls.year_period.id,
                "company_id": cls.company.id,
                "target_value": 4000000,
            }
        )
        cls.company_actual = cls.env["hr.target.actual"].create(
            {
                "target_id": cls.company_target.id,
                "date": date(YEAR, 12, 31),
                "value": 5000000,
            }
        )

        # the annual appraisal of the year, closed: plans can be approved
        cls.annual_cycle = cls.env["hr.performance.review.cycle"].create(
            {
                "name": f"{YEAR} 年度考核",
                "cycle_type": "annual",
                "date_from": date(YEAR, 1, 1),
                "company_id": cls.company.id,
                "state": "closed",
            }
        )

    def _new_plan(self, **values):
        vals = {"fiscal_year": YEAR, "company_id": self.company.id}
        vals.update(values)
        return self.env["hr.bonus.plan"].create(vals)

    def _computed_plan(self):
        plan = self._new_plan()
        self._as("finance", plan).action_compute()
        return plan

    def _line(self, plan, department):
        return plan.department_ids.filtered(lambda d: d.department_id == department)

    def _share(self, plan, employee):
        return plan.share_ids.filtered(lambda s: s.employee_id == employee)

    def _submit_all(self, plan):
        self._as("manager", self._line(plan, self.department)).action_submit()
        self._as("manager2", self._line(plan, self.teaching)).action_submit()
        self._as("hr_officer", self._line(plan, self.back_office)).action_submit()
