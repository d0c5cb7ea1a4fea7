from . import test_training_expense
