"""Payroll bridge: a batch of payslips with performance-pay lines, generated
through OCA's batch wizard and confirmed, without the bridge and with it.

Both sides work on the same employees, contracts and approved lines and start
from the same database:

* without the bridge: OCA payroll's own code. The bridge is switched off in
  this Python process only (class attribute ``_payable_bridge_off`` of the
  registry's ``hr.payslip`` class, which no client can reach). Each payslip
  gets the same performance pay as a plain input line, keyed in as OCA's
  wizard creates it, so that both sides compute the same salary lines and
  gross. The payslips are confirmed one payslip per call, as OCA's *Confirm*
  button does (OCA's ``action_payslip_done`` handles one payslip).
* with the bridge: the bridge adds the inputs and the batch is confirmed in
  one call. The bridge's extra work must be a constant number of queries per
  batch (one search per payable model, one insert of the input lines, one
  conditional UPDATE per model on confirmation), not per payslip.

Both sides are first run once, unmeasured, on a few payslips: the first
batch of a process compiles the salary rules and fills caches. Then each side
runs twice, in the order without, with, with, without (a drift of the load of
the machine cancels out), every batch rolled back and starting from vacuumed
payslip tables (VACUUM runs from a second connection): OCA's payslip lines
have no index on their payslip nor on their parent line, so each payslip
computation scans ``hr_payslip_line``, and the dead rows an earlier batch
left there slowed the next one down, whichever it was (deleting the old lines
of a payslip took 2.3× as long for 500 payslips).

The last lines compare each side's best figures (other jobs only ever slow a
batch down): wall-clock seconds, then CPU seconds of Odoo (this process) and
of PostgreSQL (the process serving the transaction, when it runs on this
machine), which depend less on the other jobs of a shared machine.
"""

import sys
from contextlib import closing, contextmanager, nullcontext
from datetime import date
from types import SimpleNamespace

from dateutil.relativedelta import relativedelta

from odoo.fields import Command
from odoo.sql_db import db_connect
from odoo.tools import SQL

MAX_SLIPS = 1000  # OCA computes payslips one by one: keep the run short
WARM_UP = 20  # payslips of the unmeasured batches run first
# the sides in turn, each twice: a drift of the machine's load cancels out
ORDER = (False, True, True, False)  # with the bridge?


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


@contextmanager
def _bridge_off(env):
    """OCA's plain code: the bridge switched off in this process only."""
    Payslip = type(env["hr.payslip"])
    Payslip._payable_bridge_off = True
    try:
        yield
    finally:
        del Payslip._payable_bridge_off


def _vacuum(env):
    """Remove the dead rows of a rolled-back batch from the tables a batch
    writes (a second connection: VACUUM cannot run in a transaction)."""
    models = [name for name in env.registry if name.startswith("hr.payslip")]
    models += ["hr.performance.pay.line", "mail.message", "mail.tracking.value"]
    tables = sorted({env[name]._table for name in models if env[name]._auto})
    env.flush_all()
    with closing(db_connect(env.cr.dbname).cursor()) as cr:
        cr._cnx.autocommit = True
        cr.execute(SQL("VACUUM %s", SQL(", ").join(map(SQL.identifier, tables))))


@contextmanager
def _keyed_in(env, run):
    """Without the bridge, each payslip gets its performance pay as a plain
    input line, keyed in as the payslip is created (added to what OCA's
    ``get_inputs`` returns): both sides compute and confirm the same pay."""
    amounts = {line.employee_id.id: line.amount for line in run.line_ids}
    Payslip = type(env["hr.payslip"])
    get_inputs = Payslip.get_inputs

    def keyed_in(self, contracts, date_from, date_to):
        return get_inputs(self, contracts, date_from, date_to) + [
            {
                "name": "Performance Pay",
                "code": "PERF_PAY",
                "amount": amounts[contract.employee_id.id],
                "contract_id": contract.id,
            }
            for contract in contracts
            if contract.employee_id.id in amounts
        ]

    Payslip.get_inputs = keyed_in
    try:
        yield
    finally:
        del Payslip.get_inputs


def _batch(env, employees, run, label, bridge, measure):
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
    with (
        measure(env, f"generate+compute {label}", n) as generated,
        nullcontext() if bridge else _keyed_in(env, run),
    ):
        wizard.with_context(active_id=payslip_run.id).compute_sheet()
    slips = env["hr.payslip"].browse(payslip_run.slip_ids.ids)
    env.invalidate_all()
    with measure(env, f"confirm {label}", n) as confirmed:
        if bridge:
            slips.action_payslip_done()
        else:
            # one payslip per call, as OCA's Confirm button
            for slip_id in slips.ids:
                slips.browse(slip_id).action_payslip_done()
    gross = sum(
        slips.line_ids.filtered(lambda line: line.code == "GROSS").mapped("total")
    )
    return {
        "salary lines": len(slips.line_ids),
        "generated": generated,
        "confirmed": confirmed,
        "gross": gross,
        "inputs": len(slips.input_line_ids),
        "done": len(slips.filtered(lambda slip: slip.state == "done")),
        "paid": len(run.line_ids.filtered("payslip_id")),
    }


def _ratio(with_, without, what):
    text = (
        f"{what} {with_.seconds / without.seconds:.2f}× "
        f"({with_.seconds:.1f} / {without.seconds:.1f} s; "
        f"CPU Odoo {with_.cpu / without.cpu:.2f}× "
        f"({with_.cpu:.1f} / {without.cpu:.1f} s)"
    )
    if with_.db_cpu and without.db_cpu:
        text += (
            f", PostgreSQL {with_.db_cpu / without.db_cpu:.2f}× "
            f"({with_.db_cpu:.1f} / {without.db_cpu:.1f} s)"
        )
    return f"{text}; {with_.queries - without.queries:+d} queries)"


@contextmanager
def _unmeasured(env, label, n):
    yield SimpleNamespace()


def _rolled_back(env, employees, run, label, bridge, measure):
    """A batch rolled back afterwards, bridge on or off."""
    savepoint = env.cr.savepoint()
    try:
        if bridge:
            return _batch(env, employees, run, label, True, measure)
        with _bridge_off(env):
            return _batch(env, employees, run, label, False, measure)
    finally:
        savepoint.close(rollback=True)
        env.invalidate_all()


def _best(samples):
    """Each figure at its lowest over ``samples``: the other jobs of the
    machine only ever slow a batch down."""
    db_cpu = [sample.db_cpu for sample in samples]
    return SimpleNamespace(
        seconds=min(sample.seconds for sample in samples),
        cpu=min(sample.cpu for sample in samples),
        db_cpu=None if None in db_cpu else min(db_cpu),
        queries=min(sample.queries for sample in samples),
    )


def main(env, sizes, measure):
    for n in sorted({min(size, MAX_SLIPS) for size in sizes}):
        employees, run = _setup(env, n)
        # both code paths warmed up first (salary rules compiled, caches
        # filled): the first batch of the process would pay for it
        for bridge in (False, True):
            _rolled_back(env, employees[:WARM_UP], run, "warm-up", bridge, _unmeasured)
        # each batch rolled back, and starting from vacuumed tables
        batches = {False: [], True: []}
        for bridge in ORDER:
            _vacuum(env)
            label = "with bridge" if bridge else "without bridge"
            batches[bridge].append(
                _rolled_back(env, employees, run, label, bridge, measure)
            )
        off, on = batches[False][-1], batches[True][-1]
        sys.stdout.write(
            f"   N={n}: gross without {off['gross']:,.2f} / with {on['gross']:,.2f}; "
            f"input lines {off['inputs']} / {on['inputs']}; "
            f"salary lines {off['salary lines']} / {on['salary lines']}; "
            f"payslips done {off['done']} / {on['done']}; "
            f"lines paid {off['paid']} / {on['paid']}\n"
        )
        for key, what in (("confirmed", "confirm"), ("generated", "generate+compute")):
            best_on = _best([batch[key] for batch in batches[True]])
            best_off = _best([batch[key] for batch in batches[False]])
            sys.stdout.write(
                f"   N={n}: with / without the bridge, best of "
                f"{len(batches[True])}: {_ratio(best_on, best_off, what)}\n"
            )
