# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""360 fixtures: a template weighing every reviewer type (manager 50, self
10, peers 20, subordinates 10, customers 10) with a rating line (60) and a
points line (40, out of 50), a scored customer survey (one question, answers
worth 10, 7, 4 and 0 points) and 张三's appraisal started by HR."""

from datetime import date

from odoo import Command

from .common import HrAppraisalCase


class Hr360Case(HrAppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "家长满意度调查 (test)",
                "access_mode": "token",
                "scoring_type": "scoring_without_answers",
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": "您对招生顾问的服务满意吗？",
                            "question_type": "simple_choice",
                            "suggested_answer_ids": [
                                Command.create(
                                    {"value": "非常满意", "answer_score": 10}
                                ),
                                Command.create({"value": "满意", "answer_score": 7}),
                                Command.create({"value": "一般", "answer_score": 4}),
                                Command.create({"value": "不满意", "answer_score": 0}),
                            ],
                        }
                    )
                ],
            }
        )
        cls.template_360 = cls.env["hr.kpi.template"].create(
            {
                "name": "360 考核 (test)",
                "company_id": cls.company.id,
                "weight_manager": 50,
                "weight_self": 10,
                "weight_peer": 20,
                "weight_subordinate": 10,
                "weight_customer": 10,
                "survey_id": cls.survey.id,
                "line_ids": [
                    Command.create(
                        {"name": "Service", "method": "rating", "weight": 60}
                    ),
                    Command.create(
                        {
                            "name": "Quality",
                            "method": "points",
                            "max_points": 50,
                            "weight": 40,
                        }
                    ),
                ],
            }
        )
        cls.template_360.action_confirm()
        cls.cycle_360 = cls.env["hr.performance.review.cycle"].create(
            {
                "name": "2026 Q1 360",
                "company_id": cls.company.id,
                "cycle_type": "quarterly",
                "date_from": date(2026, 1, 1),
                "date_360_deadline": date(2026, 4, 15),
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "王家长", "email": "parent.wang@example.com"}
        )
        # peers of 张三: 李四 and finance (the principal as a third one)
        cls.peer1 = cls.users["employee2"]
        cls.peer2 = cls.users["finance"]
        cls.peer3 = cls.users["principal"]

    def _review_360(self, employee=None):
        review = self._as("hr_officer", self.env["hr.performance.review"]).create(
            {
                "cycle_id": self.cycle_360.id,
                "employee_id": (employee or self.zhang).id,
                "template_id": self.template_360.id,
                "date_from": date(2026, 1, 1),
                "date_to": date(2026, 3, 31),
            }
        )
        review.action_start()
        return review.with_user(self.env.user)

    def _lines(self, review):
        service = review.line_ids.filtered(lambda ln: ln.method == "rating")
        quality = review.line_ids.filtered(lambda ln: ln.method == "points")
        return service, quality

    def _add_reviewers(self, review, *users, customer=False, role="manager"):
        Reviewer = self._as(role, self.env["hr.performance.review.reviewer"])
        vals = [
            {"review_id": review.id, "reviewer_type": "peer", "user_id": user.id}
            for user in users
        ]
        if customer:
            vals.append(
                {
                    "review_id": review.id,
                    "reviewer_type": "customer",
                    "partner_id": self.customer.id,
                }
            )
        return Reviewer.create(vals).with_user(self.env.user)

    def _peer_scores(self, reviewer, service_score, quality_score):
        """As the reviewer: score both lines and submit."""
        own = reviewer.with_user(reviewer.user_id)
        for row in own.score_ids:
            row.score = service_score if row.method == "rating" else quality_score
        own.action_submit()

    def _answer_survey(self, reviewer, answer_value):
        """The customer answers the survey through the survey models, as the
        survey's public page does with the answer's token."""
        user_input = reviewer.sudo().survey_user_input_id
        question = self.survey.question_and_page_ids
        choice = question.suggested_answer_ids.filtered(
            lambda a: a.value == answer_value
        )
        user_input._save_lines(question, choice.id)
        user_input._mark_done()
        return user_input

    def _self_and_manager(self, review, self_scores, manager_scores):
        service, quality = self._lines(review)
        self._as("employee", service).self_score = self_scores[0]
        self._as("employee", quality).self_score = self_scores[1]
        self._as("employee", review).action_submit_self()
        self._as("manager", review).write(
            {
                "line_ids": [
                    Command.update(service.id, {"manager_score": manager_scores[0]}),
                    Command.update(quality.id, {"manager_score": manager_scores[1]}),
                ]
            }
        )
        self._as("manager", review).action_done()
