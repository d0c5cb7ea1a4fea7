from . import hr_bonus_plan_xlsx
from . import hr_bonus_plan_report
