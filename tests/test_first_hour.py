"""A Chinese HR team's first hour, on the demo database: the demo is a Chinese
training school, the app opens on something useful for each role, and what the
suite shows reads in Chinese (no English word of the suite's own, ¥, the month
as YYYY-MM), in the browser for each role (tours of hr_target_mgmt's
first_screen_tour.js)."""

import re

from odoo import fields
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval

SUITE = (
    "hr_target_mgmt",
    "hr_appraisal_training",
    "hr_bonus_share",
    "hr_performance_payroll",
)
# the addons whose demo data is checked for English
DEMO_CHECKED = SUITE + (
    "hr_appraisal_training_expense",
    "hr_appraisal_training_slides",
)
# a run of Latin letters: an English word (codes are upper case with "_")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
CJK = re.compile(r"[\u4e00-\u9fff]")
# codes shown as they are
CODES = {"CNY", "KPI"}


def _english_words(text):
    # a file name's extension (发票.pdf) is not a word
    text = re.sub(r"\.[A-Za-z0-9]{2,4}\b", "", text or "")
    return [w for w in LATIN_WORD.findall(text) if w not in CODES]


def _zh_cn(env):
    """zh_CN installed with the suite's translations (the demo installs it;
    load the terms again so the check does not depend on the order of the
    installation)."""
    env["res.lang"]._activate_lang("zh_CN")
    env["ir.module.module"]._load_module_terms(list(SUITE), ["zh_CN"])
    return env(context=dict(env.context, lang="zh_CN"))


@tagged("post_install", "-at_install")
class TestDemoSchool(TransactionCase):
    """The demo is the school of the worked examples, in Chinese."""

    def test_company_is_a_chinese_school(self):
        company = self.env.ref("base.main_company")
        self.assertTrue(CJK.search(company.name), company.name)
        self.assertEqual(company.currency_id, self.env.ref("base.CNY"))
        self.assertEqual(company.currency_id.symbol, "¥")
        self.assertEqual(company.country_id, self.env.ref("base.cn"))
        self.assertTrue(CJK.search(company.city or ""), company.city)
        self.assertEqual(
            self.env.ref("resource.resource_calendar_std").tz, "Asia/Shanghai"
        )

    def test_every_demo_user_in_chinese(self):
        for xmlid in (
            "base.user_admin",
            "base.user_demo",
            "hr_target_mgmt.demo_user_supervisor",
            "hr_target_mgmt.demo_user_zhangsan",
            "hr_target_mgmt.demo_user_finance",
        ):
            user = self.env.ref(xmlid)
            self.assertEqual((user.lang, user.tz), ("zh_CN", "Asia/Shanghai"), xmlid)

    def test_demo_labels_have_no_english(self):
        """Every name the UI shows of the demo records of the suite's
        addons (users, departments, jobs, employees, periods, targets, runs,
        payslips, appraisals, plans, sessions) and the messages in their
        chatter read in Chinese in zh_CN: CJK, no English word."""
        env = _zh_cn(self.env)
        data = env["ir.model.data"].search(
            [("module", "in", DEMO_CHECKED), ("name", "=like", "demo_%")]
        )
        self.assertGreater(len(data), 20)
        problems = []
        for imd in data:
            record = env[imd.model].browse(imd.res_id).exists()
            if not record:
                continue
            if isinstance(record._fields.get("name"), fields.Char):
                name = record.display_name or ""
                if _english_words(name) or not CJK.search(name):
                    problems.append(f"{imd.module}.{imd.name}: {name!r}")
            if "message_ids" in record._fields:
                for message in record.message_ids:
                    text = re.sub(r"<[^>]+>", " ", str(message.body or ""))
                    if words := _english_words(text):
                        problems.append(f"{imd.module}.{imd.name} chatter: {words}")
        self.assertFalse(problems, "English where the UI shows demo data")

    def test_bridge_names_in_chinese(self):
        env = _zh_cn(self.env)
        structure = env.ref("hr_performance_payroll.hr_payroll_structure_performance")
        self.assertTrue(CJK.search(structure.name), structure.name)
        for rule in structure.rule_ids:
            self.assertTrue(CJK.search(rule.name), rule.name)
        lines = env["hr.payslip"].search([("struct_id", "=", structure.id)]).line_ids
        self.assertTrue(lines)
        for line in lines:
            self.assertTrue(CJK.search(line.name), line.name)
        for payslip in lines.slip_id:
            self.assertFalse(_english_words(payslip.name), payslip.name)
            self.assertRegex(payslip.name, r"\d{4}-\d{2}")

    def test_profit_sharing_is_e3_with_an_adjusted_sales_department(self):
        """Last year's plan is the worked example E3, and the sales manager
        has raised the share of the outstanding consultant (王五) within the
        rules before submitting his department."""
        plan = self.env.ref("hr_bonus_share.demo_bonus_plan")
        self.assertEqual(plan.state, "computed")
        self.assertEqual(
            (plan.actual_amount, plan.target_amount, plan.pool_amount),
            (5000000, 4000000, 300000),
        )
        amounts = {line.department_id: line.amount for line in plan.department_ids}
        sales = self.env.ref("hr_target_mgmt.demo_department_sales")
        teaching = self.env.ref("hr_target_mgmt.demo_department_teaching")
        back_office = self.env.ref("hr_target_mgmt.demo_department_back_office")
        self.assertEqual(amounts, {sales: 120000, teaching: 90000, back_office: 90000})
        line = plan.department_ids.filtered(lambda d: d.department_id == sales)
        self.assertEqual(line.state, "submitted")
        self.assertEqual(line.amount_allocated, 120000)
        wangwu = line.share_ids.filtered(
            lambda s: (
                s.employee_id == self.env.ref("hr_target_mgmt.demo_employee_wangwu")
            )
        )
        self.assertTrue(wangwu.outstanding)
        self.assertEqual(wangwu.amount, 50000)
        self.assertGreater(wangwu.amount, wangwu.amount_proposed)
        self.assertTrue(CJK.search(wangwu.note or ""), wangwu.note)
        # adjusted by the department's manager himself, not by the server
        self.assertEqual(
            wangwu.write_uid, self.env.ref("hr_target_mgmt.demo_user_supervisor")
        )
        line._check_shares()

    def test_apps_cards_in_chinese(self):
        env = _zh_cn(self.env)
        for module in env["ir.module.module"].search([("name", "in", SUITE)]):
            self.assertTrue(CJK.search(module.shortdesc), module.name)
            self.assertTrue(CJK.search(module.summary), module.name)


@tagged("post_install", "-at_install")
class TestFirstScreen(TransactionCase):
    """The app's root menu runs hr.performance.pay.run._action_home: the runs
    for those who run them, one's own performance pay for everyone else."""

    def _home(self, xmlid):
        user = self.env.ref(xmlid)
        action = self.env.ref("hr_target_mgmt.hr_performance_action_home")
        root = self.env.ref("hr_target_mgmt.menu_hr_performance_root")
        self.assertEqual(root.action, action)
        return action.with_user(user).run()

    def test_first_screen_per_role(self):
        for xmlid in (
            "base.user_admin",
            "hr_target_mgmt.demo_user_supervisor",
            "hr_target_mgmt.demo_user_finance",
        ):
            home = self._home(xmlid)
            self.assertEqual(home["res_model"], "hr.performance.pay.run", xmlid)
            self.assertIn("o_view_nocontent_smiling_face", home["help"])
        home = self._home("hr_target_mgmt.demo_user_zhangsan")
        self.assertEqual(home["res_model"], "hr.performance.pay.line")
        zhangsan = self.env.ref("hr_target_mgmt.demo_user_zhangsan")
        lines = (
            self.env["hr.performance.pay.line"]
            .with_user(zhangsan)
            .search(safe_eval(home["domain"], {"uid": zhangsan.id}))
        )
        self.assertTrue(lines)
        self.assertEqual(lines.employee_id.user_id, zhangsan)

    def test_every_action_explains_its_empty_list(self):
        """Every window action of the suite says what it is and what to do
        first when it has nothing to show."""
        data = self.env["ir.model.data"].search(
            [("module", "in", SUITE), ("model", "=", "ir.actions.act_window")]
        )
        actions = self.env["ir.actions.act_window"].browse(data.mapped("res_id"))
        self.assertGreater(len(actions), 10)
        for action in actions:
            if action.res_model == "res.config.settings" or action.target == "new":
                continue
            self.assertIn("o_view_nocontent", action.help or "", action.name)

    def test_settings_in_the_apps_configuration_menu(self):
        menu = self.env.ref("hr_target_mgmt.menu_hr_performance_settings")
        self.assertEqual(
            menu.parent_id, self.env.ref("hr_target_mgmt.menu_hr_performance_config")
        )
        self.assertEqual(
            menu.action.context, "{'module': 'hr_target_mgmt', 'bin_size': False}"
        )


@tagged("post_install", "-at_install")
class TestFirstHourTours(HttpCase):
    """Each role in the browser, in zh_CN: first screen, a run, a target and
    (employee) their own pay."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        _zh_cn(cls.env)

    def test_admin(self):
        self.start_tour("/odoo", "hr_target_mgmt_first_screen_admin", login="admin")

    def test_supervisor(self):
        self.start_tour(
            "/odoo", "hr_target_mgmt_first_screen_supervisor", login="supervisor"
        )

    def test_finance(self):
        self.start_tour("/odoo", "hr_target_mgmt_first_screen_finance", login="finance")

    def test_employee(self):
        self.start_tour(
            "/odoo", "hr_target_mgmt_first_screen_employee", login="zhangsan"
        )
