# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import appraisal_score as score


class ResCompany(models.Model):
    _inherit = "res.company"

    appraisal_360_min_answers = fields.Integer(
        string="Minimum 360 Answers",
        default=score.DEFAULT_MIN_ANSWERS,
        help="Peers, subordinates and customers are anonymous: a reviewer "
        "type with fewer answers than this is merged into the others (its "
        "answers are neither shown nor counted).",
    )
    appraisal_recheck_days = fields.Integer(
        string="Re-check Window (Days)",
        default=7,
        help="Days after acknowledging the appraisal interview during which "
        "the employee may request a re-check.",
    )

    @api.constrains("appraisal_360_min_answers", "appraisal_recheck_days")
    def _check_appraisal_settings(self):
        for company in self:
            if (
                company.appraisal_360_min_answers < 1
                or company.appraisal_recheck_days < 0
            ):
                raise ValidationError(
                    _(
                        "Company %(company)s: the minimum number of 360 answers "
                        "is at least 1 and the re-check window cannot be "
                        "negative.",
                        company=company.name,
                    )
                )
