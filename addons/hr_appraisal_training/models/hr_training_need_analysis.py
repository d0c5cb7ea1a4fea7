# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time

from odoo import Command, _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.hr_target_mgmt.models.hr_approval_mixin import ApprovalStep

HR_OFFICER = "hr_target_mgmt.group_hr_target_mgmt_hr_officer"
HR_MANAGER = "hr_target_mgmt.group_hr_target_mgmt_hr_manager"
PRINCIPAL = "hr_target_mgmt.group_hr_target_mgmt_principal"


class HrTrainingNeedAnalysis(models.Model):
    """The training-needs analysis report (培训需求分析报告) of a period: the
    needs raised in it, counted by department, category and source (needs
    and people), with the overview, the method and the recommendations.
    Drawn up by an HR officer, reviewed by the training manager (HR
    manager), approved by management (the principal); the plans follow."""

    _name = "hr.training.need.analysis"
    _description = "Training Needs Analysis"
    _inherit = ["hr.approval.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
        tracking=True,
    )
    date_to = fields.Date(
        string="To",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=12, day=31),
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        check_company=True,
        help="Needs of these departments only; every department when empty.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("reviewed", "Reviewed"),
            ("approved", "Approved"),
        ],
        required=True,
        default="draft",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    need_ids = fields.Many2many(
        "hr.training.need",
        "hr_training_need_analysis_need_rel",
        "analysis_id",
        "need_id",
        string="Training Needs",
        readonly=True,
        copy=False,
    )
    line_ids = fields.One2many(
        "hr.training.need.analysis.line",
        "analysis_id",
        string="Summary",
        readonly=True,
        copy=False,
    )
    need_count = fields.Integer(string="Needs", compute="_compute_counts")
    employee_count = fields.Integer(string="People", compute="_compute_counts")
    overview = fields.Html(help="Overview of the needs (需求概述).")
    method = fields.Html(
        help="How the needs were analysed: task, performance or forward-looking "
        "analysis (需求分析方法与过程)."
    )
    recommendation = fields.Html(help="Training recommendations (培训建议).")
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_approved = fields.Date(string="Approved On", readonly=True, copy=False)
    note = fields.Html()

    @api.depends("need_ids", "line_ids.employee_count")
    def _compute_counts(self):
        for analysis in self:
            analysis.need_count = len(analysis.need_ids)
            analysis.employee_count = len(analysis.sudo().need_ids.employee_ids)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for analysis in self:
            if analysis.date_from > analysis.date_to:
                raise ValidationError(
                    _(
                        "Needs analysis %(name)s ends before it starts.",
                        name=analysis.name,
                    )
                )

    # ------------------------------------------------------------------
    # Gathering the needs
    # ------------------------------------------------------------------
    def _needs_domain(self):
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("state", "!=", "cancelled"),
            ("create_date", ">=", datetime.combine(self.date_from, time.min)),
            ("create_date", "<=", datetime.combine(self.date_to, time.max)),
        ]
        if self.department_ids:
            domain += [
                "|",
                ("department_id", "child_of", self.department_ids.ids),
                ("employee_ids.department_id", "child_of", self.department_ids.ids),
            ]
        return domain

    def action_gather(self):
        """Gather the needs raised in the period and count them by
        department, category and source (an HR officer, while draft)."""
        label = _("Gather Needs")
        self._approval_check_group(HR_OFFICER, label)
        self._approval_check_state(("draft",), label)
        self.check_access("write")
        Need = self.env["hr.training.need"].sudo()
        for analysis in self:
            needs = Need.search(analysis._needs_domain())
            groups = {}
            for need in needs:
                # a need names a department or its employees (the first one's)
                department = need.department_id or need.employee_ids[:1].department_id
                key = (department.id, need.category, need.source)
                group = groups.setdefault(key, [0, set()])
                group[0] += 1
                group[1].update(need.employee_ids.ids)
            analysis.sudo().write(
                {
                    "need_ids": [Command.set(needs.ids)],
                    "line_ids": [Command.clear()]
                    + [
                        Command.create(
                            {
                                "department_id": department_id,
                                "category": category,
                                "source": source,
                                "need_count": count,
                                "employee_count": len(people),
                            }
                        )
                        for (department_id, category, source), (
                            count,
                            people,
                        ) in sorted(groups.items(), key=lambda kv: str(kv[0]))
                    ],
                }
            )
        return True

    # ------------------------------------------------------------------
    # Workflow (hr.approval.mixin)
    # ------------------------------------------------------------------
    def _approval_steps(self):
        """Submitted by an HR officer, reviewed by the training manager (HR
        manager), approved by management (the principal)."""
        return [
            ApprovalStep(
                "draft",
                "submitted",
                HR_OFFICER,
                _("Submit"),
                None,
                None,
                _("Submit the training needs analysis"),
                "",
            ),
            ApprovalStep(
                "submitted",
                "reviewed",
                HR_MANAGER,
                _("Review"),
                None,
                None,
                _("Review the training needs analysis"),
                "",
                lock_after=True,
            ),
            ApprovalStep(
                "reviewed",
                "approved",
                PRINCIPAL,
                _("Approve"),
                None,
                None,
                _("Approve the training needs analysis"),
                "",
            ),
        ]

    def _approval_protected_fields(self):
        return super()._approval_protected_fields() | {
            "approved_by_id",
            "date_approved",
            "need_ids",
            "line_ids",
        }

    def action_submit(self):
        for analysis in self:
            if not analysis.need_ids:
                raise ValidationError(
                    _(
                        "Needs analysis %(name)s holds no need: gather the "
                        "needs of the period first.",
                        name=analysis.name,
                    )
                )
        return self._approval_advance("draft")

    def action_review(self):
        return self._approval_advance("submitted")

    def action_approve(self):
        self._approval_advance("reviewed")
        self.sudo().write(
            {
                "approved_by_id": self.env.user.id,
                "date_approved": fields.Date.context_today(self),
            }
        )
        return True

    def action_reset_draft(self):
        return self._approval_move(
            "draft", ("submitted", "reviewed"), HR_OFFICER, _("Reset to Draft")
        )

    def action_view_needs(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Training Needs"),
            "res_model": "hr.training.need",
            "view_mode": "list,form",
            "domain": [("id", "in", self.need_ids.ids)],
        }
