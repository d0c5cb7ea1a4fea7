from . import hr_payable_mixin
from . import hr_target_period
