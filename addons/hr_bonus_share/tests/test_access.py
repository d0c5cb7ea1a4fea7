# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import BonusShareCase


@tagged("post_install", "-at_install")
class TestBonusAccess(BonusShareCase):
    def test_client_cannot_write_bookkeeping(self):
        plan = self._computed_plan()
        for role in ("finance", "hr_manager", "principal"):
            for vals in ({"state": "approved"}, {"pool_amount": 1.0}):
                with self.assertRaises(AccessError, msg=f"{role} {vals}"):
                    self._as(role, plan).with_context(
                        hr_performance_pay_workflow=True
                    ).write(vals)
        share = self._share(plan, self.zhang)
        for vals in (
            {"payable": True},
            {"payable_paid": True},
            {"payable_amount": 1.0},
            {"amount_proposed": 1.0},
            {"rule": "A+"},
            {"employee_id": self.li.id},
        ):
            for role in ("finance", "manager", "hr_manager"):
                with self.assertRaises(AccessError, msg=f"{role} {vals}"):
                    self._as(role, share).write(vals)
        line = self._line(plan, self.department)
        with self.assertRaises(AccessError):
            self._as("finance", line).write({"state": "submitted"})
        with self.assertRaises(AccessError):
            self._as("finance", line).write({"amount": 1.0})
        with self.assertRaises(AccessError):
            self.env["hr.bonus.share"].with_user(self.users["finance"]).create(
                {"department_line_id": line.id, "employee_id": self.zhang.id}
            )
        self.assertEqual(plan.state, "computed")
        self.assertFalse(share.payable)

    def test_employee_sees_own_approved_share_only(self):
        plan = self._computed_plan()
        Share = self.env["hr.bonus.share"].with_user(self.users["employee"])
        self.assertFalse(Share.search([]))
        self._submit_all(plan)
        self._as("principal", plan).action_approve()
        mine = Share.search([])
        self.assertEqual(mine.employee_id, self.zhang)
        mine.read(["amount", "plan_id"])
        self.assertTrue(self._as("employee", plan).read(["name"]))
        with self.assertRaises(AccessError):
            self._as("employee", self._share(plan, self.li)).read(["amount"])
        with self.assertRaises(AccessError):
            self._as("employee", mine).write({"note": "more"})

    def test_manager_sees_own_departments_only(self):
        plan = self._computed_plan()
        Share = self.env["hr.bonus.share"].with_user(self.users["manager2"])
        self.assertFalse(Share.search([("department_id", "=", self.department.id)]))
        self.assertEqual(
            Share.search([]).department_id, self.teaching, "own department only"
        )
        Line = self.env["hr.bonus.department"].with_user(self.users["manager2"])
        self.assertEqual(Line.search([]).department_id, self.teaching)
        with self.assertRaises(AccessError):
            self._as("manager2", self._share(plan, self.zhang)).write(
                {"amount_adjusted": 1.0}
            )
        with self.assertRaises(AccessError):
            self._as("manager2", self._line(plan, self.department)).action_submit()
        # a manager reads but does not adjust their own share
        head = self._share(plan, self.supervisor)
        self._as("manager", head).read(["amount"])
        with self.assertRaises(AccessError):
            self._as("manager", head).write({"amount_adjusted": 1.0})

    def test_plan_for_finance_and_hr_only(self):
        with self.assertRaises(AccessError):
            self.env["hr.bonus.plan"].with_user(self.users["manager"]).create(
                {"fiscal_year": 2026, "company_id": self.company.id}
            )
        plan = self._new_plan()
        with self.assertRaises(AccessError):
            self._as("manager", plan).action_compute()
        with self.assertRaises(AccessError):
            self._as("employee", plan).read(["name"])

    def test_grades_configured_by_hr_manager(self):
        Grade = self.env["hr.bonus.grade"]
        Grade.with_user(self.users["hr_manager"]).create(
            {"name": "G4", "level": 4, "company_id": self.company.id}
        )
        for role in ("finance", "manager", "hr_officer"):
            with self.assertRaises(AccessError, msg=role):
                Grade.with_user(self.users[role]).create(
                    {"name": "G5", "level": 5, "company_id": self.company.id}
                )

    def test_other_company_sees_nothing(self):
        plan = self._computed_plan()
        other = self.env["res.company"].create({"name": "另一所学校 (test)"})
        user = self.env["res.users"].create(
            {
                "name": "其他财务",
                "login": "hb_other_finance",
                "company_id": other.id,
                "company_ids": [(6, 0, other.ids)],
                "groups_id": [
                    (
                        6,
                        0,
                        [
                            self.env.ref("base.group_user").id,
                            self.env.ref(
                                "hr_target_mgmt.group_hr_target_mgmt_finance"
                            ).id,
                        ],
                    )
                ],
            }
        )
        self.assertFalse(self.env["hr.bonus.plan"].with_user(user).search([]))
        self.assertFalse(self.env["hr.bonus.share"].with_user(user).search([]))
        with self.assertRaises(AccessError):
            plan.with_user(user).read(["pool_amount"])

    def test_department_form_cannot_create_or_delete_shares(self):
        from odoo import Command

        plan = self._computed_plan()
        line = self._line(plan, self.department)
        zhang = self._share(plan, self.zhang)
        for commands in (
            [Command.create({"employee_id": self.teacher.id})],
            [Command.delete(zhang.id)],
            [Command.unlink(zhang.id)],
            [Command.set([])],
            [Command.update(zhang.id, {"amount_proposed": 1.0})],
            [Command.update(zhang.id, {"payable": True})],
        ):
            with self.assertRaises(AccessError, msg=str(commands)):
                self._as("manager", line).write({"share_ids": commands})
        # the teaching manager cannot reach a share of sales through their line
        with self.assertRaises(AccessError):
            self._as("manager2", self._line(plan, self.teaching)).write(
                {"share_ids": [Command.update(zhang.id, {"amount_adjusted": 1.0})]}
            )
        self.assertTrue(zhang.exists())
        self.assertNotEqual(zhang.amount, 1.0)
