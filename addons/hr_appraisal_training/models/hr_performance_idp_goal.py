# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError

#: Fields the goal's owner and the plan's employee update.
OWNER_FIELDS = {"status", "progress_note"}
#: Fields the manager of the team (or HR) writes.
MANAGER_FIELDS = OWNER_FIELDS | {
    "idp_id",
    "sequence",
    "name",
    "frequency",
    "owner_user_id",
    "date_due",
}


class HrPerformanceIdpGoal(models.Model):
    """A short action goal of an improvement plan (weekly or monthly), with
    its owner, due date and status."""

    _name = "hr.performance.idp.goal"
    _description = "Improvement Goal"
    _order = "idp_id, date_due, sequence, id"

    idp_id = fields.Many2one(
        "hr.performance.idp", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="idp_id.company_id", store=True)
    employee_id = fields.Many2one(related="idp_id.employee_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Action Goal", required=True)
    frequency = fields.Selection(
        [("weekly", "Weekly"), ("monthly", "Monthly"), ("once", "Once")],
        required=True,
        default="weekly",
    )
    owner_user_id = fields.Many2one(
        "res.users",
        string="Owner",
        help="Who carries the goal out (the employee unless said otherwise).",
    )
    date_due = fields.Date(string="Due Date")
    status = fields.Selection(
        [
            ("todo", "To Do"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("missed", "Missed"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="todo",
    )
    progress_note = fields.Text(string="Progress")
    activity_id = fields.Many2one(
        "mail.activity", readonly=True, copy=False, ondelete="set null"
    )

    def _is_manager_of(self):
        self.ensure_one()
        return self.idp_id._is_manager_of()

    def _check_write(self, fnames):
        if self.env.su:
            return
        for goal in self:
            if goal._is_manager_of():
                allowed = MANAGER_FIELDS
            elif self.env.user in (goal.owner_user_id | goal.idp_id.employee_user_id):
                allowed = OWNER_FIELDS
            else:
                allowed = set()
            forbidden = set(fnames) - allowed
            if forbidden:
                raise AccessError(
                    _(
                        "Improvement goal %(goal)s: %(fields)s cannot be "
                        "written by you.",
                        goal=goal.name,
                        fields=", ".join(
                            sorted(
                                self._fields[n]._description_string(self.env)
                                if n in self._fields
                                else n
                                for n in forbidden
                            )
                        ),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.setdefault(
                "owner_user_id",
                self.env["hr.performance.idp"]
                .browse(vals.get("idp_id"))
                .sudo()
                .employee_user_id.id,
            )
        goals = super().create(vals_list)
        goals._check_write(MANAGER_FIELDS)
        goals._sync_activities()
        return goals

    def write(self, vals):
        self._check_write(set(vals))
        result = super().write(vals)
        if {"status", "owner_user_id", "date_due", "name"} & set(vals):
            self._sync_activities()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_by_manager(self):
        for goal in self:
            if not self.env.su and not goal._is_manager_of():
                raise AccessError(
                    _(
                        "Improvement goal %(goal)s: only the employee's manager "
                        "or HR can remove it.",
                        goal=goal.name,
                    )
                )
        self.sudo().activity_id.unlink()

    def _sync_activities(self):
        """One activity per open goal of an active plan, to its owner on its
        due date; the activity is done (or dropped) with the goal."""
        todo_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id("hr.performance.idp")
        goals = self.sudo()
        done = goals.filtered(
            lambda g: (
                g.activity_id
                and (
                    g.status in ("done", "missed", "cancelled")
                    or g.idp_id.state != "active"
                )
            )
        )
        for goal in done:
            if goal.status == "done":
                goal.activity_id.action_feedback(feedback=goal.progress_note or "")
            else:
                goal.activity_id.unlink()
        # moved or reassigned: the activity follows the goal
        for goal in goals.filtered(lambda g: g.activity_id and g not in done):
            goal.activity_id.write(
                {
                    "user_id": goal.owner_user_id.id,
                    "date_deadline": goal.date_due
                    or goal.idp_id.date_to
                    or fields.Date.context_today(self),
                    "summary": goal.name,
                }
            )
        new = goals.filtered(
            lambda g: (
                not g.activity_id
                and g.idp_id.state == "active"
                and g.status in ("todo", "in_progress")
                and g.owner_user_id
            )
        )
        activities = (
            self.env["mail.activity"]
            .sudo()
            .create(
                [
                    {
                        "res_model_id": model_id,
                        "res_id": goal.idp_id.id,
                        "activity_type_id": todo_type.id,
                        "summary": goal.name,
                        "user_id": goal.owner_user_id.id,
                        "date_deadline": goal.date_due
                        or goal.idp_id.date_to
                        or fields.Date.context_today(self),
                    }
                    for goal in new
                ]
            )
        )
        for goal, activity in zip(new, activities, strict=True):
            goal.activity_id = activity
        return True
