# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class HrPerformancePayLine(models.Model):
    _inherit = "hr.performance.pay.line"

    def _payable_on_paid(self):
        res = super()._payable_on_paid()
        self.run_id._payable_update_run_state()
        return res

    def _payable_on_released(self):
        res = super()._payable_on_released()
        self.run_id._payable_update_run_state()
        return res
