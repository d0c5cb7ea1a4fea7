# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    bonus_grade_id = fields.Many2one(
        "hr.bonus.grade",
        string="Profit-Sharing Grade",
        tracking=True,
        check_company=True,
        groups="hr.group_hr_user",
    )
    bonus_grade_date = fields.Date(
        string="Grade Since",
        tracking=True,
        groups="hr.group_hr_user",
    )
