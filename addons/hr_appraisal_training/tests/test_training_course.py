# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.hr_target_mgmt.tests.common import HrPerformanceCase


class TestTrainingCourse(HrPerformanceCase):
    def test_categories_shipped(self):
        for xmlid in ("general", "professional", "management", "frontier"):
            category = self.env.ref(f"hr_appraisal_training.course_category_{xmlid}")
            self.assertFalse(category.parent_id)
            self.assertTrue(category.child_ids)
        repair = self.env.ref(
            "hr_appraisal_training.course_category_professional_repair"
        )
        self.assertEqual(
            repair.complete_name, "Professional / Fault Diagnosis and Repair"
        )

    def test_course_and_skills(self):
        skill_type = self.env["hr.skill.type"].create(
            {
                "name": "Repair (test)",
                "skill_ids": [(0, 0, {"name": "Main board"})],
                "skill_level_ids": [
                    (0, 0, {"name": "Beginner", "level_progress": 30}),
                    (0, 0, {"name": "Expert", "level_progress": 90}),
                ],
            }
        )
        course = self.env["hr.training.course"].create(
            {
                "name": "主板故障诊断",
                "company_id": self.company.id,
                "category_id": self.env.ref(
                    "hr_appraisal_training.course_category_professional_repair"
                ).id,
                "mode": "practice",
                "duration_hours": 6,
                "validity_months": 24,
                "skill_ids": [
                    (
                        0,
                        0,
                        {
                            "skill_type_id": skill_type.id,
                            "skill_id": skill_type.skill_ids.id,
                            "skill_level_id": skill_type.skill_level_ids[1].id,
                        },
                    )
                ],
            }
        )
        professional = self.env.ref(
            "hr_appraisal_training.course_category_professional"
        )
        self.assertEqual(professional.course_count, 1)
        other_type = self.env["hr.skill.type"].create(
            {
                "name": "Other (test)",
                "skill_ids": [(0, 0, {"name": "Other"})],
                "skill_level_ids": [(0, 0, {"name": "L1", "level_progress": 10})],
            }
        )
        with self.assertRaises(ValidationError):
            course.skill_ids.skill_level_id = other_type.skill_level_ids

    def test_bad_duration_and_access(self):
        vals = {
            "name": "x",
            "company_id": self.company.id,
            "category_id": self.env.ref(
                "hr_appraisal_training.course_category_general"
            ).id,
        }
        for hours in (0, -2, 20000):
            with self.assertRaises(ValidationError):
                self.env["hr.training.course"].create(dict(vals, duration_hours=hours))
        course = self.env["hr.training.course"].create(dict(vals, duration_hours=2))
        self.assertEqual(self._as("employee", course).name, "x")
        for role in ("employee", "manager"):
            with self.assertRaises(AccessError):
                self._as(role, course).name = "y"
        self._as("hr_officer", course).name = "y"
