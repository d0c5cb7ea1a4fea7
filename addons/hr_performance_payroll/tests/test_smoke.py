# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSmoke(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee_user = new_test_user(
            cls.env, login="smoke_employee_hr_performance_payroll"
        )

    def test_installed(self):
        module = self.env["ir.module.module"].search(
            [("name", "=", "hr_performance_payroll")]
        )
        self.assertEqual(module.state, "installed")

    def test_auto_installed_with_payroll(self):
        module = self.env["ir.module.module"].search(
            [("name", "=", "hr_performance_payroll")]
        )
        self.assertTrue(module.auto_install)
        self.assertEqual(
            set(module.dependencies_id.mapped("name")), {"payroll", "hr_target_mgmt"}
        )
