# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.fields import Command

# Groups OCA payroll gives every new user through the template user
# (base.default_user): its manager group and the officer group it implies.
# (The HR and contract groups that group implies are Odoo's own defaults of
# that template, left as the company set them.)
PAYROLL_DEFAULT_GROUPS = (
    "payroll.group_payroll_manager",
    "payroll.group_payroll_user",
)


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _hr_performance_payroll_reset_default_groups(self):
        """Stop giving every new internal user the payroll manager's rights.

        OCA payroll adds its manager group to the template of new users, so
        that each user created after it reads every payslip. Installing (or
        updating) this module removes that group, and the payroll officer
        group it implies, from the template. Existing users keep their
        groups; give payroll roles to the people who run payroll under
        *Settings > Users*."""
        template = self.env.ref("base.default_user", raise_if_not_found=False)
        if not template:
            return True
        groups = [
            self.env.ref(xmlid, raise_if_not_found=False)
            for xmlid in PAYROLL_DEFAULT_GROUPS
        ]
        template.sudo().write(
            {"groups_id": [Command.unlink(group.id) for group in groups if group]}
        )
        return True
