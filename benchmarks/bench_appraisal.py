"""Appraisal cycle: open a cycle for N employees (one review each, from the
template of their job), fill in the self and manager scores, then compute
the final scores (the reviews are completed). Targets: the queries at 10,000
at most 1.1× those at 1,000; opening 10,000 in at most 30 s; computing
10,000 final scores in at most 10 s.

What is measured is the code the user triggers:

* *open cycle (click)*: the HR officer's *Open* button. Above the threshold
  (system parameter, 2,000 employees) it only checks that every employee
  can be appraised and queues the cycle; the benchmark sets the threshold
  to 1 so that both sizes take that path (at or below the threshold the
  button runs the batch body below at once, in the request).
* *open cycle (scheduled action)*: the runs of the scheduled action, each
  as ``ir.cron`` calls it, until the cycle is open. A run inserts up to
  the batch size (10,000) reviews and their KPI lines in one INSERT per
  table, so its queries do not depend on its size; 10,000 employees take
  one run.
* *compute final scores*: the reviewer's *Complete Review* on the N
  reviews: the inputs read in one query per table, the engine's scores
  stored with the state in one UPDATE. The state is a tracked field: its
  tracking messages (one per review, as for any write of a tracked field)
  are posted when the transaction commits, which the benchmark, rolled
  back, does not measure.

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
    Cycle = env["hr.performance.review.cycle"]
    for n in sizes:
        cycle = _setup(env, n)
        env["ir.config_parameter"].set_param(
            "hr_appraisal_training.cycle_open_batch_threshold", "1"
        )
        with measure(env, "appraisal: open cycle (click)", n):
            cycle.action_open()
        assert cycle.opening_queued and not cycle.review_ids
        with measure(env, "appraisal: open cycle (scheduled action)", n):
            while cycle.opening_queued:
                Cycle._cron_open_cycles()
        reviews = cycle.review_ids
        assert cycle.state == "open" and len(reviews) == n, len(reviews)
        _fill_scores(env, reviews)
        reviews = env["hr.performance.review"].browse(reviews.ids)
        with measure(env, "appraisal: compute final scores", n):
            reviews.action_done()
        assert all(reviews.mapped("has_final_score")), "missing final scores"
        env.invalidate_all()
