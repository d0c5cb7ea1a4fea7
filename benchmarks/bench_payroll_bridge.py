"""Payroll bridge: a batch of payslips with performance-pay lines, generated
through OCA's batch wizard and confirmed, with the bridge and without it.

Same employees, contracts and approved lines for both batches, each batch
starting from the same database (the first is rolled back); "without"
runs the same code with the bridge switched off (context key
``hr_payable_bridge_disabled``), i.e. OCA's plain path: its payslips are
generated without the performance inputs, then get the same amounts as
plain input lines (keyed in by hand, not measured) so that confirmation
compares payslips with the same inputs and the same gross. The bridge's extra
work must be a constant number of queries per batch (one search per payable
model, one insert of the input lines, one conditional UPDATE per model on
confirmation), not per payslip.
"""

import sys
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.fields import Command

MAX_SLIPS = 1000  # OCA computes payslips one by one: keep the run short


def _setup(env, n):
    company = env.company
    structure = env.ref("hr_performance_payroll.hr_payroll_structure_performance")
    department = env["hr.department"].create({"name": f"Bench payroll {n}"})
    employees = env["hr.employee"].create(
        [{"name": f"Bench {n} #{i}", "department_id": department.id} for i in range(n)]
    )
    contracts = env["hr.contract"].create(
        [
            {
                "name": f"Bench contract {employee.name}",
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
        {"date_month": date(2026, 3, 1), "department_id": department.id}
    )
    scale = env.ref("hr_target_mgmt.performance_pay_scale_default")
    env["hr.performance.pay.line"].create(
        [
            {
                "run_id": run.id,
                "employee_id": contract.employee_id.id,
                "contract_id": contract.id,
                "wage": 1000.0,
                "rate": 0.3,
                "target_value": 10,
                "actual": 5 + i % 15,
                "scale_id": scale.id,
            }
            for i, contract in enumerate(contracts)
        ]
    )
    for action in ("action_report", "action_verify", "action_submit", "action_approve"):
        getattr(run, action)()
    env.flush_all()
    return employees, run


def _batch(env, employees, run, label, disabled, measure):
    ctx = {"hr_payable_bridge_disabled": True} if disabled else {}
    env = env(context=dict(env.context, **ctx))
    date_from = run.date_pay.replace(day=1)
    date_to = date_from + relativedelta(months=1, days=-1)
    payslip_run = env["hr.payslip.run"].create(
        {"name": label, "date_start": date_from, "date_end": date_to}
    )
    wizard = env["hr.payslip.employees"].create(
        {"employee_ids": [Command.set(employees.ids)]}
    )
    env.invalidate_all()
    n = len(employees)
    with measure(env, f"generate+compute {label}", n):
        wizard.with_context(active_id=payslip_run.id).compute_sheet()
    slips = env["hr.payslip"].browse(payslip_run.slip_ids.ids)
    if disabled:
        # Confirmation compares like with like: OCA's payslips get the same
        # amounts as plain input lines, as if keyed in by hand.
        amounts = {line.employee_id.id: line.amount for line in run.line_ids}
        env["hr.payslip.input"].create(
            [
                {
                    "payslip_id": slip.id,
                    "name": "Performance Pay",
                    "code": "PERF_PAY",
                    "amount": amounts[slip.employee_id.id],
                    "contract_id": slip.contract_id.id,
                }
                for slip in slips
            ]
        )
        label += " (inputs keyed in)"
    env.invalidate_all()
    with measure(env, f"confirm {label}", n):
        slips.action_payslip_done()
    gross = sum(
        slips.line_ids.filtered(lambda line: line.code == "GROSS").mapped("total")
    )
    inputs = len(slips.input_line_ids)
    return gross, inputs


def main(env, sizes, measure):
    for n in sorted({min(size, MAX_SLIPS) for size in sizes}):
        employees, run = _setup(env, n)
        # the batch without the bridge is rolled back, so that the batch with
        # it starts from the very same database (tables as large, same rows)
        savepoint = env.cr.savepoint()
        try:
            gross_off, inputs_off = _batch(
                env, employees, run, "without bridge", True, measure
            )
        finally:
            savepoint.close(rollback=True)
            env.invalidate_all()
        gross_on, inputs_on = _batch(env, employees, run, "with bridge", False, measure)
        paid = len(run.line_ids.filtered("payslip_id"))
        sys.stdout.write(
            f"   N={n}: gross without {gross_off:,.2f} / with {gross_on:,.2f}; "
            f"input lines {inputs_off} / {inputs_on}; lines paid {paid}\n"
        )
