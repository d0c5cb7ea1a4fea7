# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ReportHrBonusPlan(models.AbstractModel):
    """The printed plan (PDF) for the principal's signature: only for the
    users who may read the whole plan (the plan's own access check)."""

    _name = "report.hr_bonus_share.report_hr_bonus_plan"
    _description = "Profit-Sharing Plan (for signature)"

    @api.model
    def _get_report_values(self, docids, data=None):
        plans = self.env["hr.bonus.plan"].browse(docids)
        plans._check_report_access()
        return {
            "doc_ids": docids,
            "doc_model": "hr.bonus.plan",
            "docs": plans,
            "data": data,
        }
