"""Online training in Odoo eLearning (hr_appraisal_training_slides): N
employees enrolled in a session of an online course linked to an eLearning
course of three lessons; the attendees become members of the eLearning
course (website_slides' own enrolment, one call), then their completion is
read back on the attendees, a third of them having finished a lesson. The
bridge's own part is one query for all the attendees; website_slides'
enrolment and the ORM's computation of a non-stored field (1,000 records a
batch) add about two queries per 1,000 attendees: the queries grow with N
by that much only, never one per attendee.

    python3 scripts/bench.py -c odoo.conf -d DB elearning
"""

from datetime import date, datetime


def _setup(env, n):
    company = env.company
    department = env["hr.department"].create({"name": f"Bench online {n}"})
    employees = env["hr.employee"].create(
        [
            {"name": f"Bench learner {n} #{i}", "department_id": department.id}
            for i in range(n)
        ]
    )
    channel = env["slide.channel"].create(
        {
            "name": f"Bench eLearning {n}",
            "enroll": "invite",
            "visibility": "members",
            "is_published": True,
            "publish_template_id": False,
            "slide_ids": [
                (
                    0,
                    0,
                    {
                        "name": f"Bench lesson {i}",
                        "slide_category": "article",
                        "is_published": True,
                    },
                )
                for i in range(3)
            ],
        }
    )
    course = env["hr.training.course"].create(
        {
            "name": f"Bench online course {n}",
            "category_id": env.ref(
                "hr_appraisal_training.course_category_frontier_technology"
            ).id,
            "mode": "online",
            "duration_hours": 3,
            "pass_mark": 0,
            "company_id": company.id,
            "slide_channel_id": channel.id,
        }
    )
    session = env["hr.training.session"].create(
        {
            "name": f"Bench online session {n}",
            "course_id": course.id,
            "company_id": company.id,
            "date_start": date(2031, 7, 1),
            "date_end": date(2031, 7, 1),
            "sitting_ids": [
                (
                    0,
                    0,
                    {"start": datetime(2031, 7, 1, 6), "stop": datetime(2031, 7, 1, 7)},
                )
            ],
        }
    )
    env["hr.training.attendee"].create(
        [{"session_id": session.id, "employee_id": e.id} for e in employees]
    )
    env.flush_all()
    env.invalidate_all()
    return session, channel


def main(env, sizes, measure):
    for n in sizes:
        session, channel = _setup(env, n)
        with measure(env, "eLearning: enrol the attendees", n):
            session._enrol_elearning()
        members = env["slide.channel.partner"].search([("channel_id", "=", channel.id)])
        assert len(members) >= n, len(members)
        # a third finished the first lesson (as website_slides records it)
        lesson = channel.slide_ids[0]
        env["slide.slide.partner"].create(
            [
                {
                    "slide_id": lesson.id,
                    "channel_id": channel.id,
                    "partner_id": partner.id,
                    "completed": True,
                }
                for partner in session.attendee_ids.employee_id.work_contact_id[::3]
            ]
        )
        env.flush_all()
        env.invalidate_all()
        with measure(env, "eLearning: read the completion", n):
            completion = session.attendee_ids.mapped("elearning_completion")
        assert completion.count(33) == len(range(0, n, 3)), completion.count(33)
        env.invalidate_all()
