from . import res_company
from . import res_config_settings
from . import hr_bonus_grade
from . import hr_employee
from . import hr_department
from . import hr_bonus_plan
from . import hr_bonus_department
from . import hr_bonus_share
