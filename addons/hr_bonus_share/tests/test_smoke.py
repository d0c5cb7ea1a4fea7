# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSmoke(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee_user = new_test_user(
            cls.env, login="smoke_employee_hr_bonus_share"
        )

    def test_installed(self):
        module = self.env["ir.module.module"].search([("name", "=", "hr_bonus_share")])
        self.assertEqual(module.state, "installed")

    def test_menu_for_managers_only(self):
        menu = self.env.ref("hr_bonus_share.menu_hr_bonus_share")
        groups = self.env.ref("hr_target_mgmt.group_hr_target_mgmt_manager") | (
            self.env.ref("hr_target_mgmt.group_hr_target_mgmt_finance")
        )
        self.assertEqual(menu.groups_id, groups)
        self.assertEqual(
            menu.parent_id, self.env.ref("hr_target_mgmt.menu_hr_performance_root")
        )
        visible = self.env["ir.ui.menu"].with_user(self.employee_user)
        self.assertNotIn(menu.id, visible._visible_menu_ids())
