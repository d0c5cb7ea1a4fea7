# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Year-end Profit Sharing",
    "summary": "Year-end surplus, profit-sharing pool, department split and "
    "in-department allocation under rules A-E with approval",
    "version": "18.0.1.2.0",
    "category": "Human Resources/Performance",
    "website": "https://github.com/hr-performance-suite/hr-performance-suite",
    "author": "HR Performance Suite Contributors",
    "maintainers": ["hr-performance-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["hr_target_mgmt", "hr_appraisal_training"],
    "data": [
        "security/ir.model.access.csv",
        "security/rules.xml",
        "data/ir_cron.xml",
        "report/hr_bonus_plan_report.xml",
        "views/hr_bonus_grade_views.xml",
        "views/hr_bonus_plan_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/hr_bonus_share_demo.xml"],
    "assets": {
        "web.assets_tests": ["hr_bonus_share/static/src/tours/*.js"],
    },
    "installable": True,
}
