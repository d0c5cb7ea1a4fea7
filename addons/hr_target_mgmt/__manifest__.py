# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Target Management and Performance Pay",
    "summary": "Target cascade, achievement, performance-pay scale, monthly "
    "performance-pay runs and probation by target",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Performance",
    "website": "https://github.com/hr-performance-suite/hr-performance-suite",
    "author": "HR Performance Suite Contributors",
    "maintainers": ["hr-performance-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["hr_contract", "mail", "web_hierarchy"],
    "data": [
        "security/security.xml",
        "security/ir.model.access.csv",
        "security/rules.xml",
        "views/hr_target_period_views.xml",
        "views/hr_target_measure_views.xml",
        "views/hr_target_views.xml",
        "views/hr_target_actual_views.xml",
        "views/hr_target_probation_views.xml",
        "views/hr_job_views.xml",
        "views/hr_employee_views.xml",
        "data/ir_cron.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/hr_target_demo.xml"],
    "application": True,
    "installable": True,
}
