# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

import xlsxwriter

from odoo import _, api, models


class HrTrainingArchiveXlsx(models.AbstractModel):
    """An employee's training archive (培训档案) as XLSX: one row per closed
    session (course, category, dates, hours, attendance, the four levels,
    result, certificate validity) and the total of hours.

    Served by the controller ``/hr_appraisal_training/training_archive``
    after its access check; nothing is stored."""

    _name = "hr.training.archive.xlsx"
    _description = "Training Archive (XLSX)"

    @api.model
    def _headers(self):
        return [
            _("Course"),
            _("Category"),
            _("Start"),
            _("End"),
            _("Hours"),
            _("Attendance (%)"),
            _("Reaction (L1)"),
            _("Learning (L2)"),
            _("Behaviour (L3)"),
            _("Appraisal Change (L4)"),
            _("Result"),
            _("Valid Until"),
        ]

    @api.model
    def _get_xlsx(self, employee):
        """The workbook of ``employee`` (read as superuser: the caller checked
        the access), as bytes."""
        employee.ensure_one()
        attendees = (
            self.env["hr.training.attendee"]
            .sudo()
            .search(
                [("employee_id", "=", employee.id), ("session_state", "=", "done")],
                order="date_start, id",
            )
        )
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = book.add_worksheet(_("Training Archive"))
        bold = book.add_format({"bold": True})
        title = book.add_format({"bold": True, "font_size": 14})
        date_format = book.add_format({"num_format": "yyyy-mm-dd"})
        number = book.add_format({"num_format": "0.0"})
        sheet.write(0, 0, _("Training Archive: %(name)s", name=employee.name), title)
        sheet.write(
            1,
            0,
            " / ".join(
                name
                for name in (employee.department_id.name, employee.job_id.name)
                if name
            ),
        )
        for col, header in enumerate(self._headers()):
            sheet.write(3, col, header, bold)
        row = 4
        for attendee in attendees:
            if attendee.completed:
                result = _("Completed")
            elif attendee.l2_scored and not attendee.l2_passed:
                result = _("Failed")
            else:
                result = _("Not completed")
            values = [
                attendee.course_id.name,
                attendee.category_id.complete_name or "",
                attendee.date_start,
                attendee.date_end,
                attendee.hours,
                attendee.attended_ratio,
                attendee.l1_score if attendee.l1_done else None,
                attendee.l2_score if attendee.l2_scored else None,
                attendee.l3_score if attendee.l3_done else None,
                attendee.l4_change
                if attendee.l4_before_known and attendee.l4_after_known
                else None,
                result,
                attendee.valid_until or None,
            ]
            for col, value in enumerate(values):
                if value is None:
                    sheet.write_blank(row, col, None)
                elif col in (2, 3, 11):
                    sheet.write_datetime(row, col, value, date_format)
                elif isinstance(value, float):
                    sheet.write_number(row, col, value, number)
                else:
                    sheet.write(row, col, value)
            row += 1
        sheet.write(row, 0, _("Total"), bold)
        if row > 4:
            sheet.write_formula(
                row, 4, f"=SUM(E5:E{row})", number, sum(attendees.mapped("hours"))
            )
        else:
            sheet.write_number(row, 4, 0, number)
        sheet.set_column(0, 1, 28)
        sheet.set_column(2, 11, 14)
        book.close()
        return output.getvalue()
