"""Training sessions: N employees enrolled in a session of two sittings (one
create), the attendance of both sittings taken (one line per attendee and
sitting, a tenth of them late), the results (level 4: appraisals and target
achievement before and after) computed for all, and the session closed.
Each step must take a constant number of SQL queries whatever N (≤ 1.1×
from 1,000 to 10,000).

    python3 scripts/bench.py -c odoo.conf -d DB training
"""

from datetime import date, datetime

START = date(2031, 6, 2)


def _setup(env, n):
    company = env.company
    department = env["hr.department"].create({"name": f"Bench after-sales {n}"})
    manager = env["hr.employee"].create(
        {"name": f"Bench manager {n}", "department_id": department.id}
    )
    employees = env["hr.employee"].create(
        [
            {
                "name": f"Bench trainee {n} #{i}",
                "department_id": department.id,
                "parent_id": manager.id,
            }
            for i in range(n)
        ]
    )
    period = env["hr.target.period"].search(
        [
            ("company_id", "=", company.id),
            ("period_type", "=", "month"),
            ("date_from", "=", date(2031, 5, 1)),
        ]
    ) or env["hr.target.period"].create(
        {
            "name": "Bench 2031-05",
            "period_type": "month",
            "date_from": date(2031, 5, 1),
            "date_to": date(2031, 5, 31),
            "company_id": company.id,
        }
    )
    measure = env["hr.target.measure"].create({"name": f"Bench repairs {n}"})
    targets = env["hr.target"].create(
        [
            {
                "name": f"Bench target {n} #{i}",
                "measure_id": measure.id,
                "period_id": period.id,
                "company_id": company.id,
                "level": "employee",
                "employee_id": employee.id,
                "target_value": 10,
            }
            for i, employee in enumerate(employees)
        ]
    )
    env["hr.target.actual"].create(
        [
            {"target_id": target.id, "date": date(2031, 5, 20), "value": i % 15}
            for i, target in enumerate(targets)
        ]
    )
    course = env["hr.training.course"].create(
        {
            "name": f"Bench course {n}",
            "category_id": env.ref(
                "hr_appraisal_training.course_category_professional_repair"
            ).id,
            "duration_hours": 8,
            "pass_mark": 0,
        }
    )
    session = env["hr.training.session"].create(
        {
            "name": f"Bench session {n}",
            "course_id": course.id,
            "company_id": company.id,
            "date_start": START,
            "date_end": date(2031, 6, 3),
            "sitting_ids": [
                (
                    0,
                    0,
                    {"start": datetime(2031, 6, 2, 1), "stop": datetime(2031, 6, 2, 5)},
                ),
                (
                    0,
                    0,
                    {"start": datetime(2031, 6, 3, 1), "stop": datetime(2031, 6, 3, 5)},
                ),
            ],
        }
    )
    session.action_confirm()
    env.flush_all()
    env.invalidate_all()
    return session, employees


def main(env, sizes, measure):
    Attendee = env["hr.training.attendee"]
    for n in sizes:
        session, employees = _setup(env, n)
        with measure(env, "training: enrol attendees", n):
            Attendee.create(
                [
                    {"session_id": session.id, "employee_id": employee.id}
                    for employee in employees
                ]
            )
        env.invalidate_all()
        with measure(env, "training: take attendance (2 sittings)", n):
            for sitting in session.sitting_ids:
                sitting.action_take_attendance()
            lines = env["hr.training.attendance"].search_fetch(
                [("session_id", "=", session.id)], ["attendee_id"]
            )
            late = lines.filtered(lambda line: line.attendee_id.id % 10 == 0)
            late.write({"status": "late"})
        assert len(session.attendance_ids) == 2 * n, len(session.attendance_ids)
        env.invalidate_all()
        with measure(env, "training: results (L4) for all", n):
            session.action_compute_results()
        env.invalidate_all()
        with measure(env, "training: close the session", n):
            session.action_close()
        assert session.state == "done"
        known = Attendee.search_count(
            [("session_id", "=", session.id), ("target_before_known", "=", True)]
        )
        assert known == n, known
        env.invalidate_all()
