# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import YEAR, BonusShareCase


@tagged("post_install", "-at_install")
class TestBonusPlan(BonusShareCase):
    def test_e3_through_the_models(self):
        plan = self._new_plan()
        self.assertEqual(plan.target_id, self.company_target)
        self.assertEqual(plan.pool_share, 0.30)
        self.assertEqual(
            plan.department_ids.department_id,
            self.department | self.teaching | self.back_office,
        )
        self._as("finance", plan).action_compute()
        self.assertEqual(plan.state, "computed")
        self.assertEqual(plan.actual_amount, 5000000)
        self.assertEqual(plan.target_amount, 4000000)
        self.assertEqual(plan.surplus_amount, 1000000)
        self.assertEqual(plan.pool_amount, 300000)
        self.assertEqual(plan.remainder_amount, 700000)
        self.assertEqual(self._line(plan, self.department).amount, 120000)
        self.assertEqual(self._line(plan, self.teaching).amount, 90000)
        self.assertEqual(self._line(plan, self.back_office).amount, 90000)
        for line in plan.department_ids:
            self.assertAlmostEqual(
                sum(line.share_ids.mapped("amount")), line.amount, places=2
            )
        self.assertEqual(len(plan.share_ids), 6)
        # grade 1, 2, 3 in sales: weights 1, 1.1, 1.21
        zhang, li = self._share(plan, self.zhang), self._share(plan, self.li)
        head = self._share(plan, self.supervisor)
        self.assertTrue(head.is_head)
        self.assertEqual(zhang.months_service, 12)
        self.assertEqual(zhang.rule, "A")
        self.assertAlmostEqual(li.amount / zhang.amount, 1.1, places=3)
        self.assertAlmostEqual(head.amount / zhang.amount, 1.21, places=3)
        self.assertEqual(zhang.payable_input_code, "YEAR_BONUS")
        self.assertFalse(zhang.payable)
        self.assertEqual(plan.amount_allocated, 300000)

    def test_no_surplus_no_sharing(self):
        self.company_actual.value = 3000000
        plan = self._computed_plan()
        self.assertEqual(plan.state, "no_sharing")
        self.assertEqual(plan.pool_amount, 0)
        self.assertFalse(plan.share_ids)
        self.assertIn(str(YEAR), plan.no_sharing_message)
        self.assertIn(plan.no_sharing_message, plan.message_ids[0].body)

    def test_pool_share_outside_range_refused(self):
        with self.assertRaises(ValidationError):
            self._new_plan(pool_share=0.5)
        with self.assertRaises(ValidationError):
            self._new_plan(pool_share=0.2)
        plan = self._new_plan(pool_share=0.4)
        self._as("finance", plan).action_compute()
        self.assertEqual(plan.pool_amount, 400000)

    def test_missing_grade_and_hire_date_listed(self):
        self.teacher.bonus_grade_id = False
        newcomer = self.env["hr.employee"].create(
            {
                "name": "吴新人",
                "company_id": self.company.id,
                "department_id": self.back_office.id,
                "bonus_grade_id": self.grades[1].id,
            }
        )
        plan = self._new_plan()
        with self.assertRaises(UserError) as caught:
            self._as("finance", plan).action_compute()
        message = str(caught.exception)
        self.assertIn(self.teacher.name, message)
        self.assertIn(newcomer.name, message)
        self.assertNotIn(self.zhang.name, message)
        self.assertEqual(plan.state, "draft")
        self.assertFalse(plan.share_ids)

    def test_service_time_and_probation(self):
        from datetime import date

        # 李四 hired in October: 3 months or less → B0
        self.li.contract_ids.date_start = date(YEAR, 10, 1)
        # 孙老师 on a trial period running after the year end → P0
        self.teacher.contract_ids.trial_date_end = date(YEAR + 1, 2, 28)
        plan = self._computed_plan()
        self.assertEqual(self._share(plan, self.li).rule, "B0")
        self.assertEqual(self._share(plan, self.li).amount, 0)
        self.assertEqual(self._share(plan, self.teacher).rule, "P0")
        self.assertTrue(self._share(plan, self.teacher).on_probation)

    def test_manager_adjustment_breaking_c_refused(self):
        plan = self._computed_plan()
        zhang, li = self._share(plan, self.zhang), self._share(plan, self.li)
        total = zhang.amount + li.amount
        self._as("manager", zhang).write({"amount_adjusted": 33000})
        self._as("manager", li).write({"amount_adjusted": round(total - 33000, 2)})
        line = self._line(plan, self.department)
        with self.assertRaises(UserError) as caught:
            self._as("manager", line).action_submit()
        message = str(caught.exception)
        self.assertIn("C", message)
        self.assertIn(self.zhang.name, message)
        self.assertIn(self.li.name, message)
        self.assertEqual(line.state, "draft")

    def test_manager_adjustment_within_rules_accepted(self):
        plan = self._computed_plan()
        zhang, li = self._share(plan, self.zhang), self._share(plan, self.li)
        # outstanding 李四: up to 20 % more than the grade's share
        self._as("manager", li).write(
            {"outstanding": True, "amount_adjusted": li.amount + 1000}
        )
        self._as("manager", zhang).write({"amount_adjusted": zhang.amount - 1000})
        line = self._line(plan, self.department)
        self._as("manager", line).action_submit()
        self.assertEqual(line.state, "submitted")

    def test_workflow_and_approval_by_principal_only(self):
        plan = self._computed_plan()
        self._as("manager", self._line(plan, self.department)).action_submit()
        self._as("manager2", self._line(plan, self.teaching)).action_submit()
        self.assertEqual(plan.state, "computed")
        with self.assertRaises(UserError):
            self._as("principal", plan).action_approve()
        self._as("hr_officer", self._line(plan, self.back_office)).action_submit()
        self.assertEqual(plan.state, "submitted")
        hostile = {"hr_performance_pay_workflow": True}
        for role in ("finance", "hr_manager", "manager", "employee"):
            with self.assertRaises(AccessError, msg=role):
                self._as(role, plan).with_context(**hostile).action_approve()
        self.assertEqual(plan.state, "submitted")
        self._as("principal", plan).action_approve()
        self.assertEqual(plan.state, "approved")
        share = self._share(plan, self.zhang)
        self.assertTrue(share.payable)
        self.assertEqual(share.payable_date, plan.date_pay)
        self.assertEqual(share.payable_amount, share.amount)
        with self.assertRaises(AccessError):
            self._as("principal", plan).action_mark_paid()
        self._as("finance", plan).action_mark_paid()
        self.assertEqual(plan.state, "paid")
        self.assertTrue(all(plan.share_ids.filtered("payable").mapped("payable_paid")))

    def test_reset_and_recompute(self):
        plan = self._computed_plan()
        self._as("manager", self._line(plan, self.department)).action_submit()
        with self.assertRaises(UserError):
            self._as("finance", plan).action_compute()
        self._as("hr_officer", plan).action_reset_draft()
        self.assertEqual(plan.state, "draft")
        self.assertFalse(plan.share_ids)
        self._as("hr_officer", plan).action_compute()
        self.assertEqual(plan.state, "computed")

    def test_reallocate_with_outstanding(self):
        plan = self._computed_plan()
        zhang = self._share(plan, self.zhang)
        before = zhang.amount
        self._as("manager", zhang).outstanding = True
        self._as("manager", self._line(plan, self.department)).action_reallocate()
        self.assertEqual(zhang.rule, "A+")
        self.assertGreater(zhang.amount, before)
        self.assertAlmostEqual(
            sum(self._line(plan, self.department).share_ids.mapped("amount")),
            120000,
            places=2,
        )

    def test_engine_error_names_the_rule_and_employees(self):
        from datetime import date

        # nobody of the teaching department is entitled: 90,000 cannot be shared
        (self.teaching_manager | self.teacher).contract_ids.write(
            {"trial_date_end": date(YEAR + 1, 3, 31)}
        )
        plan = self._new_plan()
        with self.assertRaises(UserError) as caught:
            self._as("finance", plan).action_compute()
        message = str(caught.exception)
        self.assertIn(self.teaching.name, message)
        self.assertIn(self.teacher.name, message)
        self.assertIn(self.teaching_manager.name, message)
        self.assertFalse(plan.share_ids)

    def test_remainder_and_lock_after_approval(self):
        plan = self._computed_plan()
        self._as("finance", plan).remainder_investors = 300000
        self.assertEqual(plan.remainder_reinvested, 400000)
        with self.assertRaises(ValidationError):
            self._as("finance", plan).remainder_investors = 800000
        self._submit_all(plan)
        self._as("principal", plan).action_approve()
        with self.assertRaises(UserError):
            self._as("finance", plan).write({"date_pay": "2027-02-28"})
        with self.assertRaises(UserError):
            self._as("manager", self._share(plan, self.zhang)).write(
                {"amount_adjusted": 1.0}
            )
        self._as("finance", plan).remainder_note = "再投资:教学设备"

    def test_company_settings_checked(self):
        with self.assertRaises(ValidationError):
            self.company.bonus_pool_share_max = 0.25
        with self.assertRaises(ValidationError):
            self.company.bonus_outstanding_uplift = 0.2
        with self.assertRaises(ValidationError):
            self.company.bonus_grade_step = 0.25
        self.company.write({"bonus_pool_share": 0.35})
        self.assertEqual(self._new_plan().pool_share, 0.35)
