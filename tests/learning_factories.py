"""Builders for courses, lessons, quizzes and learners in tests."""

import datetime
import itertools
import uuid

from django.contrib.auth.models import User

from learning.models import CourseIndexPage, CoursePage, Enrolment, LearnerProfile, LessonPage

from .factories import dutch_home, publish

counter = itertools.count(1)


def quiz_question(text, choices, correct, multiple=False):
    """A quiz block; ``correct`` holds the indexes of the right answers."""
    return {
        "type": "question",
        "id": str(uuid.uuid4()),
        "value": {
            "question": text,
            "multiple": multiple,
            "choices": [{"text": choice, "correct": i in correct} for i, choice in enumerate(choices)],
            "explanation": f"Because of {choices[min(correct)]}.",
        },
    }


def quiz():
    """Two questions with ids of their own: no two courses share a question id."""
    return [
        quiz_question("Half-life of Tc-99m?", ["6 hours", "6 days", "2 hours"], {0}),
        quiz_question("Which are beta emitters?", ["Lu-177", "Tc-99m", "Y-90"], {0, 2}, multiple=True),
    ]


def make_catalogue(parent=None):
    return publish(
        parent or dutch_home(), CourseIndexPage(title="Cursussen", slug=f"cursussen-{next(counter)}")
    )


def make_course(catalogue=None, lessons=2, **fields):
    n = next(counter)
    fields = {
        "title": f"Stralingsbescherming {n}",
        "slug": f"course-{n}",
        "summary": "Radiation protection essentials.",
        "learning_objectives": "<ul><li>ALARA</li></ul>",
        "points": 4,
        "accrediting_body": "gaia",
        "activity_id": f"GAIA-{n}",
        "accredited_from": datetime.date(2020, 1, 1),
        "accredited_until": datetime.date(2099, 12, 31),
        "pass_mark": 70,
        "attempt_limit": 3,
        "quiz": quiz(),
        **fields,
    }
    course = publish(catalogue or make_catalogue(), CoursePage(**fields))
    for i in range(lessons):
        publish(
            course,
            LessonPage(
                title=f"Les {i + 1}",
                slug=f"les-{i + 1}",
                body=[{"type": "paragraph", "value": f"<p>Lesson {i + 1} text.</p>"}],
            ),
        )
    return CoursePage.objects.get(pk=course.pk)


def make_learner(email=None, name="dr. J.A. de Vries", register_number="19012345601"):
    email = email or f"learner{next(counter)}@example.org"
    user = User.objects.create_user(email, email, "Isotopes-for-Everyone-2026")
    LearnerProfile.objects.create(user=user, certificate_name=name, register_number=register_number)
    return user


def enrol(user, course):
    return Enrolment.objects.create(user=user, course=course, course_key=course.translation_key)


def finish_lessons(enrolment):
    for lesson in enrolment.course.lessons():
        enrolment.complete_lesson(lesson)


def right_answers(course):
    return {
        block.id.replace("-", ""): [i for i, c in enumerate(block.value["choices"]) if c["correct"]]
        for block in course.quiz
    }
