# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Appraisals and Training",
    "summary": "Appraisal cycles, KPI templates, 360 reviews, interviews, "
    "appeals, improvement plans; training needs, plans, sessions and archives",
    "version": "18.0.1.2.0",
    "category": "Human Resources/Performance",
    "website": "https://github.com/hr-performance-suite/hr-performance-suite",
    "author": "HR Performance Suite Contributors",
    "maintainers": ["hr-performance-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["hr_target_mgmt", "survey", "hr_skills", "calendar"],
    "data": [
        "security/ir.model.access.csv",
        "security/rules.xml",
        "data/hr_performance_review_band_data.xml",
        "data/hr_kpi_template_data.xml",
        "data/ir_cron.xml",
        "views/hr_kpi_template_views.xml",
        "views/hr_performance_review_cycle_views.xml",
        "views/hr_performance_review_views.xml",
        "views/hr_employee_views.xml",
        "views/hr_training_budget_views.xml",
        "views/hr_training_cost_views.xml",
        "views/hr_training_plan_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/hr_performance_review_demo.xml",
        "demo/hr_training_plan_demo.xml",
    ],
    "installable": True,
}
