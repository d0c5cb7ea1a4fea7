# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError, ValidationError

from .common import HrAppraisalCase


class TestKpiTemplates(HrAppraisalCase):
    def _template(self, weights, **values):
        vals = {
            "name": "Bad Template",
            "company_id": self.company.id,
            "line_ids": [
                Command.create({"name": f"KPI {i}", "weight": weight})
                for i, weight in enumerate(weights)
            ],
        }
        vals.update(values)
        return self.env["hr.kpi.template"].create(vals)

    def test_kpi_weights_not_100_refused(self):
        template = self._template([50, 40])
        with self.assertRaisesRegex(ValidationError, r"Bad Template.*\b90\b"):
            template.action_confirm()
        self.assertEqual(template.state, "draft")
        self.assertEqual(template.weight_total, 90)

    def test_reviewer_weights_not_100_refused(self):
        template = self._template([60, 40], weight_manager=60, weight_self=30)
        with self.assertRaisesRegex(ValidationError, r"reviewer.*Bad Template.*\b90\b"):
            template.action_confirm()

    def test_decimal_weights(self):
        template = self._template([33.33, 33.33, 33.34])
        template.action_confirm()
        self.assertEqual(template.state, "confirmed")
        with self.assertRaisesRegex(ValidationError, "99.9"):
            template.line_ids[0].weight = 33.23

    def test_perspective_subtotals(self):
        bsc = self.env.ref("hr_appraisal_training.kpi_template_bsc")
        self.assertEqual(bsc.state, "confirmed")
        self.assertEqual(
            (
                bsc.weight_financial,
                bsc.weight_customer_perspective,
                bsc.weight_internal,
                bsc.weight_learning,
            ),
            (40, 30, 20, 10),
        )
        teaching = self.env.ref("hr_appraisal_training.kpi_template_teaching")
        self.assertEqual(teaching.line_ids.mapped("weight"), [50.0, 10.0, 30.0, 10.0])
        self.assertEqual(set(teaching.line_ids.mapped("method")), {"points"})

    def test_target_line_needs_measure(self):
        with self.assertRaisesRegex(ValidationError, "measure"):
            self._template(
                [100],
                line_ids=[
                    Command.create({"name": "X", "weight": 100, "method": "target"})
                ],
            )

    def test_matching_job_department_default(self):
        Template = self.env["hr.kpi.template"]
        self.assertEqual(Template._match(self.zhang), self.template_sales)
        self.assertEqual(Template._match(self.teacher), self.template_teaching)
        other = self.env["hr.employee"].create(
            {"name": "钱会计", "company_id": self.company.id}
        )
        self.assertFalse(Template._match(other))
        default = self._template([100], name="Default", is_company_default=True)
        default.action_confirm()
        self.assertEqual(Template._match(other), default)
        # the job wins over the department
        self.template_teaching.job_ids = self.job
        self.assertEqual(Template._match(self.teacher), self.template_teaching)

    def test_only_hr_manager_configures(self):
        for role in ("employee", "manager", "hr_officer"):
            with self.assertRaises(AccessError):
                self._as(role, self.template_sales).write({"name": "x"})
            with self.assertRaises(AccessError):
                self._as(role, self.template_sales).action_draft()
        self._as("hr_manager", self.template_sales).action_draft()
