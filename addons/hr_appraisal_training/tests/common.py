# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Appraisal fixtures on the suite's one test base: a template for the
enrolment job (target-linked enrolments 60, service rating 40) and one for
the teaching department (points)."""

from datetime import date

from odoo import Command

from odoo.addons.hr_target_mgmt.tests.common import HrPerformanceCase


class HrAppraisalCase(HrPerformanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Template = cls.env["hr.kpi.template"]
        # the tests' school starts with no default template of its own, even
        # where the demo data made a shared template everyone's default
        Template.search([("is_company_default", "=", True)]).is_company_default = False
        cls.template_sales = Template.create(
            {
                "name": "招生专员考核 (test)",
                "company_id": cls.company.id,
                "job_ids": [Command.link(cls.job.id)],
                "weight_manager": 70,
                "weight_self": 30,
                "line_ids": [
                    Command.create(
                        {
                            "name": "Enrolments",
                            "method": "target",
                            "measure_id": cls.measure.id,
                            "weight": 60,
                            "perspective": "financial",
                        }
                    ),
                    Command.create(
                        {
                            "name": "Service",
                            "method": "rating",
                            "weight": 40,
                            "perspective": "customer",
                        }
                    ),
                ],
            }
        )
        cls.template_teaching = Template.create(
            {
                "name": "教师考核 (test)",
                "company_id": cls.company.id,
                "department_ids": [Command.link(cls.teaching.id)],
                "weight_manager": 80,
                "weight_self": 20,
                "line_ids": [
                    Command.create(
                        {
                            "name": "Retention",
                            "method": "points",
                            "max_points": 50,
                            "weight": 50,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Quality",
                            "method": "points",
                            "max_points": 50,
                            "weight": 50,
                        }
                    ),
                ],
            }
        )
        (cls.template_sales | cls.template_teaching).action_confirm()
        cls.band_good = cls.env.ref("hr_appraisal_training.band_good")
        cls.band_excellent = cls.env.ref("hr_appraisal_training.band_excellent")

    def _cycle(self, **values):
        vals = {
            "name": "2026 Q1",
            "company_id": self.company.id,
            "cycle_type": "quarterly",
            "date_from": date(2026, 1, 1),
        }
        vals.update(values)
        return self.env["hr.performance.review.cycle"].create(vals)
