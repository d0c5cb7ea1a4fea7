# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSmoke(TransactionCase):
    """The addon is installed, its roles chain up and its menus are guarded."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee_user = new_test_user(cls.env, login="smoke_employee")
        cls.hr_manager_user = new_test_user(
            cls.env,
            login="smoke_hr_manager",
            groups="base.group_user,hr_target_mgmt.group_hr_target_mgmt_hr_manager",
        )

    def test_installed(self):
        module = self.env["ir.module.module"].search([("name", "=", "hr_target_mgmt")])
        self.assertEqual(module.state, "installed")

    def test_role_chain(self):
        ref = self.env.ref
        employee = ref("hr_target_mgmt.group_hr_target_mgmt_employee")
        manager = ref("hr_target_mgmt.group_hr_target_mgmt_manager")
        officer = ref("hr_target_mgmt.group_hr_target_mgmt_hr_officer")
        hr_manager = ref("hr_target_mgmt.group_hr_target_mgmt_hr_manager")
        finance = ref("hr_target_mgmt.group_hr_target_mgmt_finance")
        principal = ref("hr_target_mgmt.group_hr_target_mgmt_principal")
        self.assertIn(employee, manager.implied_ids)
        self.assertIn(manager, officer.implied_ids)
        self.assertIn(officer, hr_manager.implied_ids)
        self.assertIn(employee, finance.trans_implied_ids)
        self.assertIn(officer, principal.trans_implied_ids)
        self.assertNotIn(hr_manager, principal.trans_implied_ids)
        # every internal user is an employee of the suite, and nothing more
        self.assertTrue(
            self.employee_user.has_group(employee.get_external_id()[employee.id])
        )
        self.assertFalse(
            self.employee_user.has_group("hr_target_mgmt.group_hr_target_mgmt_manager")
        )

    def test_menus_guarded(self):
        root = self.env.ref("hr_target_mgmt.menu_hr_performance_root")
        config = self.env.ref("hr_target_mgmt.menu_hr_performance_config")
        menus = self.env["ir.ui.menu"]
        employee_menus = menus.with_user(self.employee_user)._visible_menu_ids()
        manager_menus = menus.with_user(self.hr_manager_user)._visible_menu_ids()
        self.assertNotIn(config.id, employee_menus)
        self.assertIn(config.id, manager_menus)
        self.assertIn(root.id, manager_menus)
