# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Shared set-up of the performance-pay tests: a sales department of a
training school with its supervisor, two enrolment staff (张三 E1 and 李四
E2), finance and the principal, for March 2026. No demo data is used."""

from datetime import date

from odoo.tests import TransactionCase, new_test_user

GROUPS = {
    "employee": "base.group_user",
    "manager": "base.group_user,hr_target_mgmt.group_hr_target_mgmt_manager",
    "finance": "base.group_user,hr_target_mgmt.group_hr_target_mgmt_finance",
    "principal": "base.group_user,hr_target_mgmt.group_hr_target_mgmt_principal",
    "hr_manager": "base.group_user,hr_target_mgmt.group_hr_target_mgmt_hr_manager",
}

MONTH = date(2026, 3, 1)


class PerfPayCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create(
            {"name": "培训学校 (test)", "currency_id": cls.env.ref("base.CNY").id}
        )
        cls.env.ref("base.CNY").active = True
        cls.scale = cls._create_default_scale(cls.company)
        cls.users = {}
        for role, groups in GROUPS.items():
            cls.users[role] = new_test_user(
                cls.env,
                login=f"pp_{role}",
                groups=groups,
                company_id=cls.company.id,
                company_ids=[(6, 0, cls.company.ids)],
            )
        cls.users["employee2"] = new_test_user(
            cls.env,
            login="pp_employee2",
            groups=GROUPS["employee"],
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.job = cls.env["hr.job"].create(
            {
                "name": "招生专员",
                "company_id": cls.company.id,
                "performance_basis": "field",
            }
        )
        cls.department = cls.env["hr.department"].create(
            {"name": "市场部", "company_id": cls.company.id}
        )
        Employee = cls.env["hr.employee"]
        cls.supervisor = Employee.create(
            {
                "name": "王主管",
                "company_id": cls.company.id,
                "department_id": cls.department.id,
                "user_id": cls.users["manager"].id,
                "job_id": cls.job.id,
            }
        )
        cls.department.manager_id = cls.supervisor
        cls.zhang = Employee.create(
            {
                "name": "张三",
                "company_id": cls.company.id,
                "department_id": cls.department.id,
                "parent_id": cls.supervisor.id,
                "job_id": cls.job.id,
                "user_id": cls.users["employee"].id,
            }
        )
        cls.li = Employee.create(
            {
                "name": "李四",
                "company_id": cls.company.id,
                "department_id": cls.department.id,
                "parent_id": cls.supervisor.id,
                "job_id": cls.job.id,
                "user_id": cls.users["employee2"].id,
            }
        )
        cls.contracts = cls.env["hr.contract"].create(
            [
                {
                    "name": f"{employee.name} contract",
                    "employee_id": employee.id,
                    "company_id": cls.company.id,
                    "wage": 1000.0,
                    "date_start": date(2026, 1, 1),
                    "state": "open",
                }
                for employee in (cls.zhang, cls.li, cls.supervisor)
            ]
        )
        cls.period = cls.env["hr.target.period"].create(
            {
                "name": "2026-03",
                "period_type": "month",
                "date_from": MONTH,
                "date_to": date(2026, 3, 31),
                "company_id": cls.company.id,
            }
        )
        cls.measure = cls.env["hr.target.measure"].create(
            {"name": "Enrolments", "unit": "人", "company_id": cls.company.id}
        )
        cls.revenue = cls.env["hr.target.measure"].create(
            {"name": "Revenue", "unit": "元", "company_id": cls.company.id}
        )
        cls.zhang_target = cls._target(cls.zhang, 10, 15)
        cls.li_target = cls._target(cls.li, 10, 3)
        # team: target 100,000, minimum 80,000, actual 90,000 → 1 % × 100,000
        cls.team_target = cls._target(
            cls.supervisor, 100000, 90000, level="team", minimum=80000
        )
        cls.company.performance_team_reward_rate = 0.01

    @classmethod
    def _create_default_scale(cls, company):
        brackets = [
            (0.0, 0.2, "fixed", 0.0),
            (0.2, 0.6, "fixed", 0.25),
            (0.6, 0.8, "fixed", 0.5),
            (0.8, 1.0, "fixed", 0.8),
            (1.0, 1.2, "fixed", 1.0),
            (1.2, 0.0, "achievement", 0.0),
        ]
        return cls.env["hr.performance.pay.scale"].create(
            {
                "name": "Field Staff Scale (test)",
                "company_id": company.id,
                "is_default": True,
                "bracket_ids": [
                    (
                        0,
                        0,
                        {
                            "achievement_from": low,
                            "achievement_to": high,
                            "factor_type": kind,
                            "factor": factor,
                        },
                    )
                    for low, high, kind, factor in brackets
                ],
            }
        )

    @classmethod
    def _target(cls, employee, value, actual, level="employee", minimum=0.0):
        target = cls.env["hr.target"].create(
            {
                "name": f"{employee.name} {level} 2026-03",
                "measure_id": (cls.revenue if level == "team" else cls.measure).id,
                "period_id": cls.period.id,
                "company_id": cls.company.id,
                "level": level,
                "employee_id": employee.id,
                "target_value": value,
                "minimum_value": minimum,
            }
        )
        if actual:
            cls.env["hr.target.actual"].create(
                {"target_id": target.id, "date": date(2026, 3, 15), "value": actual}
            )
        return target

    def _new_run(self, **values):
        vals = {
            "date_month": MONTH,
            "company_id": self.company.id,
            "department_id": self.department.id,
        }
        vals.update(values)
        return self.env["hr.performance.pay.run"].create(vals)

    def _line(self, run, employee, line_type="performance"):
        return run.line_ids.filtered(
            lambda ln: ln.employee_id == employee and ln.line_type == line_type
        )
