from . import bulk, money, perf_pay, target_math
