# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .common import BonusShareCase


@tagged("post_install", "-at_install")
class TestBonusShareTour(HttpCase, BonusShareCase):
    """In the browser: the sales manager opens their department's proposal,
    marks 李四 outstanding, moves 1,000 from 张三 to him and submits."""

    def test_manager_adjusts_and_submits(self):
        plan = self._computed_plan()
        zhang, li = self._share(plan, self.zhang), self._share(plan, self.li)
        # the amounts the tour types: E3's sales part, grades 1 and 2
        self.assertEqual((zhang.amount, li.amount), (36253.78, 39879.15))
        line = self._line(plan, self.department)
        self.start_tour(
            "/odoo/action-hr_bonus_share.hr_bonus_department_action",
            "hr_bonus_share_department_submit",
            login=self.users["manager"].login,
        )
        self.assertEqual(line.state, "submitted")
        self.assertTrue(li.outstanding)
        self.assertEqual(li.amount, 40879.15)
        self.assertEqual(zhang.amount, 35253.78)
        self.assertEqual(li.amount_proposed, 39879.15)
