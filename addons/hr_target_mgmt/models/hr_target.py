# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools.target_math import MAX_VALUE, is_valid_value
from ..tools.target_math import achievement as compute_achievement
from .hr_team_scope_mixin import check_team_scope
from .selection_labels import selection_labels

LEVEL_RANK = {"company": 0, "department": 1, "team": 2, "employee": 3}


#: The bound shown in messages (formatted once, outside the translated text).
LIMIT = f"{MAX_VALUE:,.0f}"


class HrTarget(models.Model):
    """A target of one period, at company, department, team or employee level.

    Targets cascade: a company target has department targets as children,
    which have team (supervisor) or employee targets as children. The actual
    of a target is the sum of its dated actual entries or, when
    ``rollup_from_children`` is set, the sum of its children's actuals.
    Achievement = actual / target (a ratio: 1.5 means 150 %).
    """

    _name = "hr.target"
    _description = "Target"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_from desc, level, name, id"
    _parent_store = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    description = fields.Text()
    measure_id = fields.Many2one(
        "hr.target.measure", required=True, ondelete="restrict", tracking=True
    )
    unit = fields.Char(related="measure_id.unit")
    measure_decimal_places = fields.Integer(related="measure_id.decimal_places")
    higher_is_better = fields.Boolean(related="measure_id.higher_is_better")
    period_id = fields.Many2one(
        "hr.target.period",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        domain="[('company_id', '=', company_id)]",
    )
    period_type = fields.Selection(related="period_id.period_type", store=True)
    period_state = fields.Selection(related="period_id.state", string="Period Status")
    date_from = fields.Date(related="period_id.date_from", store=True, index=True)
    date_to = fields.Date(related="period_id.date_to", store=True, index=True)
    level = fields.Selection(
        [
            ("company", "Company"),
            ("department", "Department"),
            ("team", "Team"),
            ("employee", "Employee"),
        ],
        required=True,
        default="employee",
        tracking=True,
        help="Company and department targets cascade to team (supervisor) and "
        "employee targets.",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    employee_id = fields.Many2one(
        "hr.employee",
        index=True,
        tracking=True,
        check_company=True,
        help="The employee the target belongs to; for a team target, the "
        "supervisor of the team.",
    )
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    team_member_ids = fields.Many2many(
        "hr.employee",
        "hr_target_team_member_rel",
        "target_id",
        "employee_id",
        string="Team Members",
        check_company=True,
    )
    team_member_public_ids = fields.Many2many(
        "hr.employee.public",
        string="Members",
        compute="_compute_team_member_public_ids",
        help="The team members, as every user may see them.",
    )
    parent_id = fields.Many2one(
        "hr.target",
        string="Parent Target",
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("hr.target", "parent_id", string="Sub-targets")
    child_count = fields.Integer(compute="_compute_child_count")
    target_value = fields.Float(
        string="Target",
        tracking=True,
        help="The value to reach in the period; must be greater than zero.",
    )
    minimum_value = fields.Float(
        string="Minimum",
        tracking=True,
        help="The minimum to reach (e.g. a team's minimum target); "
        "between 0 and the target.",
    )
    rollup_from_children = fields.Boolean(
        string="Roll Up from Sub-targets",
        help="The actual is the sum of the sub-targets' actuals instead of "
        "this target's own entries.",
    )
    actual_ids = fields.One2many("hr.target.actual", "target_id", string="Entries")
    actual_value = fields.Float(
        string="Actual",
        compute="_compute_actual_value",
        store=True,
        recursive=True,
        aggregator="sum",
    )
    achievement = fields.Float(
        compute="_compute_achievement",
        store=True,
        aggregator="avg",
        help="Actual / target: 1.5 means 150 %.",
    )
    minimum_reached = fields.Boolean(
        compute="_compute_achievement",
        store=True,
        help="The actual reached the minimum (or the target when no minimum is set).",
    )
    is_pay_basis = fields.Boolean(
        string="Counts for Performance Pay",
        compute="_compute_is_pay_basis",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="The monthly performance pay of the employee (or the team reward "
        "of the supervisor) is computed from this target. At most one per "
        "employee, level and period.",
    )

    @api.depends("employee_id")
    def _compute_department_id(self):
        for target in self:
            if target.employee_id:
                target.department_id = target.employee_id.department_id

    @api.depends("team_member_ids")
    def _compute_team_member_public_ids(self):
        # hr.employee.public shares the ids of hr.employee; read the members
        # as superuser so that managers without HR rights see their team
        for target in self:
            target.team_member_public_ids = self.env["hr.employee.public"].browse(
                target.sudo().team_member_ids.ids
            )

    @api.depends("level")
    def _compute_is_pay_basis(self):
        for target in self:
            target.is_pay_basis = target.level in ("employee", "team")

    def _compute_child_count(self):
        counts = {
            parent.id: count
            for parent, count in self._read_group(
                [("parent_id", "in", self.ids)], ["parent_id"], ["__count"]
            )
        }
        for target in self:
            target.child_count = counts.get(target.id, 0)

    @api.depends(
        "rollup_from_children",
        "actual_ids.value",
        "child_ids.actual_value",
        "child_ids.active",
    )
    def _compute_actual_value(self):
        for target in self:
            if target.rollup_from_children:
                target.actual_value = sum(target.child_ids.mapped("actual_value"))
            else:
                target.actual_value = sum(target.actual_ids.mapped("value"))

    @api.depends(
        "actual_value", "target_value", "minimum_value", "measure_id.higher_is_better"
    )
    def _compute_achievement(self):
        for target in self:
            higher = target.measure_id.higher_is_better or not target.measure_id
            target.achievement = float(
                compute_achievement(target.target_value, target.actual_value, higher)
                or 0
            )
            threshold = target.minimum_value or target.target_value
            if higher:
                target.minimum_reached = bool(threshold) and (
                    target.actual_value >= threshold
                )
            else:
                target.minimum_reached = bool(threshold) and (
                    target.actual_value <= threshold
                )

    def write(self, vals):
        res = super().write(vals)
        # record rules are checked on the values before a write: check the
        # scope again on the new owner (a manager cannot hand a target to
        # someone outside their team)
        if not self.env.su and {"employee_id", "department_id", "level"} & set(vals):
            check_team_scope(self)
        return res

    def _level_label(self, level):
        return selection_labels(self, "level")[level]

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------
    @api.constrains("target_value", "minimum_value")
    def _check_values(self):
        for target in self:
            if not (
                is_valid_value(target.target_value, allow_negative=True)
                and is_valid_value(target.minimum_value, allow_negative=True)
            ):
                raise ValidationError(
                    _(
                        "Target %(name)s: the target value and the minimum must "
                        "be real numbers no larger than %(maximum)s.",
                        name=target.display_name,
                        maximum=LIMIT,
                    )
                )
            if target.target_value <= 0:
                raise ValidationError(
                    _(
                        "Target %(name)s: the target value must be greater than "
                        "zero (got %(value)s).",
                        name=target.display_name,
                        value=target.target_value,
                    )
                )
            if target.minimum_value < 0 or target.minimum_value > target.target_value:
                raise ValidationError(
                    _(
                        "Target %(name)s: the minimum (%(minimum)s) must be between "
                        "0 and the target value (%(value)s).",
                        name=target.display_name,
                        minimum=target.minimum_value,
                        value=target.target_value,
                    )
                )

    @api.constrains("level", "employee_id", "department_id")
    def _check_owner(self):
        for target in self:
            if target.level in ("employee", "team") and not target.employee_id:
                raise ValidationError(
                    _(
                        "Target %(name)s: an employee or team target needs an "
                        "employee (for a team, its supervisor).",
                        name=target.display_name,
                    )
                )
            if target.level == "department" and not target.department_id:
                raise ValidationError(
                    _(
                        "Target %(name)s: a department target needs a department.",
                        name=target.display_name,
                    )
                )

    @api.constrains("parent_id", "level", "period_id", "company_id")
    def _check_cascade(self):
        if self._has_cycle():
            raise ValidationError(_("A target cannot be its own parent."))
        for target in self.filtered("parent_id"):
            parent = target.parent_id
            if LEVEL_RANK[parent.level] >= LEVEL_RANK[target.level]:
                raise ValidationError(
                    _(
                        "Target %(name)s: a %(level)s target cannot be a "
                        "sub-target of the %(parent_level)s target %(parent)s; "
                        "targets cascade from company to department to team or "
                        "employee.",
                        name=target.display_name,
                        level=target._level_label(target.level),
                        parent_level=target._level_label(parent.level),
                        parent=parent.display_name,
                    )
                )
            if (
                target.date_from < parent.date_from
                or target.date_to > parent.date_to
                or target.company_id != parent.company_id
            ):
                raise ValidationError(
                    _(
                        "Target %(name)s: its period %(period)s must lie within "
                        "the period %(parent_period)s of its parent target "
                        "%(parent)s, in the same company.",
                        name=target.display_name,
                        period=target.period_id.display_name,
                        parent_period=parent.period_id.display_name,
                        parent=parent.display_name,
                    )
                )

    @api.constrains("is_pay_basis", "employee_id", "level", "period_id", "active")
    def _check_single_pay_basis(self):
        candidates = self.filtered(
            lambda t: t.is_pay_basis and t.active and t.employee_id
        )
        if not candidates:
            return
        groups = self._read_group(
            [
                ("is_pay_basis", "=", True),
                ("employee_id", "in", candidates.employee_id.ids),
                ("period_id", "in", candidates.period_id.ids),
            ],
            ["employee_id", "level", "period_id"],
            ["__count"],
        )
        for employee, level, period, count in groups:
            if count > 1:
                raise ValidationError(
                    _(
                        "%(employee)s already has a target counting for "
                        "performance pay at level %(level)s in period "
                        "%(period)s; only one is allowed.",
                        employee=employee.name,
                        level=self._level_label(level),
                        period=period.display_name,
                    )
                )

    def _raise_if_period_closed(self, message):
        """Raise ``message`` (a translated text naming ``%(target)s`` and
        ``%(period)s``) for the first of these targets whose period is closed."""
        for target in self:
            if target.period_id.state == "closed":
                raise ValidationError(
                    message
                    % {
                        "target": target.display_name,
                        "period": target.period_id.display_name,
                    }
                )

    @api.constrains("target_value", "minimum_value", "period_id")
    def _check_period_open(self):
        self._raise_if_period_closed(
            _(
                "Target %(target)s: period %(period)s is closed; its "
                "targets can no longer be set or changed."
            )
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed_period(self):
        self._raise_if_period_closed(
            _(
                "Target %(target)s: period %(period)s is closed; its "
                "targets and actuals can no longer be deleted."
            )
        )

    @api.onchange("parent_id")
    def _onchange_parent_id(self):
        if self.parent_id:
            self.company_id = self.parent_id.company_id
            if not self.period_id:
                self.period_id = self.parent_id.period_id
            if not self.measure_id:
                self.measure_id = self.parent_id.measure_id
            if not self.department_id and self.parent_id.department_id:
                self.department_id = self.parent_id.department_id

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------
    def action_open_children(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Sub-targets of %(name)s", name=self.display_name),
            "res_model": "hr.target",
            "view_mode": "list,form",
            "domain": [("parent_id", "=", self.id)],
            "context": {
                "default_parent_id": self.id,
                "default_period_id": self.period_id.id,
                "default_measure_id": self.measure_id.id,
                "default_company_id": self.company_id.id,
                "default_department_id": self.department_id.id,
            },
        }

    def action_open_actuals(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Actuals of %(name)s", name=self.display_name),
            "res_model": "hr.target.actual",
            "view_mode": "list,form",
            "domain": [("target_id", "=", self.id)],
            "context": {"default_target_id": self.id},
        }

    @api.model
    def _generate_job_targets(self, periods, employees=None):
        """Create the monthly pay-basis targets of field staff from their
        job: the probation target while the contract is in its trial period
        during the month, else the regular target; the job's monthly minimum
        as minimum. Each target hangs under the team target of the
        employee's manager in the same period, when there is one.

        Employees who already have a pay-basis employee target in the period
        are skipped, so running it again creates nothing twice. Batch-safe:
        a fixed number of queries per period.

        :param periods: ``hr.target.period`` records (non-monthly ones are
            ignored)
        :param employees: restrict to these ``hr.employee`` (default: all)
        :return: the created targets
        """
        default_measure = self.env.ref(
            "hr_target_mgmt.measure_enrolments", raise_if_not_found=False
        )
        vals_list = []
        for period in periods.filtered(lambda p: p.period_type == "month"):
            contracts = self.env["hr.contract"].search(
                [
                    ("state", "=", "open"),
                    ("company_id", "=", period.company_id.id),
                    *(
                        [("employee_id", "in", employees.ids)]
                        if employees is not None
                        else []
                    ),
                    ("employee_id", "!=", False),
                    ("job_id.performance_basis", "=", "field"),
                    ("date_start", "<=", period.date_to),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", period.date_from),
                ]
            )
            existing = self.search(
                [
                    ("period_id", "=", period.id),
                    ("level", "=", "employee"),
                    ("is_pay_basis", "=", True),
                    ("employee_id", "in", contracts.employee_id.ids),
                ]
            ).employee_id
            team_targets = {
                target.employee_id.id: target
                for target in self.search(
                    [
                        ("period_id", "=", period.id),
                        ("level", "=", "team"),
                        ("employee_id", "in", contracts.employee_id.parent_id.ids),
                    ]
                )
            }
            done = set(existing.ids)
            for contract in contracts:
                employee, job = contract.employee_id, contract.job_id
                if employee.id in done:
                    continue
                on_trial = bool(
                    contract.trial_date_end
                    and contract.trial_date_end >= period.date_from
                )
                value = job.probation_target if on_trial else job.regular_target
                measure = job.target_measure_id or default_measure
                if value <= 0 or not measure:
                    continue
                done.add(employee.id)
                vals_list.append(
                    {
                        "name": _(
                            "%(measure)s %(period)s - %(employee)s",
                            measure=measure.name,
                            period=period.name,
                            employee=employee.name,
                        ),
                        "level": "employee",
                        "employee_id": employee.id,
                        "department_id": employee.department_id.id,
                        "company_id": period.company_id.id,
                        "period_id": period.id,
                        "measure_id": measure.id,
                        "target_value": value,
                        "minimum_value": min(job.monthly_minimum, value),
                        "parent_id": team_targets.get(employee.parent_id.id, self).id,
                        "is_pay_basis": True,
                    }
                )
        return self.create(vals_list)

    @api.model
    def _action_generate_job_targets(self, periods):
        targets = self._generate_job_targets(periods)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_target_mgmt.hr_target_action"
        )
        action.update(
            {
                "name": _("Generated Targets"),
                "domain": [("id", "in", targets.ids)],
                "context": {},
                "view_mode": "list,form,kanban",
                "views": [(False, "list"), (False, "form"), (False, "kanban")],
            }
        )
        return action

    # ------------------------------------------------------------------
    # API for performance pay
    # ------------------------------------------------------------------
    @api.model
    def _get_pay_basis_targets(self, level, employees, date_from, date_to):
        """Pay-basis targets of ``level`` for ``employees`` whose monthly
        period covers [date_from, date_to]: one query, stored fields only
        (``search_fetch`` reads them all at once, where reading after a
        ``search`` would take a query per thousand targets)."""
        if not employees:
            return self.browse()
        return self.search_fetch(
            [
                ("level", "=", level),
                ("is_pay_basis", "=", True),
                ("employee_id", "in", employees.ids),
                ("period_type", "=", "month"),
                ("date_from", "<=", date_from),
                ("date_to", ">=", date_to),
            ],
            [
                "employee_id",
                "measure_id",
                "target_value",
                "minimum_value",
                "actual_value",
                "achievement",
                "minimum_reached",
            ],
            order="date_from desc, id",
        )

    @api.model
    def _get_pay_basis(self, employees, date_from, date_to):
        """Employee-level targets that count for performance pay.

        :param employees: ``hr.employee`` recordset
        :param date_from: first day of the month paid (date)
        :param date_to: last day of the month paid (date)
        :return: ``{employee_id: {"target": hr.target, "target_value": float,
            "actual": float, "achievement": float}}`` for each employee having
            an active pay-basis target (``is_pay_basis``) at level
            ``employee`` in a *monthly* period covering [date_from, date_to].
            Employees without such a target are absent from the dict.
            ``achievement`` is a ratio (1.5 == 150 %).

        Batch-safe: one search over stored fields, whatever the number of
        employees. Runs with the caller's access rights (record rules
        apply); call it on ``sudo()`` from trusted server code.
        """
        result = {}
        for target in self._get_pay_basis_targets(
            "employee", employees, date_from, date_to
        ):
            result.setdefault(
                target.employee_id.id,
                {
                    "target": target,
                    "target_value": target.target_value,
                    "actual": target.actual_value,
                    "achievement": target.achievement,
                },
            )
        return result

    @api.model
    def _get_team_targets(self, supervisors, date_from, date_to):
        """Team targets of market supervisors that count for their reward.

        :param supervisors: ``hr.employee`` recordset (the supervisors, i.e.
            ``employee_id`` of targets at level ``team``)
        :param date_from: first day of the month (date)
        :param date_to: last day of the month (date)
        :return: ``{supervisor_id: {"target": hr.target, "target_value":
            float, "minimum_value": float, "actual": float, "achievement":
            float, "minimum_reached": bool}}`` for each supervisor having an
            active pay-basis team target in a *monthly* period covering
            [date_from, date_to]. ``minimum_reached`` is True when the team's
            actual reached its minimum (or the target when no minimum is set).

        Batch-safe (one search); runs with the caller's access rights.
        """
        result = {}
        for target in self._get_pay_basis_targets(
            "team", supervisors, date_from, date_to
        ):
            result.setdefault(
                target.employee_id.id,
                {
                    "target": target,
                    "target_value": target.target_value,
                    "minimum_value": target.minimum_value,
                    "actual": target.actual_value,
                    "achievement": target.achievement,
                    "minimum_reached": target.minimum_reached,
                },
            )
        return result
