from . import hr_expense
from . import hr_expense_sheet
from . import hr_training_budget_line
