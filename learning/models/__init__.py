"""Learning, by topic in this package: learner profiles, courses with lessons and a quiz, enrolments with
their progress and quiz attempts, and certificates."""

from .certificates import CERTIFICATE_VALID_FOR, Certificate, new_verification_code
from .courses import (
    AccreditingBody,
    CourseAudience,
    CourseIndexPage,
    CoursePage,
    CourseSignatory,
    LessonPage,
    Level,
)
from .enrolments import Enrolment, LessonProgress, QuizAttempt
from .profiles import LearnerProfile, display_name, register_number

__all__ = [
    "register_number",
    "LearnerProfile",
    "display_name",
    "CERTIFICATE_VALID_FOR",
    "new_verification_code",
    "Certificate",
    "Enrolment",
    "LessonProgress",
    "QuizAttempt",
    "Level",
    "AccreditingBody",
    "CourseIndexPage",
    "CoursePage",
    "CourseAudience",
    "CourseSignatory",
    "LessonPage",
]
