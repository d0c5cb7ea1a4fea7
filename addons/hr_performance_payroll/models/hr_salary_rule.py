# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class HrSalaryRule(models.Model):
    _inherit = "hr.salary.rule"

    def _compute_rule(self, localdict):
        """Name the payslip line in the user's language.

        OCA runs the computation through ``api.call_kw``, which drops the
        context: the rule's (translatable) name was read without a language,
        and every payslip line read "Basic Salary", "Gross"... in a Chinese
        database. A name the rule's code set (``result_name``) is kept."""
        result = super()._compute_rule(localdict)
        if not localdict.get("result_name"):
            result["name"] = self.name
        return result
