from . import test_smoke
from . import test_default_groups
from . import test_payroll_bridge
from . import test_concurrency
from . import test_context_keys
