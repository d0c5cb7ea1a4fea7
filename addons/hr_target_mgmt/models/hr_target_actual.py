# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools.target_math import MAX_VALUE, is_valid_value
from .hr_team_scope_mixin import check_team_scope

#: The bound shown in messages (formatted once, outside the translated text).
LIMIT = f"{MAX_VALUE:,.0f}"


class HrTargetActual(models.Model):
    """A dated result counted towards a target (e.g. 3 enrolments on the
    5th). Entered by the supervisor or manager, or imported (CSV/XLSX) with
    Odoo's standard import; evidence is attached to the entry."""

    _name = "hr.target.actual"
    _description = "Target Actual"
    _order = "date desc, id desc"

    target_id = fields.Many2one(
        "hr.target",
        required=True,
        index=True,
        ondelete="cascade",
    )
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        help="Day the result was achieved; must lie within the target's period.",
    )
    value = fields.Float(
        required=True,
        help="Result counted towards the target; a negative value corrects an "
        "earlier entry (e.g. a cancelled enrolment).",
    )
    note = fields.Char()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "hr_target_actual_attachment_rel",
        "actual_id",
        "attachment_id",
        string="Evidence",
    )
    employee_id = fields.Many2one(
        related="target_id.employee_id", store=True, index=True
    )
    department_id = fields.Many2one(related="target_id.department_id", store=True)
    period_id = fields.Many2one(related="target_id.period_id", store=True, index=True)
    measure_id = fields.Many2one(related="target_id.measure_id", store=True)
    unit = fields.Char(related="target_id.unit")
    measure_decimal_places = fields.Integer(related="measure_id.decimal_places")
    company_id = fields.Many2one(related="target_id.company_id", store=True)

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": _("Import Template for Target Actuals"),
                "template": "/hr_target_mgmt/static/csv/"
                "hr_target_actual_import_template.csv",
            }
        ]

    @api.depends("target_id", "date")
    def _compute_display_name(self):
        for actual in self:
            actual.display_name = _(
                "%(target)s on %(date)s",
                target=actual.target_id.display_name,
                date=actual.date,
            )

    @api.constrains("date", "target_id", "value")
    def _check_period(self):
        for actual in self:
            if not is_valid_value(actual.value, allow_negative=True):
                raise ValidationError(
                    _(
                        "Target %(target)s: the result of %(date)s must be a "
                        "number between -%(maximum)s and %(maximum)s.",
                        target=actual.target_id.display_name,
                        date=actual.date,
                        maximum=LIMIT,
                    )
                )
            period = actual.target_id.period_id
            actual._check_period_open()
            if not period.date_from <= actual.date <= period.date_to:
                raise ValidationError(
                    _(
                        "Target %(target)s: the entry of %(date)s lies outside "
                        "period %(period)s (%(date_from)s - %(date_to)s).",
                        target=actual.target_id.display_name,
                        date=actual.date,
                        period=period.display_name,
                        date_from=period.date_from,
                        date_to=period.date_to,
                    )
                )

    def _check_period_open(self):
        self.target_id._raise_if_period_closed(
            _(
                "Target %(target)s: period %(period)s is closed; its "
                "actuals can no longer be added, changed or removed."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        actuals = super().create(vals_list)
        self.env["hr.target.probation"]._refresh_running(actuals.employee_id)
        return actuals

    def write(self, vals):
        # refuse changes to entries of a closed period before writing
        self._check_period_open()
        employees = self.employee_id
        res = super().write(vals)
        if "target_id" in vals:
            # the results stay on targets the user may write
            check_team_scope(self)
        if {"target_id", "date", "value"} & set(vals):
            self.env["hr.target.probation"]._refresh_running(
                employees | self.employee_id
            )
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed_period(self):
        self._check_period_open()

    def unlink(self):
        employees = self.employee_id
        res = super().unlink()
        self.env["hr.target.probation"]._refresh_running(employees)
        return res
