from . import test_smoke
from . import test_targets
from . import test_probation
from . import test_target_access
