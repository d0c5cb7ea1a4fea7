/** @odoo-module **/
/* Copyright 2026 HR Performance Suite Contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */

import {registry} from "@web/core/registry";

/** Each step gets 30 s to find its trigger (10 s is short on a busy test
 * machine). */
function patient(steps) {
    return steps.map((step) => ({timeout: 30000, ...step}));
}

function scoreLine(line, column, value) {
    return [
        {
            content: `Open the ${column} cell of ${line}`,
            trigger: `.o_field_widget[name=line_ids] .o_data_row:contains('${line}') td[name=${column}]`,
            run: "click",
        },
        {
            content: `Score ${line}: ${value}`,
            trigger: `.o_field_widget[name=line_ids] .o_data_row.o_selected_row:contains('${line}') td[name=${column}] input`,
            run: `edit ${value}`,
        },
    ];
}

registry.category("web_tour.tours").add("hr_appraisal_training_self_review", {
    url: "/odoo/action-hr_appraisal_training.hr_performance_review_action_my",
    steps: () =>
        patient([
            {
                content: "Open my appraisal",
                trigger: ".o_list_view .o_data_row .o_data_cell:contains('2026 Q1 360')",
                run: "click",
            },
            ...scoreLine("Service", "self_score", "4"),
            ...scoreLine("Quality", "self_score", "45"),
            {
                content: "Submit the self-assessment",
                trigger: ".o_form_view button[name=action_submit_self]",
                run: "click",
            },
            {
                content: "The appraisal waits for the manager",
                trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=manager]",
            },
        ]),
});

registry.category("web_tour.tours").add("hr_appraisal_training_manager_review", {
    url: "/odoo/action-hr_appraisal_training.hr_performance_review_action",
    steps: () =>
        patient([
            {
                content: "Open 张三's appraisal from the kanban of phases",
                trigger: ".o_kanban_group:has(.o_column_title:contains('Manager Review')) .o_kanban_record:contains('张三')",
                run: "click",
            },
            {
                content: "The self column is filled in, next to the manager's",
                trigger: ".o_field_widget[name=line_ids] .o_data_row:contains('Service') td[name=self_score]:contains('4.00')",
            },
            ...scoreLine("Service", "manager_score", "4"),
            ...scoreLine("Quality", "manager_score", "40"),
            {
                content: "Complete the review",
                trigger: ".o_form_view button[name=action_done]",
                run: "click",
            },
            {
                content: "The appraisal is done",
                trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=done]",
            },
        ]),
});
