# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import MONTH, PerfPayCase


@tagged("post_install", "-at_install")
class TestMonthlyRun(PerfPayCase):
    def _computed_run(self, **values):
        run = self._new_run(**values)
        run.action_compute_lines()
        return run

    # ------------------------------------------------------------------
    # Amounts
    # ------------------------------------------------------------------
    def test_e1_e2_and_team_reward(self):
        run = self._computed_run()
        self.assertEqual(run.name, "2026-03 市场部")
        self.assertEqual(run.date_to, date(2026, 3, 31))
        zhang = self._line(run, self.zhang)
        self.assertRecordValues(
            zhang,
            [
                {
                    "target_value": 10.0,
                    "actual": 15.0,
                    "achievement": 1.5,
                    "factor": 1.5,
                    "wage": 1000.0,
                    "standard": 300.0,
                    "amount": 450.0,
                    "contract_id": self.zhang.contract_id.id,
                    "scale_id": self.scale.id,
                }
            ],
        )
        self.assertEqual(zhang.month_pay, 1450.0)
        li = self._line(run, self.li)
        self.assertRecordValues(
            li, [{"achievement": 0.3, "factor": 0.25, "amount": 75.0}]
        )
        self.assertEqual(li.month_pay, 1075.0)
        team = self._line(run, self.supervisor, "team_reward")
        self.assertRecordValues(
            team,
            [{"target_value": 100000.0, "minimum_value": 80000.0, "amount": 1000.0}],
        )
        self.assertEqual(team.month_pay, 0.0, "a team reward comes on top of pay")
        # the supervisor has no personal target: no performance line
        self.assertFalse(self._line(run, self.supervisor))
        self.assertEqual(run.amount_total, 1525.0)

    def test_team_below_minimum_earns_nothing(self):
        self.env["hr.target.actual"].create(
            {"target_id": self.team_target.id, "date": MONTH, "value": -15000}
        )
        run = self._computed_run()
        self.assertEqual(self._line(run, self.supervisor, "team_reward").amount, 0.0)

    def test_supervisor_team_run(self):
        run = self._computed_run(department_id=False, supervisor_id=self.supervisor.id)
        self.assertEqual(run.user_id, self.users["manager"])
        self.assertEqual(
            set(run.line_ids.mapped("employee_id").ids),
            {self.zhang.id, self.li.id, self.supervisor.id},
        )

    def test_actual_corrected_recomputes(self):
        run = self._computed_run()
        line = self._line(run, self.li)
        line.actual = 12  # 120 %: factor = achievement
        self.assertEqual(line.factor, 1.2)
        self.assertEqual(line.amount, 360.0)

    def test_deadlines_follow_company_days(self):
        self.company.write(
            {
                "performance_report_day": 2,
                "performance_verify_day": 4,
                "performance_submit_day": 6,
                "performance_approve_day": 8,
                "performance_pay_day": 31,
            }
        )
        run = self._new_run(date_month=date(2026, 1, 17))
        self.assertEqual(run.date_month, date(2026, 1, 1))
        self.assertEqual(run.date_report_deadline, date(2026, 2, 2))
        self.assertEqual(run.date_approve_deadline, date(2026, 2, 8))
        self.assertEqual(run.date_pay, date(2026, 2, 28), "clamped to month end")
        self.assertEqual(run.date_next_deadline, run.date_report_deadline)

    # ------------------------------------------------------------------
    # Bad input
    # ------------------------------------------------------------------
    def test_employee_without_contract(self):
        self.contracts.filtered(lambda c: c.employee_id == self.li).state = "close"
        run = self._new_run()
        with self.assertRaisesRegex(UserError, "李四"):
            run.action_compute_lines()
        self.assertFalse(run.line_ids)

    def test_employee_without_wage(self):
        self.contracts.filtered(lambda c: c.employee_id == self.zhang).wage = 0
        run = self._new_run()
        with self.assertRaisesRegex(UserError, "张三"):
            run.action_compute_lines()
        self.assertFalse(run.line_ids)

    def test_closed_period(self):
        run = self._computed_run()
        self.period.action_close()
        with self.assertRaisesRegex(UserError, "closed"):
            run.action_compute_lines()
        self.assertEqual(len(run.line_ids), 3, "lines kept")
        with self.assertRaisesRegex(UserError, "closed"):
            run.with_user(self.users["manager"]).action_report()

    def test_team_and_duplicates(self):
        with self.assertRaises(ValidationError):
            self._new_run(department_id=False)
        with self.assertRaises(ValidationError):
            self._new_run(supervisor_id=self.supervisor.id)
        self._new_run()
        with self.assertRaisesRegex(ValidationError, "市场部"):
            self._new_run()

    # ------------------------------------------------------------------
    # Workflow by the right users only
    # ------------------------------------------------------------------
    def test_workflow(self):
        run = self._computed_run()
        supervisor = run.with_user(self.users["manager"])
        finance = run.with_user(self.users["finance"])
        principal = run.with_user(self.users["principal"])
        employee = run.with_user(self.users["employee"])

        with self.assertRaises(AccessError):
            finance.action_report()
        with self.assertRaises(AccessError):
            employee.action_report()
        with self.assertRaises(AccessError):
            supervisor.write({"state": "approved"})  # no shortcut
        supervisor.action_report()
        self.assertEqual(run.state, "reported")

        with self.assertRaises(AccessError):
            supervisor.action_verify()
        with self.assertRaises(UserError):
            principal.action_approve()  # not submitted yet
        # finance corrects a result while verifying
        self._line(finance, self.li).actual = 4
        self.assertEqual(self._line(run, self.li).achievement, 0.4)
        finance.action_verify()
        self.assertEqual(run.state, "verified")

        with self.assertRaises(AccessError):
            finance.action_submit()
        supervisor.action_submit()
        self.assertEqual(run.state, "submitted")
        with self.assertRaisesRegex(UserError, "submitted, approved or paid"):
            self._line(supervisor, self.zhang).amount = 999

        with self.assertRaises(AccessError):
            supervisor.action_approve()
        with self.assertRaises(AccessError):
            finance.action_approve()
        principal.action_approve()
        self.assertEqual(run.state, "approved")

        # payable through payroll, locked
        self.assertRecordValues(
            run.line_ids.sorted(lambda ln: (ln.employee_id.name, ln.line_type)),
            [
                {
                    "payable": True,
                    "payable_input_code": "PERF_PAY",
                    "payable_amount": 450.0,
                    "payable_employee_id": self.zhang.id,
                    "payable_contract_id": self.zhang.contract_id.id,
                    "payable_date": date(2026, 4, 10),
                    "payable_currency_id": self.env.ref("base.CNY").id,
                },
                {
                    "payable": True,
                    "payable_input_code": "PERF_PAY",
                    "payable_amount": 75.0,
                    "payable_employee_id": self.li.id,
                    "payable_contract_id": self.li.contract_id.id,
                    "payable_date": date(2026, 4, 10),
                    "payable_currency_id": self.env.ref("base.CNY").id,
                },
                {
                    "payable": True,
                    "payable_input_code": "TEAM_REWARD",
                    "payable_amount": 1000.0,
                    "payable_employee_id": self.supervisor.id,
                    "payable_contract_id": self.supervisor.contract_id.id,
                    "payable_date": date(2026, 4, 10),
                    "payable_currency_id": self.env.ref("base.CNY").id,
                },
            ],
        )
        with self.assertRaises(AccessError):
            self._line(finance, self.li).write({"payable_paid": True})
        with self.assertRaisesRegex(UserError, "only be changed while it is a draft"):
            run.date_month = date(2026, 4, 1)
        with self.assertRaises(UserError):
            self._line(run, self.zhang).actual = 20
        with self.assertRaises(UserError):
            run.line_ids.unlink()
        with self.assertRaises(UserError):
            run.unlink()
        with self.assertRaises(UserError):
            supervisor.action_reset_draft()
        with self.assertRaises(AccessError):
            supervisor.action_mark_paid()
        finance.action_mark_paid()
        self.assertEqual(run.state, "paid")
        self.assertTrue(all(run.line_ids.mapped("payable")))
        # paid by hand: no payroll may pay these lines again
        self.assertTrue(all(run.line_ids.mapped("payable_paid")))

    def test_state_changes_tracked(self):
        run = self._computed_run()
        self.env.cr.precommit.run()
        run.with_user(self.users["manager"]).action_report()
        self.env.cr.precommit.run()
        run.with_user(self.users["finance"]).action_verify()
        self.env.cr.precommit.run()
        tracked = run.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertEqual(
            sorted(tracked.mapped("new_value_char")), ["Reported", "Verified"]
        )
        self.assertEqual(
            sorted(tracked.mapped("old_value_char")), ["Draft", "Reported"]
        )

    def test_report_needs_lines_and_draft_only_compute(self):
        run = self._new_run()
        with self.assertRaisesRegex(UserError, "no line"):
            run.action_report()
        run.action_compute_lines()
        run.action_report()
        with self.assertRaises(UserError):
            run.action_compute_lines()
        run.with_user(self.users["manager"]).action_reset_draft()
        self.assertEqual(run.state, "draft")

    # ------------------------------------------------------------------
    # Scheduled action and activities
    # ------------------------------------------------------------------
    def _activities(self, run, xmlid):
        return run.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(xmlid)
        )

    def test_cron_creates_runs_and_activities(self):
        Run = self.env["hr.performance.pay.run"]
        step = "hr_target_mgmt.mail_activity_type_approval_step"
        late = "hr_target_mgmt.mail_activity_type_approval_late"
        office = self.env["hr.department"].create(
            {"name": "行政部", "company_id": self.company.id}
        )
        self.env["hr.employee"].create(
            {
                "name": "行政专员",
                "company_id": self.company.id,
                "department_id": office.id,
                "job_id": self.env["hr.job"]
                .create({"name": "行政", "company_id": self.company.id})
                .id,
            }
        )
        Run._cron_monthly_runs(date(2026, 3, 20))
        self.assertFalse(
            Run.search([("department_id", "=", office.id)]),
            "no run for office staff",
        )
        runs = Run.search([("department_id", "=", self.department.id)])
        self.assertEqual(
            sorted(runs.mapped("date_month")), [date(2026, 3, 1), date(2026, 4, 1)]
        )
        march = runs.filtered(lambda r: r.date_month == MONTH)
        due = self._activities(march, step)
        self.assertEqual(due.user_id, self.users["manager"])
        self.assertEqual(due.date_deadline, date(2026, 4, 1))
        self.assertFalse(self._activities(march, late))
        april = runs - march
        self.assertFalse(april.activity_ids, "April's step is not due yet")

        # again the same day, and again later but not late: no duplicate
        Run._cron_monthly_runs(date(2026, 3, 20))
        self.assertEqual(
            Run.search_count([("department_id", "=", self.department.id)]), 2
        )
        Run._cron_monthly_runs(date(2026, 4, 1))  # creates May's run
        self.assertEqual(
            Run.search_count([("department_id", "=", self.department.id)]), 3
        )
        self.assertEqual(len(self._activities(march, step)), 1)
        self.assertFalse(self._activities(march, late))

        # the 2nd of April: reporting is late
        Run._cron_monthly_runs(date(2026, 4, 2))
        Run._cron_monthly_runs(date(2026, 4, 3))
        reminder = self._activities(march, late)
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.user_id, self.users["manager"])
        self.assertIn("late", reminder.summary)

        # reporting closes the supervisor's activities; finance gets theirs
        march.action_compute_lines()
        march.with_user(self.users["manager"]).action_report()
        self.assertFalse(
            march.activity_ids.filtered(lambda a: a.user_id == self.users["manager"])
        )
        finance_due = self._activities(march, step)
        self.assertIn(self.users["finance"], finance_due.user_id)
        self.assertNotIn(self.users["manager"], finance_due.user_id)
        # finance verifies late (after the 3rd): one late activity per finance user
        Run._cron_monthly_runs(date(2026, 4, 4))
        Run._cron_monthly_runs(date(2026, 4, 5))
        late_finance = self._activities(march, late)
        self.assertIn(self.users["finance"], late_finance.user_id)
        self.assertEqual(len(late_finance), len(late_finance.user_id))
        march.with_user(self.users["finance"]).action_verify()
        march.with_user(self.users["manager"]).action_submit()
        approve = self._activities(march, step)
        self.assertIn(self.users["principal"], approve.user_id)
        self.assertNotIn(self.users["finance"], approve.user_id)
