# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSmoke(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee_user = new_test_user(
            cls.env, login="smoke_employee_hr_appraisal_training"
        )

    def test_installed(self):
        module = self.env["ir.module.module"].search(
            [("name", "=", "hr_appraisal_training")]
        )
        self.assertEqual(module.state, "installed")

    def test_menus(self):
        root = self.env.ref("hr_target_mgmt.menu_hr_performance_root")
        for xmlid in (
            "hr_appraisal_training.menu_hr_appraisal_training_appraisals",
            "hr_appraisal_training.menu_hr_appraisal_training_training",
        ):
            self.assertEqual(self.env.ref(xmlid).parent_id, root)
