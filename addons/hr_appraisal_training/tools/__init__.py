from . import appraisal_score
