"""Appraisal cycle: open a cycle for N employees (one review each, from the
template of their job), fill in the self and manager scores, then compute
the final scores (the reviews are completed). Targets: the queries at 10,000
at most 1.1× those at 1,000; opening 10,000 in at most 30 s; computing
10,000 final scores in at most 10 s.

    python3 scripts/bench.py -c odoo.conf -d DB appraisal
"""

from datetime import date

from odoo import Command

START = date(2031, 1, 1)


def _setup(env, n):
    job = env["hr.job"].create({"name": f"Bench office job {n}"})
    department = env["hr.department"].create({"name": f"Bench teaching {n}"})
    supervisor = env["hr.employee"].create(
        {"name": f"Bench head {n}", "department_id": department.id}
    )
    department.manager_id = supervisor
    env["hr.employee"].create(
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
    template = env["hr.kpi.template"].create(
        {
            "name": f"Bench template {n}",
            "job_ids": [Command.link(job.id)],
            "weight_manager": 70,
            "weight_self": 30,
            "line_ids": [
                Command.create(
                    {
                        "name": "Teaching",
                        "method": "points",
                        "max_points": 50,
                        "weight": 50,
                    }
                ),
                Command.create({"name": "Service", "method": "rating", "weight": 30}),
                Command.create(
                    {
                        "name": "Parents",
                        "method": "points",
                        "max_points": 20,
                        "weight": 20,
                    }
                ),
            ],
        }
    )
    template.action_confirm()
    cycle = env["hr.performance.review.cycle"].create(
        {
            "name": f"Bench {n}",
            "cycle_type": "quarterly",
            "date_from": START,
            "job_ids": [Command.link(job.id)],
        }
    )
    env.flush_all()
    env.invalidate_all()
    return cycle


def _fill_scores(env, reviews):
    """Self and manager scores of every line, in one UPDATE per column (the
    forms write them one review at a time)."""
    lines = reviews.line_ids
    env.flush_all()
    env.cr.execute(
        """
        UPDATE hr_performance_review_line
           SET self_score = CASE method WHEN 'rating' THEN 4
                                        ELSE max_points * 0.8 END,
               self_scored = TRUE,
               manager_score = CASE method WHEN 'rating' THEN 3
                                           ELSE max_points * 0.9 END,
               manager_scored = TRUE
         WHERE id = ANY(%s)
        """,
        [lines.ids],
    )
    env.invalidate_all()
    reviews.sudo().write({"state": "manager"})
    env.flush_all()
    env.invalidate_all()


def main(env, sizes, measure):
    env = env(su=True)
    for n in sizes:
        cycle = _setup(env, n)
        # above the threshold, the scheduled action opens the cycle in
        # batches; the benchmark measures the opening in one transaction
        env["ir.config_parameter"].set_param(
            "hr_appraisal_training.cycle_open_batch_threshold", str(n + 1)
        )
        with measure(env, "appraisal: open cycle", n):
            cycle.action_open()
        reviews = cycle.review_ids
        assert len(reviews) == n, len(reviews)
        _fill_scores(env, reviews)
        reviews = env["hr.performance.review"].browse(reviews.ids)
        with measure(env, "appraisal: compute final scores", n):
            reviews.action_done()
        assert all(reviews.mapped("has_final_score")), "missing final scores"
        env.invalidate_all()
