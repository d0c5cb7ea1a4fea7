# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The suite's one test base (every addon's tests import it).

:class:`HrPerformanceCase`: a training school (its own company, in CNY) with
one user per role of the suite, a sales department (市场部) with its
supervisor 王主管 and two enrolment staff (张三, target 10 actual 15 → the
worked example of 1,450; 李四, actual 3 → 1,075), a teaching department (教学部)
with its own manager and teacher, wages of 1,000, the month of March 2026 as
a target period, the default performance-pay scale and a team target. No demo
data is used. Pure-math tests use ``odoo.tests.BaseCase`` instead.
"""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo.tests import TransactionCase, new_test_user

#: Groups of each role (``new_test_user`` syntax).
ROLE_GROUPS = {
    "employee": "base.group_user",
    "employee2": "base.group_user",
    "manager": "base.group_user,hr_target_mgmt.group_hr_target_mgmt_manager",
    "manager2": "base.group_user,hr_target_mgmt.group_hr_target_mgmt_manager",
    "hr_officer": "base.group_user,hr_target_mgmt.group_hr_target_mgmt_hr_officer",
    "hr_manager": "base.group_user,hr_target_mgmt.group_hr_target_mgmt_hr_manager",
    "finance": "base.group_user,hr_target_mgmt.group_hr_target_mgmt_finance",
    "principal": "base.group_user,hr_target_mgmt.group_hr_target_mgmt_principal",
}
GROUPS = ROLE_GROUPS

MONTH = date(2026, 3, 1)


def create_month_period(env, year, month, company, name=None):
    """The target period of one calendar month."""
    start = date(year, month, 1)
    return env["hr.target.period"].create(
        {
            "name": name or f"{year}-{month:02d}",
            "period_type": "month",
            "date_from": start,
            "date_to": start + relativedelta(months=1) - timedelta(days=1),
            "company_id": company.id,
        }
    )


class HrPerformanceCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # messages are asserted in English, whatever language the database
        # gave the superuser (installing eLearning on the Chinese demo
        # database switches every partner to the default language, zh_CN)
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.company = cls.env["res.company"].create(
            {"name": "培训学校 (test)", "currency_id": cls.env.ref("base.CNY").id}
        )
        cls.env.ref("base.CNY").active = True
        cls.scale = cls.env["hr.performance.pay.scale"]._create_default_scale(
            cls.company, name="Field Staff Scale (test)"
        )
        cls.users = {
            role: new_test_user(
                cls.env,
                login=f"pp_{role}",
                groups=groups,
                company_id=cls.company.id,
                company_ids=[(6, 0, cls.company.ids)],
            )
            for role, groups in ROLE_GROUPS.items()
        }
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
        cls.teaching = cls.env["hr.department"].create(
            {"name": "教学部", "company_id": cls.company.id}
        )
        cls.teaching_manager = Employee.create(
            {
                "name": "赵老师",
                "company_id": cls.company.id,
                "department_id": cls.teaching.id,
                "user_id": cls.users["manager2"].id,
            }
        )
        cls.teaching.manager_id = cls.teaching_manager
        cls.teacher = Employee.create(
            {
                "name": "孙老师",
                "company_id": cls.company.id,
                "department_id": cls.teaching.id,
                "parent_id": cls.teaching_manager.id,
            }
        )
        cls.period = create_month_period(cls.env, 2026, 3, cls.company)
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

    def _as(self, role, record):
        """``record`` as the user of ``role``."""
        return record.with_user(self.users[role])


# the name the performance-pay tests were written with
PerfPayCase = HrPerformanceCase
