from . import hr_training_course
from . import hr_training_session
from . import hr_training_attendee
