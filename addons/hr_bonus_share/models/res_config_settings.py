# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    bonus_pool_share = fields.Float(
        related="company_id.bonus_pool_share", readonly=False
    )
    bonus_pool_share_min = fields.Float(
        related="company_id.bonus_pool_share_min", readonly=False
    )
    bonus_pool_share_max = fields.Float(
        related="company_id.bonus_pool_share_max", readonly=False
    )
    bonus_outstanding_uplift = fields.Float(
        related="company_id.bonus_outstanding_uplift", readonly=False
    )
    bonus_grade_step = fields.Float(
        related="company_id.bonus_grade_step", readonly=False
    )
    bonus_min_months = fields.Float(
        related="company_id.bonus_min_months", readonly=False
    )
    bonus_full_year_months = fields.Float(
        related="company_id.bonus_full_year_months", readonly=False
    )
    bonus_head_max_multiple = fields.Float(
        related="company_id.bonus_head_max_multiple", readonly=False
    )
