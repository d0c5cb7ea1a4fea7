from . import hr_payable_mixin
from . import hr_payslip
from . import hr_payslip_input
