from . import test_smoke
from . import test_allocation
from . import test_plan
from . import test_access
from . import test_views
