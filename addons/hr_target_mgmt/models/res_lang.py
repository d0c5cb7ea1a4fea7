# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ResLang(models.Model):
    _inherit = "res.lang"

    @api.model
    def _hr_performance_demo_lang(self, code, modules):
        """Demo data only: the demo school works in ``code`` (zh_CN).

        Activate the language and, when it was not installed yet, load its
        translations for every installed module. Odoo loads a module's own
        translations only after its data and demo data: load those of
        ``modules`` (the modules being installed) now, so that the demo's
        chatter messages (model names, activity types, selection labels)
        are written in that language rather than in English.
        """
        was_active = bool(self._get_data(code=code))
        self._activate_lang(code)
        names = list(modules)
        if not was_active:
            installed = self.env["ir.module.module"].search(
                [("state", "=", "installed")]
            )
            names += installed.mapped("name")
        self.env["ir.module.module"]._load_module_terms(names, [code])
        # the terms are written in SQL: forget the values read before
        self.env.invalidate_all()
        return True
