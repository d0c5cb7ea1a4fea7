# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.target_math import month_windows, prorated_target
from .selection_labels import selection_labels

OPEN_STATES = ("proposed", "running", "review")
HR_OFFICER_GROUP = "hr_target_mgmt.group_hr_target_mgmt_hr_officer"


class HrTargetProbation(models.Model):
    """Probation by target (见习期).

    * A new field hire is on probation until the contract's end of trial
      period with a lower monthly target (job setting, e.g. 10 instead
      of 15). At the end, the system proposes: *confirm* when every month
      met the target, otherwise *extend* by one month; after an extension,
      *confirm* or *end*.
    * A confirmed field employee below the job's monthly minimum two months
      running gets a *demotion* proposal: a probation of 2 months, judged
      the same way.

    The system proposes and records; an HR officer decides. The contract
    follows the decision: its end of trial period moves with an extension
    or a demotion; ending the probation ends the contract.
    """

    _name = "hr.target.probation"
    _description = "Probation by Target"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_end desc, id desc"

    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        readonly=True,
    )
    contract_id = fields.Many2one(
        "hr.contract",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        readonly=True,
        domain="[('employee_id', '=', employee_id)]",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    job_id = fields.Many2one("hr.job", readonly=True)
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, string="Department"
    )
    reason = fields.Selection(
        [("new_hire", "New Hire"), ("demotion", "Demotion")],
        required=True,
        readonly=True,
        default="new_hire",
    )
    date_start = fields.Date(string="Probation Start", readonly=True, tracking=True)
    date_end = fields.Date(string="Probation End", readonly=True, tracking=True)
    extension_date_start = fields.Date(
        string="Extension Start",
        readonly=True,
        help="Set when HR extended the probation: only the months from this "
        "day on are judged at the next review.",
    )
    trigger_month = fields.Date(
        readonly=True,
        help="For a demotion proposal: the month in which the two months "
        "below the minimum were found.",
    )
    monthly_target = fields.Float(
        readonly=True, help="Monthly target during the probation."
    )
    line_ids = fields.One2many(
        "hr.target.probation.line", "probation_id", string="Month Results"
    )
    target_met = fields.Boolean(
        readonly=True,
        help="On track: every month of the probation that is over met its "
        "target. Updated as the months pass (and as results are entered) "
        "while the probation runs; final at the review.",
    )
    proposal = fields.Selection(
        [
            ("confirm", "Confirm"),
            ("extend", "Extend One Month"),
            ("end", "End Contract"),
            ("demote", "Demote to Probation"),
        ],
        readonly=True,
        tracking=True,
        help="What the system proposes; an HR officer decides.",
    )
    decision = fields.Selection(
        [
            ("confirm", "Confirmed"),
            ("extend", "Extended"),
            ("end", "Contract Ended"),
            ("demote", "Demoted to Probation"),
            ("keep", "Kept as Regular"),
        ],
        readonly=True,
        tracking=True,
    )
    decided_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    decision_date = fields.Date(readonly=True, tracking=True)
    decision_note = fields.Text(help="Why HR decided so.")
    state = fields.Selection(
        [
            ("proposed", "Demotion Proposed"),
            ("running", "In Probation"),
            ("review", "To Decide"),
            ("confirmed", "Confirmed"),
            ("ended", "Ended"),
            ("cancelled", "Cancelled"),
        ],
        string="Status",
        required=True,
        default="running",
        readonly=True,
        tracking=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        probations = super().create(vals_list)
        probations.filtered(lambda p: p.state == "running")._evaluate()
        return probations

    @api.depends("employee_id", "reason", "date_end")
    def _compute_display_name(self):
        reasons = selection_labels(self, "reason")
        for probation in self:
            probation.display_name = _(
                "%(employee)s - %(reason)s",
                employee=probation.employee_id.name or "",
                reason=reasons.get(probation.reason, ""),
            )

    # ------------------------------------------------------------------
    # evaluation
    # ------------------------------------------------------------------
    def _judged_window(self):
        self.ensure_one()
        return (self.extension_date_start or self.date_start, self.date_end)

    def _evaluate(self):
        """(Re)compute the month results of the judged window and
        ``target_met``: each month begun by today, with its target (prorated
        when the probation covers part of it) and the results entered so far;
        a month not yet over is *in progress* and does not count for
        ``target_met`` (on track) until it ends. Batch-safe: one grouped read
        of the actuals, one delete and one insert of the lines."""
        if not self:
            return
        today = fields.Date.context_today(self)
        windows = {p.id: p._judged_window() for p in self}
        windows = {key: window for key, window in windows.items() if all(window)}
        actuals = (
            self._actuals_by_day(
                self.employee_id,
                min(w[0] for w in windows.values()),
                max(w[1] for w in windows.values()),
            )
            if windows
            else {}
        )
        self.line_ids.sudo().unlink()
        line_vals = []
        met = {}
        for probation in self:
            date_from, date_to = windows.get(probation.id, (False, False))
            per_day = actuals.get(probation.employee_id.id, {})
            all_met = True
            complete = 0
            for month, part_from, part_to, covered, days in month_windows(
                date_from, date_to
            ):
                if part_from > today:
                    break
                target = prorated_target(probation.monthly_target, covered, days)
                actual = sum(
                    value
                    for day, value in per_day.items()
                    if part_from <= day <= part_to
                )
                line_met = actual >= target
                in_progress = part_to >= today
                if not in_progress:
                    complete += 1
                    all_met = all_met and line_met
                line_vals.append(
                    {
                        "probation_id": probation.id,
                        "month": month,
                        "date_from": part_from,
                        "date_to": part_to,
                        "target_value": target,
                        "actual_value": actual,
                        "met": line_met,
                        "in_progress": in_progress,
                        "is_extension": bool(probation.extension_date_start),
                    }
                )
            met[probation.id] = all_met and bool(complete)
        self.env["hr.target.probation.line"].sudo().create(line_vals)
        for value in (True, False):
            todo = self.filtered(
                lambda p, value=value: met[p.id] == value and p.target_met != value
            )
            todo.sudo().write({"target_met": value})

    @api.model
    def _refresh_running(self, employees=None):
        """Refresh the month table of the running probations (of
        ``employees``, or all of them): called when results are entered and
        every day by the scheduled action, so that a running probation shows
        each month's target and result as the months pass."""
        domain = [("state", "=", "running")]
        if employees is not None:
            if not employees:
                return self.browse()
            domain.append(("employee_id", "in", employees.ids))
        running = self.sudo().search(domain)
        running._evaluate()
        return running

    @api.model
    def _actuals_by_day(self, employees, date_from, date_to):
        """{employee_id: {date: value}} of the actual entries of the
        employees' employee-level pay-basis targets, in one grouped query."""
        result = defaultdict(lambda: defaultdict(float))
        groups = (
            self.env["hr.target.actual"]
            .sudo()
            ._read_group(
                [
                    ("employee_id", "in", employees.ids),
                    ("target_id.level", "=", "employee"),
                    ("target_id.is_pay_basis", "=", True),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                ],
                ["employee_id", "date:day"],
                ["value:sum"],
            )
        )
        for employee, day, value in groups:
            result[employee.id][fields.Date.to_date(day)] += value
        return result

    def _propose(self):
        """Evaluate and set the proposal; the probation waits for HR."""
        self._evaluate()
        for probation in self:
            if probation.target_met:
                proposal = "confirm"
            elif probation.extension_date_start:
                proposal = "end"
            else:
                proposal = "extend"
            probation.write({"proposal": proposal, "state": "review"})
        self._schedule_hr_activity(_("Decide on the probation"))

    def _schedule_hr_activity(self, summary):
        # the HR responsible of the contract: read as superuser, HR officers
        # of this suite need not have access to contracts
        for probation in self:
            user = (
                probation.contract_id.sudo().hr_responsible_id
                or probation.employee_id.parent_id.user_id
                or self.env.user
            )
            probation.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=summary,
                user_id=user.id,
            )

    # ------------------------------------------------------------------
    # decisions (HR officer)
    # ------------------------------------------------------------------
    def _check_decider(self, states):
        if not self.env.user.has_group(HR_OFFICER_GROUP):
            raise AccessError(_("Only an HR officer can decide on a probation."))
        for probation in self:
            if probation.state not in states:
                raise UserError(
                    _(
                        "Probation %(name)s is %(state)s; this decision is not "
                        "possible now.",
                        name=probation.display_name,
                        state=selection_labels(self, "state")[probation.state],
                    )
                )

    def _decision_vals(self, decision, **extra):
        vals = {
            "decision": decision,
            "decided_by_id": self.env.user.id,
            "decision_date": fields.Date.context_today(self),
        }
        vals.update(extra)
        return vals

    def _update_contract_trial(self, date_end):
        """Move the contract's end of trial period (as superuser: HR
        officers of this suite need not manage contracts) and say why in
        the contract's chatter."""
        self.ensure_one()
        contract = self.contract_id.sudo()
        if contract.trial_date_end == date_end:
            return
        contract.trial_date_end = date_end
        contract.message_post(
            body=_(
                "End of trial period set to %(date)s by the decision on "
                "probation %(probation)s.",
                date=date_end,
                probation=self.display_name,
            )
        )

    def action_review(self):
        """Review now (HR officer), without waiting for the scheduled action."""
        self._check_decider(("running", "review"))
        self._propose()
        return True

    def action_decide_confirm(self):
        """Confirm the employee (转正)."""
        self._check_decider(("review",))
        for probation in self:
            probation.write(self._decision_vals("confirm", state="confirmed"))
            # the contract's trial period ends with the probation
            probation._update_contract_trial(probation.date_end)
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_decide_extend(self):
        """Extend the probation (and the contract's trial period) by the
        job's extension length (one month by default)."""
        self._check_decider(("review",))
        for probation in self:
            if probation.extension_date_start:
                raise UserError(
                    _(
                        "Probation %(name)s was already extended once; confirm "
                        "the employee or end the contract.",
                        name=probation.display_name,
                    )
                )
            months = probation.job_id.sudo().extension_months or 1
            new_end = probation.date_end + relativedelta(months=months)
            probation.write(
                self._decision_vals(
                    "extend",
                    state="running",
                    extension_date_start=probation.date_end + timedelta(days=1),
                    date_end=new_end,
                    proposal=False,
                )
            )
            # the contract's end of trial period follows the extension
            probation._update_contract_trial(new_end)
        self._evaluate()
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_decide_end(self):
        """End the contract: its end date becomes today (never before its
        start, never after an end date it already has) and it is closed,
        as hr_contract does for an expired contract."""
        self._check_decider(("review",))
        today = fields.Date.context_today(self)
        for probation in self:
            contract = probation.contract_id.sudo()
            date_end = max(today, contract.date_start)
            if contract.date_end:
                date_end = min(date_end, contract.date_end)
            contract.write({"date_end": date_end, "state": "close"})
            contract.message_post(
                body=_(
                    "Contract ended on %(date)s by the decision on probation "
                    "%(probation)s.",
                    date=date_end,
                    probation=probation.display_name,
                )
            )
            probation.write(self._decision_vals("end", state="ended"))
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_decide_demote(self):
        """Accept a demotion proposal: a probation of the job's demotion
        length starts on the first day of next month; the contract's end of
        trial period follows."""
        self._check_decider(("proposed",))
        today = fields.Date.context_today(self)
        start = today.replace(day=1) + relativedelta(months=1)
        for probation in self:
            months = probation.job_id.sudo().demotion_probation_months or 2
            date_end = start + relativedelta(months=months) - timedelta(days=1)
            probation.write(
                self._decision_vals(
                    "demote",
                    state="running",
                    date_start=start,
                    date_end=date_end,
                    monthly_target=probation.job_id.sudo().probation_target
                    or probation.monthly_target,
                    proposal=False,
                )
            )
            probation.line_ids.unlink()
            probation._update_contract_trial(date_end)
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_decide_keep(self):
        """Reject a demotion proposal: the employee stays regular."""
        self._check_decider(("proposed",))
        self.write(self._decision_vals("keep", state="cancelled"))
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    # ------------------------------------------------------------------
    # scheduled action
    # ------------------------------------------------------------------
    @api.model
    def _field_contract_domain(self):
        return [
            ("state", "=", "open"),
            ("employee_id", "!=", False),
            ("job_id.performance_basis", "=", "field"),
        ]

    @api.model
    def _new_hire_contracts(self, today):
        """Running field-staff contracts still in their trial period that
        have no probation yet."""
        contracts = self.env["hr.contract"].search(
            self._field_contract_domain() + [("trial_date_end", ">=", today)],
            order="id",
        )
        known = set(self.search([("contract_id", "in", contracts.ids)]).contract_id.ids)
        return contracts.filtered(lambda c: c.id not in known)

    @api.model
    def _create_new_hire_probations(self, contracts):
        """Open a probation for each of the (new hire) ``contracts``, until
        their end of trial period, with the job's probation target."""
        return self.create(
            [
                {
                    "employee_id": contract.employee_id.id,
                    "contract_id": contract.id,
                    "company_id": contract.company_id.id,
                    "job_id": contract.job_id.id,
                    "reason": "new_hire",
                    "date_start": contract.date_start,
                    "date_end": contract.trial_date_end,
                    "monthly_target": contract.job_id.probation_target,
                    "state": "running",
                }
                for contract in contracts
            ]
        )

    @api.model
    def _propose_due(self, today, limit=None):
        """Review the probations whose period ended before ``today``."""
        due = self.search(
            [("state", "=", "running"), ("date_end", "<", today)],
            order="date_end, id",
            limit=limit,
        )
        due._propose()
        return due

    @api.model
    def _scan_demotions(self, today):
        """Propose a demotion for every confirmed field employee below the
        job's monthly minimum in both of the last two complete months."""
        this_month = today.replace(day=1)
        month_1 = this_month - relativedelta(months=2)
        month_2 = this_month - relativedelta(months=1)
        contracts = self.env["hr.contract"].search(
            self._field_contract_domain()
            + [
                ("job_id.monthly_minimum", ">", 0),
                ("date_start", "<=", month_1),
                "|",
                ("trial_date_end", "=", False),
                ("trial_date_end", "<", month_1),
            ]
        )
        busy = set(
            self.search(
                [
                    ("employee_id", "in", contracts.employee_id.ids),
                    "|",
                    ("state", "in", OPEN_STATES),
                    "&",
                    ("reason", "=", "demotion"),
                    ("trigger_month", "=", this_month),
                ]
            ).employee_id.ids
        )
        contracts = contracts.filtered(lambda c: c.employee_id.id not in busy)
        if not contracts:
            return self.browse()
        totals = defaultdict(float)
        for employee, month, value in (
            self.env["hr.target.actual"]
            .sudo()
            ._read_group(
                [
                    ("employee_id", "in", contracts.employee_id.ids),
                    ("target_id.level", "=", "employee"),
                    ("target_id.is_pay_basis", "=", True),
                    ("date", ">=", month_1),
                    ("date", "<", this_month),
                ],
                ["employee_id", "date:month"],
                ["value:sum"],
            )
        ):
            totals[employee.id, fields.Date.to_date(month)] += value
        vals_list = []
        for contract in contracts:
            minimum = contract.job_id.monthly_minimum
            employee_id = contract.employee_id.id
            results = [
                (month, totals[employee_id, month]) for month in (month_1, month_2)
            ]
            if all(value < minimum for __, value in results):
                vals_list.append(
                    {
                        "employee_id": employee_id,
                        "contract_id": contract.id,
                        "company_id": contract.company_id.id,
                        "job_id": contract.job_id.id,
                        "reason": "demotion",
                        "state": "proposed",
                        "proposal": "demote",
                        "trigger_month": this_month,
                        "monthly_target": contract.job_id.probation_target,
                        "line_ids": [
                            fields.Command.create(
                                {
                                    "month": month,
                                    "date_from": month,
                                    "date_to": month
                                    + relativedelta(months=1)
                                    - timedelta(days=1),
                                    "target_value": minimum,
                                    "actual_value": value,
                                    "met": False,
                                }
                            )
                            for month, value in results
                        ],
                    }
                )
        proposals = self.create(vals_list)
        proposals._schedule_hr_activity(_("Decide on the demotion proposal"))
        return proposals

    @api.model
    def _cron_probation_review(self, batch_size=500):
        """Scheduled action: open the probations of new field hires, propose
        a decision for the probations that ended, and propose demotions.
        Works in batches of ``batch_size``; reports progress to the cron so
        that it runs again at once while work remains."""
        today = fields.Date.context_today(self)
        new_hires = self._new_hire_contracts(today)
        created = self._create_new_hire_probations(new_hires[:batch_size])
        reviewed = self._propose_due(today, limit=batch_size)
        # the month tables of the probations still running follow the days
        self._refresh_running()
        proposals = self._scan_demotions(today)
        remaining = len(new_hires) - len(created)
        remaining += self.search_count(
            [("state", "=", "running"), ("date_end", "<", today)]
        )
        self.env["ir.cron"]._notify_progress(
            done=len(created) + len(reviewed) + len(proposals),
            remaining=remaining,
        )
        return True
