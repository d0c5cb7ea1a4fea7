from . import money, perf_pay, target_math
