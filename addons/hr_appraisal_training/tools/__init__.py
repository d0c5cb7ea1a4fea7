from . import appraisal_score
from . import training_math
from . import training_budget
