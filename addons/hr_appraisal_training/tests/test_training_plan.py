# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_training_plan import HrTrainingPlanCase


@tagged("post_install", "-at_install")
class TestTrainingPlan(HrTrainingPlanCase):
    def _submitted(self, plan):
        plan.with_user(self.users["hr_officer"]).action_submit()
        self.assertEqual(plan.state, "submitted")
        return plan

    def _refused(self, plan, role):
        with self.assertRaises(AccessError):
            plan.with_user(self.users[role]).action_approve()
        self.assertEqual(plan.state, "submitted")
        self.assertFalse(plan.approved_by_id)

    def test_annual_plan_approved_by_management_only(self):
        plan = self._submitted(self._plan("annual"))
        self.assertEqual(
            (plan.date_from.isoformat(), plan.date_to.isoformat()),
            ("2027-01-01", "2027-12-31"),
        )
        for role in ("hr_officer", "hr_manager", "finance", "manager"):
            self._refused(plan, role)
        plan.with_user(self.users["principal"]).action_approve()
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.approved_by_id, self.users["principal"])

    def test_quarterly_plan_approved_by_training_manager(self):
        annual = self._plan("annual")
        with self.assertRaises(ValidationError):
            self._plan("quarterly", quarter="2")
        plan = self._submitted(
            self._plan("quarterly", quarter="2", parent_id=annual.id)
        )
        self.assertEqual(plan.date_from.isoformat(), "2027-04-01")
        self.assertEqual(plan.date_to.isoformat(), "2027-06-30")
        self._refused(plan, "hr_officer")
        self._refused(plan, "principal")
        plan.with_user(self.users["hr_manager"]).action_approve()
        self.assertEqual(plan.state, "approved")
        self.assertIn(plan, annual.child_ids)

    def test_adhoc_plan(self):
        with self.assertRaises(ValidationError):
            self._plan("adhoc", urgency=False)
        plan = self._submitted(self._plan("adhoc"))
        self._refused(plan, "manager")
        plan.with_user(self.users["hr_officer"]).action_approve()
        self.assertEqual(plan.state, "approved")

    def test_locked_once_approved(self):
        plan = self._submitted(self._plan("adhoc"))
        plan.with_user(self.users["hr_officer"]).action_approve()
        officer = self.users["hr_officer"]
        with self.assertRaises(UserError):
            plan.line_ids.with_user(officer).amount_budget = 1
        with self.assertRaises(UserError):
            plan.with_user(officer).write(
                {"line_ids": [Command.create({"name": "加课", "amount_budget": 1})]}
            )
        with self.assertRaises(AccessError):
            plan.with_user(officer).write({"state": "draft"})
        self.assertEqual(plan.amount_total, 3000)

    def test_submit_needs_lines(self):
        plan = self._plan("annual", amounts=())
        with self.assertRaises(ValidationError):
            plan.with_user(self.users["hr_officer"]).action_submit()
        self.assertEqual(plan.state, "draft")

    def test_over_budget_warning(self):
        """Budget 12,000: an approved plan of 10,000 leaves 2,000; a second
        plan of 3,000 is 1,000 over — approved all the same, with the
        warning on the form and in the chatter."""
        first = self._submitted(self._plan("adhoc", amounts=(6000, 4000)))
        self.assertFalse(first.budget_warning)
        first.with_user(self.users["hr_officer"]).action_approve()
        self.assertEqual(self.budget.amount_committed, 10000)
        second = self._submitted(self._plan("adhoc", amounts=(3000,)))
        self.assertEqual(second.budget_overrun, 1000)
        self.assertIn("1,000.00", second.budget_warning)
        second.with_user(self.users["hr_officer"]).action_approve()
        self.assertEqual(second.state, "approved")
        notes = second.message_ids.filtered(lambda m: "1,000.00" in (m.body or ""))
        self.assertTrue(notes, "the over-budget approval is noted in the chatter")
        self.assertEqual(self.budget.amount_committed, 13000)

    def test_plan_line_negative_budget_refused(self):
        with self.assertRaises(ValidationError):
            self._plan("annual", amounts=(-100,))

    def test_employee_reads_published_plans_only(self):
        draft = self._plan("annual")
        approved = self._submitted(self._plan("adhoc"))
        approved.with_user(self.users["hr_officer"]).action_approve()
        Plan = self.env["hr.training.plan"].with_user(self.users["employee"])
        visible = Plan.search([("company_id", "=", self.company.id)])
        self.assertIn(approved, visible)
        self.assertNotIn(draft, visible)
        with self.assertRaises(AccessError):
            Plan.create({"name": "x", "plan_type": "annual", "year": 2027})
        with self.assertRaises(UserError):
            approved.with_user(self.users["employee"]).name = "x"
        with self.assertRaises(AccessError):
            draft.with_user(self.users["employee"]).name = "x"
        with self.assertRaises(AccessError):
            draft.with_user(self.users["employee"]).action_submit()

    def test_budget_of_another_year_refused(self):
        with self.assertRaises(ValidationError):
            self._plan("annual", year=2028)
