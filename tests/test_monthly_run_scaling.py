"""Cross-addon: computing a monthly run costs the same number of SQL queries
whatever the number of employees, with the payroll bridge installed (it adds
the run's payment state, computed from the run's lines): no query per
employee or per line.

Odoo also reads records by chunks of ``PREFETCH_MAX`` (1,000), a growth that
only shows past 1,000 records; the test shrinks the chunk of field reads to 5
records so that 10 and 40 employees show most of it. ``make bench`` measures
the real thing with 1,000 and 10,000 employees.
"""

from datetime import date
from unittest.mock import patch

from odoo import fields as odoo_fields
from odoo import models as odoo_models
from odoo.tests import TransactionCase, tagged

MONTH = date(2031, 5, 1)


@tagged("post_install", "-at_install")
class TestMonthlyRunScaling(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.period = cls.env["hr.target.period"].create(
            {
                "name": "Scaling 2031-05",
                "period_type": "month",
                "date_from": MONTH,
                "date_to": date(2031, 5, 31),
            }
        )
        cls.measure = cls.env["hr.target.measure"].create({"name": "Scaling"})
        cls.job = cls.env["hr.job"].create(
            {"name": "Scaling field job", "performance_basis": "field"}
        )

    def _run(self, n):
        department = self.env["hr.department"].create({"name": f"Scaling {n}"})
        employees = self.env["hr.employee"].create(
            [
                {
                    "name": f"Scaling {n} #{i}",
                    "department_id": department.id,
                    "job_id": self.job.id,
                }
                for i in range(n)
            ]
        )
        self.env["hr.contract"].create(
            [
                {
                    "name": f"Scaling contract {employee.name}",
                    "employee_id": employee.id,
                    "wage": 1000.0,
                    "date_start": date(2031, 1, 1),
                    "state": "open",
                }
                for employee in employees
            ]
        )
        targets = self.env["hr.target"].create(
            [
                {
                    "name": f"Scaling target {employee.name}",
                    "measure_id": self.measure.id,
                    "period_id": self.period.id,
                    "level": "employee",
                    "employee_id": employee.id,
                    "target_value": 10,
                }
                for employee in employees
            ]
        )
        self.env["hr.target.actual"].create(
            [
                {"target_id": target.id, "date": date(2031, 5, 15), "value": i % 20}
                for i, target in enumerate(targets)
            ]
        )
        run = self.env["hr.performance.pay.run"].create(
            {"date_month": MONTH, "department_id": department.id}
        )
        self.env.flush_all()
        self.env.invalidate_all()
        return run

    def _queries(self, run):
        before = self.env.cr.sql_log_count
        run.action_compute_lines()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_queries_do_not_grow_with_employees(self):
        warm_up, small, large = self._run(3), self._run(10), self._run(40)
        # the first computation fills caches (configuration, scales...)
        warm_up.action_compute_lines()
        self.env.flush_all()
        with (
            patch.object(odoo_models, "PREFETCH_MAX", 5),
            patch.object(odoo_fields, "PREFETCH_MAX", 5),
        ):
            small_queries = self._queries(small)
            large_queries = self._queries(large)
        self.assertEqual(len(small.line_ids), 10)
        self.assertEqual(len(large.line_ids), 40)
        self.assertEqual(small.payment_state, "not_paid")
        self.assertEqual(large_queries, small_queries)
