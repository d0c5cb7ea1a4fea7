/** @odoo-module **/
/* Copyright 2026 HR Performance Suite Contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */

import {registry} from "@web/core/registry";

/** Each step gets 30 s to find its trigger (10 s is short on a busy test
 * machine). */
function patient(steps) {
    return steps.map((step) => ({timeout: 30000, ...step}));
}

registry.category("web_tour.tours").add("hr_appraisal_training_take_attendance", {
    url: "/odoo/action-hr_appraisal_training.hr_training_session_action",
    steps: () =>
        patient([
            {
                content: "The trainer opens the session they teach",
                trigger: ".o_list_view .o_data_row .o_data_cell:contains('2026 春季主板故障诊断')",
                run: "click",
            },
            {
                content: "Take the attendance of the first sitting",
                trigger:
                    ".o_field_widget[name=sitting_ids] .o_data_row:first button[name=action_take_attendance]",
                run: "click",
            },
            {
                content: "Every attendee is listed, present by default",
                trigger: ".o_list_view .o_data_row:contains('张三'):contains('Present')",
            },
            {
                content: "Open 李四's line",
                trigger: ".o_list_view .o_data_row:contains('李四') .o_data_cell[name=status]",
                run: "click",
            },
            {
                content: "李四 is absent",
                trigger: ".o_list_view .o_data_row.o_selected_row .o_field_widget[name=status] select",
                run: "selectByLabel Absent",
            },
            {
                content: "Save the attendance",
                trigger: ".o_list_button_save",
                run: "click",
            },
            {
                content: "The line is saved as absent",
                trigger:
                    ".o_list_view .o_data_row:not(.o_selected_row):contains('李四'):contains('Absent')",
            },
        ]),
});
