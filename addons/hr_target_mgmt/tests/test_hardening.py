# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Regression tests of the holes an RPC client found: each replays the call
as the role, with the context a hostile client would send."""

from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MONTH, HrPerformanceCase

HOSTILE = {
    "hr_performance_pay_workflow": True,
    "hr_payable_bridge_write": True,
    "hr_payable_bridge_disabled": True,
    "tracking_disable": True,
}


@tagged("post_install", "-at_install")
class TestHardening(HrPerformanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.run_ = cls.env["hr.performance.pay.run"].create(
            {
                "date_month": MONTH,
                "company_id": cls.company.id,
                "department_id": cls.department.id,
            }
        )
        cls.run_.action_compute_lines()

    def _rpc(self, role, record):
        """``record`` as a client of ``role`` would reach it: its user, any
        context it likes."""
        return record.with_user(self.users[role]).with_context(**HOSTILE)

    def _approve(self, run):
        run.with_user(self.users["manager"]).action_report()
        run.with_user(self.users["finance"]).action_verify()
        run.with_user(self.users["manager"]).action_submit()
        run.with_user(self.users["principal"]).action_approve()

    # 1. context keys never unlock anything --------------------------------
    def test_state_only_through_the_workflow(self):
        for role in ("manager", "finance", "principal", "hr_manager"):
            with self.assertRaises(AccessError, msg=role):
                self._rpc(role, self.run_).write({"state": "approved"})
        self.assertEqual(self.run_.state, "draft")
        with self.assertRaises(AccessError):
            self._rpc("manager", self.env["hr.performance.pay.run"]).create(
                {
                    "date_month": date(2026, 4, 1),
                    "company_id": self.company.id,
                    "department_id": self.department.id,
                    "state": "approved",
                }
            )
        # the supervisor cannot approve, finance cannot skip the principal
        self._rpc("manager", self.run_).action_report()
        self._rpc("finance", self.run_).action_verify()
        self._rpc("manager", self.run_).action_submit()
        for role in ("manager", "finance"):
            with self.assertRaises(AccessError, msg=role):
                self._rpc(role, self.run_).action_approve()
            with self.assertRaises(AccessError, msg=role):
                self._rpc(role, self.run_).write({"state": "approved"})
        self.assertEqual(self.run_.state, "submitted")

    def test_lines_of_an_approved_run_stay_put(self):
        self._approve(self.run_)
        line = self._line(self.run_, self.zhang)
        with self.assertRaises(UserError):
            self._rpc("manager", line).write({"amount": 99999})
        for vals in ({"payable_paid": True}, {"payable": False}, {"state": "draft"}):
            with self.assertRaises(AccessError, msg=vals):
                self._rpc("finance", line).write(vals)
        self.assertEqual(line.amount, 450)
        self.assertTrue(line.payable)
        self.assertFalse(line.payable_paid)
        # marked paid by finance through the button: counted as paid once
        self._rpc("finance", self.run_).action_mark_paid()
        self.assertTrue(line.payable_paid)
        self.assertEqual(self.run_.state, "paid")
        with self.assertRaises(AccessError):
            self._rpc("finance", line).write({"payable_paid": False})
        self.assertTrue(line.payable_paid)

    # 2. scope on create and write ------------------------------------------
    def test_supervisor_stays_in_his_team(self):
        Run = self._rpc("manager", self.env["hr.performance.pay.run"])
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Run.create(
                {
                    "date_month": date(2026, 4, 1),
                    "company_id": self.company.id,
                    "department_id": self.teaching.id,
                    "user_id": self.users["manager"].id,
                }
            )
        draft = Run.create(
            {
                "date_month": date(2026, 4, 1),
                "company_id": self.company.id,
                "department_id": self.department.id,
            }
        )
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            draft.write({"department_id": self.teaching.id})
        self.assertEqual(draft.department_id, self.department)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            draft.write({"department_id": False, "supervisor_id": self.teacher.id})
        # the teaching department's manager sees none of it
        other = self._rpc("manager2", self.env["hr.performance.pay.run"])
        self.assertFalse(other.search([]))
        with self.assertRaises(AccessError):
            self._rpc("manager2", self.run_).action_compute_lines()

    def test_team_scope(self):
        Employee = self.env["hr.employee"]
        mine = Employee.with_user(self.users["manager"]).search(
            [("is_in_my_team", "=", True), ("company_id", "=", self.company.id)]
        )
        self.assertEqual(mine, self.zhang | self.li)
        theirs = Employee.with_user(self.users["manager2"]).search(
            [("is_in_my_team", "=", True), ("company_id", "=", self.company.id)]
        )
        self.assertEqual(theirs, self.teacher)
        self.assertNotIn(
            self.supervisor,
            Employee.with_user(self.users["manager"]).search(
                [("is_in_my_team", "=", True)]
            ),
        )
        # a department below the one managed is part of the team
        sub = self.env["hr.department"].create(
            {
                "name": "市场一组",
                "parent_id": self.department.id,
                "company_id": self.company.id,
            }
        )
        newcomer = Employee.create(
            {"name": "周八", "department_id": sub.id, "company_id": self.company.id}
        )
        self.assertTrue(newcomer.with_user(self.users["manager"]).is_in_my_team)
        self.assertFalse(newcomer.with_user(self.users["manager2"]).is_in_my_team)
        self.assertIn(
            newcomer,
            Employee.with_user(self.users["manager"]).search(
                [("is_in_my_team", "!=", False)]
            ),
        )

    def test_smart_button_counts_follow_the_user(self):
        """The counts on the employee form are those of the reader: a
        figure computed for HR in the same transaction is not served to a
        manager of another department."""
        zhang = self.zhang.with_user(self.users["hr_manager"])
        visible = self.env["hr.target"].search_count([("employee_id", "=", zhang.id)])
        self.assertTrue(visible)
        self.assertEqual(zhang.target_count, visible)
        self.assertEqual(
            self.zhang.with_user(self.users["manager2"]).sudo(False).target_count, 0
        )
        self.assertEqual(
            self.zhang.with_user(self.users["manager"]).target_count,
            self.env["hr.target"]
            .with_user(self.users["manager"])
            .search_count([("employee_id", "=", zhang.id)]),
        )

    def test_target_cannot_be_handed_outside_the_team(self):
        target = self.zhang_target.with_user(self.users["manager"])
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            target.write({"employee_id": self.teacher.id})
        self.assertEqual(self.zhang_target.employee_id, self.zhang)

    # 4. totals and exports --------------------------------------------------
    def test_employee_reads_no_run_amount(self):
        run = self._rpc("employee", self.run_)
        self.assertEqual(run.name, "2026-03 市场部")
        with self.assertRaises(AccessError):
            run.read(["amount_total"])
        with self.assertRaises(AccessError):
            run.search_read([("id", "=", self.run_.id)], ["amount_total"])
        with self.assertRaises(AccessError):
            run.action_export_distribution()
        # his own line, not his colleagues'
        run.line_ids.invalidate_recordset()
        own = self._line(self.run_, self.zhang).with_user(self.users["employee"])
        self.assertEqual(own.amount, 450)
        with self.assertRaises(AccessError):
            (run.line_ids - own).read(["amount"])

    def test_export_button_only_for_supervisors_and_finance(self):
        arch = (
            self.env["hr.performance.pay.run"]
            .with_user(self.users["employee"])
            .get_view(view_type="form")["arch"]
        )
        self.assertNotIn("action_export_distribution", arch)
        self.assertNotIn('name="amount_total"', arch)
        arch = (
            self.env["hr.performance.pay.run"]
            .with_user(self.users["finance"])
            .get_view(view_type="form")["arch"]
        )
        self.assertIn("action_export_distribution", arch)

    # 5. bookkeeping fields ----------------------------------------------------
    def test_bookkeeping_fields_are_not_writable(self):
        line = self._line(self.run_, self.zhang)
        for vals in (
            {"state": "approved"},
            {"payable": True},
            {"payable_amount": 1},
            {"wage": 5000},
            {"employee_id": self.li.id},
            {"factor": 3},
        ):
            with self.assertRaises(AccessError, msg=vals):
                self._rpc("manager", line).write(vals)
        self.assertEqual(self.run_.state, "draft")
        self.assertEqual(line.wage, 1000)
        # what the supervisor may change, he may
        self._rpc("manager", line).write({"actual": 11, "note": "补录"})
        self.assertEqual(line.amount, 300)
        with self.assertRaises(AccessError):
            self._rpc("manager", self.env["hr.performance.pay.line"]).create(
                {
                    "run_id": self.run_.id,
                    "employee_id": self.li.id,
                    "contract_id": self.contracts[1].id,
                    "amount": 5000,
                }
            )
        with self.assertRaises(AccessError):
            self._rpc("manager", self.run_).write(
                {"approval_reminded_state": "approved"}
            )

    # 6. computing lines needs the right to create them ----------------------
    def test_finance_cannot_compute_lines(self):
        run = self.env["hr.performance.pay.run"].create(
            {
                "date_month": MONTH,
                "company_id": self.company.id,
                "supervisor_id": self.supervisor.id,
            }
        )
        with self.assertRaises(AccessError):
            self._rpc("finance", run).action_compute_lines()
        self.assertFalse(run.line_ids)
        self._rpc("manager", run).action_compute_lines()
        self.assertTrue(run.line_ids)

    def test_insert_stores_what_create_stores(self):
        """The batch INSERT of computed lines and the ORM's create store the
        same value in every stored column (other addons' included)."""
        Line = self.env["hr.performance.pay.line"]
        inserted = self.run_.line_ids
        other = self.env["hr.performance.pay.run"].create(
            {
                "date_month": MONTH,
                "company_id": self.company.id,
                "supervisor_id": self.supervisor.id,
            }
        )
        vals_list = other._prepare_line_values()
        created = Line.create(vals_list)
        inserted_again = Line._insert_lines(other, other._prepare_line_values())
        stored = [
            name
            for name, field in Line._fields.items()
            if field.store
            and field.column_type
            and name not in ("id", "create_date", "write_date")
        ]
        self.env.flush_all()
        for orm, raw in zip(
            created.sorted(lambda ln: (ln.employee_id.id, ln.line_type)),
            inserted_again.sorted(lambda ln: (ln.employee_id.id, ln.line_type)),
            strict=True,
        ):
            for name in stored:
                self.assertEqual(orm[name], raw[name], name)
        self.assertEqual(len(inserted), 3)

    # 7. bad numbers -------------------------------------------------------------
    def test_non_finite_and_absurd_values(self):
        for value in (float("nan"), float("inf"), float("-inf"), 1e15):
            with self.assertRaises(ValidationError, msg=value) as caught:
                self._target(self.teacher, value, 0)
            self.assertIn("孙老师", str(caught.exception))
            self.assertIn("real numbers", str(caught.exception))
            with self.assertRaises(ValidationError, msg=value) as caught:
                self.zhang_target.minimum_value = value
            self.assertIn("real numbers", str(caught.exception))
            with self.assertRaises(ValidationError, msg=value):
                self.env["hr.target.actual"].create(
                    {
                        "target_id": self.zhang_target.id,
                        "date": date(2026, 3, 20),
                        "value": value,
                    }
                )
        line = self._line(self.run_, self.zhang)
        for value in (-1, 1e15, float("nan")):
            with self.assertRaises(ValidationError, msg=value) as caught:
                self._rpc("manager", line).write({"amount": value})
            self.assertIn(line.display_name, str(caught.exception))
        self.assertEqual(line.amount, 450)
        self.assertEqual(line.payable_amount, 450)

    def test_default_scale_caps_a_typo(self):
        """An actual of 1,000 against a target of 10 pays the 300 % cap."""
        self.env["hr.target.actual"].create(
            {"target_id": self.li_target.id, "date": date(2026, 3, 20), "value": 997}
        )
        self.run_.action_compute_lines()
        line = self._line(self.run_, self.li)
        self.assertEqual(line.achievement, 100)
        self.assertEqual(line.factor, 3)
        self.assertEqual(line.amount, 900)
        self.assertEqual(self._line(self.run_, self.zhang).amount, 450)

    # 8. silent or broken answers ------------------------------------------------
    def test_month_without_period_says_why(self):
        run = self.env["hr.performance.pay.run"].create(
            {
                "date_month": date(2026, 7, 1),
                "company_id": self.company.id,
                "department_id": self.department.id,
            }
        )
        with self.assertRaisesRegex(UserError, "no monthly target period 2026-07"):
            self._rpc("manager", run).action_compute_lines()

    def test_month_period_is_one_month(self):
        with self.assertRaises(ValidationError) as caught:
            self.env["hr.target.period"].create(
                {
                    "name": "Q3 as a month",
                    "period_type": "month",
                    "date_from": date(2026, 7, 1),
                    "date_to": date(2026, 9, 30),
                    "company_id": self.company.id,
                }
            )
        self.assertIn("Q3 as a month", str(caught.exception))
        quarter = self.env["hr.target.period"].create(
            {
                "name": "2026-Q3",
                "period_type": "quarter",
                "date_from": date(2026, 7, 1),
                "date_to": date(2026, 9, 30),
                "company_id": self.company.id,
            }
        )
        self.assertIs(quarter.action_close(), True)
        self.assertIs(quarter.action_reopen(), True)

    # 9. lower-is-better measures ------------------------------------------------
    def test_lower_is_better_pay(self):
        """Complaints: 5 against a target of 10 is 150 %, 15 is 50 %."""
        complaints = self.env["hr.target.measure"].create(
            {
                "name": "客户投诉",
                "unit": "次",
                "higher_is_better": False,
                "company_id": self.company.id,
            }
        )
        (self.zhang_target | self.li_target).write({"measure_id": complaints.id})
        self.zhang_target.actual_ids.value = 5
        self.li_target.actual_ids.value = 15
        self.run_.action_compute_lines()
        zhang, li = self._line(self.run_, self.zhang), self._line(self.run_, self.li)
        self.assertEqual(zhang.achievement, 1.5)
        self.assertEqual(self.zhang_target.achievement, 1.5)
        self.assertEqual(zhang.amount, 450)
        self.assertEqual(li.achievement, 0.5)
        self.assertEqual(li.amount, 75)
