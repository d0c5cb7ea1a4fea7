from . import appraisal_score
from . import training_budget
