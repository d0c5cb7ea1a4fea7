# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Office staff in the monthly performance-pay run: the final score of their
done monthly appraisal is the achievement."""

from datetime import date

from odoo import Command
from odoo.exceptions import UserError

from .common import HrAppraisalCase


class TestOfficePay(HrAppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.office_job = cls.env["hr.job"].create(
            {
                "name": "教师",
                "company_id": cls.company.id,
                "performance_basis": "office",
            }
        )
        (cls.teacher | cls.teaching_manager).job_id = cls.office_job
        cls.env["hr.contract"].create(
            {
                "name": "孙老师 contract",
                "employee_id": cls.teacher.id,
                "company_id": cls.company.id,
                "wage": 2000.0,
                "date_start": date(2026, 1, 1),
                "state": "open",
            }
        )
        cls.cycle = cls._monthly_cycle(cls.teacher | cls.teaching_manager)
        cls.review = cls.cycle.review_ids.filtered(
            lambda r: r.employee_id == cls.teacher
        )
        cls._score(cls.review, {"Retention": 40, "Quality": 45})

    @classmethod
    def _monthly_cycle(cls, employees, start=date(2026, 3, 1)):
        cycle = cls.env["hr.performance.review.cycle"].create(
            {
                "name": f"{start:%Y-%m} (test)",
                "company_id": cls.company.id,
                "cycle_type": "monthly",
                "date_from": start,
                "employee_ids": [Command.set(employees.ids)],
            }
        )
        cycle.action_open()
        return cycle

    @classmethod
    def _score(cls, review, points):
        review.write(
            {
                "line_ids": [
                    Command.update(
                        line.id,
                        {
                            "self_score": points[line.name],
                            "manager_score": points[line.name],
                        },
                    )
                    for line in review.line_ids
                ]
            }
        )
        review.action_submit_self()
        review.action_done()

    def _teaching_run(self):
        return self._new_run(department_id=self.teaching.id)

    def test_office_score_is_the_achievement(self):
        # Retention 40/50 = 80, Quality 45/50 = 90, weight 50 each → 85 in
        # both columns → final score 85
        self.assertAlmostEqual(self.review.final_score, 85.0)
        run = self._teaching_run()
        run.action_compute_lines()
        line = self._line(run, self.teacher)
        self.assertEqual(len(line), 1)
        self.assertEqual(line.review_id, self.review)
        self.assertFalse(line.target_id)
        # achievement 85 / 100 = 85 % → bracket 80–100 % → factor 80 %;
        # standard 30 % × 2,000 = 600; amount 600 × 80 % = 480
        self.assertAlmostEqual(line.achievement, 0.85)
        self.assertAlmostEqual(line.factor, 0.80)
        self.assertAlmostEqual(line.standard, 600.0)
        self.assertAlmostEqual(line.amount, 480.0)
        self.assertAlmostEqual(line.month_pay, 2480.0)
        self.assertEqual(line.scale_id, self.scale)
        # 赵老师 has no done appraisal: no line, named on the run
        self.assertFalse(
            run.line_ids.filtered(lambda ln: ln.employee_id == self.teaching_manager)
        )
        self.assertEqual(run.appraisal_missing_employee_ids, self.teaching_manager)
        # the score is not typed over on the run
        with self.assertRaises(UserError):
            self._as("manager2", line).write({"actual": 100})

    def test_other_month_or_cycle_type_not_taken(self):
        run = self._teaching_run()
        run.write({"date_month": date(2026, 4, 1)})
        self.env["hr.target.period"].create(
            {
                "name": "2026-04",
                "period_type": "month",
                "date_from": date(2026, 4, 1),
                "date_to": date(2026, 4, 30),
                "company_id": self.company.id,
            }
        )
        with self.assertRaisesRegex(UserError, "孙老师") as caught:
            # nobody is paid in April: the run names the office staff
            # without a done appraisal covering the month
            run.action_compute_lines()
        self.assertIn("no done monthly appraisal", str(caught.exception))
        self.assertIn("赵老师", str(caught.exception))
        self.assertFalse(run.line_ids)

    def test_batch_reads(self):
        run = self._teaching_run()
        computation = self.env["hr.performance.pay.computation"]
        members = computation._get_members(run)
        with self.assertQueryCount(1):
            reviews = computation._get_office_reviews(run, members)
            self.assertEqual(reviews[self.teacher.id].final_score, 85.0)
