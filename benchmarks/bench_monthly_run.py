"""Monthly performance-pay run: N field employees of one department, each
with a running contract and a monthly pay-basis target with an actual, and
their supervisor's team target; computing the run's lines must take a
constant number of SQL queries whatever N (≤ 1.1× from 1,000 to 10,000).

    python3 scripts/bench.py -c odoo.conf -d DB monthly_run
"""

from datetime import date

MONTH = date(2031, 3, 1)


def _setup(env, n):
    company = env.company
    period = env["hr.target.period"].search(
        [
            ("company_id", "=", company.id),
            ("period_type", "=", "month"),
            ("date_from", "=", MONTH),
        ]
    ) or env["hr.target.period"].create(
        {
            "name": "Bench 2031-03",
            "period_type": "month",
            "date_from": MONTH,
            "date_to": date(2031, 3, 31),
            "company_id": company.id,
        }
    )
    measure = env["hr.target.measure"].create({"name": f"Bench enrolments {n}"})
    job = env["hr.job"].create(
        {"name": f"Bench field job {n}", "performance_basis": "field"}
    )
    department = env["hr.department"].create({"name": f"Bench sales {n}"})
    supervisor = env["hr.employee"].create(
        {
            "name": f"Bench supervisor {n}",
            "department_id": department.id,
            "job_id": job.id,
        }
    )
    employees = env["hr.employee"].create(
        [
            {
                "name": f"Bench {n} #{i}",
                "department_id": department.id,
                "job_id": job.id,
                "parent_id": supervisor.id,
            }
            for i in range(n)
        ]
    )
    env["hr.contract"].create(
        [
            {
                "name": f"Bench contract {n} #{i}",
                "employee_id": employee.id,
                "wage": 1000.0 + i % 7,
                "date_start": date(2031, 1, 1),
                "state": "open",
            }
            for i, employee in enumerate(employees | supervisor)
        ]
    )
    targets = env["hr.target"].create(
        [
            {
                "name": f"Bench target {employee.name}",
                "measure_id": measure.id,
                "period_id": period.id,
                "company_id": company.id,
                "level": "employee",
                "employee_id": employee.id,
                "target_value": 10,
            }
            for employee in employees
        ]
        + [
            {
                "name": f"Bench team {n}",
                "measure_id": measure.id,
                "period_id": period.id,
                "company_id": company.id,
                "level": "team",
                "employee_id": supervisor.id,
                "target_value": 10 * n,
                "minimum_value": 8 * n,
            }
        ]
    )
    env["hr.target.actual"].create(
        [
            {"target_id": target.id, "date": date(2031, 3, 15), "value": i % 20}
            for i, target in enumerate(targets)
        ]
    )
    run = env["hr.performance.pay.run"].create(
        {"date_month": MONTH, "department_id": department.id, "company_id": company.id}
    )
    env.flush_all()
    env.invalidate_all()
    return run


def main(env, sizes, measure):
    for n in sizes:
        run = _setup(env, n)
        with measure(env, "monthly run: compute lines", n):
            run.action_compute_lines()
        assert len(run.line_ids) == n + 1, len(run.line_ids)
        env.invalidate_all()
