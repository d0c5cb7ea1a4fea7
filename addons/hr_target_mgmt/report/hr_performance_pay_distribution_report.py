# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from odoo import api, models


class HrPerformancePayDistributionReport(models.AbstractModel):
    """The distribution table (业务奖金分配表) of a monthly run as XLSX: one
    row per person (wage, target, actual, achievement, factor, standard,
    performance pay, the team's target and actual, team reward, total),
    totals and the signature block.

    Served as a download by the controller ``/hr_target_mgmt/distribution``
    after its access check; nothing is stored."""

    _name = "hr.performance.pay.distribution.report"
    _description = "Performance-Pay Distribution Table"

    @api.model
    def _get_rows(self, run):
        """One row per person: their own performance pay (target, actual,
        achievement, factor, standard, amount; ``None`` without a performance
        line) and, for a supervisor, the team's target and actual and the
        team reward, side by side in the order of the lines."""
        run.ensure_one()
        rows = {}
        for line in run.line_ids.sorted(lambda ln: (ln.employee_id.name or "", ln.id)):
            row = rows.setdefault(
                line.employee_id.id,
                {
                    "employee": line.employee_id,
                    "wage": line.wage,
                    "target": None,
                    "actual": None,
                    "achievement": None,
                    "factor": None,
                    "standard": None,
                    "performance": 0.0,
                    "team_target": None,
                    "team_actual": None,
                    "team_reward": 0.0,
                    "notes": [],
                },
            )
            if line.line_type == "performance":
                row.update(
                    target=line.target_value,
                    actual=line.actual,
                    achievement=line.achievement,
                    factor=line.factor,
                    standard=line.standard,
                    performance=line.amount,
                )
            else:
                row["team_target"] = (row["team_target"] or 0.0) + line.target_value
                row["team_actual"] = (row["team_actual"] or 0.0) + line.actual
                row["team_reward"] += line.amount
            if line.note:
                row["notes"].append(line.note)
            if line.amount_overridden:
                computed = f"{line.amount_computed:,.{run.currency_id.decimal_places}f}"
                row["notes"].append(
                    f"金额调整(计算值 {computed}):{line.override_reason or ''}"
                )
        return list(rows.values())

    @api.model
    def _get_xlsx(self, run):
        """The distribution table as XLSX bytes. Headers and signatures are
        those of the Chinese form (业务奖金分配表), whatever the user's
        language."""
        run.ensure_one()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet("业务奖金分配表")
        digits = run.currency_id.decimal_places
        money_format = "#,##0" + ("." + "0" * digits if digits else "")
        title = workbook.add_format({"bold": True, "font_size": 16, "align": "center"})
        header = workbook.add_format(
            {"bold": True, "border": 1, "align": "center", "bg_color": "#D9E1F2"}
        )
        text = workbook.add_format({"border": 1})
        number = workbook.add_format({"border": 1, "num_format": "#,##0.##"})
        percent = workbook.add_format({"border": 1, "num_format": "0.00%"})
        money = workbook.add_format({"border": 1, "num_format": money_format})
        total_text = workbook.add_format({"border": 1, "bold": True})
        total_money = workbook.add_format(
            {"border": 1, "bold": True, "num_format": money_format}
        )
        headers = [
            ("序号", 6),
            ("姓名", 14),
            ("部门", 14),
            ("岗位", 14),
            ("基本工资", 12),
            ("目标", 10),
            ("实际完成", 10),
            ("完成率", 10),
            ("绩效系数", 10),
            ("绩效工资标准", 14),
            ("绩效工资", 12),
            ("团队目标", 12),
            ("团队实际", 12),
            ("团队奖励", 12),
            ("合计", 12),
            ("备注", 24),
        ]
        last_col = len(headers) - 1
        sheet.merge_range(0, 0, 0, last_col, "业务奖金分配表", title)
        team = run.team_name or ""
        sheet.merge_range(
            1,
            0,
            1,
            last_col,
            f"单位:{run.company_id.name}    部门/团队:{team}    "
            f"月份:{run.month_label}    "
            f"币种:{run.currency_id.name}",
        )
        for col, (label, width) in enumerate(headers):
            sheet.write(3, col, label, header)
            sheet.set_column(col, col, width)
        rows = self._get_rows(run)
        first = 4
        # column: (key, format); a person without the figure gets a blank
        # cell, never a misleading 0
        figures = (
            (4, "wage", money),
            (5, "target", number),
            (6, "actual", number),
            (7, "achievement", percent),
            (8, "factor", percent),
            (9, "standard", money),
            (10, "performance", money),
            (11, "team_target", number),
            (12, "team_actual", number),
            (13, "team_reward", money),
        )
        for index, row in enumerate(rows):
            r = first + index
            employee = row["employee"]
            total = run.currency_id.round(row["performance"] + row["team_reward"])
            sheet.write_number(r, 0, index + 1, text)
            sheet.write(r, 1, employee.name, text)
            sheet.write(r, 2, employee.department_id.name or "", text)
            sheet.write(r, 3, employee.job_id.name or "", text)
            for col, key, cell_format in figures:
                if row[key] is None:
                    sheet.write_blank(r, col, None, cell_format)
                else:
                    sheet.write_number(r, col, row[key], cell_format)
            sheet.write_number(r, 14, total, money)
            sheet.write(r, 15, "; ".join(row["notes"]), text)
        total_row = first + len(rows)
        sheet.merge_range(total_row, 0, total_row, 3, "合计", total_text)
        for col in range(4, last_col):
            sheet.write_blank(total_row, col, None, total_text)
        for col, key in ((10, "performance"), (13, "team_reward")):
            value = run.currency_id.round(sum(row[key] for row in rows))
            letter = xl_col_to_name(col)
            formula = f"=SUM({letter}{first + 1}:{letter}{total_row})"
            sheet.write_formula(total_row, col, formula, total_money, value)
        grand = run.currency_id.round(
            sum(row["performance"] + row["team_reward"] for row in rows)
        )
        sheet.write_formula(
            total_row, 14, f"=SUM(O{first + 1}:O{total_row})", total_money, grand
        )
        sign_row = total_row + 3
        for col, label in ((0, "制表:"), (5, "财务审核:"), (10, "校长审批:")):
            sheet.write(sign_row, col, label)
            sheet.write(sign_row + 1, col, "日期:")
        workbook.close()
        return output.getvalue()
