from . import hr_performance_pay_run_send_back
