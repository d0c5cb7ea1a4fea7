from . import test_smoke
from . import test_appraisal_score
from . import test_templates
from . import test_cycles
from . import test_reviews
from . import test_training_budget_math
from . import test_training_budget
from . import test_training_plan
