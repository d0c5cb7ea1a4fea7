# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models
from odoo.exceptions import UserError


class HrPerformancePayLine(models.Model):
    _inherit = "hr.performance.pay.line"

    review_id = fields.Many2one(
        "hr.performance.review",
        string="Source Appraisal",
        readonly=True,
        ondelete="restrict",
        help="Office staff: the monthly appraisal whose final score (out of "
        "100) is the achievement.",
    )

    def write(self, vals):
        if "actual" in vals and not self.env.su:
            from_review = self.filtered("review_id")
            if from_review:
                raise UserError(
                    _(
                        "%(lines)s: the result of office staff is the final "
                        "score of their appraisal; change the appraisal, "
                        "then compute the lines again.",
                        lines=", ".join(from_review.mapped("display_name")),
                    )
                )
        return super().write(vals)
