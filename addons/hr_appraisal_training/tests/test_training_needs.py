# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Training needs: requests, the status buttons and each role's scope."""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import HrAppraisalCase


class TestTrainingNeeds(HrAppraisalCase):
    def _need(self, role, **values):
        vals = {"name": "课程顾问沟通技巧", "company_id": self.company.id}
        vals.update(values)
        Need = self.env["hr.training.need"]
        if role:
            Need = Need.with_user(self.users[role])
        return Need.create(vals)

    def test_employee_requests_for_self(self):
        need = self._need("employee", reason="家长沟通不够顺畅")
        self.assertEqual(need.employee_ids, self.zhang)
        self.assertEqual(need.source, "employee")
        self.assertEqual(need.state, "new")
        self.assertEqual(need.requested_by, self.users["employee"])
        # the manager of the team sees it and gets the activity to approve
        self.assertEqual(need.approver_user_id, self.users["manager"])
        self.assertIn(self.users["manager"], need.sudo().activity_ids.user_id)
        # the employee edits the request while new, not its status or source
        need.write({"urgency": "high"})
        with self.assertRaises(AccessError):
            need.write({"source": "strategy"})
        with self.assertRaises(AccessError):
            need.write({"state": "approved"})
        with self.assertRaises(AccessError):
            need.action_approve()

    def test_employee_cannot_request_for_others(self):
        with self.assertRaises(AccessError):
            self._need("employee", employee_ids=[Command.set(self.li.ids)])
        with self.assertRaises(AccessError):
            self._need(
                "employee", employee_ids=[Command.set((self.zhang | self.li).ids)]
            )
        with self.assertRaises(AccessError):
            self._need("employee", source="strategy")
        with self.assertRaises(AccessError):
            self._need("employee", requested_by=self.users["employee2"].id)

    def test_nobody_writes_the_appraisal_source(self):
        with self.assertRaises(AccessError):
            self._need(
                "hr_officer",
                employee_ids=[Command.set(self.zhang.ids)],
                source="appraisal",
            )
        with self.assertRaises(AccessError):
            self._need(
                "hr_officer",
                employee_ids=[Command.set(self.zhang.ids)],
                review_id=1,
            )

    def test_scope_per_role(self):
        own = self._need("employee")
        other = self._need("employee2")
        teacher = self._need("manager2", employee_ids=[Command.set(self.teacher.ids)])
        Need = self.env["hr.training.need"]
        ids = (own | other | teacher).ids
        self.assertEqual(
            Need.with_user(self.users["employee"]).search([("id", "in", ids)]), own
        )
        self.assertEqual(
            Need.with_user(self.users["manager"]).search([("id", "in", ids)]),
            own | other,
        )
        self.assertEqual(
            Need.with_user(self.users["hr_officer"]).search([("id", "in", ids)]),
            own | other | teacher,
        )
        # a manager cannot create for, or move a need to, another team
        with self.assertRaises(AccessError):
            self._need("manager", employee_ids=[Command.set(self.teacher.ids)])
        with self.assertRaises(AccessError):
            self._need(
                "manager",
                employee_ids=[Command.set((self.zhang | self.teacher).ids)],
            )
        with self.assertRaises(AccessError):
            self._as("manager", own).write(
                {"employee_ids": [Command.link(self.teacher.id)]}
            )
        with self.assertRaises(AccessError):
            self._as("manager", teacher).action_approve()
        # another company's HR does not see it
        company2 = self.env["res.company"].create({"name": "分校 (test)"})
        hr2 = self.users["hr_officer"].copy(
            {
                "login": "pp_hr2",
                "company_id": company2.id,
                "company_ids": [Command.set(company2.ids)],
            }
        )
        self.assertFalse(Need.with_user(hr2).search([("id", "in", ids)]))

    def test_workflow(self):
        need = self._need(
            "manager",
            employee_ids=[Command.set((self.zhang | self.li).ids)],
            source="customer",
            urgency="high",
        )
        self.assertEqual(need.employee_count, 2)
        with self.assertRaises(AccessError):
            need.action_plan()
        need.action_approve()
        self.assertEqual(need.state, "approved")
        self._as("hr_officer", need).action_plan()
        self.assertEqual(need.state, "planned")
        self._as("hr_officer", need).action_cover()
        self.assertEqual(need.state, "covered")
        with self.assertRaises(UserError):
            self._as("hr_officer", need).write({"urgency": "low"})
        with self.assertRaises(UserError):
            self._as("hr_officer", need).action_cancel()
        # an employee withdraws their own new request only
        request = self._need("employee")
        with self.assertRaises(AccessError):
            self._as("employee2", request).action_cancel()
        request.action_cancel()
        self.assertEqual(request.state, "cancelled")
        self._as("manager", request).action_reset()
        self.assertEqual(request.state, "new")

    def test_department_need(self):
        need = self._need(
            "manager", department_id=self.department.id, category="management"
        )
        self.assertFalse(need.employee_ids)
        self.assertTrue(self._as("manager", need).is_in_my_team)
        with self.assertRaises(AccessError):
            self._need("manager", department_id=self.teaching.id)
        with self.assertRaises(ValidationError):
            self._need("hr_officer", employee_ids=[])
