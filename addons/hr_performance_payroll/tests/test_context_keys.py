# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import Form, TransactionCase, new_test_user, tagged

from .common import (
    add_performance_line,
    approve,
    create_payroll_data,
    line_total,
    pay_period,
)

# Context keys that used to change what the bridge does. Any client sends any
# context (XML-RPC): none of them may skip the bridge.
OLD_KEYS = (
    "hr_payable_bridge_disabled",
    "hr_payable_defer_inputs",
    "hr_payable_inputs_synced",
)


@tagged("post_install", "-at_install")
class TestContextKeys(TransactionCase):
    """A payroll officer (OCA's payroll group) replays confirmations with the
    context keys the bridge once obeyed: the lines are still claimed, once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        data = create_payroll_data(cls.env, " ctx")
        cls.zhang, cls.li = data["employees"][:2]
        cls.contracts = data["contracts"]
        cls.pay_run = data["run"]
        cls.line_e1 = add_performance_line(cls.pay_run, cls.contracts[0], 10, 15)
        cls.line_e2 = add_performance_line(cls.pay_run, cls.contracts[1], 10, 3)
        cls.date_from, cls.date_to = pay_period(cls.pay_run)
        cls.officer = new_test_user(
            cls.env,
            login="bridge_payroll_officer",
            groups="base.group_user,payroll.group_payroll_user",
        )
        # OCA's officers see the payslips of the departments they manage
        data["department"].manager_id = cls.env["hr.employee"].create(
            {"name": "Payroll officer", "user_id": cls.officer.id}
        )

    def _officer_env(self, **keys):
        return self.env(user=self.officer, context=dict(self.env.context, **keys))

    def _new_payslip(self, env, employee):
        """A payslip made as OCA's form does it (onchange of the employee)."""
        form = Form(
            env["hr.payslip"].with_context(
                default_date_from=self.date_from, default_date_to=self.date_to
            )
        )
        form.employee_id = employee
        return form.save()

    @staticmethod
    def _payable_inputs(payslip):
        return payslip.input_line_ids.filtered("payable_res_model")

    def test_bridge_disabled_key_still_claims(self):
        approve(self.pay_run)
        env = self._officer_env()
        first = self._new_payslip(env, self.zhang)
        second = self._new_payslip(env, self.zhang)
        second.compute_sheet()
        self.assertEqual(line_total(second, "GROSS"), 1450.0)
        key = {"hr_payable_bridge_disabled": True}
        # the officer confirms, asking the bridge to stay out of the way
        first.with_context(**key).action_payslip_done()
        self.assertEqual(first.state, "done")
        self.assertEqual(line_total(first, "GROSS"), 1450.0)
        self.assertEqual(self.line_e1.payslip_id, first)
        self.assertTrue(self.line_e1.payable_paid)
        # a second payslip still holding the line cannot pay it again (Odoo's
        # assertRaises rolls the failed confirmation back, as a failed RPC
        # call would be)...
        self.assertEqual(len(self._payable_inputs(second)), 1)
        with self.assertRaises(UserError) as refused:
            second.with_context(without_compute_sheet=True, **key).action_payslip_done()
        self.assertIn("was paid by payslip", str(refused.exception))
        self.assertEqual(second.state, "verify")
        # ...and drops it when it is computed on confirmation
        second.with_context(**key).action_payslip_done()
        self.assertFalse(self._payable_inputs(second))
        self.assertEqual(line_total(second, "GROSS"), 1000.0)
        self.assertEqual(self.line_e1.payslip_id, first)
        # cancelling with the key still releases the line
        self.env["ir.config_parameter"].sudo().set_param(
            "payroll.allow_cancel_payslips", True
        )
        first.with_context(**key).action_payslip_cancel()
        self.assertFalse(self.line_e1.payslip_id)
        self.assertFalse(self.line_e1.payable_paid)

    def test_no_key_skips_the_bridge(self):
        """Inputs on creation, synchronisation and claim whatever the keys."""
        env = self._officer_env(**dict.fromkeys(OLD_KEYS, True))
        # created before the approval: no input yet
        late = self._new_payslip(env, self.li)
        self.assertFalse(self._payable_inputs(late))
        approve(self.pay_run)
        # the form path adds the input before any computation
        slip = self._new_payslip(env, self.zhang)
        self.assertEqual(self._payable_inputs(slip).amount, 450.0)
        # confirming several payslips at once computes them (inputs
        # synchronised) and claims their lines
        (slip | late).action_payslip_done()
        self.assertEqual(line_total(late, "PERF_PAY"), 75.0)
        self.assertEqual(self.line_e1.payslip_id, slip)
        self.assertEqual(self.line_e2.payslip_id, late)
        self.assertEqual(self.pay_run.payment_state, "paid")
        # a payslip made afterwards gets nothing, even confirmed uncomputed
        again = self._new_payslip(env, self.zhang)
        self.assertFalse(self._payable_inputs(again))
        again.with_context(without_compute_sheet=True).action_payslip_done()
        self.assertEqual(self.line_e1.payslip_id, slip)
