from . import test_smoke
from . import test_payroll_bridge
from . import test_concurrency
