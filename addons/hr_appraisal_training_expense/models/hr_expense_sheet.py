# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class HrExpenseSheet(models.Model):
    _inherit = "hr.expense.sheet"

    def _do_submit(self):
        # training expenses go to the manager with their invoice and course
        self.expense_line_ids._check_training_documents()
        return super()._do_submit()
