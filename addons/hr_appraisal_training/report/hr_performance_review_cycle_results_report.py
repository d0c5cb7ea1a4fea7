# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

import xlsxwriter

from odoo import _, api, models


class HrPerformanceReviewCycleResultsReport(models.AbstractModel):
    """The results of an appraisal cycle as XLSX: one row per appraisal
    (employee, department, job, self and manager totals, final score, band,
    status). Served by the controller ``/hr_appraisal_training/results``
    after its access check; nothing is stored."""

    _name = "hr.performance.review.cycle.results.report"
    _description = "Appraisal Cycle Results"

    @api.model
    def _headers(self):
        return [
            _("Employee"),
            _("Department"),
            _("Job Position"),
            _("Self Score"),
            _("Manager Score"),
            _("Final Score"),
            _("Band"),
            _("Status"),
        ]

    @api.model
    def _get_rows(self, cycle):
        cycle.ensure_one()
        # the caller checked the access (see the controller): ``cycle`` may
        # come as superuser to read names of jobs and departments
        reviews = cycle.env["hr.performance.review"].search_fetch(
            [("cycle_id", "=", cycle.id)],
            [
                "employee_id",
                "department_id",
                "job_id",
                "self_total",
                "manager_total",
                "final_score",
                "has_final_score",
                "band_id",
                "state",
            ],
        )
        states = dict(reviews._fields["state"]._description_selection(self.env))
        rows = [
            [
                review.employee_id.name or "",
                review.department_id.name or "",
                review.job_id.name or "",
                review.self_total,
                review.manager_total,
                review.final_score if review.has_final_score else None,
                review.band_id.name or "",
                states.get(review.state, review.state),
            ]
            for review in reviews
        ]
        return sorted(rows, key=lambda row: (row[1], row[0]))

    @api.model
    def _get_xlsx(self, cycle):
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = book.add_worksheet(_("Results")[:31])
        title = book.add_format({"bold": True, "font_size": 14})
        head = book.add_format({"bold": True, "border": 1, "bg_color": "#D9E1F2"})
        number = book.add_format({"num_format": "0.00", "border": 1})
        text = book.add_format({"border": 1})
        sheet.write(0, 0, _("Appraisal results: %(cycle)s", cycle=cycle.name), title)
        sheet.write(1, 0, f"{cycle.date_from:%Y-%m-%d} – {cycle.date_to:%Y-%m-%d}")
        for col, header in enumerate(self._headers()):
            sheet.write(3, col, header, head)
        for index, row in enumerate(self._get_rows(cycle), start=4):
            for col, value in enumerate(row):
                if col in (3, 4, 5):
                    if value is None:
                        sheet.write_blank(index, col, None, number)
                    else:
                        sheet.write_number(index, col, value, number)
                else:
                    sheet.write_string(index, col, value, text)
        sheet.set_column(0, 2, 18)
        sheet.set_column(3, 7, 12)
        book.close()
        return output.getvalue()
