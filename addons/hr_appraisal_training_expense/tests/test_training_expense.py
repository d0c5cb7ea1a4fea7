# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.hr_appraisal_training.tests.common_training_plan import (
    HrTrainingPlanCase,
)


@tagged("post_install", "-at_install")
class TestTrainingExpense(HrTrainingPlanCase):
    """张三 attends an external course of an approved plan, pays 1,200.50
    himself and is reimbursed through hr_expense: approved by his manager,
    then posted by finance, the expense counts as actual cost on the
    external-fees line of the budget."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["account.chart.template"].try_loading(
            "generic_coa", cls.company, install_demo=False
        )
        cls.users["manager"].groups_id = [
            Command.link(cls.env.ref("hr_expense.group_hr_expense_team_approver").id)
        ]
        cls.users["finance"].groups_id = [
            Command.link(cls.env.ref("account.group_account_manager").id),
            Command.link(cls.env.ref("hr_expense.group_hr_expense_user").id),
        ]
        cls.plan = cls._plan("adhoc", amounts=(4000,))
        cls.plan.line_ids.write(
            {"mode": "external", "budget_line_id": cls.line_external.id}
        )
        cls.plan.action_submit()
        cls.plan.action_approve()
        cls.course = cls.plan.line_ids
        cls.product = cls.env.ref(
            "hr_appraisal_training_expense.product_training_expense"
        )

    def _expense(self, attach=True, **values):
        vals = {
            "name": "外训课程费：售后新技术研修班",
            "employee_id": self.zhang.id,
            "product_id": self.product.id,
            "total_amount_currency": 1200.50,
            "training_plan_line_id": self.course.id,
            "company_id": self.company.id,
        }
        vals.update(values)
        expense = (
            self.env["hr.expense"]
            .with_user(self.users["employee"])
            .with_company(self.company)
            .create(vals)
        )
        if attach:
            self.env["ir.attachment"].with_user(self.users["employee"]).create(
                {
                    "name": "发票.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4 invoice"),
                    "res_model": "hr.expense",
                    "res_id": expense.id,
                }
            )
        return expense

    def _submit(self, expense):
        action = expense.action_submit_expenses()
        sheet = self.env["hr.expense.sheet"].browse(action["res_id"])
        sheet.with_user(self.users["employee"]).action_submit_sheet()
        return sheet

    def test_reimbursement_counts_once_finance_approved(self):
        expense = self._expense()
        self.assertEqual(expense.sudo().training_budget_line_id, self.line_external)
        sheet = self._submit(expense)
        self.assertEqual(sheet.state, "submit")
        self.assertEqual(self.line_external.amount_actual, 0)
        # the manager approves: not an actual cost yet
        sheet.with_user(self.users["manager"]).action_approve_expense_sheets()
        self.assertEqual(sheet.state, "approve")
        self.assertEqual(self.line_external.amount_actual, 0)
        # finance posts it: actual cost of the external-fees line
        sheet.with_user(self.users["finance"]).action_sheet_move_post()
        self.assertEqual(sheet.state, "post")
        self.assertEqual(self.line_external.amount_actual, 1200.50)
        self.assertEqual(self.budget.amount_actual, 1200.50)
        self.assertEqual(self.line_external.amount_variance, -2799.50)
        # with a session cost on the same budget: both count
        self.env["hr.training.cost"].create(
            {
                "name": "讲师课酬",
                "budget_line_id": self.line_trainer.id,
                "amount": 500,
            }
        )
        self.assertEqual(self.budget.amount_actual, 1700.50)
        # finance reads the reimbursement through the budget
        self.assertIn(
            expense, self.line_external.with_user(self.users["finance"]).expense_ids
        )

    def test_invoice_and_course_required(self):
        expense = self._expense(attach=False)
        with self.assertRaises(UserError):
            self._submit(expense)
        expense = self._expense(training_plan_line_id=False)
        with self.assertRaises(UserError):
            self._submit(expense)

    def test_course_of_an_unapproved_plan_refused(self):
        draft = self._plan("adhoc")
        with self.assertRaises(ValidationError):
            self._expense(training_plan_line_id=draft.line_ids.id)

    def test_employee_cannot_choose_the_budget_line(self):
        with self.assertRaises(AccessError):
            self._expense(training_budget_line_id=self.line_trainer.id)
