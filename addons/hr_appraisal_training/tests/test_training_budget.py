# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_training_plan import HrTrainingPlanCase


@tagged("post_install", "-at_install")
class TestTrainingBudget(HrTrainingPlanCase):
    def test_planned_against_actual(self):
        """Planned 12,000; trainer costs 3,500.50 + 3,000 → trainer line
        overspent by 500.50, budget under by 5,499.50."""
        self.assertEqual(self.budget.amount_planned, 12000)
        Cost = self.env["hr.training.cost"].with_user(self.users["finance"])
        Cost.create(
            [
                {
                    "name": "王讲师课酬",
                    "budget_line_id": self.line_trainer.id,
                    "amount": 3500.50,
                },
                {
                    "name": "李讲师课酬",
                    "budget_line_id": self.line_trainer.id,
                    "amount": 3000,
                },
            ]
        )
        self.assertEqual(self.line_trainer.amount_actual, 6500.50)
        self.assertEqual(self.line_trainer.amount_variance, 500.50)
        self.assertEqual(self.budget.amount_actual, 6500.50)
        self.assertEqual(self.budget.amount_variance, -5499.50)

    def test_negative_amounts_refused(self):
        with self.assertRaises(ValidationError):
            self.line_venue.amount_planned = -1
        with self.assertRaises(ValidationError):
            self.env["hr.training.cost"].create(
                {"name": "退款", "budget_line_id": self.line_venue.id, "amount": -50}
            )
        with self.assertRaises(ValidationError):
            self.line_venue.amount_planned = float("nan")
        self.assertEqual(self.line_venue.amount_planned, 2000)

    def test_approval_and_lock(self):
        budget = self.budget.with_user(self.users["hr_officer"])
        budget.action_submit()
        with self.assertRaises(AccessError):
            budget.action_approve()
        self.assertEqual(self.budget.state, "submitted")
        self.budget.with_user(self.users["principal"]).action_approve()
        self.assertEqual(self.budget.state, "approved")
        self.assertEqual(self.budget.approved_by_id, self.users["principal"])
        self.assertTrue(self.budget.date_approved)
        with self.assertRaises(UserError):
            self.line_venue.with_user(self.users["hr_officer"]).amount_planned = 9000
        # costs are still booked on an approved budget
        self.env["hr.training.cost"].with_user(self.users["finance"]).create(
            {"name": "场地租赁", "budget_line_id": self.line_venue.id, "amount": 800}
        )
        self.assertEqual(self.budget.amount_actual, 800)

    def test_client_cannot_write_state(self):
        with self.assertRaises(AccessError):
            self.budget.with_user(self.users["hr_officer"]).write({"state": "approved"})
        with self.assertRaises(AccessError):
            self.budget.with_user(self.users["hr_officer"]).write(
                {"approved_by_id": self.users["hr_officer"].id}
            )
        self.assertEqual(self.budget.state, "draft")

    def test_access_by_role(self):
        finance = self.users["finance"]
        self.assertEqual(
            self.budget.with_user(finance).read(["amount_planned"])[0][
                "amount_planned"
            ],
            12000,
        )
        with self.assertRaises(AccessError):
            self.budget.with_user(finance).name = "x"
        with self.assertRaises(AccessError):
            self.env["hr.training.budget"].with_user(finance).create(
                {"name": "x", "year": 2027, "company_id": self.company.id}
            )
        for role in ("employee", "manager"):
            with self.assertRaises(AccessError):
                self.budget.with_user(self.users[role]).read(["name"])
            with self.assertRaises(AccessError):
                self.env["hr.training.cost"].with_user(self.users[role]).create(
                    {"name": "x", "budget_line_id": self.line_venue.id, "amount": 1}
                )

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "另一所学校 (test)"})
        foreign = self.env["hr.training.budget"].create(
            {"name": "别校预算", "year": 2027, "company_id": other.id}
        )
        Budget = self.env["hr.training.budget"].with_user(self.users["principal"])
        self.assertNotIn(foreign, Budget.search([]))
        with self.assertRaises(AccessError):
            foreign.with_user(self.users["principal"]).read(["name"])
