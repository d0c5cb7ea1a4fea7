# Copyright 2026 HR Performance Suite Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Performance Pay in Payroll",
    "summary": "Approved performance pay and year-end shares become payslip "
    "inputs of OCA payroll, each paid exactly once",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Performance",
    "website": "https://github.com/hr-performance-suite/hr-performance-suite",
    "author": "HR Performance Suite Contributors",
    "maintainers": ["hr-performance-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["payroll", "hr_target_mgmt"],
    "data": [
        "data/res_users_data.xml",
        "data/hr_payroll_structure_data.xml",
        "views/hr_payslip_input_views.xml",
        "views/hr_payslip_views.xml",
        "views/hr_performance_pay_line_views.xml",
        "views/hr_performance_pay_run_views.xml",
    ],
    "demo": ["demo/hr_payroll_demo.xml"],
    "installable": True,
    "auto_install": True,
    "uninstall_hook": "uninstall_hook",
}
