from . import perf_pay
