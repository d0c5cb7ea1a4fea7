# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Command

from ..tools import perf_pay


class HrPerformancePayScale(models.Model):
    """A performance-pay scale (外勤岗位绩效比例评定表): achievement brackets
    giving the factor applied to the performance-pay standard."""

    _name = "hr.performance.pay.scale"
    _description = "Performance-Pay Scale"
    _order = "company_id, is_default desc, name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    is_default = fields.Boolean(
        string="Company Default",
        help="Used for every employee whose contract, job and department "
        "name no scale.",
    )
    bracket_ids = fields.One2many(
        "hr.performance.pay.scale.bracket",
        "scale_id",
        string="Brackets",
        copy=True,
    )
    note = fields.Html()

    @api.constrains("bracket_ids")
    def _check_brackets(self):
        for scale in self:
            scale._validate_brackets()

    @api.constrains("is_default", "company_id", "active")
    def _check_one_default(self):
        defaults = self.filtered(lambda s: s.is_default and s.active)
        if not defaults:
            return
        groups = self._read_group(
            [
                ("is_default", "=", True),
                ("company_id", "in", defaults.company_id.ids),
            ],
            ["company_id"],
            ["__count"],
        )
        for company, count in groups:
            if count > 1:
                raise ValidationError(
                    _(
                        "Company %(company)s already has a default "
                        "performance-pay scale.",
                        company=company.name,
                    )
                )

    def _brackets(self):
        """The scale as plain :class:`~..tools.perf_pay.Bracket` tuples."""
        self.ensure_one()
        return [bracket._to_bracket() for bracket in self.bracket_ids]

    def _brackets_by_scale(self):
        """``{scale_id: [Bracket, ...]}`` of these scales, in one query."""
        brackets = {scale.id: [] for scale in self}
        records = (
            self.env["hr.performance.pay.scale.bracket"]
            .sudo()
            .search_fetch(
                [("scale_id", "in", self.ids)],
                [
                    "scale_id",
                    "achievement_from",
                    "achievement_to",
                    "factor_type",
                    "factor",
                    "cap",
                ],
            )
        )
        for bracket in records:
            brackets[bracket.scale_id.id].append(bracket._to_bracket())
        return brackets

    def _validate_brackets(self):
        self.ensure_one()
        try:
            perf_pay.validate_scale(self._brackets())
        except perf_pay.ScaleError as error:
            raise ValidationError(self._scale_error_message(error)) from error

    def _scale_error_message(self, error):
        params = dict(
            {"achievement_from": 0.0, "achievement_to": 0.0},
            **error.params,
            scale=self.display_name,
        )
        kind = error.kind
        if kind == "empty":
            return _("Scale %(scale)s has no bracket.", **params)
        if kind == "negative":
            return _(
                "Scale %(scale)s: the bracket from %(achievement_from)s%% has a "
                "negative bound, factor or cap.",
                **params,
            )
        if kind == "bounds":
            return _(
                "Scale %(scale)s: the bracket from %(achievement_from)s%% must "
                "end above its start (it ends at %(achievement_to)s%%).",
                **params,
            )
        if kind == "start":
            return _(
                "Scale %(scale)s must start at 0%% (its first bracket starts at "
                "%(achievement_from)s%%).",
                **params,
            )
        if kind == "overlap":
            return _(
                "Scale %(scale)s: brackets overlap between %(achievement_from)s%% "
                "and %(achievement_to)s%%.",
                **params,
            )
        if kind == "gap":
            return _(
                "Scale %(scale)s: no bracket covers the achievements from "
                "%(achievement_from)s%% to %(achievement_to)s%%.",
                **params,
            )
        if kind == "open_end":
            return _(
                "Scale %(scale)s: the last bracket must have no upper bound (it "
                "ends at %(achievement_to)s%%).",
                **params,
            )
        return _(
            "Scale %(scale)s: only the last bracket may have no upper bound "
            "(the bracket from %(achievement_from)s%% has none).",
            **params,
        )

    @api.model
    def _get_company_default(self, company):
        return self.search(
            [("company_id", "=", company.id), ("is_default", "=", True)], limit=1
        )

    @api.model
    def _prepare_bracket_commands(self, brackets):
        """Commands creating the brackets of ``brackets`` (plain
        :class:`~..tools.perf_pay.Bracket` tuples; an open end and no cap are
        stored as 0)."""
        return [
            Command.create(
                {
                    "achievement_from": bracket.achievement_from,
                    "achievement_to": bracket.achievement_to or 0.0,
                    "factor_type": bracket.factor_type,
                    "factor": bracket.factor or 0.0,
                    "cap": bracket.cap or 0.0,
                }
            )
            for bracket in brackets
        ]

    @api.model
    def _create_default_scale(self, company, name="Field Staff Scale", xmlid=None):
        """Create ``company``'s default scale from the one definition of the
        default brackets (``perf_pay.DEFAULT_SCALE``); with ``xmlid``, name
        it so (the module's data, whose name is translated by the module's
        translations)."""
        scale = self.sudo().create(
            {
                "name": name,
                "company_id": company.id,
                "is_default": True,
                "bracket_ids": self._prepare_bracket_commands(perf_pay.DEFAULT_SCALE),
            }
        )
        if xmlid:
            self.env["ir.model.data"]._update_xmlids(
                [{"xml_id": xmlid, "record": scale, "noupdate": True}]
            )
        return scale

    @api.model
    def _install_default_scale(self):
        """Data of the module: the main company's default scale."""
        xmlid = "hr_target_mgmt.performance_pay_scale_default"
        if not self.env.ref(xmlid, raise_if_not_found=False):
            self._create_default_scale(self.env.ref("base.main_company"), xmlid=xmlid)
        return True
