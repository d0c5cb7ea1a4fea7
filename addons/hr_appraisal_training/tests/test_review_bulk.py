# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The bulk paths of appraisals (a cycle's opening, the completion of many
reviews) store exactly what the ORM's create, write and computes store."""

from datetime import date

from odoo import Command

from ..models.hr_performance_review import SCORE_FIELDS
from .common import HrAppraisalCase

#: Columns that differ between two records by construction.
OWN_COLUMNS = {"id", "create_date", "write_date", "cycle_id", "review_id"}


class TestReviewBulk(HrAppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employees = cls.zhang | cls.li | cls.teacher
        # a passed deadline: the late reminder is posted with the step's
        cls.cycle_values = {
            "employee_ids": [Command.set(cls.employees.ids)],
            "date_self_deadline": date(2026, 1, 20),
            "date_manager_deadline": date(2099, 1, 31),
        }

    def _stored(self, model):
        return [
            name
            for name, field in self.env[model]._fields.items()
            if field.store and field.column_type and name not in OWN_COLUMNS
        ]

    def _activities(self, review):
        return sorted(
            (a.activity_type_id.id, a.user_id.id, a.summary, a.date_deadline)
            for a in review.activity_ids
        )

    def test_insert_stores_what_create_stores(self):
        """Every stored column of the reviews and lines inserted in one query
        per table equals what create then _start store, and the same step
        activities are posted."""
        Review = self.env["hr.performance.review"].sudo()
        by_orm = self._cycle(**self.cycle_values)
        orm = Review.with_context(tracking_disable=True, mail_create_nolog=True).create(
            by_orm._prepare_reviews()
        )
        orm._start()
        by_insert = self._cycle(**self.cycle_values)
        queries = self.env.cr.sql_log_count
        inserted = Review._insert_started(by_insert._prepare_reviews())
        self.env.flush_all()
        self.assertLess(self.env.cr.sql_log_count - queries, 150)
        self.assertEqual(by_insert.review_ids, inserted)
        self.env.invalidate_all()
        self.assertEqual(len(orm), 3)
        # the employees' users have the step's activity and its late reminder
        self.assertEqual(len(orm.activity_ids.activity_type_id), 2)
        # the target-linked line holds the achievement (15 / 10)
        self.assertTrue(any(orm.line_ids.mapped("has_achievement")))
        pairs = zip(
            orm.sorted("employee_id"), inserted.sorted("employee_id"), strict=True
        )
        for created, raw in pairs:
            for name in self._stored("hr.performance.review"):
                self.assertEqual(created[name], raw[name], name)
            self.assertEqual(self._activities(created), self._activities(raw))
            self.assertFalse(raw.message_ids)
            for line, raw_line in zip(created.line_ids, raw.line_ids, strict=True):
                for name in self._stored("hr.performance.review.line"):
                    self.assertEqual(line[name], raw_line[name], name)

    def test_bulk_completion_stores_the_computed_scores(self):
        """Completing reviews together stores the scores the compute method
        gives, in one UPDATE, and tracks the state like a write."""
        cycle = self._cycle(**self.cycle_values)
        cycle.with_user(self.users["hr_officer"]).action_open()
        reviews = cycle.review_ids
        for line in reviews.line_ids.filtered(lambda ln: ln.method != "target"):
            top = 5 if line.method == "rating" else line.max_points
            line.write({"self_score": top, "manager_score": top * 0.6})
        reviews.sudo()._approval_move("manager", ("self",), "base.group_user", "x")
        self.env.flush_all()
        queries = self.env.cr.sql_log_count
        reviews.with_user(self.users["hr_officer"]).action_done()
        self.env.flush_all()
        self.assertLess(self.env.cr.sql_log_count - queries, 60)
        self.env.invalidate_all()
        self.assertEqual(set(reviews.mapped("state")), {"done"})
        self.assertTrue(all(reviews.mapped("has_final_score")))
        stored = {
            review.id: {name: review[name] for name in SCORE_FIELDS}
            for review in reviews
        }
        # the compute method, run again, gives the same columns
        for field in map(reviews._fields.get, SCORE_FIELDS):
            self.env.add_to_compute(field, reviews)
        reviews._recompute_recordset(list(SCORE_FIELDS))
        for review in reviews:
            for name in SCORE_FIELDS:
                self.assertEqual(review[name], stored[review.id][name], name)
            self.assertEqual(review.band_id, review.band_computed_id)
            self.assertFalse(review.date_next_deadline)
        zhang = reviews.filtered(lambda r: r.employee_id == self.zhang)
        # manager: 60 × 100 % + 40 × 3/5 = 84; self: 100; 70/30 → 88.8
        self.assertAlmostEqual(zhang.final_score, 88.8)
        self.assertEqual(zhang.band_id, self.band_good)
        # the state's tracking messages are posted at commit, one per review
        self.env.cr.precommit.run()
        for review in reviews:
            tracked = review.message_ids.tracking_value_ids.filtered(
                lambda t: t.field_id.name == "state"
            )
            self.assertEqual(tracked.mapped("new_value_char"), ["Done"])
