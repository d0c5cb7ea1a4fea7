/** @odoo-module **/
/* Copyright 2026 HR Performance Suite Contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */

import {registry} from "@web/core/registry";

/** Each step gets 30 s to find its trigger (10 s is short on a busy test
 * machine). */
function patient(steps) {
    return steps.map((step) => ({timeout: 30000, ...step}));
}

const SHARES = ".o_field_widget[name=share_ids]";

registry.category("web_tour.tours").add("hr_bonus_share_department_submit", {
    url: "/odoo/action-hr_bonus_share.hr_bonus_department_action",
    steps: () =>
        patient([
            {
                content: "Open the proposal of the sales department",
                trigger: ".o_list_view .o_data_row .o_data_cell:contains('市场部')",
                run: "click",
            },
            {
                content: "The proposal lists 李四's share",
                trigger: `${SHARES} .o_data_row:contains('李四')`,
            },
            {
                content: "Select 李四's share",
                trigger: `${SHARES} .o_data_row:contains('李四') .o_data_cell[name=amount_adjusted]`,
                run: "click",
            },
            {
                content: "Mark 李四 as outstanding",
                trigger: `${SHARES} .o_selected_row .o_field_widget[name=outstanding] input`,
                run: "click",
            },
            {
                content: "Raise 李四's share by 1,000",
                trigger: `${SHARES} .o_selected_row .o_field_widget[name=amount_adjusted] input`,
                run: "edit 40879.15",
            },
            {
                content: "Leave 李四's row",
                trigger: ".o_form_view .o_form_sheet h1",
                run: "click",
            },
            {
                content: "李四's share is raised",
                trigger: `${SHARES} .o_data_row:contains('李四'):contains('40,879.15')`,
            },
            {
                content: "Select 张三's share",
                trigger: `${SHARES} .o_data_row:contains('张三') .o_data_cell[name=amount_adjusted]`,
                run: "click",
            },
            {
                content: "Lower 张三's share by 1,000",
                trigger: `${SHARES} .o_selected_row .o_field_widget[name=amount_adjusted] input`,
                run: "edit 35253.78",
            },
            {
                content: "Leave 张三's row",
                trigger: ".o_form_view .o_form_sheet h1",
                run: "click",
            },
            {
                content: "张三's share is lowered, the total unchanged",
                trigger: `${SHARES} .o_data_row:contains('张三'):contains('35,253.78')`,
            },
            {
                content: "Submit the department's shares",
                trigger: ".o_form_view button[name=action_submit]",
                run: "click",
            },
            {
                content: "The department is submitted",
                trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=submitted]",
            },
        ]),
});
