from . import hr_kpi_template
from . import hr_kpi_template_line
from . import hr_performance_review_band
from . import hr_performance_review_cycle
from . import hr_performance_review
from . import hr_performance_review_line
from . import hr_employee
from . import hr_training_need
