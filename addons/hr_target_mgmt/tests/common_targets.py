# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import TransactionCase

from .common import create_month_period


class TargetCommon(TransactionCase):
    """Targets in 2031 (far from the demo months) for one school."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.Target = cls.env["hr.target"]
        cls.Actual = cls.env["hr.target.actual"]
        cls.Period = cls.env["hr.target.period"]
        cls.measure = cls.env["hr.target.measure"].create(
            {"name": "Enrolments (test)", "unit": "persons"}
        )
        cls.period = cls._month(2031, 3)
        cls.quarter = cls.Period.create(
            {
                "name": "2031-Q1 (test)",
                "period_type": "quarter",
                "date_from": date(2031, 1, 1),
                "date_to": date(2031, 3, 31),
            }
        )
        cls.sales = cls.env["hr.department"].create({"name": "Sales (test)"})
        cls.teaching = cls.env["hr.department"].create({"name": "Teaching (test)"})
        cls.zhang = cls.env["hr.employee"].create(
            {"name": "Zhang San (test)", "department_id": cls.sales.id}
        )
        cls.wang = cls.env["hr.employee"].create(
            {"name": "Wang Wu (test)", "department_id": cls.sales.id}
        )

    @classmethod
    def _month(cls, year, month, company=None):
        return create_month_period(
            cls.env,
            year,
            month,
            company or cls.env.company,
            name=f"{year}-{month:02d} (test)",
        )

    @classmethod
    def _target(cls, **vals):
        values = {
            "name": "Target (test)",
            "measure_id": cls.measure.id,
            "period_id": cls.period.id,
            "level": "employee",
            "target_value": 10,
        }
        values.update(vals)
        return cls.env["hr.target"].create(values)

    @classmethod
    def _actual(cls, target, value, day=None):
        return cls.env["hr.target.actual"].create(
            {
                "target_id": target.id,
                "date": day or target.period_id.date_from,
                "value": value,
            }
        )
