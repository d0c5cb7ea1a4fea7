/** @odoo-module **/
/* Copyright 2026 HR Performance Suite Contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */

import {registry} from "@web/core/registry";

/** Each step gets 30 s to find its trigger (10 s is short on a busy test
 * machine). */
function patient(steps) {
    return steps.map((step) => ({timeout: 30000, ...step}));
}

function openRun(runName) {
    return [
        {
            content: "Open the run of the month",
            trigger: `.o_list_view .o_data_row .o_data_cell:contains('${runName}')`,
            run: "click",
        },
        {
            content: "The distribution table shows 张三's performance pay",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains('张三'):contains('450.00')",
        },
    ];
}

registry.category("web_tour.tours").add("hr_target_mgmt_performance_pay_report", {
    url: "/odoo/action-hr_target_mgmt.hr_performance_pay_run_action",
    steps: () =>
        patient([
            ...openRun("2026-03 市场部"),
            {
                content: "The supervisor reports the month's results",
                trigger: ".o_form_view button[name=action_report]",
                run: "click",
            },
            {
                content: "The run is reported",
                trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=reported]",
            },
            {
                content: "Finance's step is not the supervisor's",
                trigger: ".o_form_view:not(:has(button[name=action_verify]))",
            },
        ]),
});

registry.category("web_tour.tours").add("hr_target_mgmt_performance_pay_verify", {
    url: "/odoo/action-hr_target_mgmt.hr_performance_pay_run_action",
    steps: () =>
        patient([
            ...openRun("2026-03 市场部"),
            {
                content: "Finance verifies the reported results",
                trigger: ".o_form_view button[name=action_verify]",
                run: "click",
            },
            {
                content: "The run is verified",
                trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=verified]",
            },
        ]),
});
