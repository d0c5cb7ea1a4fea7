# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import YEAR, BonusShareCase


@tagged("post_install", "-at_install")
class TestBonusAppraisal(BonusShareCase):
    """The annual appraisal of the year: shown on the plan, closed before the
    plan is approved, and its excellent reviews propose outstanding flags."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.template = cls.env["hr.kpi.template"].create(
            {"name": "年度考核模板 (test)", "company_id": cls.company.id}
        )
        cls.bands = cls.env["hr.performance.review.band"]._bands_for(cls.company)
        cls.top_band = cls.bands.sorted(lambda b: -b.lower_bound)[0]
        cls.low_band = cls.bands.sorted("lower_bound")[0]

    def _review(self, cycle, employee, band, state="done"):
        return self.env["hr.performance.review"].create(
            {
                "cycle_id": cycle.id,
                "employee_id": employee.id,
                "template_id": self.template.id,
                "date_from": cycle.date_from,
                "date_to": cycle.date_to,
                "band_override_id": band.id,
                "band_override_reason": "校准",
                "state": state,
            }
        )

    def test_default_cycle_and_state_shown(self):
        plan = self._new_plan()
        self.assertEqual(plan.appraisal_cycle_id, self.annual_cycle)
        self.assertEqual(plan.appraisal_cycle_state, "closed")
        # a quarterly cycle is not an annual appraisal
        quarter = self.env["hr.performance.review.cycle"].create(
            {
                "name": "季度考核",
                "cycle_type": "quarterly",
                "date_from": date(YEAR, 10, 1),
                "company_id": self.company.id,
            }
        )
        with self.assertRaises(ValidationError):
            plan.appraisal_cycle_id = quarter
        # HR may pick another annual cycle of the company while drafting
        other = self.env["hr.performance.review.cycle"].create(
            {
                "name": "年度考核 (补充)",
                "cycle_type": "annual",
                "date_from": date(YEAR, 1, 1),
                "company_id": self.company.id,
            }
        )
        self._as("hr_officer", plan).appraisal_cycle_id = other
        self.assertEqual(plan.appraisal_cycle_state, "draft")

    def test_no_approval_before_the_cycle_is_closed(self):
        self.annual_cycle.state = "open"
        plan = self._computed_plan()
        self._submit_all(plan)
        with self.assertRaises(UserError) as caught:
            self._as("principal", plan).action_approve()
        message = str(caught.exception)
        self.assertIn(plan.display_name, message)
        self.assertIn(self.annual_cycle.display_name, message)
        self.assertEqual(plan.state, "submitted")
        self.annual_cycle.state = "closed"
        self._as("principal", plan).action_approve()
        self.assertEqual(plan.state, "approved")

    def test_no_approval_without_cycle(self):
        self.annual_cycle.date_from = date(YEAR - 1, 1, 1)
        plan = self._computed_plan()
        self.assertFalse(plan.appraisal_cycle_id)
        self._submit_all(plan)
        with self.assertRaises(UserError) as caught:
            self._as("principal", plan).action_approve()
        self.assertIn(plan.display_name, str(caught.exception))
        self.assertEqual(plan.state, "submitted")

    def test_top_band_proposes_outstanding(self):
        self.annual_cycle.state = "open"
        self._review(self.annual_cycle, self.li, self.top_band)
        self._review(self.annual_cycle, self.zhang, self.low_band)
        # not done yet: no proposal
        self._review(self.annual_cycle, self.teacher, self.top_band, state="manager")
        self.annual_cycle.state = "closed"
        plan = self._computed_plan()
        li, zhang = self._share(plan, self.li), self._share(plan, self.zhang)
        self.assertTrue(li.outstanding)
        self.assertEqual(li.rule, "A+")
        self.assertFalse(zhang.outstanding)
        self.assertFalse(self._share(plan, self.teacher).outstanding)
        self.assertAlmostEqual(
            sum(self._line(plan, self.department).share_ids.mapped("amount")),
            120000,
            places=2,
        )
        # the manager still decides: the flag can be removed and reallocated
        self._as("manager", li).outstanding = False
        self._as("manager", self._line(plan, self.department)).action_reallocate()
        self.assertEqual(li.rule, "A")
