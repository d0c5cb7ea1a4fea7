# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import training_math


class HrTrainingTrainer(models.Model):
    """A trainer (讲师): an employee (internal) or a partner (external), the
    courses they may teach, their fees and their evaluations per session."""

    _name = "hr.training.trainer"
    _description = "Trainer"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "average_score desc, name, id"

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    trainer_type = fields.Selection(
        [("internal", "Internal"), ("external", "External")],
        string="Type",
        required=True,
        default="internal",
        tracking=True,
    )
    employee_id = fields.Many2one(
        "hr.employee",
        index=True,
        domain="[('company_id', 'in', [company_id, False])]",
        tracking=True,
    )
    partner_id = fields.Many2one("res.partner", string="Contact", tracking=True)
    user_id = fields.Many2one(
        "res.users",
        compute="_compute_user_id",
        store=True,
        index=True,
        help="The user who takes attendance and scores learning in the "
        "sessions of this trainer (the employee's user).",
    )
    state = fields.Selection(
        [
            ("candidate", "Candidate"),
            ("qualified", "Qualified"),
            ("retired", "Retired"),
        ],
        string="Selection Status",
        default="candidate",
        required=True,
        tracking=True,
    )
    qualification = fields.Text(
        help="Certificates, experience and the trainer's own training."
    )
    course_ids = fields.Many2many(
        "hr.training.course",
        "hr_training_course_trainer_rel",
        "trainer_id",
        "course_id",
        string="Courses They May Teach",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    fee_per_hour = fields.Monetary(string="Fee per Hour", tracking=True)
    incentive_note = fields.Text(string="Incentives")
    session_ids = fields.One2many("hr.training.session", "trainer_id")
    session_count = fields.Integer(compute="_compute_stats", store=True)
    average_score = fields.Float(
        compute="_compute_stats",
        store=True,
        digits=(16, 2),
        aggregator="avg",
        help="Mean of the trainer's weighted scores of the closed sessions.",
    )

    @api.depends("trainer_type", "employee_id.name", "partner_id.name")
    def _compute_name(self):
        for trainer in self:
            if trainer.trainer_type == "internal" and trainer.employee_id:
                trainer.name = trainer.employee_id.name
            elif trainer.trainer_type == "external" and trainer.partner_id:
                trainer.name = trainer.partner_id.name

    @api.depends("trainer_type", "employee_id.user_id")
    def _compute_user_id(self):
        for trainer in self:
            trainer.user_id = (
                trainer.employee_id.user_id
                if trainer.trainer_type == "internal"
                else False
            )

    @api.depends("session_ids.state", "session_ids.trainer_score")
    def _compute_stats(self):
        for trainer in self:
            sessions = trainer.session_ids.filtered(lambda s: s.state != "cancel")
            trainer.session_count = len(sessions)
            trainer.average_score = (
                training_math.mean(
                    [
                        s.trainer_score
                        for s in sessions
                        if s.state == "done" and s.trainer_scored
                    ]
                )
                or 0.0
            )

    @api.constrains("trainer_type", "employee_id", "partner_id", "name")
    def _check_identity(self):
        for trainer in self:
            if trainer.trainer_type == "internal" and not trainer.employee_id:
                raise ValidationError(
                    _(
                        "Trainer %(trainer)s: an internal trainer is an employee.",
                        trainer=trainer.name or "?",
                    )
                )
            if not trainer.name:
                raise ValidationError(_("A trainer needs a name."))

    @api.constrains("fee_per_hour")
    def _check_fee(self):
        for trainer in self:
            if not 0 <= trainer.fee_per_hour <= 1_000_000:
                raise ValidationError(
                    _(
                        "Trainer %(trainer)s: the fee per hour cannot be negative "
                        "or absurd.",
                        trainer=trainer.name,
                    )
                )

    def action_qualify(self):
        self.write({"state": "qualified"})

    def action_retire(self):
        self.write({"state": "retired"})

    def action_open_sessions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_appraisal_training.hr_training_session_action"
        )
        action["domain"] = [("trainer_id", "=", self.id)]
        action["context"] = {"default_trainer_id": self.id}
        return action
