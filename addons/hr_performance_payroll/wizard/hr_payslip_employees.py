# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

from ..models.hr_payslip import defer_inputs


class HrPayslipEmployees(models.TransientModel):
    """The batch wizard asks for the inputs of each employee in turn (on an
    empty payslip recordset) and then computes all payslips together: the
    payable inputs are left to that batched computation, which finds the
    lines of every employee of the batch in one search per source model."""

    _inherit = "hr.payslip.employees"

    def compute_sheet(self):
        with defer_inputs():
            return super().compute_sheet()
