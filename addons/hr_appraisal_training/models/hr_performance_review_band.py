# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import appraisal_score as score


class HrPerformanceReviewBand(models.Model):
    """A rating band (优秀, 良好, 合格, 待改进): the scores from its lower
    bound up to the next band's. A company uses its own bands, or the shared
    ones (without company) when it has none."""

    _name = "hr.performance.review.band"
    _description = "Rating Band"
    _order = "company_id, lower_bound desc, id"

    name = fields.Char(required=True, translate=True)
    lower_bound = fields.Float(
        required=True, digits=(16, 2), help="Lowest score of the band (0 to 100)."
    )
    company_id = fields.Many2one(
        "res.company", help="Leave empty for the bands shared by every company."
    )
    color = fields.Integer()
    max_share = fields.Float(
        string="Calibration Guide (max %)",
        digits=(16, 1),
        help="Most appraisals of a cycle that should fall in this band, in "
        "percent (e.g. 20 for 优秀); the cycle warns when it is exceeded. "
        "0: no guide.",
    )
    active = fields.Boolean(default=True)

    @api.model
    def _bands_for(self, company):
        """The active bands of ``company``: its own, else the shared ones."""
        bands = self.sudo().search([("company_id", "=", company.id)])
        return bands or self.sudo().search([("company_id", "=", False)])

    @api.model
    def _bands_by_company(self, companies):
        """``{company id: bands}`` of :meth:`_bands_for`, in one query."""
        bands = self.sudo().search([("company_id", "in", [False, *companies.ids])])
        shared = bands.filtered(lambda b: not b.company_id)
        return {
            company.id: bands.filtered(lambda b, c=company: b.company_id == c) or shared
            for company in companies
        }

    def _engine_bands(self):
        """(lower bound, band id) pairs for the engine."""
        return [(band.lower_bound, band.id) for band in self]

    @api.model
    def _band_of(self, company, value):
        """The band of the rounded final score ``value`` in ``company``."""
        bands = self._bands_for(company)
        if value is None or not bands:
            return self.browse()
        return self.browse(score.band_for(value, bands._engine_bands()))

    @api.constrains("lower_bound", "company_id", "active")
    def _check_bands(self):
        for company in {band.company_id for band in self}:
            bands = self.search([("company_id", "=", company.id)])
            if not bands:
                continue
            engine_bands = bands._engine_bands()
            if not any(lower == 0 for lower, __ in engine_bands):
                # bands are created one by one: the one from 0 may come last;
                # scoring refuses bands without it (see the appraisal)
                engine_bands.append((0, False))
            try:
                score.validate_bands(engine_bands)
            except score.AppraisalScoreError as error:
                messages = {
                    "band_range": _("A band's lower bound lies from 0 to 100."),
                    "band_duplicate": _("Two bands cannot start at the same score."),
                }
                raise ValidationError(
                    _(
                        "Rating bands of %(company)s: %(error)s",
                        company=company.name or _("all companies"),
                        error=messages.get(error.kind, str(error)),
                    )
                ) from error
