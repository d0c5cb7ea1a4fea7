# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, _, api, models
from odoo.exceptions import UserError

#: The achievement of an office employee is their final score out of this.
SCORE_TARGET = 100.0


class HrPerformancePayComputation(models.AbstractModel):
    """Office staff (内勤) in the monthly performance-pay run: their
    achievement is the final score of their done monthly appraisal covering
    the run's month (score / 100), paid on the same scale, rate and standard
    as field staff. An office employee of the team without such an appraisal
    gets no line; the run lists them (``appraisal_missing_employee_ids``).
    An employee with a pay-basis target is paid on it, whatever their job."""

    _inherit = "hr.performance.pay.computation"

    @api.model
    def _get_office_reviews(self, run, employees):
        """The done monthly appraisal of each employee covering the run's
        month, in one query: ``{employee_id: hr.performance.review}``."""
        run.ensure_one()
        if not employees:
            return {}
        reviews = (
            self.env["hr.performance.review"]
            .sudo()
            .search_fetch(
                [
                    ("employee_id", "in", employees.ids),
                    ("company_id", "=", run.company_id.id),
                    ("state", "=", "done"),
                    ("has_final_score", "=", True),
                    ("cycle_id.cycle_type", "=", "monthly"),
                    ("date_from", "<=", run.date_from),
                    ("date_to", ">=", run.date_to),
                ],
                ["employee_id", "final_score"],
                order="date_to desc, id desc",
            )
        )
        by_employee = {}
        for review in reviews:
            by_employee.setdefault(review.employee_id.id, review)
        return by_employee

    @api.model
    def _prepare_line_values(self, run):
        vals_list = super()._prepare_line_values(run)
        members = self._get_members(run)
        paid = {
            vals["employee_id"]
            for vals in vals_list
            if vals["line_type"] == "performance"
        }
        office = members.filtered(
            lambda e: e.job_id.performance_basis == "office" and e.id not in paid
        )
        reviews = self._get_office_reviews(run, office)
        run.sudo().appraisal_missing_employee_ids = [
            Command.set(office.filtered(lambda e: e.id not in reviews).ids)
        ]
        scored = office.filtered(lambda e: e.id in reviews)
        for vals in vals_list:
            vals.setdefault("review_id", False)
        if not scored:
            return vals_list
        contracts = self._get_contracts(run, scored)
        contract_records = self.env["hr.contract"].sudo().concat(*contracts.values())
        (contract_records.job_id | scored.job_id).fetch(
            ["performance_pay_scale_id", "performance_pay_rate"]
        )
        (contract_records.department_id | scored.department_id).fetch(
            ["performance_pay_scale_id"]
        )
        default_scale = self.env["hr.performance.pay.scale"]._get_company_default(
            run.company_id
        )
        scales = {
            employee.id: contracts[employee.id]._get_performance_pay_scale(
                default_scale
            )
            for employee in scored
        }
        self._check_scales(run, scored, scales)
        brackets = (
            self.env["hr.performance.pay.scale"]
            .browse({scale.id for scale in scales.values()})
            ._brackets_by_scale()
        )
        Line = self.env["hr.performance.pay.line"]
        for employee in scored:
            contract = contracts[employee.id]
            review = reviews[employee.id]
            scale = scales[employee.id]
            vals = {
                "run_id": run.id,
                "employee_id": employee.id,
                "contract_id": contract.id,
                "wage": contract.wage,
                "line_type": "performance",
                "review_id": review.id,
                "target_id": False,
                # score / 100 is the achievement, by the line's own formula
                "target_value": SCORE_TARGET,
                "minimum_value": 0.0,
                "actual": review.final_score,
                "higher_is_better": True,
                "scale_id": scale.id,
                "rate": contract._get_performance_pay_rate(),
            }
            vals.update(
                Line._compute_amount_values(vals, brackets[scale.id], run.currency_id)
            )
            vals_list.append(vals)
        return vals_list

    @api.model
    def _check_scales(self, run, employees, scales):
        no_scale = employees.filtered(lambda e: not scales[e.id])
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
