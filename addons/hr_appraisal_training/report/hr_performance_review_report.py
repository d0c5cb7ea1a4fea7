# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class HrPerformanceReviewReport(models.AbstractModel):
    """The printable appraisal form: the user must be able to read the
    appraisals; the names of their department and job are then read as
    superuser (an employee has no HR rights on jobs). The manager's private
    note is never printed."""

    _name = "report.hr_appraisal_training.hr_performance_review_report"
    _description = "Appraisal Form"

    @api.model
    def _get_report_values(self, docids, data=None):
        reviews = self.env["hr.performance.review"].browse(docids)
        reviews.check_access("read")
        reviews.line_ids.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "hr.performance.review",
            "docs": reviews.sudo(),
        }
