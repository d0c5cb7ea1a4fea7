# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.fields import Command

RUN_MONTH = date(2026, 3, 1)


def create_payroll_data(env, suffix=""):
    """Employees with a wage of 1,000 on the bridge's salary structure, and
    a draft performance-pay run of March 2026 (no demo data needed).

    :return: dict of records
    """
    structure = env.ref("hr_performance_payroll.hr_payroll_structure_performance")
    company = env.company
    department = env["hr.department"].create(
        {"name": f"Sales Bridge{suffix}", "company_id": company.id}
    )
    employees = env["hr.employee"].create(
        [
            {"name": f"张三{suffix}", "department_id": department.id},
            {"name": f"李四{suffix}", "department_id": department.id},
            {"name": f"王五{suffix}", "department_id": department.id},
        ]
    )
    contracts = env["hr.contract"].create(
        [
            {
                "name": f"Contract {employee.name}",
                "employee_id": employee.id,
                "wage": 1000.0,
                "struct_id": structure.id,
                "date_start": date(2026, 1, 1),
                "resource_calendar_id": company.resource_calendar_id.id,
                "state": "open",
            }
            for employee in employees
        ]
    )
    run = env["hr.performance.pay.run"].create(
        {
            "date_month": RUN_MONTH,
            "department_id": department.id,
            "company_id": company.id,
        }
    )
    return {
        "structure": structure,
        "department": department,
        "employees": employees,
        "contracts": contracts,
        "run": run,
    }


def add_performance_line(run, contract, target, actual, rate=0.3):
    scale = env_scale(run.env)
    return run.env["hr.performance.pay.line"].create(
        {
            "run_id": run.id,
            "employee_id": contract.employee_id.id,
            "contract_id": contract.id,
            "line_type": "performance",
            "wage": contract.wage,
            "rate": rate,
            "target_value": target,
            "actual": actual,
            "scale_id": scale.id,
        }
    )


def env_scale(env):
    return env.ref("hr_target_mgmt.performance_pay_scale_default")


def approve(run):
    """Walk the run through its workflow (as superuser)."""
    run.action_report()
    run.action_verify()
    run.action_submit()
    run.action_approve()
    return run


def pay_period(run):
    """The payslip period (month) containing the run's pay day."""
    date_from = run.date_pay.replace(day=1)
    return date_from, date_from + relativedelta(months=1, days=-1)


def run_batch(env, employees, date_from, date_to, name="Batch"):
    """Generate payslips through OCA's batch wizard."""
    payslip_run = env["hr.payslip.run"].create(
        {"name": name, "date_start": date_from, "date_end": date_to}
    )
    wizard = env["hr.payslip.employees"].create(
        {"employee_ids": [Command.set(employees.ids)]}
    )
    wizard.with_context(active_id=payslip_run.id).compute_sheet()
    return payslip_run


def line_total(payslip, code):
    return sum(
        payslip.line_ids.filtered(lambda line: line.code == code).mapped("total")
    )
