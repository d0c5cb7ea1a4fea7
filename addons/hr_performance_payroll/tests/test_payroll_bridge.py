# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, TransactionCase, new_test_user, tagged

from .common import (
    add_performance_line,
    approve,
    create_payroll_data,
    line_total,
    pay_period,
    run_batch,
)


@tagged("post_install", "-at_install")
class TestPayrollBridge(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        data = create_payroll_data(cls.env)
        cls.structure = data["structure"]
        cls.employees = data["employees"]
        cls.zhang, cls.li, cls.wang = cls.employees
        cls.contracts = data["contracts"]
        cls.pay_run = data["run"]
        # E1: target 10, actual 15 -> 450; E2: target 10, actual 3 -> 75
        cls.line_e1 = add_performance_line(cls.pay_run, cls.contracts[0], 10, 15)
        cls.line_e2 = add_performance_line(cls.pay_run, cls.contracts[1], 10, 3)
        cls.date_from, cls.date_to = pay_period(cls.pay_run)
        cls.Payslip = cls.env["hr.payslip"]

    def _new_payslip(self, employee, compute=True):
        """A payslip made as OCA's form does it (onchange of the employee)."""
        form = Form(
            self.Payslip.with_context(
                default_date_from=self.date_from, default_date_to=self.date_to
            )
        )
        form.employee_id = employee
        payslip = form.save()
        if compute:
            payslip.compute_sheet()
        return payslip

    def _payable_inputs(self, payslip):
        return payslip.input_line_ids.filtered("payable_res_model")

    def test_payable_models_discovered(self):
        names = self.env["hr.payable.mixin"]._payable_model_names()
        self.assertIn("hr.performance.pay.line", names)
        self.assertNotIn("hr.payable.mixin", names)
        for name in names:
            self.assertIn("payslip_id", self.env[name]._fields)
        selection = dict(self.env["hr.payslip.input"]._selection_payable_ref())
        self.assertEqual(set(selection), set(names))

    # ------------------------------------------------------------------
    # Worked examples through both creation paths
    # ------------------------------------------------------------------
    def test_e1_e2_batch_wizard(self):
        self.assertEqual(self.line_e1.amount, 450.0)
        self.assertEqual(self.line_e2.amount, 75.0)
        approve(self.pay_run)
        self.assertTrue(self.line_e1.payable)
        batch = run_batch(self.env, self.zhang | self.li, self.date_from, self.date_to)
        self.assertEqual(len(batch.slip_ids), 2)
        slip_zhang = batch.slip_ids.filtered(lambda s: s.employee_id == self.zhang)
        slip_li = batch.slip_ids.filtered(lambda s: s.employee_id == self.li)
        self.assertEqual(line_total(slip_zhang, "GROSS"), 1450.0)
        self.assertEqual(line_total(slip_zhang, "PERF_PAY"), 450.0)
        self.assertEqual(line_total(slip_li, "GROSS"), 1075.0)
        self.assertEqual(line_total(slip_li, "NET"), 1075.0)
        inp = self._payable_inputs(slip_zhang)
        self.assertEqual(len(inp), 1)
        self.assertEqual(inp.code, "PERF_PAY")
        self.assertEqual(inp.payable_ref, self.line_e1)
        self.assertEqual(slip_zhang.payable_input_count, 1)
        # nothing is paid before confirmation
        self.assertFalse(self.line_e1.payslip_id)
        self.assertEqual(self.pay_run.payment_state, "not_paid")
        batch.slip_ids.action_payslip_done()
        self.assertEqual(self.line_e1.payslip_id, slip_zhang)
        self.assertEqual(self.line_e2.payslip_id, slip_li)
        self.assertTrue(self.line_e1.payable_paid)
        self.assertEqual(self.pay_run.payment_state, "paid")
        self.assertEqual(self.pay_run.paid_line_count, 2)
        self.assertEqual(self.pay_run.state, "paid")

    def test_form_path(self):
        approve(self.pay_run)
        payslip = self._new_payslip(self.zhang, compute=False)
        inp = self._payable_inputs(payslip)
        self.assertEqual(inp.payable_ref, self.line_e1)
        self.assertEqual(inp.amount, 450.0)
        self.assertEqual(inp.contract_id, self.contracts[0])
        payslip.compute_sheet()
        self.assertEqual(line_total(payslip, "GROSS"), 1450.0)
        self.assertEqual(len(self._payable_inputs(payslip)), 1)
        action = payslip.action_view_payable_inputs()
        self.assertEqual(self.env["hr.payslip.input"].search(action["domain"]), inp)

    def test_outside_period_and_employee_without_lines(self):
        approve(self.pay_run)
        # March payslip: the run is paid on its pay day in April
        form = Form(
            self.Payslip.with_context(
                default_date_from=date(2026, 3, 1), default_date_to=date(2026, 3, 31)
            )
        )
        form.employee_id = self.zhang
        march = form.save()
        march.compute_sheet()
        self.assertFalse(self._payable_inputs(march))
        self.assertEqual(line_total(march, "GROSS"), 1000.0)
        self.assertFalse(march.line_ids.filtered(lambda line: line.code == "PERF_PAY"))
        # an employee without payable lines gets no input and no error
        other = self._new_payslip(self.wang)
        self.assertEqual(line_total(other, "GROSS"), 1000.0)

    def test_late_approval_picked_up_on_recompute(self):
        payslip = self._new_payslip(self.zhang)
        self.assertFalse(self._payable_inputs(payslip))
        self.assertEqual(line_total(payslip, "GROSS"), 1000.0)
        approve(self.pay_run)
        payslip.compute_sheet()
        self.assertEqual(len(self._payable_inputs(payslip)), 1)
        self.assertEqual(line_total(payslip, "GROSS"), 1450.0)
        # computing again neither duplicates nor loses the input
        payslip.compute_sheet()
        self.assertEqual(len(self._payable_inputs(payslip)), 1)
        self.assertEqual(line_total(payslip, "GROSS"), 1450.0)

    def test_edited_input_restored_on_recompute(self):
        approve(self.pay_run)
        payslip = self._new_payslip(self.zhang)
        self._payable_inputs(payslip).amount = 999.0
        self._payable_inputs(payslip).unlink()
        payslip.compute_sheet()
        self.assertEqual(self._payable_inputs(payslip).amount, 450.0)
        self.assertEqual(line_total(payslip, "GROSS"), 1450.0)

    def test_several_lines_same_code_are_summed(self):
        team_line = self.env["hr.performance.pay.line"].create(
            {
                "run_id": self.pay_run.id,
                "employee_id": self.zhang.id,
                "contract_id": self.contracts[0].id,
                "line_type": "team_reward",
                "target_value": 100000.0,
                "minimum_value": 80000.0,
                "actual": 90000.0,
                "rate": 0.01,
            }
        )
        approve(self.pay_run)
        payslip = self._new_payslip(self.zhang)
        self.assertEqual(len(self._payable_inputs(payslip)), 2)
        team_amount = team_line.amount
        self.assertTrue(team_amount)
        self.assertEqual(line_total(payslip, "TEAM_REWARD"), team_amount)
        self.assertEqual(line_total(payslip, "GROSS"), 1450.0 + team_amount)
        # a second PERF_PAY input adds up instead of replacing the first
        self.env["hr.payslip.input"].create(
            {
                "payslip_id": payslip.id,
                "name": "Correction",
                "code": "PERF_PAY",
                "amount": 50.0,
                "contract_id": self.contracts[0].id,
                "payable_res_model": self.line_e2._name,
                "payable_res_id": self.line_e2.id,
            }
        )
        # computed without the synchronisation, the foreign input stays
        with patch.object(type(payslip), "_payable_sync_inputs", lambda slips: None):
            payslip.compute_sheet()
        self.assertEqual(line_total(payslip, "PERF_PAY"), 500.0)
        # the bridge drops the input of a line that is not this employee's
        payslip.compute_sheet()
        self.assertEqual(line_total(payslip, "PERF_PAY"), 450.0)

    # ------------------------------------------------------------------
    # Exactly once
    # ------------------------------------------------------------------
    def test_no_double_pay_sequential(self):
        approve(self.pay_run)
        first = self._new_payslip(self.zhang)
        second = self._new_payslip(self.zhang)
        self.assertEqual(len(self._payable_inputs(second)), 1)
        first.action_payslip_done()
        self.assertEqual(self.line_e1.payslip_id, first)
        # the second payslip drops the line when it is computed again...
        second.action_payslip_done()
        self.assertFalse(self._payable_inputs(second))
        self.assertEqual(line_total(second, "GROSS"), 1000.0)
        self.assertEqual(self.line_e1.payslip_id, first)
        # ...and a payslip created afterwards gets nothing
        third = self._new_payslip(self.zhang)
        self.assertFalse(self._payable_inputs(third))
        batch = run_batch(self.env, self.zhang, self.date_from, self.date_to)
        self.assertFalse(self._payable_inputs(batch.slip_ids))

    def test_run_paid_by_hand_is_not_paid_again(self):
        """Finance recorded the run as paid outside payroll: no payslip pays
        its lines, and they stay locked."""
        approve(self.pay_run)
        draft = self._new_payslip(self.zhang)
        self.assertEqual(len(self._payable_inputs(draft)), 1)
        self.pay_run.action_mark_paid()
        self.assertEqual(self.pay_run.state, "paid")
        self.assertTrue(self.line_e1.payable_paid)
        self.assertFalse(self.line_e1.payslip_id)
        # the draft drops the line when computed again; new payslips never get it
        draft.compute_sheet()
        self.assertFalse(self._payable_inputs(draft))
        self.assertEqual(line_total(draft, "GROSS"), 1000.0)
        batch = run_batch(self.env, self.zhang | self.li, self.date_from, self.date_to)
        self.assertFalse(self._payable_inputs(batch.slip_ids))
        with self.assertRaisesRegex(UserError, "paid outside payroll"):
            self.line_e1.note = "changed after payment"

    def test_no_double_pay_without_recompute(self):
        """Confirming without computing again cannot pay a paid line."""
        approve(self.pay_run)
        first = self._new_payslip(self.zhang)
        second = self._new_payslip(self.zhang)
        first.action_payslip_done()
        with self.assertRaisesRegex(UserError, "was paid by payslip"):
            second.with_context(without_compute_sheet=True).action_payslip_done()
        # the same line twice in one confirmation
        third = self._new_payslip(self.li)
        fourth = self._new_payslip(self.li)
        with self.assertRaisesRegex(UserError, "can be paid only once"):
            (third | fourth).action_payslip_done()
        self.assertFalse(self.line_e2.payslip_id)

    def test_release_on_cancel_and_delete(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "payroll.allow_cancel_payslips", True
        )
        approve(self.pay_run)
        batch = run_batch(self.env, self.zhang | self.li, self.date_from, self.date_to)
        batch.slip_ids.action_payslip_done()
        self.assertEqual(self.pay_run.state, "paid")
        slip_zhang = self.line_e1.payslip_id
        slip_zhang.action_payslip_cancel()
        self.assertFalse(self.line_e1.payslip_id)
        self.assertFalse(self.line_e1.payable_paid)
        self.assertEqual(self.line_e2.payslip_id.state, "done")
        self.assertEqual(self.pay_run.payment_state, "partial")
        self.assertEqual(self.pay_run.state, "approved")
        # a new payslip pays the released line
        again = self._new_payslip(self.zhang)
        self.assertEqual(line_total(again, "GROSS"), 1450.0)
        again.action_payslip_done()
        self.assertEqual(self.line_e1.payslip_id, again)
        self.assertEqual(self.pay_run.state, "paid")
        # deleting the cancelled payslip leaves the line with its payer
        slip_zhang.unlink()
        self.assertEqual(self.line_e1.payslip_id, again)
        # cancelling then deleting the payer releases the line again
        again.action_payslip_cancel()
        again.unlink()
        self.assertFalse(self.line_e1.payslip_id)
        # a draft payslip holding the line as input can be deleted
        draft = self._new_payslip(self.zhang, compute=False)
        self.assertEqual(len(self._payable_inputs(draft)), 1)
        draft.unlink()
        self.assertFalse(self.line_e1.payable_paid)

    def test_refund_releases_lines(self):
        approve(self.pay_run)
        payslip = self._new_payslip(self.zhang)
        payslip.action_payslip_done()
        payslip.refund_sheet()
        self.assertTrue(payslip.refunded_id.credit_note)
        self.assertFalse(self.line_e1.payslip_id)
        corrected = self._new_payslip(self.zhang)
        corrected.action_payslip_done()
        self.assertEqual(self.line_e1.payslip_id, corrected)

    def test_paid_line_locked(self):
        approve(self.pay_run)
        payslip = self._new_payslip(self.zhang)
        payslip.action_payslip_done()
        with self.assertRaises(UserError):
            self.line_e1.write({"note": "changed"})
        with self.assertRaisesRegex(UserError, "was paid by payslip"):
            self.line_e1.write({"payable_amount": 1.0})
        with self.assertRaisesRegex(UserError, "was paid by payslip"):
            self.line_e1.unlink()
        self.assertEqual(self.line_e1.payable_amount, 450.0)
        # the chatter stays open
        self.line_e1.run_id.message_post(body="paid")
        self.assertEqual(self.line_e1.payslip_id, payslip)

    def test_payroll_manager_without_performance_rights(self):
        """Payroll pays the lines without reading rights on them: the bridge
        reads and links them as superuser, the payroll user sees the link."""
        approve(self.pay_run)
        user = new_test_user(
            self.env,
            login="bridge_payroll_manager",
            groups="base.group_user,payroll.group_payroll_manager",
        )
        with self.assertRaises(AccessError):
            self.line_e1.with_user(user).check_access("write")
        env = self.env(user=user)
        batch = run_batch(env, self.zhang | self.li, self.date_from, self.date_to)
        slip = batch.slip_ids.filtered(lambda s: s.employee_id == self.zhang)
        self.assertEqual(line_total(slip, "GROSS"), 1450.0)
        batch.slip_ids.action_payslip_done()
        self.assertEqual(self.line_e1.payslip_id, slip)
        self.assertEqual(self.pay_run.state, "paid")

    # ------------------------------------------------------------------
    # Errors from our side
    # ------------------------------------------------------------------
    def test_employee_without_contract(self):
        approve(self.pay_run)
        self.contracts[0].write({"date_end": date(2026, 3, 31), "state": "close"})
        payslip = self.Payslip.create(
            {
                "employee_id": self.zhang.id,
                "date_from": self.date_from,
                "date_to": self.date_to,
            }
        )
        with self.assertRaisesRegex(UserError, "no contract for payslip"):
            payslip.compute_sheet()
        # the batch wizard takes the employee's current contract: none here
        self.zhang.contract_id = False
        with self.assertRaisesRegex(UserError, self.zhang.name):
            run_batch(self.env, self.zhang, self.date_from, self.date_to)

    def test_structure_without_rule(self):
        approve(self.pay_run)
        structure = self.env["hr.payroll.structure"].create(
            {
                "name": "Wage only",
                "code": "WAGE",
                "rule_ids": [
                    (4, self.env.ref("hr_performance_payroll.hr_salary_rule_basic").id)
                ],
            }
        )
        self.contracts[0].struct_id = structure
        payslip = self._new_payslip(self.zhang)
        with self.assertRaisesRegex(UserError, "no salary line PERF_PAY"):
            payslip.action_payslip_done()
        self.assertFalse(self.line_e1.payslip_id)

    def test_bridge_disabled(self):
        """The bridge is switched off only in the Python process (class
        attribute, as the benchmark does): OCA's plain payslips."""
        approve(self.pay_run)
        with patch.object(type(self.Payslip), "_payable_bridge_off", True):
            batch = run_batch(self.env, self.zhang, self.date_from, self.date_to)
            self.assertFalse(self._payable_inputs(batch.slip_ids))
            self.assertEqual(line_total(batch.slip_ids, "GROSS"), 1000.0)
            batch.slip_ids.action_payslip_done()
        self.assertEqual(batch.slip_ids.state, "done")
        self.assertFalse(self.line_e1.payslip_id)
        self.assertFalse(self.line_e1.payable_paid)
