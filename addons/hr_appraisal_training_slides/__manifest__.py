# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Online Training through eLearning",
    "summary": "Online training courses linked to Odoo eLearning courses: "
    "the attendees are enrolled when the session is confirmed and their "
    "progress shows on the attendee",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Performance",
    "website": "https://github.com/hr-performance-suite/hr-performance-suite",
    "author": "HR Performance Suite Contributors",
    "maintainers": ["hr-performance-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["hr_appraisal_training", "website_slides"],
    "data": [
        "views/hr_training_course_views.xml",
        "views/hr_training_attendee_views.xml",
    ],
    "demo": ["demo/hr_training_slides_demo.xml"],
    "installable": True,
    "auto_install": True,
}
