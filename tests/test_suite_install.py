"""Cross-addon scenario: the whole suite is installed together and shares one
app menu and one set of roles."""

from odoo.tests import TransactionCase, tagged

SUITE = ("hr_target_mgmt", "hr_appraisal_training", "hr_bonus_share")


@tagged("post_install", "-at_install")
class TestSuiteInstalled(TransactionCase):
    def test_suite_shares_one_app_menu(self):
        modules = self.env["ir.module.module"].search([("name", "in", SUITE)])
        self.assertEqual(set(modules.mapped("state")), {"installed"})
        root = self.env.ref("hr_target_mgmt.menu_hr_performance_root")
        apps = self.env["ir.ui.menu"].search(
            [("parent_id", "=", False), ("name", "=", root.name)]
        )
        self.assertEqual(apps, root, "the suite has exactly one app menu")
        children = (
            self.env["ir.ui.menu"]
            .with_context(**{"ir.ui.menu.full_list": True})
            .search([("parent_id", "=", root.id)])
        )
        self.assertIn(self.env.ref("hr_bonus_share.menu_hr_bonus_share"), children)
        self.assertIn(
            self.env.ref("hr_appraisal_training.menu_hr_appraisal_training_training"),
            children,
        )

    def test_bridge_installed_with_payroll(self):
        states = dict(
            self.env["ir.module.module"]
            .search([("name", "in", ("payroll", "hr_performance_payroll"))])
            .mapped(lambda m: (m.name, m.state))
        )
        self.assertEqual(
            states, {"payroll": "installed", "hr_performance_payroll": "installed"}
        )
