from . import hr_training_archive_xlsx
