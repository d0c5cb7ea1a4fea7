from . import hr_payable_mixin
from . import hr_payslip
from . import hr_payslip_input
from . import hr_performance_pay_line
from . import hr_performance_pay_run
from . import res_users
from . import hr_salary_rule
