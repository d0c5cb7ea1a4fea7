# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import HrAppraisalCase

HOSTILE = {"hr_performance_pay_workflow": True}


class TestReviews(HrAppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle = cls.env["hr.performance.review.cycle"].create(
            {
                "name": "2026 Q1",
                "company_id": cls.company.id,
                "cycle_type": "quarterly",
                "date_from": "2026-01-01",
                "employee_ids": [Command.set((cls.zhang | cls.li | cls.teacher).ids)],
            }
        )
        cls.cycle.with_user(cls.users["hr_officer"]).action_open()
        cls.review = cls.cycle.review_ids.filtered(lambda r: r.employee_id == cls.zhang)
        cls.service = cls.review.line_ids.filtered(lambda ln: ln.method == "rating")
        cls.enrolments = cls.review.line_ids.filtered(lambda ln: ln.method == "target")

    def test_full_review_scored_by_hand(self):
        review, service = self.review, self.service
        self.assertEqual(review.state, "self")
        # 张三 fills in the self column and submits
        self._as("employee", service).write(
            {"self_score": 4, "evidence_note": "12 家长好评"}
        )
        self._as("employee", review).write({"employee_comment": "完成招生目标"})
        self._as("employee", review).action_submit_self()
        self.assertEqual(review.state, "manager")
        self.assertAlmostEqual(review.self_total, 92.0)
        self.assertFalse(review.has_final_score)  # given once done
        # 王主管 fills in the manager column and completes the review
        self._as("manager", review).write(
            {
                "line_ids": [Command.update(service.id, {"manager_score": 3})],
                "manager_note": "可提拔",
            }
        )
        self._as("manager", review).action_done()
        self.assertEqual(review.state, "done")
        # enrolments 15 / 10 = 150 % → 100 (capped), weight 60
        # self:    60 × 100 % + 40 × 4/5 = 60 + 32 = 92
        # manager: 60 × 100 % + 40 × 3/5 = 60 + 24 = 84
        # final:   70 % × 84 + 30 % × 92 = 58.8 + 27.6 = 86.4 → 良好 (from 80)
        self.assertAlmostEqual(review.self_total, 92.0)
        self.assertAlmostEqual(review.manager_total, 84.0)
        self.assertTrue(review.has_final_score)
        self.assertAlmostEqual(review.final_score, 86.4)
        self.assertEqual(review.band_id, self.band_good)
        self.assertAlmostEqual(service.manager_line_score, 60.0)
        self.assertAlmostEqual(self.enrolments.self_line_score, 100.0)
        # done is locked for everyone but HR's calibration
        with self.assertRaises(AccessError):
            self._as("manager", service).write({"manager_score": 5})
        with self.assertRaises(AccessError):
            self._as("employee", review).write({"employee_comment": "改"})

    def test_band_changed_by_hr_with_reason(self):
        review = self._done_review()
        hr = self._as("hr_officer", review)
        with self.assertRaises(ValidationError):
            hr.write({"band_override_id": self.band_excellent.id})
        hr.write(
            {
                "band_override_id": self.band_excellent.id,
                "band_override_reason": "校级表彰",
            }
        )
        self.assertEqual(review.band_id, self.band_excellent)
        self.assertEqual(review.band_computed_id, self.band_good)
        self.env.cr.precommit.run()
        tracked = review.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "band_override_id"
        )
        self.assertTrue(tracked)
        for role in ("manager", "employee"):
            with self.assertRaises(AccessError):
                self._as(role, review).write(
                    {"band_override_id": self.band_good.id, "band_override_reason": "x"}
                )

    def _done_review(self):
        self._as("employee", self.service).write({"self_score": 4})
        self._as("employee", self.review).action_submit_self()
        self._as("manager", self.service).write({"manager_score": 3})
        self._as("manager", self.review).action_done()
        return self.review

    def test_submit_needs_every_self_score(self):
        with self.assertRaisesRegex(UserError, "Service"):
            self._as("employee", self.review).action_submit_self()
        self.assertEqual(self.review.state, "self")

    def test_company_bands(self):
        review = self._done_review()
        Band = self.env["hr.performance.review.band"]
        mine = Band.create(
            [
                {"name": "A", "lower_bound": 85, "company_id": self.company.id},
                {"name": "B", "lower_bound": 0, "company_id": self.company.id},
            ]
        )
        self.assertEqual(Band._band_of(self.company, 86.4), mine[0])
        with self.assertRaises(ValidationError):
            Band.create({"name": "C", "lower_bound": 85, "company_id": self.company.id})
        self.assertEqual(review.band_id, self.band_good)  # kept once done

    def test_excused_only_by_hr(self):
        for role in ("employee", "manager"):
            with self.assertRaises(AccessError):
                self._as(role, self.service).write({"evidence_status": "excused"})
        self._as("hr_officer", self.service).write({"evidence_status": "excused"})
        # only the target line is left: self 100, manager 100
        self._as("employee", self.review).action_submit_self()
        self._as("manager", self.review).action_done()
        self.assertAlmostEqual(self.review.final_score, 100.0)
        self.assertEqual(self.review.band_id, self.band_excellent)

    def test_insufficient_evidence_scores_zero(self):
        self._as("manager", self.service).write({"evidence_status": "insufficient"})
        self._as("employee", self.review).action_submit_self()
        self._as("manager", self.review).action_done()
        # the service line scores 0 in both columns: 60 × 100 % = 60
        self.assertAlmostEqual(self.review.final_score, 60.0)

    def test_employee_writes_self_column_only(self):
        employee_review = self._as("employee", self.review)
        employee_line = self._as("employee", self.service)
        for vals in (
            {"manager_score": 5},
            {"weight": 100},
            {"achievement": 2.0},
            {"self_scored": True},
            {"evidence_status": "insufficient"},
        ):
            with self.assertRaises(AccessError):
                employee_line.with_context(**HOSTILE).write(vals)
        for vals in (
            {"state": "done"},
            {"final_score": 100},
            {"band_id": self.band_excellent.id},
            {"manager_comment": "好"},
            {"template_id": self.template_teaching.id},
            {"line_ids": [Command.update(self.service.id, {"manager_score": 5})]},
            {"line_ids": [Command.create({"name": "X", "method": "rating"})]},
            {"line_ids": [Command.delete(self.service.id)]},
        ):
            with self.assertRaises(AccessError):
                employee_review.with_context(**HOSTILE).write(vals)
        with self.assertRaises(AccessError):
            employee_review.with_context(**HOSTILE).action_done()
        with self.assertRaises(ValidationError):
            employee_line.write({"self_score": 6})
        employee_line.write({"self_score": 5})
        self.assertEqual(self.service.self_score, 5)
        self.assertEqual(self.review.state, "self")

    def test_manager_writes_manager_column_of_team_only(self):
        manager_line = self._as("manager", self.service)
        with self.assertRaises(AccessError):
            manager_line.write({"self_score": 4})
        with self.assertRaises(AccessError):
            self._as("manager", self.review).with_context(**HOSTILE).write(
                {"state": "done"}
            )
        manager_line.write({"manager_score": 4, "manager_comment": "稳定"})
        # the teaching manager is not 张三's manager
        with self.assertRaises(AccessError):
            self._as("manager2", self.service).write({"manager_score": 1})
        with self.assertRaises(AccessError):
            self._as("manager2", self.review).read(["final_score"])
        teacher_review = self.cycle.review_ids.filtered(
            lambda r: r.employee_id == self.teacher
        )
        self._as("manager2", teacher_review).read(["final_score"])
        with self.assertRaises(AccessError):
            self._as("manager", teacher_review).read(["final_score"])

    def test_read_access_per_role(self):
        li_review = self.cycle.review_ids.filtered(lambda r: r.employee_id == self.li)
        # own review readable, not the manager's private note
        self._as("employee", self.review).read(["final_score", "manager_comment"])
        with self.assertRaises(AccessError):
            self._as("employee", self.review).read(["manager_note"])
        with self.assertRaises(AccessError):
            self._as("employee", li_review).read(["final_score"])
        with self.assertRaises(AccessError):
            self._as("finance", self.review).read(["final_score"])
        Review = self.env["hr.performance.review"]
        self.assertEqual(
            Review.with_user(self.users["employee"]).search(
                [("cycle_id", "=", self.cycle.id)]
            ),
            self.review,
        )
        self.assertEqual(
            Review.with_user(self.users["manager"]).search(
                [("cycle_id", "=", self.cycle.id)]
            ),
            self.review | li_review,
        )
        self.assertEqual(
            len(
                Review.with_user(self.users["hr_officer"]).search(
                    [("cycle_id", "=", self.cycle.id)]
                )
            ),
            3,
        )
        self._as("manager", self.review).read(["manager_note"])

    def test_create_and_unlink_out_of_role(self):
        vals = {
            "cycle_id": self.cycle.id,
            "employee_id": self.supervisor.id,
            "template_id": self.template_sales.id,
            "date_from": "2026-01-01",
            "date_to": "2026-03-31",
        }
        Review = self.env["hr.performance.review"]
        for role in ("employee", "manager", "finance"):
            with self.assertRaises(AccessError):
                Review.with_user(self.users[role]).with_context(**HOSTILE).create(vals)
            with self.assertRaises(AccessError):
                self._as(role, self.review).unlink()
        with self.assertRaises(AccessError):
            Review.with_user(self.users["hr_officer"]).create(
                dict(vals, state="done", final_score=100)
            )
        with self.assertRaises(AccessError):
            self.env["hr.performance.review.line"].with_user(
                self.users["hr_officer"]
            ).create({"review_id": self.review.id, "name": "X", "method": "rating"})
        review = Review.with_user(self.users["hr_officer"]).create(vals)
        self.assertEqual(len(review.line_ids), 2)

    def test_other_company_invisible(self):
        other = self.env["res.company"].create({"name": "Other School"})
        cycle = self.env["hr.performance.review.cycle"].create(
            {"name": "Other", "company_id": other.id, "date_from": "2026-01-01"}
        )
        Cycle = self.env["hr.performance.review.cycle"].with_user(
            self.users["hr_officer"]
        )
        self.assertFalse(Cycle.search([("id", "=", cycle.id)]))
        with self.assertRaises(AccessError):
            cycle.with_user(self.users["hr_officer"]).read(["name"])

    def test_private_note_hidden_from_the_reviewed_manager(self):
        cycle = self.env["hr.performance.review.cycle"].create(
            {
                "name": "2026 Q1 managers",
                "company_id": self.company.id,
                "date_from": "2026-01-01",
                "employee_ids": [Command.set(self.supervisor.ids)],
            }
        )
        cycle.with_user(self.users["hr_officer"]).action_open()
        review = cycle.review_ids
        self._as("hr_officer", review).write({"manager_note": "需加强带教"})
        self.assertEqual(self._as("hr_officer", review).manager_note, "需加强带教")
        # 王主管 reads his own appraisal, not the note on him
        self.assertFalse(self._as("manager", review).manager_note)
        with self.assertRaises(AccessError):
            self._as("manager", review).write({"manager_note": "x"})
        with self.assertRaises(AccessError):
            self._as("manager", review).read(["manager_note_value"])

    def test_views_open_for_each_role(self):
        review = self._done_review()
        views = [
            (False, view) for view in ("form", "list", "kanban", "pivot", "graph")
        ] + [(False, "search")]
        for role in ("employee", "manager", "hr_officer"):
            Review = self.env["hr.performance.review"].with_user(self.users[role])
            arch = Review.get_views(views)["views"]["form"]["arch"]
            self.assertEqual("manager_note" in arch, role != "employee")
        spec = {
            fname: {"fields": {"display_name": {}}}
            for fname in (
                "employee_id",
                "cycle_id",
                "template_id",
                "band_id",
                "department_id",
                "job_id",
                "manager_user_id",
            )
        }
        spec["line_ids"] = {
            "fields": {"name": {}, "measure_id": {"fields": {"display_name": {}}}}
        }
        for role in ("employee", "manager", "hr_officer"):
            data = self._as(role, review).web_read(spec)
            self.assertEqual(data[0]["employee_id"]["display_name"], "张三")

    def test_close_cycle_once_every_review_is_done(self):
        hr_cycle = self._as("hr_officer", self.cycle)
        with self.assertRaisesRegex(UserError, "3"):
            hr_cycle.action_close()
        self.cycle.review_ids.filtered(lambda r: r != self.review).unlink()
        self._done_review()
        with self.assertRaises(AccessError):
            self._as("manager", self.cycle).action_close()
        hr_cycle.action_close()
        self.assertEqual(self.cycle.state, "closed")

    def test_late_reminders_and_kept_cycles(self):
        self.cycle.date_self_deadline = "2026-04-10"
        Activity = self.env["mail.activity"]
        late = self.env.ref("hr_target_mgmt.mail_activity_type_approval_late")
        self.env["hr.performance.review"]._cron_review_reminders(
            today=date(2026, 4, 11)
        )
        activity = Activity.search(
            [
                ("res_model", "=", "hr.performance.review"),
                ("res_id", "=", self.review.id),
                ("activity_type_id", "=", late.id),
            ]
        )
        self.assertEqual(activity.user_id, self.users["employee"])
        with self.assertRaises(UserError):
            self._as("hr_officer", self.cycle).unlink()

    def test_employee_of_another_company_refused(self):
        other = self.env["res.company"].create({"name": "Other School"})
        stranger = self.env["hr.employee"].create(
            {"name": "外校老师", "company_id": other.id}
        )
        with self.assertRaises(ValidationError):
            self.env["hr.performance.review"].create(
                {
                    "cycle_id": self.cycle.id,
                    "employee_id": stranger.id,
                    "template_id": self.template_teaching.id,
                    "date_from": "2026-01-01",
                    "date_to": "2026-03-31",
                }
            )

    def test_employee_smart_button(self):
        zhang = self.zhang.with_user(self.users["hr_officer"])
        self.assertEqual(zhang.performance_review_count, 1)
        action = zhang.action_open_performance_reviews()
        self.assertEqual(
            self.env["hr.performance.review"].search(action["domain"]), self.review
        )
        self.assertEqual(
            self.zhang.with_user(self.users["manager"]).performance_review_count, 1
        )
        self.assertEqual(
            self.zhang.with_user(self.users["manager2"]).performance_review_count, 0
        )

    def test_manager_moves_on_without_the_self_assessment(self):
        # 张三 gave one score of two lines, then did not submit
        self._as("employee", self.service).write({"self_score": 5})
        with self.assertRaises(AccessError):
            self._as("manager2", self.review).action_submit_self()
        self._as("manager", self.review).action_submit_self()
        self._as("manager", self.service).write({"manager_score": 3})
        self._as("manager", self.review).action_done()
        # the self column counts: target lines need no employee input, and
        # the service line has its self score: 70 % × 84 + 30 % × 100 = 88.8
        self.assertAlmostEqual(self.review.final_score, 88.8)

    def test_manager_only_when_self_incomplete(self):
        teacher_review = self.cycle.review_ids.filtered(
            lambda r: r.employee_id == self.teacher
        )
        lines = teacher_review.line_ids
        self._as("manager2", teacher_review).action_submit_self()
        self._as("manager2", lines[0]).write({"manager_score": 40})
        with self.assertRaisesRegex(UserError, "Quality"):
            self._as("manager2", teacher_review).action_done()
        self._as("manager2", lines[1]).write({"manager_score": 30})
        self._as("manager2", teacher_review).action_done()
        # no self column: the manager's 50 × 40/50 + 50 × 30/50 = 70
        self.assertAlmostEqual(teacher_review.final_score, 70.0)
        self.assertAlmostEqual(teacher_review.self_total, 0.0)
