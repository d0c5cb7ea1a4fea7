"""Year-end profit sharing: a company with N employees in 50 departments,
each with a profit-sharing grade and a contract, its annual target with an
actual, and its annual appraisal cycle (closed, with excellent reviews);
computing the plan (surplus, pool, department split, every share) must take
a constant number of SQL queries whatever N (≤ 1.1× from 1,000 to 10,000)
and 10,000 employees in 5 s at most.

    python3 scripts/bench.py -c odoo.conf -d DB bonus_plan
"""

from datetime import date

YEAR = 2031
DEPARTMENTS = 50


def _setup(env, n):
    company = env["res.company"].create({"name": f"Bench bonus {n}"})
    env.user.company_ids |= company
    env = env(context=dict(env.context, allowed_company_ids=[company.id]))
    grades = env["hr.bonus.grade"].create(
        [
            {"name": f"Bench G{level}", "level": level, "company_id": company.id}
            for level in range(1, 6)
        ]
    )
    departments = env["hr.department"].create(
        [
            {
                "name": f"Bench department {n} #{d}",
                "company_id": company.id,
                "bonus_ratio": 3 + d % 2,
            }
            for d in range(DEPARTMENTS)
        ]
    )
    employees = env["hr.employee"].create(
        [
            {
                "name": f"Bench {n} #{i}",
                "company_id": company.id,
                "department_id": departments[i % DEPARTMENTS].id,
                "bonus_grade_id": grades[(i // DEPARTMENTS) % 3].id,
            }
            for i in range(n)
        ]
    )
    env["hr.contract"].create(
        [
            {
                "name": f"Bench contract {n} #{i}",
                "employee_id": employee.id,
                "company_id": company.id,
                "wage": 3000.0,
                # a few new hires, prorated
                "date_start": date(YEAR, 7, 1) if i % 97 == 5 else date(YEAR - 1, 1, 1),
                "state": "open",
            }
            for i, employee in enumerate(employees)
        ]
    )
    period = env["hr.target.period"].create(
        {
            "name": f"Bench {YEAR} {n}",
            "period_type": "year",
            "date_from": date(YEAR, 1, 1),
            "date_to": date(YEAR, 12, 31),
            "company_id": company.id,
        }
    )
    measure = env["hr.target.measure"].create({"name": f"Bench revenue {n}"})
    target = env["hr.target"].create(
        {
            "name": f"Bench company target {n}",
            "level": "company",
            "measure_id": measure.id,
            "period_id": period.id,
            "company_id": company.id,
            "target_value": 4000 * n,
        }
    )
    env["hr.target.actual"].create(
        {"target_id": target.id, "date": date(YEAR, 12, 31), "value": 5000 * n}
    )
    env["hr.performance.review.cycle"].create(
        {
            "name": f"Bench annual {n}",
            "cycle_type": "annual",
            "date_from": date(YEAR, 1, 1),
            "company_id": company.id,
            "state": "closed",
        }
    )
    plan = env["hr.bonus.plan"].create({"fiscal_year": YEAR, "company_id": company.id})
    env.flush_all()
    env.invalidate_all()
    return plan


def main(env, sizes, measure):
    for n in sizes:
        plan = _setup(env, n)
        with measure(env, "profit sharing: compute the plan", n):
            plan.action_compute()
        assert plan.state == "computed", plan.state
        assert len(plan.share_ids) == n, len(plan.share_ids)
        assert abs(plan.amount_allocated - plan.pool_amount) < 0.005
        env.invalidate_all()
