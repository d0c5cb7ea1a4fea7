"""Cross-addon scenario: the whole suite is installed together and shares one
app menu and one set of roles."""

from odoo.exceptions import AccessError
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


@tagged("post_install", "-at_install")
class TestDemoUsers(TransactionCase):
    """The demo users have exactly their roles, whatever OCA payroll gave to
    every user when it was installed (this module runs on the demo database
    of ``make test``)."""

    def test_zhangsan_is_an_employee_only(self):
        zhangsan = self.env.ref("hr_target_mgmt.demo_user_zhangsan")
        internal = self.env.ref("base.group_user")
        # internal user and what it implies (the suite's employee role...)
        self.assertEqual(zhangsan.groups_id, internal | internal.trans_implied_ids)
        self.assertTrue(
            zhangsan.has_group("hr_target_mgmt.group_hr_target_mgmt_employee")
        )
        # he reads his own pay lines and nobody's wage or payslip
        own = self.env["hr.performance.pay.line"].search(
            [("employee_id.user_id", "=", zhangsan.id)]
        )
        Line = self.env["hr.performance.pay.line"].with_user(zhangsan)
        self.assertTrue(own)
        self.assertEqual(Line.search([]), own)
        contracts = self.env["hr.contract"].search([])
        self.assertTrue(contracts)
        with self.assertRaises(AccessError):
            contracts.with_user(zhangsan).read(["wage"])
        with self.assertRaises(AccessError):
            self.env["hr.payslip"].with_user(zhangsan).search([])
        runs = self.env["hr.performance.pay.run"].with_user(zhangsan).search([])
        self.assertTrue(runs)
        with self.assertRaises(AccessError):
            runs.read(["amount_total"])

    def test_other_demo_users_keep_their_roles(self):
        supervisor = self.env.ref("hr_target_mgmt.demo_user_supervisor")
        finance = self.env.ref("hr_target_mgmt.demo_user_finance")
        self.assertTrue(
            supervisor.has_group("hr_target_mgmt.group_hr_target_mgmt_manager")
        )
        self.assertFalse(supervisor.has_group("payroll.group_payroll_user"))
        self.assertFalse(supervisor.has_group("hr_contract.group_hr_contract_manager"))
        self.assertTrue(finance.has_group("payroll.group_payroll_manager"))
