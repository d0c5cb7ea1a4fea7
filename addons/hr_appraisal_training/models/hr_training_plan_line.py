# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .hr_training_budget_line import check_money_fields, check_money_vals

CATEGORY_SELECTION = [
    ("general", "General"),
    ("professional", "Professional Skills"),
    ("management", "Management"),
    ("frontier", "Industry Trends & New Technology"),
]
MODE_SELECTION = [
    ("internal", "Internal"),
    ("external", "External"),
    ("online", "Online"),
    ("practice", "On-the-job Practice"),
]


class HrTrainingPlanLine(models.Model):
    """One course of a training plan: what, how (mode), when (dates or
    month), by whom (trainers), for whom (audience) and for how much."""

    _name = "hr.training.plan.line"
    _description = "Training Plan Line"
    _order = "plan_id, sequence, date_start, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    plan_id = fields.Many2one(
        "hr.training.plan", required=True, ondelete="cascade", index=True
    )
    course_id = fields.Many2one(
        "hr.training.course",
        index="btree_not_null",
        check_company=True,
        help="The course of the catalogue; its name, category, mode and "
        "hours are proposed.",
    )
    name = fields.Char(
        string="Topic",
        required=True,
        compute="_compute_from_course",
        store=True,
        readonly=False,
        precompute=True,
    )
    category = fields.Selection(
        CATEGORY_SELECTION,
        required=True,
        default="general",
        compute="_compute_from_course",
        store=True,
        readonly=False,
        precompute=True,
    )
    mode = fields.Selection(
        MODE_SELECTION,
        required=True,
        default="internal",
        compute="_compute_from_course",
        store=True,
        readonly=False,
        precompute=True,
    )
    company_id = fields.Many2one(
        related="plan_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="plan_id.currency_id")
    plan_type = fields.Selection(related="plan_id.plan_type", store=True)
    year = fields.Integer(related="plan_id.year", store=True)
    state = fields.Selection(related="plan_id.state", store=True, string="Plan State")
    date_start = fields.Date(string="Start")
    date_end = fields.Date(string="End")
    month = fields.Selection(
        [(str(m), str(m)) for m in range(1, 13)],
        compute="_compute_month",
        store=True,
        readonly=False,
        precompute=True,
        help="Month of the course when its dates are not fixed yet.",
    )
    hours = fields.Float(
        compute="_compute_from_course", store=True, readonly=False, precompute=True
    )
    trainer_ids = fields.Many2many(
        "hr.training.trainer", string="Trainers", check_company=True
    )
    trainer_external = fields.Char(
        string="External Trainer", help="Training provider or external expert."
    )
    department_ids = fields.Many2many(
        "hr.department", string="Departments", check_company=True
    )
    job_ids = fields.Many2many("hr.job", string="Jobs")
    audience = fields.Char(help="Who attends, in words (e.g. 新入职售后工程师).")
    participant_count = fields.Integer(string="Participants")
    amount_budget = fields.Monetary(string="Budget", default=0.0)
    budget_line_id = fields.Many2one(
        "hr.training.budget.line",
        check_company=True,
        domain="[('budget_id', '=', parent.budget_id)]",
        help="The cost line of the plan's budget this course is paid from.",
    )

    need_ids = fields.Many2many(
        "hr.training.need",
        "hr_training_plan_line_need_rel",
        "line_id",
        "need_id",
        string="Needs Answered",
        domain="[('company_id', '=', company_id), "
        "('state', 'in', ('new', 'approved', 'planned'))]",
        help="The training needs this course answers: they become planned "
        "when the plan is approved and covered when it is done.",
    )
    need_count = fields.Integer(string="Needs", compute="_compute_need_count")

    @api.depends("need_ids")
    def _compute_need_count(self):
        for line in self:
            line.need_count = len(line.need_ids)

    @api.depends("course_id")
    def _compute_from_course(self):
        roots = self._category_roots()
        for line in self:
            course = line.course_id
            if not course:
                line.name = line.name or False
                line.category = line.category or "general"
                line.mode = line.mode or "internal"
                line.hours = line.hours or 0.0
                continue
            line.name = course.name
            line.mode = course.mode or line.mode or "internal"
            line.hours = course.duration_hours or line.hours
            root_id = int((course.category_id.parent_path or "0/").split("/")[0])
            line.category = roots.get(root_id, line.category or "general")

    @api.model
    def _category_roots(self):
        """Category key of each root course category shipped as data
        (General, Professional, Management, Frontier)."""
        roots = {}
        for key, _label in CATEGORY_SELECTION:
            category = self.env.ref(
                f"hr_appraisal_training.course_category_{key}",
                raise_if_not_found=False,
            )
            if category:
                roots[category.id] = key
        return roots

    @api.constrains("need_ids", "company_id")
    def _check_needs(self):
        for line in self:
            foreign = line.sudo().need_ids.filtered(
                lambda n, line=line: n.company_id != line.company_id
            )
            if foreign:
                raise ValidationError(
                    _(
                        "%(plan)s / %(line)s: the needs %(needs)s belong to "
                        "another company.",
                        plan=line.plan_id.name,
                        line=line.name,
                        needs=", ".join(foreign.mapped("name")),
                    )
                )

    @api.depends("date_start")
    def _compute_month(self):
        for line in self:
            if line.date_start:
                line.month = str(line.date_start.month)
            else:
                line.month = line.month or False

    @api.constrains("amount_budget")
    def _check_amount_budget(self):
        check_money_fields(self, ["amount_budget"])

    @api.constrains("date_start", "date_end", "participant_count", "hours")
    def _check_schedule(self):
        for line in self:
            if line.date_start and line.date_end and line.date_start > line.date_end:
                raise ValidationError(
                    _(
                        "%(plan)s / %(line)s ends before it starts.",
                        plan=line.plan_id.name,
                        line=line.name,
                    )
                )
            if line.participant_count < 0 or line.hours < 0:
                raise ValidationError(
                    _(
                        "%(plan)s / %(line)s: participants and hours cannot be "
                        "negative.",
                        plan=line.plan_id.name,
                        line=line.name,
                    )
                )

    @api.depends("plan_id.name", "name")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.plan_id.name or ''} / {line.name or ''}"

    def _on_plan_approved(self):
        """Server, when the plans of these lines are approved: the needs
        they answer become planned (through the need's own workflow)."""
        needs = self.sudo().need_ids
        needs.filtered(lambda n: n.state in ("new", "approved"))._mark_planned()
        return True

    def _on_plan_done(self):
        """Server, when the plans of these lines are done: the needs they
        answer are covered."""
        needs = self.sudo().need_ids
        needs.filtered(
            lambda n: n.state in ("new", "approved", "planned")
        )._mark_covered()
        return True

    @api.model_create_multi
    def create(self, vals_list):
        check_money_vals(self, vals_list, ["amount_budget"])
        # the lines follow the lock of their plan (the server's own code,
        # demo data included, is not restricted)
        if not self.env.su:
            self.env["hr.training.plan"].browse(
                {vals.get("plan_id") for vals in vals_list if vals.get("plan_id")}
            )._approval_check_unlocked()
        return super().create(vals_list)

    def write(self, vals):
        check_money_vals(self, [vals], ["amount_budget"])
        if self.env.su:
            return super().write(vals)
        self.plan_id._approval_check_unlocked()
        result = super().write(vals)
        self.plan_id._approval_check_unlocked()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked_plan(self):
        if not self.env.su:
            self.plan_id._approval_check_unlocked()
