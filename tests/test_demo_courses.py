"""The demo courses command: three courses in Dutch and English, a demo learner, and nothing twice."""

import io

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page

from learning.models import Certificate, CoursePage, Enrolment, LessonPage, LessonProgress, QuizAttempt

from . import factories
from .helpers import rolled_back

pytestmark = pytest.mark.django_db


def load():
    output = io.StringIO()
    call_command("load_demo_courses", stdout=output)
    return output.getvalue()


def courses(language):
    return CoursePage.objects.live().filter(locale__language_code=language).order_by("path")


def counts():
    models = (Page, User, EmailAddress, Enrolment, LessonProgress, QuizAttempt, Certificate)
    return [model.objects.count() for model in models]


@pytest.fixture(scope="class")
def loaded(django_db_setup, django_db_blocker):
    """The demo courses and the demo learner, loaded once for the class and rolled back after it."""
    with rolled_back(django_db_blocker), override_settings(DEBUG=True):
        factories.english_home()
        load()
        yield


@pytest.mark.usefixtures("loaded")
@pytest.mark.xdist_group("demo_courses")  # one worker loads the demo once for the class
class TestLoadedDemoCourses:
    def test_running_it_twice_creates_nothing_twice(self, settings):
        settings.DEBUG = True
        first = counts()
        output = load()
        assert counts() == first
        for label in ("Courses (nl)", "Lessons (nl)", "Courses (en)", "Lessons (en)", "Demo learner"):
            assert f"{label}: 0 created" in output
        assert "Demo enrolments: 0 created, 2 already there" in output

    def test_three_courses_in_dutch_with_english_translations_sharing_their_key(self):
        dutch, english = list(courses("nl")), list(courses("en"))
        assert len(dutch) == len(english) == 3
        assert {course.translation_key for course in dutch} == {course.translation_key for course in english}
        for course in dutch:
            translation = course.get_translation(english[0].locale)
            assert translation.live and translation.title != course.title
            assert translation.get_parent().title == "Courses"
            assert [row.profession for row in translation.audience.all()] == [
                row.profession for row in course.audience.all()
            ]

    def test_every_course_has_lessons_and_a_quiz_with_right_answers(self):
        for course in [*courses("nl"), *courses("en")]:
            lessons = course.lessons()
            assert 3 <= lessons.count() <= 5, course.title
            assert all(lesson.locale_id == course.locale_id for lesson in lessons)
            assert 4 <= len(course.quiz) <= 6
            assert any(block.value["multiple"] for block in course.quiz)
            for block in course.quiz:
                correct = sum(choice["correct"] for choice in block.value["choices"])
                assert correct == 1 or (correct > 1 and block.value["multiple"]), block.value["question"]
            assert 2 <= course.competencies.count() <= 4
            assert course.audience.exists() and course.signatories.count() == 2

    def test_every_lesson_is_translated(self):
        english = courses("en").first().locale
        for lesson in LessonPage.objects.filter(locale__language_code="nl"):
            translation = lesson.get_translation(english)
            assert translation.live and translation.title != lesson.title

    def test_the_demo_content_passes_the_editors_validation(self):
        for course in CoursePage.objects.all():
            course.full_clean()
            course.quiz.stream_block.clean(course.quiz)
        for lesson in LessonPage.objects.all():
            lesson.full_clean()
            lesson.body.stream_block.clean(lesson.body)

    def test_quiz_questions_keep_their_ids_across_languages(self):
        dutch = courses("nl").first().locale
        for course in courses("en"):
            assert list(course.question_blocks()) == list(course.get_translation(dutch).question_blocks())

    def test_the_demo_learner_has_completed_one_course_and_started_another(self):
        learner = User.objects.get(username="learner@example.org")
        assert learner.check_password("nmep-demo-learner")
        assert EmailAddress.objects.filter(user=learner, primary=True, verified=True).exists()
        assert learner.learner.certificate_name == "dr. A. de Vries"
        certificate = Certificate.objects.get(user=learner)
        assert certificate.course_title == "Stralingsbescherming: de basis"
        assert certificate.learner_name == "dr. A. de Vries" and certificate.status() == "valid"
        started = Enrolment.objects.get(user=learner, course__slug="radionuclidetherapie-met-177lu-psma")
        assert started.progress()[0] == 1 and not started.passed()

    def test_the_demo_course_administrator_sees_the_results(self):
        staff = User.objects.get(username="courses")
        assert staff.check_password("nmep-demo-courses")
        assert staff.has_perm("learning.view_learning_results") and staff.has_perm(
            "learning.revoke_certificate"
        )

    def test_the_demo_learner_can_read_the_courses_in_both_languages(self, client):
        client.force_login(User.objects.get(username="learner@example.org"))
        for course in [*courses("nl"), *courses("en")]:
            assert client.get(course.get_parent().url).status_code == 200
            assert client.get(course.url).status_code == 200
        for lesson in courses("en").first().lessons():
            assert client.get(lesson.url).status_code == 200, lesson.url


def test_the_demo_learner_is_made_only_with_debug_on(settings):
    settings.DEBUG = False
    assert "Demo learner: skipped" in load()
    assert not User.objects.filter(username="learner@example.org").exists()
    assert not Certificate.objects.exists()


def test_english_courses_follow_once_the_home_page_is_translated(settings):
    settings.DEBUG = False
    assert "Courses (en): skipped" in load()
    assert courses("nl").count() == 3 and not courses("en").exists()
    factories.english_home()
    assert "Courses (en): 3 created" in load()
    assert courses("en").count() == 3
