# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import appraisal_score as score

PERSPECTIVES = [
    ("financial", "Financial"),
    ("customer", "Customer"),
    ("internal", "Internal Process"),
    ("learning", "Learning & Growth"),
]

#: Reviewer types of the engine and the template field holding each weight.
REVIEWER_WEIGHT_FIELDS = {
    score.MANAGER: "weight_manager",
    score.SELF: "weight_self",
    score.PEER: "weight_peer",
    score.SUBORDINATE: "weight_subordinate",
    score.CUSTOMER: "weight_customer",
}


class HrKpiTemplate(models.Model):
    """A KPI template (考核模板): the weighted lines an employee is appraised
    on, and how much each type of reviewer counts."""

    _name = "hr.kpi.template"
    _description = "KPI Template"
    _inherit = ["mail.thread"]
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        help="Only confirmed templates are used when a cycle is opened.",
    )
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty to share the template with every company.",
    )
    line_ids = fields.One2many(
        "hr.kpi.template.line", "template_id", string="KPI Lines", copy=True
    )
    job_ids = fields.Many2many(
        "hr.job",
        string="Jobs",
        help="Employees holding one of these jobs are appraised on this template.",
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        help="Employees of these departments (when no template matches their "
        "job) are appraised on this template.",
    )
    is_company_default = fields.Boolean(
        string="Company Default",
        help="Used for the employees whose job and department match no template.",
    )
    weight_total = fields.Float(
        string="Total Weight", compute="_compute_weight_total", digits=(16, 2)
    )
    weight_financial = fields.Float(
        string="Financial", compute="_compute_weight_total", digits=(16, 2)
    )
    weight_customer_perspective = fields.Float(
        string="Customer Perspective", compute="_compute_weight_total", digits=(16, 2)
    )
    weight_internal = fields.Float(
        string="Internal Process", compute="_compute_weight_total", digits=(16, 2)
    )
    weight_learning = fields.Float(
        string="Learning & Growth", compute="_compute_weight_total", digits=(16, 2)
    )
    weight_manager = fields.Float(
        string="Manager Weight", default=70.0, digits=(16, 2), tracking=True
    )
    weight_self = fields.Float(
        string="Self Weight", default=30.0, digits=(16, 2), tracking=True
    )
    weight_peer = fields.Float(string="Peer Weight", digits=(16, 2), tracking=True)
    weight_subordinate = fields.Float(
        string="Subordinate Weight", digits=(16, 2), tracking=True
    )
    weight_customer = fields.Float(
        string="Customer Weight", digits=(16, 2), tracking=True
    )
    survey_id = fields.Many2one(
        "survey.survey",
        string="Customer Survey",
        domain=[("scoring_type", "!=", "no_scoring")],
        tracking=True,
        help="The scored survey customers and other outside reviewers answer "
        "by link; its score (%) is their column's score on every KPI.",
    )
    reviewer_weight_total = fields.Float(
        string="Total Reviewer Weight",
        compute="_compute_reviewer_weight_total",
        digits=(16, 2),
    )
    penalty_mode = fields.Selection(
        [("zero", "Line scores 0"), ("steps", "Lowered by steps")],
        string="Insufficient Evidence",
        default="zero",
        required=True,
        help="What a line with insufficient evidence scores: 0, or its score "
        "lowered by a number of rating steps (20 points each).",
    )
    penalty_steps = fields.Integer(
        string="Steps Lowered",
        default=1,
        help="Rating steps a line with insufficient evidence loses.",
    )

    _sql_constraints = [
        (
            "penalty_steps_positive",
            "CHECK(penalty_steps >= 0)",
            "The steps lowered for insufficient evidence cannot be negative.",
        ),
    ]

    @api.depends("line_ids.weight", "line_ids.perspective")
    def _compute_weight_total(self):
        by_perspective = {
            "financial": "weight_financial",
            "customer": "weight_customer_perspective",
            "internal": "weight_internal",
            "learning": "weight_learning",
        }
        for template in self:
            template.weight_total = sum(template.line_ids.mapped("weight"))
            for perspective, fname in by_perspective.items():
                template[fname] = sum(
                    template.line_ids.filtered(
                        lambda line, p=perspective: line.perspective == p
                    ).mapped("weight")
                )

    @api.depends(*REVIEWER_WEIGHT_FIELDS.values())
    def _compute_reviewer_weight_total(self):
        for template in self:
            template.reviewer_weight_total = sum(
                template[fname] for fname in REVIEWER_WEIGHT_FIELDS.values()
            )

    # ------------------------------------------------------------------
    # Weights
    # ------------------------------------------------------------------
    def _reviewer_weights(self):
        self.ensure_one()
        return {rtype: self[fname] for rtype, fname in REVIEWER_WEIGHT_FIELDS.items()}

    def _check_weights(self):
        """Raise unless the KPI and reviewer-type weights each add up to
        exactly 100 (the engine's rule); the message names the template and
        the sum."""
        for template in self:
            if not template.line_ids:
                raise ValidationError(
                    _("Template %(template)s has no KPI line.", template=template.name)
                )
            try:
                score.validate_weights(template.line_ids.mapped("weight"))
            except score.WeightSumError as error:
                raise ValidationError(
                    _(
                        "The KPI weights of template %(template)s add up to "
                        "%(total)s, not 100.",
                        template=template.name,
                        total=format(error.total, "g"),
                    )
                ) from error
            except score.AppraisalScoreError as error:
                raise ValidationError(
                    _(
                        "Template %(template)s: a KPI weight cannot be negative.",
                        template=template.name,
                    )
                ) from error
            try:
                score.validate_weights(
                    template._reviewer_weights().values(), score.WHAT_REVIEWER
                )
            except score.WeightSumError as error:
                raise ValidationError(
                    _(
                        "The reviewer weights of template %(template)s add up "
                        "to %(total)s, not 100.",
                        template=template.name,
                        total=format(error.total, "g"),
                    )
                ) from error
            except score.AppraisalScoreError as error:
                raise ValidationError(
                    _(
                        "Template %(template)s: a reviewer weight cannot be negative.",
                        template=template.name,
                    )
                ) from error

    @api.constrains(
        "state", "penalty_mode", "penalty_steps", *REVIEWER_WEIGHT_FIELDS.values()
    )
    def _constrains_weights(self):
        self.filtered(lambda t: t.state == "confirmed")._check_weights()

    def action_confirm(self):
        self.check_access("write")
        self._check_weights()
        self.write({"state": "confirmed"})
        return True

    def action_draft(self):
        self.check_access("write")
        self.write({"state": "draft"})
        return True

    # ------------------------------------------------------------------
    # Matching
    # ------------------------------------------------------------------
    @api.model
    def _match_many(self, employees):
        """``{employee id: template}`` of :meth:`_match`, in one query."""
        employees.fetch(["company_id", "job_id", "department_id"])
        templates = self.search(
            [
                ("state", "=", "confirmed"),
                ("company_id", "in", [False, *employees.company_id.ids]),
            ]
        )
        templates.fetch(["job_ids", "department_ids", "is_company_default"])
        # the match depends on the company, job and department only: once
        # per combination, not per employee
        matches = {}
        result = {}
        for employee in employees:
            key = (employee.company_id, employee.job_id, employee.department_id)
            if key not in matches:
                matches[key] = self._match(employee, templates)
            result[employee.id] = matches[key]
        return result

    def _match(self, employee, templates=None):
        """The confirmed template of ``employee``: the one of their job,
        else of their department (or a department above it), else their
        company's default; an empty recordset when none matches.
        ``templates``: the confirmed templates to choose from (see
        :meth:`_match_many`)."""
        if templates is None:
            templates = self.search(
                [
                    ("state", "=", "confirmed"),
                    ("company_id", "in", [False, employee.company_id.id]),
                ]
            )
        else:
            templates = templates.filtered(
                lambda t: not t.company_id or t.company_id == employee.company_id
            )
        # a template of the employee's own company wins over a shared one
        templates = templates.sorted(lambda t: (not t.company_id, t.sequence, t.id))
        if employee.job_id:
            match = templates.filtered(lambda t: employee.job_id in t.job_ids)
            if match:
                return match[0]
        department = employee.department_id
        while department:
            match = templates.filtered(lambda t, d=department: d in t.department_ids)
            if match:
                return match[0]
            department = department.parent_id
        match = templates.filtered("is_company_default")
        return match[:1]
