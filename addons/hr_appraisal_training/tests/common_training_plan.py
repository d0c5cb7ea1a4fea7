# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Training-planning fixtures on the suite's one test base: the school's
2027 training budget (trainers 6,000, venue 2,000, external fees 4,000) and
helpers making plans."""

from odoo import Command

from odoo.addons.hr_target_mgmt.tests.common import HrPerformanceCase


class HrTrainingPlanCase(HrPerformanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.budget = cls.env["hr.training.budget"].create(
            {
                "name": "2027 培训预算 (test)",
                "year": 2027,
                "company_id": cls.company.id,
                "line_ids": [
                    Command.create(
                        {
                            "name": "讲师费",
                            "cost_type": "trainer",
                            "amount_planned": 6000,
                        }
                    ),
                    Command.create(
                        {"name": "场地费", "cost_type": "venue", "amount_planned": 2000}
                    ),
                    Command.create(
                        {
                            "name": "外训费",
                            "cost_type": "external",
                            "amount_planned": 4000,
                        }
                    ),
                ],
            }
        )
        cls.line_trainer, cls.line_venue, cls.line_external = cls.budget.line_ids

    @classmethod
    def _plan(cls, plan_type="annual", amounts=(3000,), **values):
        vals = {
            "name": f"{plan_type} plan (test)",
            "plan_type": plan_type,
            "year": 2027,
            "company_id": cls.company.id,
            "budget_id": cls.budget.id,
            "line_ids": [
                Command.create(
                    {
                        "name": f"课程 {index}",
                        "category": "professional",
                        "mode": "internal",
                        "amount_budget": amount,
                        "budget_line_id": cls.line_trainer.id,
                    }
                )
                for index, amount in enumerate(amounts)
            ],
        }
        if plan_type == "adhoc":
            vals.update(urgency="urgent", trigger="new_product")
        vals.update(values)
        return cls.env["hr.training.plan"].create(vals)
