# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, models
from odoo.exceptions import UserError


class HrPerformancePayComputation(models.AbstractModel):
    """How the lines of a monthly run are computed from the targets, in
    batch: the run's members, their running contracts (wage, scale, rate),
    their pay-basis and team targets, then each line's achievement, factor,
    standard and amount (``hr.performance.pay.line._compute_amount_values``).
    A constant number of queries whatever the number of employees."""

    _name = "hr.performance.pay.computation"
    _description = "Performance-Pay Computation"

    @api.model
    def _get_members(self, run):
        """Employees of the run (one query): the department's employees, or
        the supervisor and the employees reporting to them."""
        run.ensure_one()
        if run.department_id:
            domain = [("department_id", "=", run.department_id.id)]
        else:
            domain = [
                "|",
                ("id", "=", run.supervisor_id.id),
                ("parent_id", "=", run.supervisor_id.id),
            ]
        return (
            self.env["hr.employee"]
            .sudo()
            .search_fetch(
                domain + [("company_id", "=", run.company_id.id)],
                ["name", "job_id", "department_id"],
            )
        )

    @api.model
    def _get_contracts(self, run, employees):
        """The running contract of each employee over the run's month, in one
        query: ``{employee_id: hr.contract}``. An employee without one, or
        whose contract has no wage, raises a UserError naming them."""
        run.ensure_one()
        contracts = (
            self.env["hr.contract"]
            .sudo()
            .search_fetch(
                [
                    ("employee_id", "in", employees.ids),
                    ("state", "=", "open"),
                    ("date_start", "<=", run.date_to),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", run.date_from),
                ],
                [
                    "employee_id",
                    "wage",
                    "job_id",
                    "department_id",
                    "company_id",
                    "performance_pay_scale_id",
                    "performance_pay_rate",
                ],
                order="date_start desc, id desc",
            )
        )
        by_employee = {}
        for contract in contracts:
            by_employee.setdefault(contract.employee_id.id, contract)
        missing = employees.filtered(lambda e: e.id not in by_employee)
        if missing:
            raise UserError(
                _(
                    "Run %(name)s: no running contract for %(employees)s in %(month)s.",
                    name=run.display_name,
                    employees=", ".join(missing.mapped("name")),
                    month=run.date_from.strftime("%Y-%m"),
                )
            )
        no_wage = employees.filtered(lambda e: by_employee[e.id].wage <= 0)
        if no_wage:
            raise UserError(
                _(
                    "Run %(name)s: the contract of %(employees)s has no wage.",
                    name=run.display_name,
                    employees=", ".join(no_wage.mapped("name")),
                )
            )
        return by_employee

    @api.model
    def _prepare_line_values(self, run):
        """Values of the run's lines, computed in batch from the targets: a
        constant number of queries whatever the number of employees."""
        run.ensure_one()
        members = self._get_members(run)
        targets = self.env["hr.target"].sudo()
        basis = targets._get_pay_basis(members, run.date_from, run.date_to)
        teams = targets._get_team_targets(members, run.date_from, run.date_to)
        employees = members.filtered(lambda e: e.id in basis or e.id in teams)
        if not employees:
            return []
        contracts = self._get_contracts(run, employees)
        contract_records = self.env["hr.contract"].sudo().concat(*contracts.values())
        # the scale and rate sources of every contract, in one query each
        (contract_records.job_id | employees.job_id).fetch(
            ["performance_pay_scale_id", "performance_pay_rate"]
        )
        (contract_records.department_id | employees.department_id).fetch(
            ["performance_pay_scale_id"]
        )
        default_scale = self.env["hr.performance.pay.scale"]._get_company_default(
            run.company_id
        )
        scales = {
            employee.id: contracts[employee.id]._get_performance_pay_scale(
                default_scale
            )
            for employee in employees
            if employee.id in basis
        }
        no_scale = employees.filtered(lambda e: e.id in scales and not scales[e.id])
        if no_scale:
            raise UserError(
                _(
                    "Run %(name)s: no performance-pay scale for %(employees)s "
                    "(set one on the contract, job, department or as the "
                    "company default).",
                    name=run.display_name,
                    employees=", ".join(no_scale.mapped("name")),
                )
            )
        brackets = (
            self.env["hr.performance.pay.scale"]
            .browse({scale.id for scale in scales.values()})
            ._brackets_by_scale()
        )
        currency = run.currency_id
        reward_rate = run.company_id.performance_team_reward_rate
        Line = self.env["hr.performance.pay.line"]
        vals_list = []
        for employee in employees:
            contract = contracts[employee.id]
            common = {
                "run_id": run.id,
                "employee_id": employee.id,
                "contract_id": contract.id,
                "wage": contract.wage,
            }
            if employee.id in basis:
                data = basis[employee.id]
                scale = scales[employee.id]
                vals = dict(
                    common,
                    line_type="performance",
                    target_id=data["target"].id,
                    target_value=data["target_value"],
                    minimum_value=0.0,
                    actual=data["actual"],
                    higher_is_better=data["target"].measure_id.higher_is_better,
                    scale_id=scale.id,
                    rate=contract._get_performance_pay_rate(),
                )
                vals.update(
                    Line._compute_amount_values(vals, brackets[scale.id], currency)
                )
                vals_list.append(vals)
            if employee.id in teams:
                data = teams[employee.id]
                vals = dict(
                    common,
                    line_type="team_reward",
                    target_id=data["target"].id,
                    target_value=data["target_value"],
                    minimum_value=data["minimum_value"],
                    actual=data["actual"],
                    higher_is_better=data["target"].measure_id.higher_is_better,
                    scale_id=False,
                    rate=reward_rate,
                )
                vals.update(Line._compute_amount_values(vals, [], currency))
                vals_list.append(vals)
        return vals_list

    @api.model
    def _check_periods(self, runs, require=True):
        """Each run's month must be an open monthly target period of its
        company: without one there are no targets to pay on (checked when
        ``require``), and a closed one takes no more changes (one query for
        all runs)."""
        periods = {
            (period.company_id.id, period.date_from): period
            for period in self.env["hr.target.period"]
            .sudo()
            .search(
                [
                    ("company_id", "in", runs.company_id.ids),
                    ("period_type", "=", "month"),
                    ("date_from", "in", list(set(runs.mapped("date_from")))),
                ]
            )
        }
        for run in runs:
            period = periods.get((run.company_id.id, run.date_from))
            if not period and not require:
                continue
            if not period:
                raise UserError(
                    _(
                        "Run %(name)s: there is no monthly target period "
                        "%(month)s in %(company)s, so there are no targets to "
                        "pay on. Create the period and its targets, then "
                        "compute the lines again.",
                        name=run.display_name,
                        month=run.date_from.strftime("%Y-%m"),
                        company=run.company_id.name,
                    )
                )
            if period.state == "closed":
                raise UserError(
                    _(
                        "Run %(name)s: period %(period)s is closed; its "
                        "performance pay can no longer be computed.",
                        name=run.display_name,
                        period=period.display_name,
                    )
                )
