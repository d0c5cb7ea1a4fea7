from . import test_training_slides
