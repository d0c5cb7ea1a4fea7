from . import test_smoke
from . import test_appraisal_score
from . import test_templates
from . import test_cycles
from . import test_reviews
from . import test_training_needs
from . import test_office_pay
from . import test_improvement
