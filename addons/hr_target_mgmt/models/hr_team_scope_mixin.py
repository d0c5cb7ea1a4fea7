# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression


def check_team_scope(records):
    """Check, after a create or a write, that ``records`` are still writable
    by the user under the record rules (which read the team scope): Odoo
    checks the rules of a write on the values before it, so a record could
    otherwise be moved out of the user's team. Superuser code is not
    restricted."""
    if records.env.su or not records:
        return
    # the flag is computed per user and not kept up to date by writes: read
    # it afresh for the check
    for model in {records._name, "hr.employee", "hr.employee.public", "hr.department"}:
        if "is_in_my_team" in records.env[model]._fields:
            records.env[model].invalidate_model(["is_in_my_team"])
    records.check_access("write")


class HrTeamScopeMixin(models.AbstractModel):
    """ "My team": the one notion of a manager's scope, searchable.

    A user's team is made of the departments they manage and the
    departments below them, and the employees they supervise (as manager
    ``parent_id`` or coach); the user's own employee is never part of their
    team. Each model of the suite says which of its records belong to the
    current user's team in :meth:`_team_scope_domain`; record rules then read
    ``[('is_in_my_team', '=', True)]``, and :meth:`_check_team_scope` checks
    the scope again after create and write, so that a record cannot be
    created in, or moved to, a team that is not the user's.
    """

    _name = "hr.team.scope.mixin"
    _description = "Team Scope of Managers"

    is_in_my_team = fields.Boolean(
        string="In My Team",
        compute="_compute_is_in_my_team",
        search="_search_is_in_my_team",
        help="Belongs to a department you manage (or one below it) or to an "
        "employee you supervise.",
    )

    @api.model
    def _team_scope_domain(self):
        """Domain of the records in the current user's team."""
        raise NotImplementedError

    @api.depends_context("uid")
    def _compute_is_in_my_team(self):
        saved = self.filtered("id")
        mine = (
            self.sudo()
            .with_context(active_test=False)
            .search([("id", "in", saved.ids), *self._team_scope_domain()])
            if saved
            else self.browse()
        )
        for record in self:
            record.is_in_my_team = record.id in mine.ids

    def _search_is_in_my_team(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        domain = self._team_scope_domain()
        if (operator == "=") != value:
            return ["!", *expression.normalize_domain(domain)]
        return domain

    @api.model
    def _team_managed_department_ids(self):
        """Departments the current user manages and every department below
        them (one query)."""
        managed = (
            self.env["hr.department"]
            .sudo()
            .with_context(active_test=False)
            .search([("manager_id.user_id", "=", self.env.uid)])
        )
        if not managed:
            return []
        return (
            self.env["hr.department"]
            .sudo()
            .with_context(active_test=False)
            ._search([("id", "child_of", managed.ids)])
        )

    @api.model
    def _team_employee_domain(self, path="employee_id"):
        """Domain of the records whose employee (at ``path``; ``id`` for
        employees themselves) is in the current user's team."""
        prefix = "" if path == "id" else f"{path}."
        uid = self.env.uid
        return [
            (f"{prefix}user_id", "!=", uid),
            "|",
            "|",
            (f"{prefix}department_id", "in", self._team_managed_department_ids()),
            (f"{prefix}parent_id.user_id", "=", uid),
            (f"{prefix}coach_id.user_id", "=", uid),
        ]

    def _check_team_scope(self):
        """After create or write: the records must still be writable by the
        user under the record rules, which read the team scope."""
        check_team_scope(self)
