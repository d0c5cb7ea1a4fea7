# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .hr_performance_review_cycle import CYCLE_MONTHS

#: Above this many employees a cycle opens in batches, by the scheduled
#: action (system parameter; 0 = always at once).
PARAM_THRESHOLD = "hr_appraisal_training.cycle_open_batch_threshold"
DEFAULT_THRESHOLD = 2000
#: Reviews created by one run of the scheduled action. A run inserts its
#: reviews and their lines in one query per table (its queries do not grow
#: with its size) and prepares the values of every employee left, so a
#: large batch costs least: 10,000 appraisals take a few seconds.
PARAM_BATCH = "hr_appraisal_training.cycle_open_batch_size"
DEFAULT_BATCH = 10000
#: Bulk server work: no creation message or tracking per review (the cycle's
#: chatter says what was done).
QUIET = {"tracking_disable": True, "mail_create_nolog": True}
DEADLINE_FIELDS = (
    "date_self_deadline",
    "date_manager_deadline",
    "date_calibration_deadline",
)


class HrPerformanceReviewCycle(models.Model):
    """Recurring cycles, opening large cycles in batches by the scheduled
    action, and the calibration guide (maximum share per band)."""

    _inherit = "hr.performance.review.cycle"

    recurring = fields.Boolean(
        tracking=True,
        help="When the cycle ends, the scheduled action opens the next one "
        "(same type, scope and deadlines moved by one period).",
    )
    next_cycle_id = fields.Many2one(
        "hr.performance.review.cycle", readonly=True, copy=False
    )
    previous_cycle_id = fields.Many2one(
        "hr.performance.review.cycle", readonly=True, copy=False
    )
    opening_queued = fields.Boolean(
        string="Opening in Progress",
        readonly=True,
        copy=False,
        help="A large cycle is opened in batches by the scheduled action.",
    )
    calibration_warning = fields.Text(compute="_compute_calibration_warning")

    # ------------------------------------------------------------------
    # Calibration guide
    # ------------------------------------------------------------------
    def _compute_calibration_warning(self):
        groups = self.env["hr.performance.review"]._read_group(
            [("cycle_id", "in", self.ids), ("state", "=", "done")],
            ["cycle_id", "band_id"],
            ["__count"],
        )
        counts = {}
        for cycle, band, count in groups:
            counts.setdefault(cycle.id, []).append((band, count))
        for cycle in self:
            rows = counts.get(cycle.id, [])
            total = sum(count for __, count in rows)
            messages = []
            for band, count in rows:
                share = 100.0 * count / total if total else 0.0
                if band and band.max_share and share > band.max_share + 1e-9:
                    messages.append(
                        _(
                            "%(band)s: %(share)s%% of the done appraisals "
                            "(%(count)s of %(total)s); the guide is at most "
                            "%(max)s%%.",
                            band=band.name,
                            share=round(share, 1),
                            count=count,
                            total=total,
                            max=round(band.max_share, 1),
                        )
                    )
            cycle.calibration_warning = "\n".join(messages) or False

    def action_view_band_distribution(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_appraisal_training.hr_performance_review_action_analysis"
        )
        action["domain"] = [("cycle_id", "=", self.id)]
        action["context"] = {}
        return action

    # ------------------------------------------------------------------
    # Results export
    # ------------------------------------------------------------------
    def _check_results_access(self):
        """HR officers export a cycle's results; nobody else."""
        if not self.env.su and not self.env.user.has_group(
            "hr_target_mgmt.group_hr_target_mgmt_hr_officer"
        ):
            raise AccessError(
                _(
                    "Cycle %(cycle)s: only HR officers may export the results.",
                    cycle=", ".join(self.mapped("name")),
                )
            )
        self.check_access("read")

    def action_export_results(self):
        self.ensure_one()
        self._check_results_access()
        return {
            "type": "ir.actions.act_url",
            "url": f"/hr_appraisal_training/results/{self.id}",
            "target": "self",
        }

    # ------------------------------------------------------------------
    # Opening: at once, or in batches by the scheduled action
    # ------------------------------------------------------------------
    def _open_threshold(self):
        value = self.env["ir.config_parameter"].sudo().get_param(PARAM_THRESHOLD, "")
        return int(value) if value.strip().isdigit() else DEFAULT_THRESHOLD

    def action_open(self):
        """Cycles with more employees than the threshold are checked now
        (nothing is written when an employee cannot be appraised) and opened
        in batches by the scheduled action; the others at once."""
        self._check_hr_officer()
        self.check_access("write")
        for cycle in self.filtered("opening_queued"):
            raise UserError(
                _(
                    "Cycle %(cycle)s is already being opened by the scheduled action.",
                    cycle=cycle.name,
                )
            )
        threshold = self._open_threshold()
        large = self.browse()
        if threshold:
            large = self.filtered(
                lambda c: (
                    c.state == "draft"
                    and not c.opening_queued
                    and len(c._scope_employees()) > threshold
                )
            )
        for cycle in large:
            cycle._prepare_reviews()
        if large:
            large.sudo().write({"opening_queued": True})
            for cycle in large:
                cycle.message_post(
                    body=_(
                        "The cycle is large: its appraisals are being created "
                        "in batches by the scheduled action."
                    )
                )
            self.env.ref(
                "hr_appraisal_training.ir_cron_open_review_cycles"
            ).sudo()._trigger()
        small = self - large
        if small:
            super(HrPerformanceReviewCycle, small.with_context(**QUIET)).action_open()
        return True

    @api.model
    def _cron_open_cycles(self, batch_size=None):
        """Create the reviews of one queued cycle by batches, reporting the
        progress to the scheduled action (``ir.cron._notify_progress``): the
        action runs again until every queued cycle is open."""
        if batch_size is None:
            value = self.env["ir.config_parameter"].sudo().get_param(PARAM_BATCH, "")
            batch_size = int(value) if value.strip().isdigit() else DEFAULT_BATCH
        cycles = self.sudo().search(
            [("opening_queued", "=", True), ("state", "=", "draft")], order="id"
        )
        if not cycles:
            self.env["ir.cron"]._notify_progress(done=0, remaining=0)
            return True
        cycle = cycles[0]
        vals_list = cycle._prepare_reviews()
        batch, rest = vals_list[:batch_size], vals_list[batch_size:]
        self.env["hr.performance.review"]._insert_started(batch)
        if not rest:
            cycle.write({"state": "open", "opening_queued": False})
            cycle.message_post(
                body=_(
                    "The cycle is open: %(count)s appraisals.",
                    count=len(cycle.review_ids),
                )
            )
        # the other queued cycles count as one batch each at least
        remaining = len(rest) + len(cycles) - 1
        self.env["ir.cron"]._notify_progress(done=len(batch), remaining=remaining)
        return True

    def write(self, vals):
        protected = {"opening_queued", "next_cycle_id", "previous_cycle_id"}
        if not self.env.su and protected & set(vals):
            raise AccessError(
                _("The links between cycles and their opening are the server's.")
            )
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        protected = {"opening_queued", "next_cycle_id", "previous_cycle_id"}
        if not self.env.su and any(protected & set(vals) for vals in vals_list):
            raise AccessError(
                _("The links between cycles and their opening are the server's.")
            )
        return super().create(vals_list)

    # ------------------------------------------------------------------
    # Recurring cycles
    # ------------------------------------------------------------------
    def _next_cycle_name(self, date_from):
        self.ensure_one()
        if self.cycle_type == "monthly":
            period = date_from.strftime("%Y-%m")
        elif self.cycle_type == "quarterly":
            period = f"{date_from.year} Q{(date_from.month - 1) // 3 + 1}"
        elif self.cycle_type == "semi_annual":
            period = f"{date_from.year} H{(date_from.month - 1) // 6 + 1}"
        else:
            period = str(date_from.year)
        return _("%(period)s Appraisal", period=period)

    def _prepare_next_cycle(self):
        self.ensure_one()
        months = CYCLE_MONTHS[self.cycle_type]
        date_from = self.date_from + relativedelta(months=months)
        vals = {
            "name": self._next_cycle_name(date_from),
            "company_id": self.company_id.id,
            "cycle_type": self.cycle_type,
            "date_from": date_from,
            "recurring": True,
            "previous_cycle_id": self.id,
            "department_ids": [fields.Command.set(self.department_ids.ids)],
            "job_ids": [fields.Command.set(self.job_ids.ids)],
            "employee_ids": [fields.Command.set(self.employee_ids.ids)],
        }
        for fname in DEADLINE_FIELDS:
            if self[fname]:
                vals[fname] = self[fname] + relativedelta(months=months)
        return vals

    @api.model
    def _cron_open_recurring(self, today=None):
        """Open the next cycle of each recurring cycle whose period ended."""
        today = today or fields.Date.context_today(self)
        cycles = self.sudo().search(
            [
                ("recurring", "=", True),
                ("state", "in", ("open", "closed")),
                ("next_cycle_id", "=", False),
                ("date_to", "<", today),
            ]
        )
        for cycle in cycles:
            following = self.sudo().create(cycle._prepare_next_cycle())
            cycle.next_cycle_id = following
            following.action_open()
        return True
