# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

from ..models.res_users import PAYROLL_DEFAULT_GROUPS


@tagged("post_install", "-at_install")
class TestDefaultGroups(TransactionCase):
    """Installing payroll must not make every new user a payroll manager."""

    def test_new_internal_user_has_no_payroll_rights(self):
        user = self.env["res.users"].create({"name": "新员工", "login": "xinyuangong"})
        self.assertTrue(user.has_group("base.group_user"))
        self.assertTrue(user.has_group("hr_target_mgmt.group_hr_target_mgmt_employee"))
        for xmlid in PAYROLL_DEFAULT_GROUPS:
            self.assertFalse(user.has_group(xmlid), xmlid)
        template = self.env.ref("base.default_user")
        for xmlid in PAYROLL_DEFAULT_GROUPS:
            self.assertNotIn(self.env.ref(xmlid), template.groups_id, xmlid)

    def test_plain_employee_reads_no_wage_nor_payslip(self):
        colleague = self.env["hr.employee"].create({"name": "同事"})
        contract = self.env["hr.contract"].create(
            {"name": "同事合同", "employee_id": colleague.id, "wage": 8000}
        )
        user = new_test_user(self.env, login="putong", groups="base.group_user")
        with self.assertRaises(AccessError):
            contract.with_user(user).read(["wage"])
        with self.assertRaises(AccessError):
            self.env["hr.payslip"].with_user(user).search([])
