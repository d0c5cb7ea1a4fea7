"""Cross-addon: an approved year-end share (hr_bonus_share) is paid once
through a real OCA payslip by the payroll bridge (hr_performance_payroll),
with the input YEAR_BONUS and its salary rule; a second payslip of the same
period does not pay it again and finance's "mark as paid" leaves it alone."""

from datetime import date

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from odoo.addons.hr_bonus_share.tests.common import YEAR, BonusShareCase


def line_total(payslip, code):
    return sum(
        payslip.line_ids.filtered(lambda line: line.code == code).mapped("total")
    )


@tagged("post_install", "-at_install")
class TestBonusSharePayroll(BonusShareCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.structure = cls.env.ref(
            "hr_performance_payroll.hr_payroll_structure_performance"
        )
        cls.contract_zhang = cls.zhang.contract_id
        cls.env["hr.contract"].search([("company_id", "=", cls.company.id)]).write(
            {
                "struct_id": cls.structure.id,
                "resource_calendar_id": cls.company.resource_calendar_id.id,
            }
        )
        cls.date_from = date(YEAR + 1, 1, 1)
        cls.date_to = date(YEAR + 1, 1, 31)

    def _approved_plan(self):
        plan = self._computed_plan()
        self._submit_all(plan)
        self._as("principal", plan).action_approve()
        self.assertEqual(plan.state, "approved")
        return plan

    def _new_payslip(self, employee):
        """A payslip made as OCA's form does it (onchange of the employee)."""
        form = Form(
            self.env["hr.payslip"]
            .with_company(self.company)
            .with_context(
                default_date_from=self.date_from, default_date_to=self.date_to
            )
        )
        form.employee_id = employee
        payslip = form.save()
        payslip.compute_sheet()
        return payslip

    def test_share_paid_once_through_a_payslip(self):
        self.assertTrue(self.contract_zhang)
        plan = self._approved_plan()
        share = self._share(plan, self.zhang)
        self.assertTrue(share.payable)
        self.assertGreater(share.amount, 0)
        wage = self.contract_zhang.wage
        first = self._new_payslip(self.zhang)
        bonus_input = first.input_line_ids.filtered(
            lambda line: line.code == "YEAR_BONUS"
        )
        self.assertEqual(len(bonus_input), 1)
        self.assertEqual(bonus_input.amount, share.amount)
        self.assertEqual(bonus_input.payable_ref, share)
        rule_lines = first.line_ids.filtered(lambda line: line.code == "YEAR_BONUS")
        self.assertEqual(len(rule_lines), 1)
        self.assertEqual(rule_lines.total, share.amount)
        self.assertAlmostEqual(
            line_total(first, "GROSS"), wage + share.amount, places=2
        )
        first.action_payslip_done()
        self.assertTrue(share.payable_paid)
        self.assertEqual(share.payslip_id, first)
        # the other shares are not paid yet: the plan stays approved
        self.assertEqual(plan.state, "approved")

        # a second payslip of the same period does not pay it again
        second = self._new_payslip(self.zhang)
        self.assertFalse(
            second.input_line_ids.filtered(lambda line: line.code == "YEAR_BONUS")
        )
        self.assertEqual(line_total(second, "YEAR_BONUS"), 0)
        self.assertAlmostEqual(line_total(second, "GROSS"), wage, places=2)
        second.action_payslip_done()
        self.assertEqual(share.payslip_id, first)

        # finance marks the rest paid: the share paid by payroll is left alone
        self._as("finance", plan).action_mark_paid()
        self.assertEqual(plan.state, "paid")
        self.assertEqual(share.payslip_id, first)
        self.assertTrue(all(plan.share_ids.filtered("payable").mapped("payable_paid")))
        with self.assertRaises(UserError):
            self._as("finance", plan).action_mark_paid()

    def test_plan_paid_by_payslips_refuses_mark_paid(self):
        plan = self._approved_plan()
        payable = plan.share_ids.filtered("payable")
        for employee in payable.employee_id:
            self._new_payslip(employee).action_payslip_done()
        self.assertTrue(all(payable.mapped("payable_paid")))
        self.assertEqual(plan.state, "paid")
        with self.assertRaises(UserError):
            self._as("finance", plan).action_mark_paid()
        # paid lines never come back on a new payslip
        again = self._new_payslip(self.li)
        self.assertEqual(line_total(again, "YEAR_BONUS"), 0)

    def test_marked_paid_without_payroll_not_paid_by_a_payslip(self):
        plan = self._approved_plan()
        self._as("finance", plan).action_mark_paid()
        self.assertEqual(plan.state, "paid")
        share = self._share(plan, self.zhang)
        self.assertTrue(share.payable_paid)
        payslip = self._new_payslip(self.zhang)
        self.assertEqual(line_total(payslip, "YEAR_BONUS"), 0)
        self.assertFalse(share.payslip_id)
