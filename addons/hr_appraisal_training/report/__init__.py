from . import hr_performance_review_report
from . import hr_performance_review_cycle_results_report
from . import hr_training_archive_xlsx
