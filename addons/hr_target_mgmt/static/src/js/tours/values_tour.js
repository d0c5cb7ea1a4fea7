/** @odoo-module **/
/* Copyright 2026 HR Performance Suite Contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */

import {registry} from "@web/core/registry";

/** Each step gets 30 s to find its trigger (10 s is short on a busy test
 * machine). */
function patient(steps) {
    return steps.map((step) => ({timeout: 30000, ...step}));
}

registry.category("web_tour.tours").add("hr_target_mgmt_finance_send_back", {
    url: "/odoo/action-hr_target_mgmt.hr_performance_pay_run_action",
    steps: () =>
        patient([
            {
                content: "The runs list shows the month as year-month and the team",
                trigger: ".o_list_view .o_data_row:contains('2026-03'):contains('市场部')",
            },
            {
                content: "No full date in the month column",
                trigger: ".o_list_view:not(:has(.o_data_cell:contains('03/01/2026')))",
            },
            {
                content: "Open the run",
                trigger: ".o_list_view .o_data_row .o_data_cell:contains('2026-03 市场部')",
                run: "click",
            },
            {
                content: "Counts of enrolments without decimals",
                trigger: ".o_field_widget[name=line_ids] .o_data_row:contains('张三') .o_data_cell[name=target_value]:contains('10'):not(:contains('10.00'))",
            },
            {
                content: "Finance sends the reported run back",
                trigger: ".o_form_view button[name=action_open_send_back]",
                run: "click",
            },
            {
                content: "Say why",
                trigger: ".modal .o_field_widget[name=reason] textarea",
                run: "edit 李四的招生登记表缺少家长签字",
            },
            {
                content: "Send back",
                trigger: ".modal button[name=action_send_back]",
                run: "click",
            },
            {
                content: "The run is a draft again",
                trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=draft]",
            },
            {
                content: "The reason is in the chatter",
                trigger: ".o-mail-Message:contains('李四的招生登记表缺少家长签字')",
            },
        ]),
});

registry.category("web_tour.tours").add("hr_target_mgmt_scale_brackets", {
    url: "/odoo/action-hr_target_mgmt.hr_performance_pay_scale_action",
    steps: () =>
        patient([
            {
                content: "Open the scale",
                trigger: ".o_list_view .o_data_row .o_data_cell:contains('Field Staff Scale (test)')",
                run: "click",
            },
            {
                content: "The last bracket has no upper limit, not 0%",
                trigger: ".o_field_widget[name=bracket_ids] .o_data_cell[name=achievement_to]:contains('No upper limit')",
            },
            {
                content: "A bracket without cap says so",
                trigger: ".o_field_widget[name=bracket_ids] .o_data_cell[name=cap]:contains('No cap')",
            },
            {
                content: "The 20–60% bracket: no cap, not 0%",
                trigger: ".o_field_widget[name=bracket_ids] .o_data_row:has(.o_data_cell[name=achievement_to]:contains('60')) .o_data_cell[name=cap]:contains('No cap')",
            },
        ]),
});
