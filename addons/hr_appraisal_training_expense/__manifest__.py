# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Training Reimbursements through Expenses",
    "summary": "External training reimbursed through Odoo expenses: the "
    "approved expenses count as actual cost in the training budgets",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Performance",
    "website": "https://github.com/hr-performance-suite/hr-performance-suite",
    "author": "HR Performance Suite Contributors",
    "maintainers": ["hr-performance-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["hr_appraisal_training", "hr_expense"],
    "data": [
        "security/rules.xml",
        "data/product_data.xml",
        "views/hr_expense_views.xml",
        "views/hr_training_budget_views.xml",
    ],
    "demo": ["demo/hr_expense_demo.xml"],
    "installable": True,
    "auto_install": True,
}
