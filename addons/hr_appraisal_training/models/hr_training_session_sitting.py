# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import uuid

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.hr_target_mgmt.tools.bulk import insert_rows


class HrTrainingSessionSitting(models.Model):
    """One sitting (课次) of a session: a time slot, its calendar event with
    the attendees invited, and the attendance taken in it."""

    _name = "hr.training.session.sitting"
    _description = "Training Session Sitting"
    _order = "session_id, start, id"

    session_id = fields.Many2one(
        "hr.training.session", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="session_id.company_id", store=True)
    trainer_user_id = fields.Many2one(
        related="session_id.trainer_user_id", string="Trainer User", store=True
    )
    start = fields.Datetime(required=True)
    stop = fields.Datetime(required=True)
    date = fields.Date(compute="_compute_date", store=True)
    location = fields.Char(string="Room")
    event_id = fields.Many2one("calendar.event", readonly=True, copy=False)
    attendance_ids = fields.One2many("hr.training.attendance", "sitting_id")
    attendance_taken = fields.Boolean(readonly=True, copy=False)

    @api.depends("start", "session_id.company_id")
    def _compute_date(self):
        for sitting in self:
            sitting.date = (
                fields.Datetime.context_timestamp(sitting, sitting.start).date()
                if sitting.start
                else False
            )

    @api.depends("session_id.name", "start")
    def _compute_display_name(self):
        for sitting in self:
            start = (
                fields.Datetime.context_timestamp(sitting, sitting.start).strftime(
                    "%Y-%m-%d %H:%M"
                )
                if sitting.start
                else ""
            )
            sitting.display_name = f"{sitting.session_id.name} {start}"

    @api.constrains("start", "stop", "session_id")
    def _check_in_session(self):
        for sitting in self:
            if sitting.stop <= sitting.start:
                raise ValidationError(
                    _(
                        "Sitting %(sitting)s: it must end after it starts.",
                        sitting=sitting.display_name,
                    )
                )
            session = sitting.session_id
            if not session.date_start <= sitting.date <= session.date_end:
                raise ValidationError(
                    _(
                        "Sitting %(sitting)s lies outside the dates of the "
                        "session (%(start)s to %(end)s).",
                        sitting=sitting.display_name,
                        start=session.date_start,
                        end=session.date_end,
                    )
                )

    def _check_hr(self):
        self.env["hr.training.session"]._check_hr()

    @api.model_create_multi
    def create(self, vals_list):
        self._check_hr()
        sittings = super().create(vals_list)
        sittings.filtered(lambda s: s.session_id.state == "confirmed")._sync_events()
        return sittings

    def write(self, vals):
        if not self.env.su:
            self._check_hr()
            if {"event_id", "attendance_taken"} & set(vals):
                raise AccessError(_("These fields are set by the server."))
        result = super().write(vals)
        if {"start", "stop", "location"} & set(vals):
            self.filtered("event_id")._sync_events()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_attendance_taken(self):
        if self.filtered("attendance_taken"):
            raise UserError(_("A sitting whose attendance was taken stays."))

    def unlink(self):
        events = self.event_id
        result = super().unlink()
        events.sudo().unlink()
        return result

    def _notice_alarm(self, days):
        """The calendar reminder ``days`` before (shared, created once)."""
        Alarm = self.env["calendar.alarm"].sudo()
        alarm = Alarm.search(
            [
                ("alarm_type", "=", "notification"),
                ("interval", "=", "days"),
                ("duration", "=", days),
            ],
            limit=1,
        )
        return alarm or Alarm.create(
            {
                "name": _("%(days)s days before (training notice)", days=days),
                "alarm_type": "notification",
                "interval": "days",
                "duration": days,
            }
        )

    def _sync_events(self):
        """Create or update the calendar event of each sitting, with the
        session's attendees (their work contacts) and trainer invited (see
        :meth:`_invite_partners`)."""
        Event = (
            self.env["calendar.event"]
            .sudo()
            .with_context(no_mail_to_attendees=True, mail_create_nolog=True)
        )
        alarms = {}
        to_create = []
        creating = self.browse()
        for sitting in self.sudo():
            session = sitting.session_id
            days = session.notice_days
            if days not in alarms:
                alarms[days] = sitting._notice_alarm(days) if days else False
            values = {
                "name": session.name,
                "start": sitting.start,
                "stop": sitting.stop,
                "location": sitting.location or session.location or False,
                "user_id": session.responsible_user_id.id or self.env.uid,
                "alarm_ids": [Command.set([alarms[days].id] if alarms[days] else [])],
                "description": session.course_id.objectives or False,
            }
            if sitting.event_id:
                sitting.event_id.write(values)
            else:
                to_create.append(dict(values, partner_ids=[]))
                creating |= sitting
        if to_create:
            events = Event.create(to_create)
            for sitting, event in zip(creating, events, strict=True):
                sitting.sudo().event_id = event
        self._invite_partners()

    def _invited_partners(self):
        """``{sitting: partners}``: the work contacts of the attendees of
        each sitting's session and its trainer (two reads for all)."""
        sittings = self.sudo()
        rows = (
            self.env["hr.training.attendee"]
            .sudo()
            .with_context(active_test=False)
            .search_fetch(
                [("session_id", "in", sittings.session_id.ids)],
                ["session_id", "employee_id"],
            )
        )
        self.env["hr.employee"].sudo().with_context(active_test=False).search_fetch(
            [("id", "in", rows.employee_id.ids)], ["work_contact_id"]
        )
        by_session = {}
        for attendee in rows:
            by_session.setdefault(attendee.session_id.id, []).append(
                attendee.employee_id.work_contact_id.id
            )
        result = {}
        for sitting in sittings:
            session = sitting.session_id
            trainer = session.trainer_id
            ids = set(by_session.get(session.id, []))
            ids |= set((trainer.employee_id.work_contact_id or trainer.partner_id).ids)
            ids.discard(False)
            result[sitting] = self.env["res.partner"].browse(sorted(ids))
        return result

    def _invite_partners(self):
        """Bring the events of the sittings to their invited partners: those
        added are linked, get a calendar attendee (invitation) and follow the
        event, in one insert per table whatever their number; those no
        longer invited are removed through the ORM (a handful)."""
        sittings = self.sudo().filtered("event_id")
        if not sittings:
            return
        wanted = sittings._invited_partners()
        pairs = []
        for sitting in sittings:
            event = sitting.event_id
            current = event.partner_ids
            removed = current - wanted[sitting]
            if removed:
                event.write({"partner_ids": [Command.unlink(p.id) for p in removed]})
            pairs += [(event.id, partner.id) for partner in wanted[sitting] - current]
        if not pairs:
            return
        env = self.env
        env.flush_all()
        env.cr.execute_values(
            "INSERT INTO calendar_event_res_partner_rel "
            "(calendar_event_id, res_partner_id) VALUES %s ON CONFLICT DO NOTHING",
            pairs,
            page_size=len(pairs),
        )
        partners = (
            env["res.partner"]
            .sudo()
            .with_context(active_test=False)
            .search_fetch(
                [("id", "in", [p for _e, p in pairs])],
                ["name", "email", "active", "partner_share"],
            )
        )
        names = {partner.id: partner.name or partner.email for partner in partners}
        # a set: mail looks each partner up in it
        customers = {
            partner.id
            for partner in partners
            if partner.active and partner.partner_share
        }
        me = env.user.partner_id.id
        insert_rows(
            env["calendar.attendee"].sudo(),
            [
                {
                    "event_id": event_id,
                    "partner_id": partner_id,
                    "state": "accepted" if partner_id == me else "needsAction",
                    "common_name": names.get(partner_id) or False,
                    "access_token": uuid.uuid4().hex,
                }
                for event_id, partner_id in pairs
            ],
        )
        events = sittings.event_id
        by_event = {}
        for event_id, partner_id in pairs:
            if partner_id != me:
                by_event.setdefault(event_id, []).append(partner_id)
        Followers = env["mail.followers"].sudo()
        follower_rows = []
        subtype_ids = []
        for event_id, partner_ids in by_event.items():
            new, _update = Followers._add_default_followers(
                "calendar.event", [event_id], partner_ids, customer_ids=customers
            )
            for values in new.get(event_id, []):
                follower_rows.append(
                    {
                        "res_model": "calendar.event",
                        "res_id": event_id,
                        "partner_id": values["partner_id"],
                    }
                )
                subtype_ids.append(values["subtype_ids"][0][2])
        if follower_rows:
            followers = insert_rows(Followers, follower_rows)
            links = [
                (follower_id, subtype_id)
                for follower_id, subtypes in zip(
                    followers.ids, subtype_ids, strict=True
                )
                for subtype_id in subtypes
            ]
            if links:
                env.cr.execute_values(
                    "INSERT INTO mail_followers_mail_message_subtype_rel "
                    "(mail_followers_id, mail_message_subtype_id) VALUES %s",
                    links,
                    page_size=len(links),
                )
        events.invalidate_recordset(
            [
                "partner_ids",
                "attendee_ids",
                "message_follower_ids",
                "message_partner_ids",
            ]
        )
        env["calendar.attendee"].invalidate_model()

    def action_take_attendance(self):
        """Open the attendance of this sitting, one line per attendee
        (present by default), for the trainer or an HR officer."""
        self.ensure_one()
        self.env["hr.training.attendance"]._check_recorder(self.session_id)
        if self.session_id.state != "confirmed":
            raise UserError(
                _(
                    "Session %(session)s: attendance is taken in a confirmed session.",
                    session=self.session_id.name,
                )
            )
        sitting = self.sudo()
        done = sitting.attendance_ids.attendee_id
        missing = sitting.session_id.attendee_ids - done
        if missing:
            self.env["hr.training.attendance"].sudo()._insert_lines(
                missing, sitting, "present"
            )
        sitting.attendance_taken = True
        return {
            "type": "ir.actions.act_window",
            "name": _("Attendance of %(sitting)s", sitting=self.display_name),
            "res_model": "hr.training.attendance",
            "view_mode": "list",
            "views": [(False, "list")],
            "domain": [("sitting_id", "=", self.id)],
            "context": {"default_sitting_id": self.id},
        }
