# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    performance_pay_rate = fields.Float(
        related="company_id.performance_pay_rate", readonly=False
    )
    performance_team_reward_rate = fields.Float(
        related="company_id.performance_team_reward_rate", readonly=False
    )
    performance_report_day = fields.Integer(
        related="company_id.performance_report_day", readonly=False
    )
    performance_verify_day = fields.Integer(
        related="company_id.performance_verify_day", readonly=False
    )
    performance_submit_day = fields.Integer(
        related="company_id.performance_submit_day", readonly=False
    )
    performance_approve_day = fields.Integer(
        related="company_id.performance_approve_day", readonly=False
    )
    performance_pay_day = fields.Integer(
        related="company_id.performance_pay_day", readonly=False
    )
