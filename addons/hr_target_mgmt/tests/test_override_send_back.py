# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import HrPerformanceCase

STEP = "hr_target_mgmt.mail_activity_type_approval_step"


@tagged("post_install", "-at_install")
class TestAmountOverride(HrPerformanceCase):
    """A supervisor's change of a computed amount keeps the computed value
    beside it, needs a reason, is said in the run's chatter, and is only
    possible before finance verifies the run."""

    def setUp(self):
        super().setUp()
        self.run_ = self._new_run()
        self.run_.action_compute_lines()
        self.line = self._line(self.run_, self.zhang)

    def test_computed_value_kept_and_reason_required(self):
        line = self._as("manager", self.line)
        self.assertEqual(line.amount, 450)
        self.assertEqual(line.amount_computed, 450)
        self.assertFalse(line.amount_overridden)
        with self.assertRaises(UserError) as caught:
            line.write({"amount": 500})
        message = str(caught.exception)
        self.assertIn(line.display_name, message)
        self.assertIn("reason", message)
        with self.assertRaises(UserError):
            line.write({"amount": 500, "override_reason": "   "})
        self.assertEqual(self.line.amount, 450, "nothing written")

        messages = len(self.run_.message_ids)
        line.write({"amount": 500, "override_reason": "补发上月漏记的1人"})
        self.assertEqual(self.line.amount, 500)
        self.assertEqual(self.line.amount_computed, 450)
        self.assertTrue(self.line.amount_overridden)
        self.assertEqual(self.line.payable_amount, 500)
        self.assertEqual(self.run_.amount_total, 500 + 75 + 1000)
        self.assertEqual(len(self.run_.message_ids), messages + 1)
        body = self.run_.message_ids[0].body
        for text in ("500", "450", "补发上月漏记的1人", self.line.display_name):
            self.assertIn(text, body)
        self.assertEqual(
            self.run_.message_ids[0].author_id, self.users["manager"].partner_id
        )

        # back to the computed amount: no longer overridden, reason cleared
        line.write({"amount": 450})
        self.assertFalse(self.line.amount_overridden)
        self.assertFalse(self.line.override_reason)

    def test_new_actual_recomputes_both(self):
        line = self._as("manager", self.line)
        line.write({"amount": 500, "override_reason": "调整"})
        line.write({"actual": 10})
        # 100 % → factor 100 % of the 300 standard
        self.assertEqual(self.line.amount_computed, 300)
        self.assertEqual(self.line.amount, 300)
        self.assertFalse(self.line.amount_overridden)

    def test_only_supervisor_and_before_verification(self):
        # finance corrects results, never the amounts
        with self.assertRaises(AccessError) as caught:
            self._as("finance", self.line).write(
                {"amount": 500, "override_reason": "财务调整"}
            )
        self.assertIn(self.line.display_name, str(caught.exception))
        with self.assertRaises(AccessError):
            self._as("employee", self.line).write(
                {"amount": 500, "override_reason": "自己改"}
            )
        # reported: the supervisor may still override
        self._as("manager", self.run_).action_report()
        self._as("manager", self.line).write({"amount": 460, "override_reason": "核对"})
        self.assertEqual(self.line.amount, 460)
        # verified: no more
        self._as("finance", self.run_).action_verify()
        with self.assertRaises(UserError) as caught:
            self._as("manager", self.line).write(
                {"amount": 470, "override_reason": "再调"}
            )
        self.assertIn(self.line.display_name, str(caught.exception))
        self.assertEqual(self.line.amount, 460)
        self.assertEqual(self.line.amount_computed, 450)

    def test_override_through_the_form(self):
        """The run's form: the reason is required once the amount differs."""
        with Form(self._as("manager", self.run_)) as form:
            index = self.run_.line_ids.ids.index(self.line.id)
            with form.line_ids.edit(index) as row:
                row.amount = 480
                self.assertTrue(row.amount_overridden)
                row.override_reason = "家长推荐奖励"
        self.assertEqual(self.line.amount, 480)
        self.assertEqual(self.line.override_reason, "家长推荐奖励")


@tagged("post_install", "-at_install")
class TestFinanceSendBack(HrPerformanceCase):
    """Finance returns a reported run to the supervisor with a reason."""

    def setUp(self):
        super().setUp()
        self.run_ = self._new_run()
        self.run_.action_compute_lines()
        self._as("manager", self.run_).action_report()

    def _send_back(self, role, reason):
        action = self._as(role, self.run_).action_open_send_back()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.users[role])
            .with_context(**action["context"])
            .create({"reason": reason})
        )
        return wizard.action_send_back()

    def test_send_back_with_reason(self):
        self.env.cr.precommit.run()
        self._send_back("finance", "张三的招生登记表缺两份")
        self.env.cr.precommit.run()
        self.assertEqual(self.run_.state, "draft")
        tracking = self.run_.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertIn(
            ("Reported", "Draft"),
            [(t.old_value_char, t.new_value_char) for t in tracking],
        )
        self.assertTrue(
            any(
                "张三的招生登记表缺两份" in message.body
                for message in self.run_.message_ids
            )
        )
        activity = self.run_.activity_ids.filtered(
            lambda a: "张三的招生登记表缺两份" in (a.summary or "")
        )
        self.assertEqual(activity.user_id, self.users["manager"])
        self.assertEqual(activity.activity_type_id, self.env.ref(STEP))
        # no second, plain reminder of the same step (March's report is late:
        # the late reminder is posted too)
        steps = self.run_.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(STEP)
        )
        self.assertEqual(steps, activity)
        # the supervisor corrects and reports again: the activity is done
        self._as("manager", self.run_).action_report()
        self.assertFalse(activity.exists())
        self.assertEqual(self.run_.state, "reported")

    def test_reason_required(self):
        for reason in ("", "   "):
            with self.assertRaises(UserError) as caught:
                self._as("finance", self.run_).action_send_back(reason)
            self.assertIn(self.run_.display_name, str(caught.exception))
        self.assertEqual(self.run_.state, "reported")

    def test_only_finance_only_reported(self):
        for role in ("manager", "employee", "principal"):
            with self.assertRaises(AccessError, msg=role):
                self._as(role, self.run_).action_send_back("不对")
            with self.assertRaises(AccessError, msg=role):
                self._as(role, self.run_).action_open_send_back()
        self.assertEqual(self.run_.state, "reported")
        self._as("finance", self.run_).action_verify()
        with self.assertRaises(UserError):
            self._as("finance", self.run_).action_send_back("太晚了")
        self.assertEqual(self.run_.state, "verified")


@tagged("post_install", "-at_install")
class TestApprovalMixinSendBack(HrPerformanceCase):
    """The mixin's send back, as any addon would call it."""

    def test_send_back_to_any_earlier_step(self):
        run = self._new_run()
        run.action_compute_lines()
        self._as("manager", run).action_report()
        self._as("finance", run).action_verify()
        # e.g. a principal's rejection: submitted → verified, back to the
        # supervisor who submits the distribution
        self._as("manager", run).action_submit()
        self._as("principal", run)._approval_send_back(
            "verified",
            ("submitted",),
            "hr_target_mgmt.group_hr_target_mgmt_principal",
            "Reject",
            "团队奖励需附业务收入明细",
        )
        self.assertEqual(run.state, "verified")
        activity = run.activity_ids.filtered(
            lambda a: "团队奖励需附业务收入明细" in (a.summary or "")
        )
        self.assertEqual(activity.user_id, self.users["manager"])
        self.assertEqual(
            activity.note and "团队奖励需附业务收入明细" in activity.note, True
        )
