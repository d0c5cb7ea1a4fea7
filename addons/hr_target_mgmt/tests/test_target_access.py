# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from .common_targets import TargetCommon

GROUP = "base.group_user,hr_target_mgmt.group_hr_target_mgmt_%s"


@tagged("post_install", "-at_install")
class TestTargetAccess(TargetCommon):
    """Who reads and writes targets, actuals and probations.

    * employee: reads own targets and actuals, writes nothing;
    * department manager / supervisor: their department's and their direct
      reports' targets and actuals (read, write, enter actuals), company-level
      targets read-only; reads their team's probations;
    * HR officer: everything in their companies, decides probations;
    * HR manager: configures measures and periods;
    * finance: reads every target and actual of their companies.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        users = {}
        for login, role in (
            ("ta_zhang", None),
            ("ta_wang", None),
            ("ta_manager", "manager"),
            ("ta_supervisor", "manager"),
            ("ta_officer", "hr_officer"),
            ("ta_hr_manager", "hr_manager"),
            ("ta_finance", "finance"),
        ):
            users[login] = new_test_user(
                cls.env,
                login=login,
                groups=GROUP % role if role else "base.group_user",
            )
        cls.users = users
        cls.zhang.user_id = users["ta_zhang"]
        cls.wang.user_id = users["ta_wang"]
        # the sales manager manages the department of Zhang and Wang
        cls.sales.manager_id = cls.env["hr.employee"].create(
            {"name": "Sales manager (test)", "user_id": users["ta_manager"].id}
        )
        # the supervisor's direct report sits in the teaching department
        cls.supervisor = cls.env["hr.employee"].create(
            {"name": "Supervisor (test)", "user_id": users["ta_supervisor"].id}
        )
        cls.zhao = cls.env["hr.employee"].create(
            {
                "name": "Zhao Liu (test)",
                "department_id": cls.teaching.id,
                "parent_id": cls.supervisor.id,
            }
        )
        cls.sun = cls.env["hr.employee"].create(
            {"name": "Sun Qi (test)", "department_id": cls.teaching.id}
        )
        cls.t_company = cls._target(name="School", level="company", target_value=100)
        cls.t_zhang = cls._target(name="Zhang", employee_id=cls.zhang.id)
        cls.t_wang = cls._target(name="Wang", employee_id=cls.wang.id)
        cls.t_zhao = cls._target(name="Zhao", employee_id=cls.zhao.id)
        cls.t_sun = cls._target(name="Sun", employee_id=cls.sun.id)
        cls.a_zhang = cls._actual(cls.t_zhang, 15)
        cls.a_wang = cls._actual(cls.t_wang, 3)
        cls.a_sun = cls._actual(cls.t_sun, 7)

    def _visible(self, login, model="hr.target"):
        return self.env[model].with_user(self.users[login]).search([])

    def _mine(self, records):
        """Restrict a search result to this test's records (the database may
        hold demo data)."""
        return records & (
            self.t_company | self.t_zhang | self.t_wang | self.t_zhao | self.t_sun
        )

    def test_employee_reads_own_only(self):
        zhang = self.users["ta_zhang"]
        self.assertEqual(self._mine(self._visible("ta_zhang")), self.t_zhang)
        self.assertEqual(
            self._visible("ta_zhang", "hr.target.actual")
            & (self.a_zhang | self.a_wang),
            self.a_zhang,
        )
        self.assertEqual(self.t_zhang.with_user(zhang).achievement, 1.5)
        # another person's target and amounts: refused
        with self.assertRaises(AccessError):
            self.t_wang.with_user(zhang).read(["actual_value"])
        with self.assertRaises(AccessError):
            self.a_wang.with_user(zhang).read(["value"])
        with self.assertRaises(AccessError):
            self.t_company.with_user(zhang).read(["name"])
        # employees read, they do not write targets or enter actuals
        with self.assertRaises(AccessError):
            self.t_zhang.with_user(zhang).write({"target_value": 1})
        with self.assertRaises(AccessError):
            self.env["hr.target.actual"].with_user(zhang).create(
                {"target_id": self.t_zhang.id, "date": date(2031, 3, 2), "value": 5}
            )
        with self.assertRaises(AccessError):
            self.env["hr.target.probation"].with_user(zhang).search([])

    def test_screens_open_for_each_role(self):
        """ "My Targets" and the target form work for users without HR rights."""
        zhang = self.users["ta_zhang"]
        action = self.env.ref("hr_target_mgmt.hr_target_action_my")
        domain = [("employee_id.user_id", "=", zhang.id)]
        self.assertIn("employee_id.user_id", action.domain)
        self.assertEqual(self.Target.with_user(zhang).search(domain), self.t_zhang)
        form = Form(self.t_zhang.with_user(zhang))
        self.assertEqual(form.actual_value, 15)
        team = self._target(
            name="Team",
            level="team",
            employee_id=self.sales.manager_id.id,
            team_member_ids=[(6, 0, (self.zhang | self.wang).ids)],
        )
        self.t_zhang.parent_id = team
        manager = self.users["ta_manager"]
        form = Form(team.with_user(manager))
        self.assertEqual(len(form.team_member_public_ids), 2)
        self.assertEqual(len(form.child_ids), 1)
        Form(self.t_zhang.with_user(zhang))
        Form(self.a_zhang.with_user(zhang))

    def test_department_manager(self):
        manager = self.users["ta_manager"]
        self.assertEqual(
            self._mine(self._visible("ta_manager")),
            self.t_company | self.t_zhang | self.t_wang,
        )
        self.t_zhang.with_user(manager).write({"target_value": 12})
        self.assertEqual(self.t_zhang.target_value, 12)
        self.env["hr.target.actual"].with_user(manager).create(
            {"target_id": self.t_wang.id, "date": date(2031, 3, 2), "value": 5}
        )
        self.assertEqual(self.t_wang.actual_value, 8)
        new = self.Target.with_user(manager).create(
            {
                "name": "Wang extra",
                "measure_id": self.measure.id,
                "period_id": self.period.id,
                "employee_id": self.wang.id,
                "target_value": 3,
                "is_pay_basis": False,
            }
        )
        self.assertEqual(new.department_id, self.sales)
        # company targets, the own department's and own targets: read only
        with self.assertRaises(AccessError):
            self.t_company.with_user(manager).write({"target_value": 1})
        own_department = self._target(
            name="Sales department", level="department", department_id=self.sales.id
        )
        self.sales.manager_id.department_id = self.sales
        own = self._target(name="Manager own", employee_id=self.sales.manager_id.id)
        self.assertEqual(own.department_id, self.sales)
        self.assertEqual(own_department.with_user(manager).target_value, 10)
        for target in (own_department, own):
            with self.assertRaises(AccessError):
                target.with_user(manager).write({"target_value": 1})
        with self.assertRaises(AccessError):
            self.Target.with_user(manager).create(
                {
                    "name": "Manager own bis",
                    "measure_id": self.measure.id,
                    "period_id": self.quarter.id,
                    "employee_id": self.sales.manager_id.id,
                    "target_value": 1,
                }
            )
        # ... but a supervisor reports their own results too
        self.env["hr.target.actual"].with_user(manager).create(
            {"target_id": own.id, "date": date(2031, 3, 3), "value": 2}
        )
        self.assertEqual(own.actual_value, 2)
        # another department: refused
        with self.assertRaises(AccessError):
            self.t_sun.with_user(manager).read(["actual_value"])
        with self.assertRaises(AccessError):
            self.a_sun.with_user(manager).read(["value"])
        with self.assertRaises(AccessError):
            self.env["hr.target.actual"].with_user(manager).create(
                {"target_id": self.t_sun.id, "date": date(2031, 3, 2), "value": 5}
            )
        # periods and measures are configured by the HR manager
        with self.assertRaises(AccessError):
            self.env["hr.target.measure"].with_user(manager).create({"name": "x"})

    def test_supervisor_direct_reports(self):
        self.assertEqual(
            self._mine(self._visible("ta_supervisor")), self.t_company | self.t_zhao
        )
        self.t_zhao.with_user(self.users["ta_supervisor"]).write({"minimum_value": 5})
        with self.assertRaises(AccessError):
            self.t_sun.with_user(self.users["ta_supervisor"]).write(
                {"minimum_value": 5}
            )

    def test_hr_officer_and_manager(self):
        officer = self.users["ta_officer"]
        everything = (
            self.t_company | self.t_zhang | self.t_wang | self.t_zhao | self.t_sun
        )
        self.assertEqual(self._mine(self._visible("ta_officer")), everything)
        self.t_sun.with_user(officer).write({"target_value": 8})
        with self.assertRaises(AccessError):
            self.env["hr.target.measure"].with_user(officer).create({"name": "x"})
        with self.assertRaises(AccessError):
            self.env["hr.target.period"].with_user(officer).create(
                {
                    "name": "2031-07 (test)",
                    "date_from": date(2031, 7, 1),
                    "date_to": date(2031, 7, 31),
                }
            )
        hr_manager = self.users["ta_hr_manager"]
        measure = (
            self.env["hr.target.measure"]
            .with_user(hr_manager)
            .create({"name": "Revenue (test)"})
        )
        self.assertTrue(measure.exists())
        period = (
            self.env["hr.target.period"]
            .with_user(hr_manager)
            .create(
                {
                    "name": "2031-07 (test)",
                    "date_from": date(2031, 7, 1),
                    "date_to": date(2031, 7, 31),
                }
            )
        )
        period.with_user(hr_manager).action_close()
        self.assertEqual(period.state, "closed")

    def test_finance_reads_all_writes_nothing(self):
        finance = self.users["ta_finance"]
        everything = (
            self.t_company | self.t_zhang | self.t_wang | self.t_zhao | self.t_sun
        )
        self.assertEqual(self._mine(self._visible("ta_finance")), everything)
        self.assertEqual(self.a_wang.with_user(finance).value, 3)
        with self.assertRaises(AccessError):
            self.t_wang.with_user(finance).write({"target_value": 1})
        with self.assertRaises(AccessError):
            self.a_wang.with_user(finance).write({"value": 1})

    def test_probation_access(self):
        job = self.env["hr.job"].create(
            {"name": "Consultant (test)", "performance_basis": "field"}
        )
        probations = self.env["hr.target.probation"]
        for employee in (self.zhang, self.sun):
            contract = self.env["hr.contract"].create(
                {
                    "name": f"Contract {employee.name}",
                    "employee_id": employee.id,
                    "job_id": job.id,
                    "wage": 1000,
                    "date_start": date(2031, 1, 1),
                    "trial_date_end": date(2031, 3, 31),
                    "state": "open",
                }
            )
            probations |= probations.create(
                {
                    "employee_id": employee.id,
                    "contract_id": contract.id,
                    "date_start": date(2031, 1, 1),
                    "date_end": date(2031, 3, 31),
                    "monthly_target": 10,
                }
            )
        zhang_probation, sun_probation = probations
        manager = self.users["ta_manager"]
        self.assertEqual(zhang_probation.with_user(manager).monthly_target, 10)
        with self.assertRaises(AccessError):
            sun_probation.with_user(manager).read(["state"])
        with self.assertRaises(AccessError):
            zhang_probation.with_user(self.users["ta_zhang"]).read(["state"])
        with self.assertRaises(AccessError):
            zhang_probation.with_user(self.users["ta_finance"]).read(["state"])
        officer = self.users["ta_officer"]
        Form(zhang_probation.with_user(officer))
        Form(zhang_probation.with_user(manager))
        zhang_probation.with_user(officer).action_review()
        self.assertEqual(zhang_probation.state, "review")

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "Other school (test)"})
        period = self._month(2031, 3, company=other)
        employee = self.env["hr.employee"].create(
            {"name": "Far away (test)", "company_id": other.id}
        )
        target = self.Target.with_company(other).create(
            {
                "name": "Other company target",
                "measure_id": self.measure.id,
                "period_id": period.id,
                "employee_id": employee.id,
                "company_id": other.id,
                "target_value": 10,
            }
        )
        actual = self._actual(target, 4)
        for login in ("ta_officer", "ta_finance", "ta_hr_manager"):
            user = self.users[login]
            self.assertNotIn(target, self.Target.with_user(user).search([]))
            with self.assertRaises(AccessError):
                target.with_user(user).read(["actual_value"])
            with self.assertRaises(AccessError):
                actual.with_user(user).read(["value"])
        # once allowed in the other company, the officer sees it
        officer = self.users["ta_officer"]
        officer.company_ids |= other
        self.assertIn(
            target,
            self.Target.with_user(officer)
            .with_context(allowed_company_ids=[other.id])
            .search([]),
        )
