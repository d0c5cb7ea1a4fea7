# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .common_360 import Hr360Case


class Test360(Hr360Case):
    def test_full_appraisal_scored_by_hand(self):
        """Self, manager, two peers and a customer (survey); no subordinate
        answers, so subordinates drop out and the other weights rescale."""
        self.company.appraisal_360_min_answers = 1
        review = self._review_360()
        peers = self._add_reviewers(review, self.peer1, self.peer2, customer=True)
        peer_a, peer_b = peers.filtered(lambda r: r.reviewer_type == "peer")
        customer = peers.filtered(lambda r: r.reviewer_type == "customer")
        self.assertEqual(peer_a.date_deadline, self.cycle_360.date_360_deadline)
        # each internal reviewer gets an activity; the customer a survey link
        self.assertEqual(peer_a.activity_ids.user_id, self.peer1)
        self.assertIn("/survey/start/", customer.survey_url)
        self.assertIn(customer.survey_user_input_id.access_token, customer.survey_url)
        # 李四 rates Service 5 (100) and Quality 40/50 (80); finance 3 (60), 30 (60)
        self._peer_scores(peer_a, 5, 40)
        self._peer_scores(peer_b, 3, 30)
        self.assertEqual(peer_a.state, "done")
        self.assertFalse(peer_a.activity_ids)
        # the parent answers 满意: 7 of 10 points → 70 %
        user_input = self._answer_survey(customer, "满意")
        self.assertAlmostEqual(user_input.scoring_percentage, 70.0)
        self.assertEqual(customer.state, "done")
        self.assertAlmostEqual(customer.survey_percentage, 70.0)
        # self 4 (80), 45/50 (90); manager 4 (80), 40/50 (80)
        self._self_and_manager(review, (4, 45), (4, 40))
        self.assertEqual(review.state, "done")
        # columns (Service 60 %, Quality 40 %):
        #   self     60 × 80 + 40 × 90 → 84
        #   manager  60 × 80 + 40 × 80 → 80
        #   peers    Service (100 + 60) / 2 = 80, Quality (80 + 60) / 2 = 70 → 76
        #   customer 70 % on every line → 70
        #   subordinates: no answer → out
        # weights 50 / 10 / 20 / 10 of 90 → 55.56 / 11.11 / 22.22 / 11.11
        # (the cent left goes to the largest remainder, the manager's)
        # final = (55.56 × 80 + 11.11 × 84 + 22.22 × 76 + 11.11 × 70) / 100
        #       = (4444.8 + 933.24 + 1688.72 + 777.7) / 100 = 78.4446 → 78.44
        self.assertAlmostEqual(review.self_total, 84.0)
        self.assertAlmostEqual(review.manager_total, 80.0)
        self.assertAlmostEqual(review.peer_score, 76.0)
        self.assertEqual(review.peer_count, 2)
        self.assertAlmostEqual(review.customer_score, 70.0)
        self.assertEqual(review.subordinate_status, "no_answer")
        self.assertAlmostEqual(review.final_score, 78.44)
        self.assertEqual(
            review.band_id, self.env.ref("hr_appraisal_training.band_satisfactory")
        )
        # the employee reads the averages on their appraisal
        own = self._as("employee", review)
        self.assertAlmostEqual(own.peer_score, 76.0)
        self.assertAlmostEqual(own.final_score, 78.44)

    def test_employee_cannot_read_named_scores(self):
        self.company.appraisal_360_min_answers = 1
        review = self._review_360()
        peer = self._add_reviewers(review, self.peer1)
        self._peer_scores(peer, 5, 40)
        own = self._as("employee", review)
        # the reviewers of an appraisal are no field of the employee's
        with self.assertRaises(AccessError):
            own.read(["reviewer_ids"])
        # nor are the named reviewers or their scores records they read
        Reviewer = self._as("employee", self.env["hr.performance.review.reviewer"])
        Score = self._as("employee", self.env["hr.performance.review.score"])
        self.assertFalse(Reviewer.search([("review_id", "=", review.id)]))
        self.assertFalse(Score.search([("review_id", "=", review.id)]))
        with self.assertRaises(AccessError):
            Reviewer.browse(peer.id).read(["user_id", "average_score"])
        with self.assertRaises(AccessError):
            Score.browse(peer.score_ids.ids).read(["score"])
        # only the type's average is on the appraisal
        self.assertAlmostEqual(own.peer_score, 92.0)
        # the manager and HR see the named answers
        self.assertEqual(self._as("manager", review).reviewer_ids, peer)
        self.assertAlmostEqual(self._as("hr_officer", peer).average_score, 92.0)

    def test_reviewer_reads_and_writes_only_own_scores(self):
        review = self._review_360()
        peer_a, peer_b = self._add_reviewers(review, self.peer1, self.peer2)
        as_a = peer_a.with_user(self.peer1)
        # 李四 reads his own rows (the KPI names through them), not the
        # appraisal, the manager's column or finance's rows
        self.assertEqual(set(as_a.score_ids.mapped("name")), {"Service", "Quality"})
        with self.assertRaises(AccessError):
            review.with_user(self.peer1).read(["manager_total"])
        with self.assertRaises(AccessError):
            review.line_ids.with_user(self.peer1).read(["manager_score"])
        with self.assertRaises(AccessError):
            peer_b.score_ids.with_user(self.peer1).read(["score"])
        with self.assertRaises(AccessError):
            peer_b.score_ids.with_user(self.peer1).write({"score": 1})
        with self.assertRaises(AccessError):
            peer_b.with_user(self.peer1).action_submit()
        # nor may he write what only the server writes
        with self.assertRaises(AccessError):
            as_a.write({"state": "done"})
        with self.assertRaises(AccessError):
            as_a.score_ids[0].write({"scored": True})
        # an incomplete review is refused; an out-of-range rating too
        with self.assertRaises(UserError):
            as_a.action_submit()
        service_row = as_a.score_ids.filtered(lambda s: s.method == "rating")
        with self.assertRaises(ValidationError):
            service_row.score = 6
        # the manager does not score in the reviewer's column either
        with self.assertRaises(AccessError):
            peer_a.score_ids.with_user(self.users["manager"]).write({"score": 4})
        # once submitted, the review is locked
        self._peer_scores(peer_a, 4, 40)
        with self.assertRaises(AccessError):
            service_row.score = 5

    def test_reviewers_chosen_by_manager_within_template_weights(self):
        review = self._review_360()
        Reviewer = self.env["hr.performance.review.reviewer"]
        # the employee does not pick their own reviewers
        with self.assertRaises(AccessError):
            self._as("employee", Reviewer).create(
                {
                    "review_id": review.id,
                    "reviewer_type": "peer",
                    "user_id": self.peer1.id,
                }
            )
        # a type weighing 0 in the template takes no reviewer
        review_sales = self._as("hr_officer", self.env["hr.performance.review"]).create(
            {
                "cycle_id": self.cycle_360.id,
                "employee_id": self.li.id,
                "template_id": self.template_sales.id,
                "date_from": "2026-01-01",
                "date_to": "2026-03-31",
            }
        )
        with self.assertRaises(ValidationError):
            self._as("hr_officer", Reviewer).create(
                {
                    "review_id": review_sales.id,
                    "reviewer_type": "peer",
                    "user_id": self.peer2.id,
                }
            )
        # nobody reviews themselves as a peer
        with self.assertRaises(ValidationError):
            self._as("manager", Reviewer).create(
                {
                    "review_id": review.id,
                    "reviewer_type": "peer",
                    "user_id": self.users["employee"].id,
                }
            )

    def test_too_few_answers_are_merged(self):
        """Default minimum 3: two peer answers are neither shown nor
        counted; the customer's single answer neither."""
        self.assertEqual(self.company.appraisal_360_min_answers, 3)
        review = self._review_360()
        reviewers = self._add_reviewers(review, self.peer1, self.peer2, customer=True)
        peer_a, peer_b = reviewers.filtered(lambda r: r.reviewer_type == "peer")
        self._peer_scores(peer_a, 5, 50)
        self._peer_scores(peer_b, 5, 50)
        self._answer_survey(
            reviewers.filtered(lambda r: r.reviewer_type == "customer"), "不满意"
        )
        self._self_and_manager(review, (4, 45), (4, 40))
        self.assertEqual(review.peer_status, "below_minimum")
        self.assertEqual(review.customer_status, "below_minimum")
        self.assertEqual(review.peer_score, 0.0)
        self.assertEqual(review.customer_score, 0.0)
        # only manager (50) and self (10) count: 83.33 × 80 + 16.67 × 84
        # = 6666.4 + 1400.28 = 8066.68 / 100 → 80.67
        self.assertAlmostEqual(review.final_score, 80.67)

    def test_minimum_is_a_company_setting(self):
        """With a minimum of 2, the same two peer answers count."""
        self.company.appraisal_360_min_answers = 2
        review = self._review_360()
        peer_a, peer_b = self._add_reviewers(review, self.peer1, self.peer2)
        self._peer_scores(peer_a, 5, 50)
        self._peer_scores(peer_b, 3, 30)
        self._self_and_manager(review, (4, 45), (4, 40))
        self.assertEqual(review.peer_status, "counted")
        # peers: Service (100 + 60) / 2 = 80, Quality (100 + 60) / 2 = 80 → 80
        # manager 50, self 10, peers 20 of 80 → 62.5 / 12.5 / 25
        # final = (62.5 × 80 + 12.5 × 84 + 25 × 80) / 100 = 50 + 10.5 + 20
        self.assertAlmostEqual(review.peer_score, 80.0)
        self.assertAlmostEqual(review.final_score, 80.5)
        with self.assertRaises(ValidationError):
            self.company.appraisal_360_min_answers = 0

    def test_no_360_answer_rescales_to_manager_and_self(self):
        review = self._review_360()
        peer = self._add_reviewers(review, self.peer1)
        self._self_and_manager(review, (5, 50), (3, 30))
        # the unanswered request closes with the appraisal
        self.assertEqual(peer.state, "cancelled")
        for rtype in ("peer", "subordinate", "customer"):
            self.assertEqual(review[f"{rtype}_status"], "no_answer")
        # manager 60, self 100; 50 : 10 → 83.33 / 16.67
        # (8333 × 60 + 1667 × 100) / 10000 = 49.998 + 16.67 = 66.668 → 66.67
        self.assertAlmostEqual(review.final_score, 66.67)
        with self.assertRaises(UserError):
            self._peer_scores(peer, 4, 40)

    def test_late_reviewers_reminded_by_the_scheduled_action(self):
        deadline = fields.Date.context_today(self.cycle_360) + timedelta(days=10)
        self.cycle_360.date_360_deadline = deadline
        review = self._review_360()
        peer = self._add_reviewers(review, self.peer1)
        self.assertEqual(len(peer.activity_ids), 1)
        late_type = self.env.ref("hr_target_mgmt.mail_activity_type_approval_late")
        Review = self.env["hr.performance.review"]

        def late():
            return peer.activity_ids.filtered(lambda a: a.activity_type_id == late_type)

        Review._cron_review_reminders(today=deadline)
        self.assertFalse(late())
        Review._cron_review_reminders(today=deadline + timedelta(days=1))
        self.assertEqual(late().user_id, self.peer1)
        # once only
        Review._cron_review_reminders(today=deadline + timedelta(days=2))
        self.assertEqual(len(late()), 1)

    def test_reviewer_form_shows_only_own_column(self):
        review = self._review_360()
        peer = self._add_reviewers(review, self.peer1)
        Reviewer = self.env["hr.performance.review.reviewer"].with_user(self.peer1)
        # "My Reviews to Give" lists the request
        action = self.env.ref(
            "hr_appraisal_training.hr_performance_review_reviewer_action_my"
        )
        domain = [("user_id", "=", self.peer1.id)]
        self.assertIn("uid", action.domain)
        self.assertEqual(Reviewer.search(domain), peer)
        # the reviewer's form holds their own column, no other column
        arch = Reviewer.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn("manager_score", arch)
        self.assertNotIn("self_score", arch)
        data = Reviewer.browse(peer.id).web_read(
            {
                "employee_name": {},
                "cycle_name": {},
                "reviewer_name": {},
                "date_deadline": {},
                "average_score": {},
                "state": {},
                "comment": {},
                "survey_url": {},
                "score_ids": {
                    "fields": {
                        "name": {},
                        "method": {},
                        "weight": {},
                        "max_points": {},
                        "score": {},
                        "comment": {},
                    }
                },
            }
        )[0]
        self.assertEqual(data["employee_name"], "张三")
        self.assertEqual(len(data["score_ids"]), 2)
        # the employee's appraisal form has no named reviewers
        Review = self.env["hr.performance.review"].with_user(self.users["employee"])
        arch = Review.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn("reviewer_ids", arch)
        self.assertIn("peer_score", arch)

    def test_reviewers_added_from_the_appraisal_form(self):
        """The form saves its 360 list through the appraisal."""
        review = self._review_360()
        self._as("manager", review).write(
            {
                "reviewer_ids": [
                    Command.create({"reviewer_type": "peer", "user_id": self.peer1.id}),
                    Command.create(
                        {"reviewer_type": "customer", "partner_id": self.customer.id}
                    ),
                ]
            }
        )
        peer, customer = review.reviewer_ids.sorted("reviewer_type")[::-1]
        self.assertEqual(peer.user_id, self.peer1)
        self.assertEqual(len(peer.score_ids), 2)
        self.assertEqual(customer.average_score, 0.0)  # no survey result yet
        # the employee cannot add reviewers through the appraisal
        with self.assertRaises(AccessError):
            self._as("employee", review).write(
                {
                    "reviewer_ids": [
                        Command.create(
                            {"reviewer_type": "peer", "user_id": self.peer2.id}
                        )
                    ]
                }
            )
        # nor the manager a bookkeeping field of a reviewer
        with self.assertRaises(AccessError):
            self._as("manager", review).write(
                {"reviewer_ids": [Command.update(peer.id, {"state": "done"})]}
            )
        # a request not answered yet may be withdrawn
        self._as("manager", review).write({"reviewer_ids": [Command.delete(peer.id)]})
        self.assertFalse(peer.exists())
