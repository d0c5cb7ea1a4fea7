"""Training-needs analysis: N training needs of one period, each of one
employee, spread over ten departments, four categories and four sources;
gathering them into the analysis (the needs and their counts by department,
category and source) must take a constant number of SQL queries whatever N.

    python3 scripts/bench.py -c odoo.conf -d DB needs_analysis
"""

from datetime import date

CATEGORIES = ("general", "professional", "management", "frontier")
SOURCES = ("employee", "manager", "customer", "strategy")


def _setup(env, n):
    departments = env["hr.department"].create(
        [{"name": f"Bench training {n} dept {i}"} for i in range(10)]
    )
    employees = env["hr.employee"].create(
        [
            {
                "name": f"Bench trainee {n} #{i}",
                "department_id": departments[i % 10].id,
            }
            for i in range(n)
        ]
    )
    env["hr.training.need"].with_context(
        tracking_disable=True, mail_create_nolog=True, mail_notrack=True
    ).create(
        [
            {
                "name": f"Bench need {n} #{i}",
                "employee_ids": [(6, 0, [employee.id])],
                "category": CATEGORIES[i % 4],
                "source": SOURCES[(i // 4) % 4],
            }
            for i, employee in enumerate(employees)
        ]
    )
    today = date.today()
    analysis = env["hr.training.need.analysis"].create(
        {
            "name": f"Bench analysis {n}",
            "date_from": today.replace(month=1, day=1),
            "date_to": today.replace(month=12, day=31),
            "department_ids": [(6, 0, departments.ids)],
        }
    )
    env.flush_all()
    env.invalidate_all()
    return analysis


def main(env, sizes, measure):
    for n in sizes:
        analysis = _setup(env, n)
        with measure(env, "needs analysis: gather", n):
            analysis.action_gather()
            env.flush_all()
        assert len(analysis.need_ids) == n, len(analysis.need_ids)
        assert sum(analysis.line_ids.mapped("need_count")) == n
        env.invalidate_all()
