# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Appraisals and Training",
    "summary": "Appraisal cycles, KPI templates, 360 reviews, interviews, "
    "appeals, improvement plans; training needs, plans, sessions and archives",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Performance",
    "website": "https://github.com/hr-performance-suite/hr-performance-suite",
    "author": "HR Performance Suite Contributors",
    "maintainers": ["hr-performance-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["hr_target_mgmt", "survey", "hr_skills", "calendar"],
    "data": [
        "views/menus.xml",
    ],
    "installable": True,
}
