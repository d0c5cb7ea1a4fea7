# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    appraisal_360_min_answers = fields.Integer(
        related="company_id.appraisal_360_min_answers", readonly=False
    )
    appraisal_recheck_days = fields.Integer(
        related="company_id.appraisal_recheck_days", readonly=False
    )
