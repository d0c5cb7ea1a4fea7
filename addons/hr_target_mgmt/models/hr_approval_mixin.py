# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import namedtuple

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .selection_labels import selection_labels

#: One step of an approval workflow: from ``state`` the users of ``group``
#: move the record to ``next_state`` with the button ``label``, by the date in
#: ``deadline_field``. ``responsible`` names the ``res.users`` field holding
#: the person the step's activity goes to (``None``: every user of ``group``
#: in the record's company). ``summary`` and ``late_summary`` are the
#: activities' sentences; ``lock_after`` locks the record once the step is
#: taken.
ApprovalStep = namedtuple(
    "ApprovalStep",
    [
        "state",
        "next_state",
        "group",
        "label",
        "deadline_field",
        "responsible",
        "summary",
        "late_summary",
        "lock_after",
    ],
    defaults=[None, None, "", "", False],
)

ACTIVITY_STEP = "hr_target_mgmt.mail_activity_type_approval_step"
ACTIVITY_LATE = "hr_target_mgmt.mail_activity_type_approval_late"


class HrApprovalMixin(models.AbstractModel):
    """Approval steps of the suite's documents (monthly performance-pay runs,
    training plans, year-end profit-sharing plans).

    The inheriting model has a ``state`` selection and a ``company_id`` and
    describes its workflow in :meth:`_approval_steps`. The mixin then gives:

    * :meth:`_approval_advance` for the buttons: the step's group, the
      current state and the user's write access are checked, the state is
      written by the server (no client, whatever its context, can write
      ``state`` or the reminder bookkeeping), the step's activities are
      marked done and the next step's are posted; the change is tracked in
      the chatter;
    * the lock of the record once a step with ``lock_after`` is taken
      (:meth:`_approval_check_unlocked`);
    * :meth:`_approval_send_back` to return a record to an earlier step with
      a required reason, said in the chatter and in an activity to the
      people of that step;
    * ``date_next_deadline`` and the reminders of the scheduled action: one
      activity per responsible user when a step is due, one more when it is
      late (:meth:`_approval_schedule_activities`).
    """

    _name = "hr.approval.mixin"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Approval Steps"

    approval_reminded_state = fields.Char(copy=False, readonly=True)
    approval_late_reminded_state = fields.Char(copy=False, readonly=True)
    date_next_deadline = fields.Date(
        string="Next Deadline",
        compute="_compute_date_next_deadline",
        store=True,
        help="Deadline of the step the document waits for.",
    )

    # ------------------------------------------------------------------
    # To implement
    # ------------------------------------------------------------------
    def _approval_steps(self):
        """The workflow's steps (list of :class:`ApprovalStep`), in order."""
        raise NotImplementedError

    def _approval_extra_locked_states(self):
        """States locked although no step leads to them with ``lock_after``
        (e.g. *paid*)."""
        return ()

    def _approval_unlocked_fields(self):
        """Fields that may still change on a locked record."""
        return {"note"} | self._approval_mail_fields()

    def _approval_protected_fields(self):
        """Fields only the server's own code writes (never a client)."""
        return {"state", "approval_reminded_state", "approval_late_reminded_state"}

    # ------------------------------------------------------------------
    # Table helpers
    # ------------------------------------------------------------------
    def _approval_mail_fields(self):
        return {
            name
            for name in self._fields
            if name.startswith(("message_", "activity_", "website_message_"))
        }

    def _approval_step_from(self, state):
        return next(
            (step for step in self._approval_steps() if step.state == state), None
        )

    def _approval_locked_states(self):
        locked = set(self._approval_extra_locked_states())
        steps = self._approval_steps()
        for index, step in enumerate(steps):
            if step.lock_after:
                locked.add(step.next_state)
                locked.update(later.next_state for later in steps[index + 1 :])
        return locked

    def _approval_state_label(self):
        self.ensure_one()
        return selection_labels(self, "state").get(self.state, self.state)

    @api.depends(lambda self: self._approval_deadline_depends())
    def _compute_date_next_deadline(self):
        # the steps once for all records (their labels are translated)
        steps = {step.state: step for step in self._approval_steps()} if self else {}
        for record in self:
            step = steps.get(record.state)
            record.date_next_deadline = (
                record[step.deadline_field] if step and step.deadline_field else False
            )

    def _approval_deadline_depends(self):
        fnames = ["state"]
        try:
            # called while the registry is set up: a language given in the
            # context keeps the steps' labels from reading the user's
            # preferences (the columns of modules being installed may not
            # exist yet)
            steps = self.with_context(lang="en_US")._approval_steps()
        except NotImplementedError:
            return fnames
        return fnames + sorted(
            {step.deadline_field for step in steps if step.deadline_field}
        )

    # ------------------------------------------------------------------
    # Client writes: protected fields and lock
    # ------------------------------------------------------------------
    def _approval_check_protected(self, vals, create=False):
        """Refuse, for any client, a value of a field only the server
        writes. On create a protected field may only carry its default."""
        if self.env.su:
            return
        protected = self._approval_protected_fields() & set(vals)
        if create and protected:
            defaults = self.default_get(list(protected))
            protected = {
                fname
                for fname in protected
                if (vals[fname] or False) != (defaults.get(fname) or False)
            }
        if protected:
            raise AccessError(
                _(
                    "%(document)s: %(fields)s can only be changed by the "
                    "workflow's buttons and the server, not written directly.",
                    document=self.env["ir.model"]._get(self._name).name,
                    fields=", ".join(
                        sorted(
                            self._fields[fname]._description_string(self.env)
                            for fname in protected
                        )
                    ),
                )
            )

    def _approval_check_unlocked(self, fnames=None):
        if fnames is not None and not set(fnames) - self._approval_unlocked_fields():
            return
        locked = self._approval_locked_states()
        for record in self:
            if record.state in locked:
                raise UserError(
                    _(
                        "%(record)s is %(state)s and can no longer be changed.",
                        record=record.display_name,
                        state=record._approval_state_label(),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._approval_check_protected(vals, create=True)
        return super().create(vals_list)

    def write(self, vals):
        self._approval_check_protected(vals)
        fnames = set(vals)
        if self.env.su:
            # the server's own moves (state, reminders) pass the lock
            fnames -= self._approval_protected_fields()
        self._approval_check_unlocked(fnames)
        return super().write(vals)

    # ------------------------------------------------------------------
    # Moving through the steps
    # ------------------------------------------------------------------
    def _approval_check_group(self, group, label):
        if self.env.su or self.env.user.has_group(group):
            return
        raise AccessError(
            _(
                "%(records)s: only %(group)s may take the step “%(step)s”.",
                records=", ".join(self.mapped("display_name")),
                group=self.env.ref(group).sudo().full_name,
                step=label,
            )
        )

    def _approval_check_state(self, from_states, label):
        for record in self:
            if record.state not in from_states:
                raise UserError(
                    _(
                        "%(record)s is %(state)s: the step “%(step)s” cannot "
                        "be taken now.",
                        record=record.display_name,
                        state=record._approval_state_label(),
                        step=label,
                    )
                )

    def _approval_move(self, to_state, from_states, group, label):
        """Move the records from one of ``from_states`` to ``to_state`` for a
        user of ``group`` who may write them. The state is written by the
        server, tracked in the chatter under the user's name."""
        self._approval_check_group(group, label)
        self._approval_check_state(from_states, label)
        self.check_access("write")
        self.sudo().write({"state": to_state})
        # the step's activities are done, whoever they were assigned to
        self.sudo().activity_feedback([ACTIVITY_STEP, ACTIVITY_LATE])
        self._approval_schedule_activities(fields.Date.context_today(self))
        return True

    def _approval_send_back(self, to_state, from_states, group, label, reason):
        """Send the records back from one of ``from_states`` to ``to_state``
        (an earlier step) for a user of ``group``, with a required
        ``reason``. The state change is tracked, the reason is posted in the
        chatter and an activity carrying it goes to the people who take the
        step at ``to_state`` (e.g. the supervisor when finance returns a
        reported run)."""
        reason = (reason or "").strip()
        if not reason:
            raise UserError(
                _(
                    "%(records)s: say why you take the step “%(step)s”; a "
                    "reason is required.",
                    records=", ".join(self.mapped("display_name")),
                    step=label,
                )
            )
        self._approval_check_group(group, label)
        self._approval_check_state(from_states, label)
        self.check_access("write")
        self.sudo().write({"state": to_state})
        self.sudo().activity_feedback([ACTIVITY_STEP, ACTIVITY_LATE])
        step = self._approval_step_from(to_state)
        step_type = self.env.ref(ACTIVITY_STEP)
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        vals_list = []
        for record in self:
            record.message_post(
                body=_(
                    "%(step)s: %(reason)s",
                    step=label,
                    reason=reason,
                ),
                subtype_xmlid="mail.mt_note",
            )
            if not step:
                continue
            deadline = record[step.deadline_field] if step.deadline_field else False
            for user in record._approval_step_users(step):
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": record.id,
                        "activity_type_id": step_type.id,
                        "summary": _(
                            "Sent back: %(reason)s",
                            reason=reason,
                        ),
                        "note": reason,
                        "user_id": user.id,
                        "date_deadline": max(deadline, today) if deadline else today,
                        "automated": True,
                    }
                )
        if vals_list:
            self.env["mail.activity"].sudo().create(vals_list)
        # the step's activity is the one just posted, not a second reminder
        self.sudo().write({"approval_reminded_state": to_state})
        self._approval_schedule_activities(today)
        return True

    def _approval_advance(self, state):
        """Take the step that starts at ``state`` (the button of that step)."""
        step = self._approval_step_from(state)
        return self._approval_move(step.next_state, (state,), step.group, step.label)

    # ------------------------------------------------------------------
    # Activities and reminders
    # ------------------------------------------------------------------
    def _approval_step_users(self, step):
        """Users who take ``step`` on this record."""
        self.ensure_one()
        if step.responsible:
            return self[step.responsible]
        return (
            self.env.ref(step.group)
            .sudo()
            .users.filtered(
                lambda u: u.active and not u.share and self.company_id in u.company_ids
            )
        )

    def _approval_schedule_activities(self, today):
        """Post one activity per responsible user for the step each record
        waits for, and one more when that step is late. Each is posted once
        per state (``approval_reminded_state`` /
        ``approval_late_reminded_state``)."""
        step_type = self.env.ref(ACTIVITY_STEP)
        late_type = self.env.ref(ACTIVITY_LATE)
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        marks = {"approval_reminded_state": {}, "approval_late_reminded_state": {}}
        steps = {step.state: step for step in self._approval_steps()} if self else {}
        lang_steps = {}
        for record in self:
            step = steps.get(record.state)
            if not step:
                continue
            deadline = record[step.deadline_field] if step.deadline_field else False
            late = bool(deadline and today > deadline)
            todo = []
            if record.approval_reminded_state != record.state:
                todo.append((False, step_type))
                marks["approval_reminded_state"].setdefault(record.state, []).append(
                    record.id
                )
            if late and record.approval_late_reminded_state != record.state:
                todo.append((True, late_type))
                marks["approval_late_reminded_state"].setdefault(
                    record.state, []
                ).append(record.id)
            for is_late, activity_type in todo:
                for user in record._approval_step_users(step):
                    if user.lang not in lang_steps:
                        lang_steps[user.lang] = {
                            lang_step.state: lang_step
                            for lang_step in self.with_context(
                                lang=user.lang
                            )._approval_steps()
                        }
                    lang_step = lang_steps[user.lang][record.state]
                    vals_list.append(
                        {
                            "res_model_id": model_id,
                            "res_id": record.id,
                            "activity_type_id": activity_type.id,
                            "summary": lang_step.late_summary
                            if is_late
                            else lang_step.summary,
                            "user_id": user.id,
                            "date_deadline": deadline or today,
                            "automated": True,
                        }
                    )
        if vals_list:
            self.env["mail.activity"].sudo().create(vals_list)
        for fname, by_state in marks.items():
            for state, ids in by_state.items():
                self.browse(ids).sudo().write({fname: state})
        return True
