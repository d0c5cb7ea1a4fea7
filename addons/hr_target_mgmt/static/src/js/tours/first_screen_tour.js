/** @odoo-module **/
/* Copyright 2026 HR Performance Suite Contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */

/* The first hour of a Chinese school's HR team, one tour per role, on the
 * demo data (users in zh_CN): the app opens on something useful, a run, a
 * target and (employee) one's own pay read in Chinese, in ¥, the month as
 * YYYY-MM. Run by tests/test_first_screen_tours.py. */

import {registry} from "@web/core/registry";

// codes the UI shows as they are (salary-rule and input codes, currency)
const CODES = new Set(["CNY", "PERF_PAY", "TEAM_REWARD", "YEAR_BONUS", "KPI"]);
const LATIN_WORD = /[A-Za-z][A-Za-z_'’-]{2,}/g;

/** The steps, each given 30 s to find its trigger (a first screen loads
 * several apps' data: 10 s is short on a busy test machine). */
function patient(steps) {
    return steps.map((step) => ({timeout: 30000, ...step}));
}

/** A step failing when the visible text of `selector` holds an English word
 * or a dollar sign. */
function speaksChinese(selector, what) {
    return {
        content: `${what}: no English word, ¥ not $`,
        trigger: selector,
        run() {
            const text = [...document.querySelectorAll(selector)]
                .map((el) => el.innerText)
                .join("\n");
            const words = [...new Set(text.match(LATIN_WORD) || [])].filter(
                (word) => !CODES.has(word)
            );
            if (words.length) {
                throw new Error(`${what}: English in the Chinese UI: ${words.join(", ")}`);
            }
            if (text.includes("$")) {
                throw new Error(`${what}: an amount in $ instead of ¥`);
            }
        },
    };
}

function openApp() {
    return [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "The app is called 绩效与培训",
            trigger: ".o_app[data-menu-xmlid='hr_target_mgmt.menu_hr_performance_root']:contains('绩效与培训')",
            run: "click",
        },
        speaksChinese(".o_main_navbar .o_menu_brand, .o_main_navbar .o_menu_sections", "The app's menus"),
    ];
}

function openMenu(section, item) {
    return [
        {
            content: "Open a menu of the app",
            trigger: `.o_menu_sections [data-menu-xmlid='${section}']`,
            run: "click",
        },
        {
            content: "Choose its item",
            trigger: `.o-dropdown-item[data-menu-xmlid='${item}']`,
            run: "click",
        },
    ];
}

/* Supervisors, HR and finance: the runs still needing action; one of them. */
function firstScreenRuns(role) {
    return [
        ...openApp(),
        {
            content: "The first screen is the monthly runs still needing action",
            trigger: ".o_breadcrumb:contains('每月绩效核算')",
        },
        {
            content: "The demo month waiting for finance is listed, the month as YYYY-MM",
            trigger: ".o_list_view .o_data_row .o_data_cell:contains('销售部')",
        },
        {
            content: "Its name starts with the month as YYYY-MM",
            trigger: ".o_list_view .o_data_row .o_data_cell[name=name]",
            run() {
                if (!/^\d{4}-\d{2} /.test(this.anchor.innerText.trim())) {
                    throw new Error(`${role}: the run's month is not YYYY-MM: ${this.anchor.innerText}`);
                }
            },
        },
        speaksChinese(".o_action_manager .o_control_panel, .o_action_manager .o_list_view", `${role}: the runs`),
        {
            content: "Open the run",
            trigger: ".o_list_view .o_data_row .o_data_cell[name=name]:contains('销售部')",
            run: "click",
        },
        {
            content: "The run's distribution table lists 张三 in ¥",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains('张三'):contains('¥')",
        },
        speaksChinese(
            ".o_form_view .o_form_statusbar, .o_form_view .o_form_sheet, .o_breadcrumb",
            `${role}: the run`
        ),
    ];
}

/* One of 张三's performance-pay lines: payroll bookkeeping (可发放, input
 * code) for finance only. */
function payLineOf(role, menuItem, bookkeeping) {
    return [
        ...openMenu("hr_target_mgmt.menu_hr_target_mgmt_targets", menuItem),
        {
            content: "Open 张三's month at 150 %",
            trigger: ".o_list_view .o_data_row:contains('张三'):contains('150%') .o_data_cell[name=run_id]",
            run: "click",
        },
        {
            content: "The pay is ¥450.00",
            trigger: ".o_form_view .o_field_widget[name=amount]:contains('450.00'):contains('¥')",
        },
        {
            content: "The run's month is YYYY-MM",
            trigger: ".o_form_view .o_field_widget[name=run_id]",
            run() {
                if (!/\d{4}-\d{2}/.test(this.anchor.innerText)) {
                    throw new Error(`${role}: the run's month is not YYYY-MM: ${this.anchor.innerText}`);
                }
            },
        },
        bookkeeping
            ? {
                  content: "Finance sees the payroll bookkeeping of the line",
                  trigger: ".o_form_view .o_field_widget[name=payable_input_code]:contains('PERF_PAY')",
              }
            : {
                  content: "The payroll bookkeeping (可发放, input code) is not shown",
                  trigger:
                      ".o_form_view .o_form_sheet:not(:has(.o_field_widget[name=payable])):not(:has(.o_field_widget[name=payable_input_code]))",
              },
        speaksChinese(".o_form_view .o_form_sheet, .o_breadcrumb", `${role}: a performance-pay line`),
    ];
}

function targetOf(role, menuItem) {
    return [
        ...openMenu("hr_target_mgmt.menu_hr_target_mgmt_targets", menuItem),
        {
            content: "Open 张三's target (kanban card or list row)",
            trigger: ".o_kanban_record:contains('张三招生'), .o_data_row .o_data_cell:contains('张三招生')",
            run: "click",
        },
        {
            content: "The target's achievement shows",
            trigger: ".o_form_view .o_field_widget[name=achievement]",
        },
        speaksChinese(".o_form_view .o_form_statusbar, .o_form_view .o_form_sheet, .o_breadcrumb", `${role}: the target`),
    ];
}

registry.category("web_tour.tours").add("hr_target_mgmt_first_screen_admin", {
    url: "/odoo",
    steps: () =>
        patient([
            ...firstScreenRuns("admin"),
            ...targetOf("admin", "hr_target_mgmt.menu_hr_target"),
            ...payLineOf("admin", "hr_target_mgmt.menu_hr_performance_pay_line", true),
        ]),
});

registry.category("web_tour.tours").add("hr_target_mgmt_first_screen_supervisor", {
    url: "/odoo",
    steps: () =>
        patient([
            ...firstScreenRuns("supervisor"),
            ...targetOf("supervisor", "hr_target_mgmt.menu_hr_target"),
            ...payLineOf("supervisor", "hr_target_mgmt.menu_hr_performance_pay_line", false),
        ]),
});

registry.category("web_tour.tours").add("hr_target_mgmt_first_screen_finance", {
    url: "/odoo",
    steps: () =>
        patient([
            ...firstScreenRuns("finance"),
            ...targetOf("finance", "hr_target_mgmt.menu_hr_target"),
            ...payLineOf("finance", "hr_target_mgmt.menu_hr_performance_pay_line", true),
        ]),
});

registry.category("web_tour.tours").add("hr_target_mgmt_first_screen_employee", {
    url: "/odoo",
    steps: () =>
        patient([
            ...openApp(),
            {
                content: "An employee's first screen is their own performance pay",
                trigger: ".o_breadcrumb:contains('我的绩效工资')",
            },
            {
                content: "张三's month: target 10, actual 15, 150 %, ¥450.00, the run's month as YYYY-MM",
                trigger: ".o_list_view .o_data_row:contains('张三'):contains('150%'):contains('¥')",
            },
            speaksChinese(".o_action_manager .o_control_panel, .o_action_manager .o_list_view", "employee: my pay"),
            ...targetOf("employee", "hr_target_mgmt.menu_hr_target_my"),
            // their pay, from the menu too (绩效工资)
            ...payLineOf("employee", "hr_target_mgmt.menu_hr_performance_pay_line", false),
        ]),
});
