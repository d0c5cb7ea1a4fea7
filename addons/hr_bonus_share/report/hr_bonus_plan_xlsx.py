# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

import xlsxwriter

from odoo import _, api, models


class HrBonusPlanXlsxReport(models.AbstractModel):
    """The year-end profit-sharing plan (年终分红方案) as XLSX: per department
    its amount and, per employee, the grade, months of service, rule applied,
    proposed, adjusted and final amounts; totals and the signature block.

    Served as a download by the controller ``/hr_bonus_share/plan_xlsx``
    after its access check; nothing is stored. Headers are translated into
    the user's language."""

    _name = "hr.bonus.plan.xlsx.report"
    _description = "Profit-Sharing Plan Workbook"

    @api.model
    def _headers(self):
        return [
            (_("No."), 6),
            (_("Employee"), 16),
            (_("Grade"), 10),
            (_("Months of Service"), 12),
            (_("Outstanding"), 10),
            (_("Rule Applied"), 30),
            (_("Proposed"), 14),
            (_("Adjusted"), 14),
            (_("Final Amount"), 14),
            (_("Note"), 24),
        ]

    @api.model
    def _get_xlsx(self, plan):
        """The plan as XLSX bytes."""
        plan.ensure_one()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        title_text = _("Year-end Profit-Sharing Plan")
        sheet = workbook.add_worksheet(title_text[:31])
        currency = plan.currency_id
        digits = currency.decimal_places
        money_format = "#,##0" + ("." + "0" * digits if digits else "")
        title = workbook.add_format({"bold": True, "font_size": 16, "align": "center"})
        header = workbook.add_format(
            {"bold": True, "border": 1, "align": "center", "bg_color": "#D9E1F2"}
        )
        section = workbook.add_format(
            {"bold": True, "bg_color": "#EDEDED", "border": 1}
        )
        section_money = workbook.add_format(
            {
                "bold": True,
                "bg_color": "#EDEDED",
                "border": 1,
                "num_format": money_format,
            }
        )
        text = workbook.add_format({"border": 1})
        number = workbook.add_format({"border": 1, "num_format": "0.##"})
        money = workbook.add_format({"border": 1, "num_format": money_format})
        total_text = workbook.add_format({"border": 1, "bold": True})
        total_money = workbook.add_format(
            {"border": 1, "bold": True, "num_format": money_format}
        )
        headers = self._headers()
        last_col = len(headers) - 1
        sheet.merge_range(0, 0, 0, last_col, f"{title_text} {plan.fiscal_year}", title)
        sheet.merge_range(
            1,
            0,
            1,
            last_col,
            _(
                "Company: %(company)s    Actual: %(actual)s    Target: %(target)s"
                "    Surplus: %(surplus)s    Pool: %(pool)s (%(share)s%%)    "
                "Currency: %(currency)s",
                company=plan.company_id.name,
                actual=format(plan.actual_amount, ",.2f"),
                target=format(plan.target_amount, ",.2f"),
                surplus=format(plan.surplus_amount, ",.2f"),
                pool=format(plan.pool_amount, ",.2f"),
                share=format(plan.pool_share * 100, "g"),
                currency=currency.name,
            ),
        )
        for col, (label, width) in enumerate(headers):
            sheet.write(3, col, label, header)
            sheet.set_column(col, col, width)
        rules = dict(
            plan.env["hr.bonus.share"]._fields["rule"]._description_selection(plan.env)
        )
        row = 4
        for line, shares in plan._report_departments():
            sheet.merge_range(
                row,
                0,
                row,
                last_col - 2,
                _(
                    "%(department)s (ratio %(ratio)s)",
                    department=line.department_id.name,
                    ratio=format(line.ratio, "g"),
                ),
                section,
            )
            sheet.write_number(row, last_col - 1, line.amount, section_money)
            sheet.write_blank(row, last_col, None, section)
            row += 1
            for index, share in enumerate(shares, start=1):
                sheet.write_number(row, 0, index, text)
                sheet.write(row, 1, share.employee_id.name, text)
                sheet.write(row, 2, share.grade_id.name or "", text)
                sheet.write_number(row, 3, share.months_service, number)
                sheet.write(row, 4, _("Yes") if share.outstanding else "", text)
                sheet.write(row, 5, rules.get(share.rule, share.rule or ""), text)
                sheet.write_number(row, 6, share.amount_proposed, money)
                sheet.write_number(row, 7, share.amount_adjusted, money)
                sheet.write_number(row, 8, share.amount, money)
                sheet.write(row, 9, share.note or "", text)
                row += 1
        sheet.merge_range(row, 0, row, 5, _("Total"), total_text)
        for col, fname in (
            (6, "amount_proposed"),
            (7, "amount_adjusted"),
            (8, "amount"),
        ):
            value = currency.round(sum(plan.share_ids.mapped(fname)))
            sheet.write_number(row, col, value, total_money)
        sheet.write_blank(row, 9, None, total_text)
        sign_row = row + 3
        signatures = (
            (0, _("Prepared by:")),
            (3, _("Finance:")),
            (6, _("Principal:")),
        )
        for col, label in signatures:
            sheet.write(sign_row, col, label)
            sheet.write(sign_row + 1, col, _("Date:"))
        workbook.close()
        return output.getvalue()
