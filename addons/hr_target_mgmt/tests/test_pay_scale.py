# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import PerfPayCase


@tagged("post_install", "-at_install")
class TestPayScale(PerfPayCase):
    def test_shipped_default_scale(self):
        scale = self.env.ref("hr_target_mgmt.performance_pay_scale_default")
        self.assertTrue(scale.is_default)
        scale._validate_brackets()
        brackets = scale._brackets()
        from ..tools import perf_pay

        self.assertEqual(perf_pay.compute_line(brackets, 1000, 10, 15)["amount"], 450)
        self.assertEqual(perf_pay.compute_line(brackets, 1000, 10, 3)["amount"], 75)

    def _assert_scale_error(self, brackets, *fragments):
        Scale = self.env["hr.performance.pay.scale"]
        count = Scale.search_count([])
        with self.assertRaises(ValidationError) as caught:
            Scale.create(
                {
                    "name": "Bad Scale",
                    "company_id": self.company.id,
                    "bracket_ids": [
                        (
                            0,
                            0,
                            {
                                "achievement_from": low,
                                "achievement_to": high,
                                "factor": 0.5,
                            },
                        )
                        for low, high in brackets
                    ],
                }
            )
        self.assertIn("Bad Scale", str(caught.exception))
        for fragment in fragments:
            self.assertIn(fragment, str(caught.exception))
        self.assertEqual(Scale.search_count([]), count, "nothing written")

    def test_gap(self):
        self._assert_scale_error([(0, 0.5), (0.6, 0)], "50.0%", "60.0%")

    def test_overlap(self):
        self._assert_scale_error([(0, 0.5), (0.4, 0)], "overlap")

    def test_not_from_zero_and_bounded(self):
        self._assert_scale_error([(0.1, 0)], "0%")
        self._assert_scale_error([(0, 1.5)], "150.0%")
        self._assert_scale_error([], "no bracket")

    def test_edit_creates_gap(self):
        bracket = self.scale.bracket_ids.filtered(lambda b: b.achievement_from == 0.6)
        with self.assertRaises(ValidationError):
            bracket.achievement_from = 0.65
        self.assertEqual(bracket.achievement_from, 0.6)

    def test_one_default_per_company(self):
        with self.assertRaises(ValidationError):
            self.scale.copy({"name": "Another default"})
        # another company may have its own default
        other = self.env["res.company"].create({"name": "Other school"})
        self.env["hr.performance.pay.scale"]._create_default_scale(other)

    def test_resolution_order(self):
        contract = self.contracts.filtered(lambda c: c.employee_id == self.zhang)
        self.assertEqual(contract._get_performance_pay_scale(), self.scale)
        self.assertEqual(contract._get_performance_pay_rate(), 0.3)
        department_scale = self.scale.copy({"name": "Dept", "is_default": False})
        job_scale = self.scale.copy({"name": "Job", "is_default": False})
        contract_scale = self.scale.copy({"name": "Contract", "is_default": False})
        self.department.performance_pay_scale_id = department_scale
        self.assertEqual(contract._get_performance_pay_scale(), department_scale)
        self.job.write(
            {"performance_pay_scale_id": job_scale.id, "performance_pay_rate": 0.4}
        )
        self.assertEqual(contract._get_performance_pay_scale(), job_scale)
        self.assertEqual(contract._get_performance_pay_rate(), 0.4)
        contract.write(
            {"performance_pay_scale_id": contract_scale.id, "performance_pay_rate": 0.2}
        )
        self.assertEqual(contract._get_performance_pay_scale(), contract_scale)
        self.assertEqual(contract._get_performance_pay_rate(), 0.2)
        self.company.performance_pay_rate = 0.35
        contract.performance_pay_rate = 0.0
        self.job.performance_pay_rate = 0.0
        self.assertEqual(contract._get_performance_pay_rate(), 0.35)

    def test_company_settings_checked(self):
        with self.assertRaises(ValidationError):
            self.company.performance_verify_day = 0
        with self.assertRaises(ValidationError):
            self.company.performance_report_day = 4  # after verify (3)
        with self.assertRaises(ValidationError):
            self.company.performance_pay_rate = -0.1

    def test_only_hr_manager_configures(self):
        Scale = self.env["hr.performance.pay.scale"]
        for role in ("employee", "manager", "finance", "principal"):
            with self.assertRaises(AccessError):
                Scale.with_user(self.users[role]).create(
                    {"name": "x", "company_id": self.company.id}
                )
            # everyone may read the scales of their company
            self.assertIn(self.scale, Scale.with_user(self.users[role]).search([]))
        scale = Scale.with_user(self.users["hr_manager"]).create(
            {
                "name": "HR scale",
                "company_id": self.company.id,
                "bracket_ids": [(0, 0, {"achievement_from": 0.0, "factor": 1.0})],
            }
        )
        self.assertEqual(scale.bracket_ids.factor, 1.0)

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "Other school"})
        other_scale = self.env["hr.performance.pay.scale"]._create_default_scale(other)
        Scale = self.env["hr.performance.pay.scale"].with_user(self.users["hr_manager"])
        self.assertNotIn(other_scale, Scale.search([]))
