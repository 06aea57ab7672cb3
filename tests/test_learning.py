"""Courses, lessons, the quiz and completion, with the test client."""

import pytest
from django.utils import translation

from learning.models import Certificate, Enrolment, LessonProgress, QuizAttempt

from .helpers import main_content
from .learning_factories import enrol, finish_lessons, make_course, make_learner, right_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return make_course()


@pytest.fixture
def learner(client):
    user = make_learner()
    client.force_login(user)
    return user


def dutch(message):
    """A message as a Dutch visitor reads it."""
    with translation.override("nl"):
        return translation.gettext(message)


def post_quiz(client, course, attempt, answers):
    data = {"attempt": attempt.token}
    for question_id, choices in answers.items():
        data[f"q-{question_id}"] = [str(c) for c in choices]
    return client.post(course.url + "quiz/", data)


def test_the_catalogue_filters_by_profession_domain_and_level(client, course):
    from home.models import Competency

    from .survey_factories import load_framework

    load_framework()
    course.audience.create(profession="clinical_physicist")
    course.competencies.add(Competency.objects.get(code="radiation-protection"))
    course.save()  # page relations (modelcluster) are stored with the page
    other = make_course(
        catalogue=course.get_parent().specific, level="advanced", title="PET/CT kwantificering"
    )
    catalogue = course.get_parent().url

    def listed(query):
        return main_content(client.get(catalogue + query))

    assert course.title in listed("?profession=clinical_physicist")
    assert other.title not in listed("?profession=clinical_physicist")
    assert course.title in listed("?domain=dosimetry-protection")
    assert other.title not in listed("?domain=dosimetry-protection")
    assert other.title in listed("?level=advanced") and course.title not in listed("?level=advanced")
    assert course.title in listed("?level=<script>") and other.title in listed("?level=<script>")


def test_enrol_read_lessons_and_continue_where_left_off(client, course, learner):
    response = client.post(course.url + "enrol/")
    first, second = course.lessons()
    assert response["Location"] == first.url
    enrolment = Enrolment.objects.get()
    assert client.get(first.url).status_code == 200
    client.post(first.url)  # mark as done
    assert enrolment.next_lesson() == second
    page = client.get(course.url).content.decode()
    assert "1 van 2 lessen gedaan" in page
    assert f'href="{second.url}"' in page


def test_lessons_are_for_enrolled_learners_only(client, course):
    lesson = course.lessons().first()
    anonymous = client.get(lesson.url)
    assert anonymous.status_code == 302 and "/account/login/" in anonymous["Location"]
    client.force_login(make_learner())
    not_enrolled = client.get(lesson.url)
    assert not_enrolled.status_code == 302 and not_enrolled["Location"] == course.url
    client.post(lesson.url)
    assert not LessonProgress.objects.exists()


def test_a_lesson_shows_whether_it_is_done_and_edits_reach_it_at_once(client, course, learner):
    enrol(learner, course)
    lesson = course.lessons().first().specific
    assert dutch("You have completed this lesson.") not in client.get(lesson.url).content.decode()
    client.post(lesson.url)
    page = client.get(lesson.url).content.decode()
    assert dutch("You have completed this lesson.") in page and lesson.title in page
    lesson.title = "Dosis en dosistempo"
    lesson.save_revision().publish()
    assert "Dosis en dosistempo" in client.get(lesson.url).content.decode()  # the kept body is not stale
    course.title = "Stralingsbescherming, de basis"
    course.save_revision().publish()
    page = client.get(lesson.url).content.decode()
    assert f'<p class="survey__title"><a href="{course.url}">Stralingsbescherming, de basis</a>' in page


def test_a_lesson_published_later_is_on_the_course_page_and_counts_in_the_progress(client, course, learner):
    from learning.models import LessonPage

    from .factories import publish

    enrol(learner, course)
    assert "0 van 2 lessen gedaan" in client.get(course.url).content.decode()  # the list is kept now
    publish(course, LessonPage(title="Les extra", slug="les-extra", body=[]))
    page = client.get(course.url).content.decode()
    assert "Les extra" in page and "0 van 3 lessen gedaan" in page


def test_the_lessons_of_an_unpublished_course_are_not_served(client, course, learner):
    enrol(learner, course)
    lesson = course.lessons().first()
    course.unpublish()
    assert client.get(lesson.url).status_code == 404


def test_the_quiz_waits_until_every_lesson_is_done(client, course, learner):
    enrol(learner, course)
    response = client.get(course.url + "quiz/")
    assert response.status_code == 302
    assert not QuizAttempt.objects.exists()


def test_fail_then_pass_and_one_certificate_is_issued(client, course, learner):
    enrolment = enrol(learner, course)
    finish_lessons(enrolment)
    client.get(course.url + "quiz/")
    attempt = QuizAttempt.objects.get()
    wrong = {question_id: [1] for question_id in right_answers(course)}
    failed = post_quiz(client, course, attempt, wrong)
    assert "Nog niet gehaald" in failed.content.decode()
    assert "Because of" in failed.content.decode()  # explanations are shown
    client.get(course.url + "quiz/")
    second = QuizAttempt.objects.exclude(pk=attempt.pk).get()
    passed = post_quiz(client, course, second, right_answers(course))
    assert "U bent geslaagd" in passed.content.decode()
    certificate = Certificate.objects.get()
    assert (certificate.learner_name, certificate.points, certificate.register_number) == (
        "dr. J.A. de Vries",
        4,
        "19012345601",
    )
    replay = post_quiz(client, course, second, right_answers(course))
    assert replay.status_code == 302 and replay["Location"] == course.url  # passed already
    assert Certificate.objects.count() == 1
    assert enrolment.complete() == certificate  # completing again issues nothing new


def test_the_quiz_and_its_result_say_the_pass_mark_in_plain_dutch(client, course, learner):
    finish_lessons(enrol(learner, course))
    quiz = client.get(course.url + "quiz/").content.decode()
    assert "U slaagt als u minstens 70% van de vragen goed beantwoordt." in quiz
    wrong = {question_id: [1] for question_id in right_answers(course)}
    result = post_quiz(client, course, QuizAttempt.objects.get(), wrong).content.decode()
    assert "(u slaagt vanaf 70%)." in result


def test_a_second_certificate_for_the_same_round_is_refused_by_the_database(learner, course):
    from django.db import IntegrityError, transaction

    enrolment = enrol(learner, course)
    finish_lessons(enrolment)
    QuizAttempt.start(enrolment).submit(right_answers(course))
    first = enrolment.complete()
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.issue(enrolment)  # what a racing second request would try
    assert enrolment.complete() == first and Certificate.objects.count() == 1


def test_after_expiry_a_retake_gives_a_new_certificate_with_a_new_date(client, course, learner):
    import datetime

    from django.utils import timezone

    enrolment = enrol(learner, course)
    finish_lessons(enrolment)
    QuizAttempt.start(enrolment).submit(right_answers(course))
    old = enrolment.complete()
    refused = client.post(course.url + "retake/")
    assert refused.status_code == 400  # still valid: nothing to retake
    assert "Deze cursus kan nog niet opnieuw worden gevolgd." in main_content(refused)
    Certificate.objects.filter(pk=old.pk).update(
        completed_on=datetime.date(2023, 5, 1), expires_on=datetime.date(2025, 5, 1)
    )
    page = client.get(course.url).content.decode()
    assert "verlopen" in page and "Volg de cursus opnieuw" in page
    assert client.post(course.url + "retake/").status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.round == 2 and enrolment.progress() == (0, 2)
    assert client.get(course.url + "quiz/").status_code == 302  # lessons first, again
    finish_lessons(enrolment)
    client.get(course.url + "quiz/")
    attempt = QuizAttempt.objects.get(round=2)
    assert "U bent geslaagd" in post_quiz(client, course, attempt, right_answers(course)).content.decode()
    new = Certificate.objects.exclude(pk=old.pk).get()
    assert new.completed_on == timezone.localdate() and new.verification_code != old.verification_code
    assert Certificate.objects.get(pk=old.pk).status() == "expired"


def test_the_attempt_limit_is_kept(client, learner):
    course = make_course(attempt_limit=1)
    finish_lessons(enrol(learner, course))
    client.get(course.url + "quiz/")
    post_quiz(client, course, QuizAttempt.objects.get(), {q: [1] for q in right_answers(course)})
    again = client.get(course.url + "quiz/")
    assert again.status_code == 302
    assert QuizAttempt.objects.count() == 1


def test_starting_an_attempt_locks_the_enrolment_row(monkeypatch, course, learner):
    from django.db.models.query import QuerySet

    locked = []
    select_for_update = QuerySet.select_for_update

    def spy(queryset, *args, **kwargs):
        locked.append(queryset.model)
        return select_for_update(queryset, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "select_for_update", spy)
    enrolment = enrol(learner, course)
    finish_lessons(enrolment)
    QuizAttempt.start(enrolment)
    assert locked == [Enrolment]  # as Enrolment.complete does: two quiz pages at once wait for each other


def test_the_attempt_limit_holds_when_an_unfinished_attempt_is_left_open(client, learner):
    course = make_course(attempt_limit=1)
    enrolment = enrol(learner, course)
    finish_lessons(enrolment)
    first = QuizAttempt.start(enrolment)
    # A second attempt opened beside it, as two quiz pages opened at once could before the lock.
    second = QuizAttempt.objects.create(enrolment=enrolment, token="second-attempt", order=first.order)
    wrong = {q: [1] for q in right_answers(course)}
    assert "Nog niet gehaald" in post_quiz(client, course, first, wrong).content.decode()
    refused = post_quiz(client, course, second, right_answers(course))
    assert refused.status_code == 400
    assert dutch("You have used all your attempts at this quiz.") in main_content(refused)
    second.refresh_from_db()
    assert second.submitted_at is None and not Certificate.objects.exists()
    assert QuizAttempt.start(enrolment) is None
    assert client.get(course.url + "quiz/").status_code == 302
    assert QuizAttempt.objects.count() == 2


def test_each_attempt_shuffles_questions_and_choices(client, course, learner):
    finish_lessons(enrol(learner, course))
    client.get(course.url + "quiz/")
    attempt = QuizAttempt.objects.get()
    assert sorted(q for q, _ in attempt.order) == sorted(right_answers(course))
    for _question, choices in attempt.order:
        assert sorted(choices) == list(range(len(choices)))
    page = client.get(course.url + "quiz/").content.decode()  # the open attempt, same order
    assert attempt.token in page


def test_answers_to_another_courses_questions_are_refused_and_store_nothing(client, course, learner):
    other = make_course(catalogue=course.get_parent().specific)
    assert not set(right_answers(other)) & set(right_answers(course))  # each course its own question ids
    enrolment = enrol(learner, course)
    finish_lessons(enrolment)
    client.get(course.url + "quiz/")
    attempt = QuizAttempt.objects.get()
    response = post_quiz(client, course, attempt, {**right_answers(course), **right_answers(other)})
    assert response.status_code == 400
    page = main_content(response)  # in the site's layout
    assert dutch("Answers were sent for questions that are not in this quiz. Nothing was saved.") in page
    attempt.refresh_from_db()
    assert (attempt.submitted_at, attempt.answers, attempt.score) == (None, {}, None)
    assert enrolment.attempts_left() == 3 and not Certificate.objects.exists()
    passed = post_quiz(client, course, attempt, right_answers(course))  # the attempt is still there to use
    assert passed.status_code == 200 and "U bent geslaagd" in passed.content.decode()


def test_a_tampered_attempt_or_made_up_answer_is_refused(client, course, learner):
    finish_lessons(enrol(learner, course))
    client.get(course.url + "quiz/")
    attempt = QuizAttempt.objects.get()
    forged = client.post(course.url + "quiz/", {"attempt": "forged"})
    assert forged.status_code == 400
    assert "Deze toetspoging is niet geldig. Begin opnieuw aan de toets." in main_content(forged)
    made_up = post_quiz(client, course, attempt, {q: [99] for q in right_answers(course)})
    assert made_up.status_code == 400
    assert "U kunt alleen de getoonde antwoorden kiezen." in main_content(made_up)
    not_numbers = {"attempt": attempt.token, **{f"q-{q}": "<script>" for q in right_answers(course)}}
    assert client.post(course.url + "quiz/", not_numbers).status_code == 400
    attempt.refresh_from_db()
    assert attempt.submitted_at is None


def test_someone_elses_attempt_cannot_be_submitted(client, course, learner):
    other = make_learner()
    finish_lessons(enrol(other, course))
    attempt = QuizAttempt.start(Enrolment.objects.get(user=other))
    finish_lessons(enrol(learner, course))
    assert post_quiz(client, course, attempt, right_answers(course)).status_code == 400
    attempt.refresh_from_db()
    assert attempt.submitted_at is None


def test_unanswered_questions_are_asked_again(client, course, learner):
    finish_lessons(enrol(learner, course))
    client.get(course.url + "quiz/")
    attempt = QuizAttempt.objects.get()
    response = post_quiz(client, course, attempt, {})
    assert response.status_code == 400
    assert "Beantwoord elke vraag" in response.content.decode()


def test_issue_certificates_catches_up_on_owed_completions_and_renders_them(tmp_path, course):
    import io

    from django.core.management import call_command

    owed = enrol(make_learner(), course)
    finish_lessons(owed)
    QuizAttempt.start(owed).submit(right_answers(course))  # passed, but no certificate yet
    unfinished = enrol(make_learner(), course)
    QuizAttempt.start(unfinished).submit(right_answers(course))  # lessons still open
    output = io.StringIO()
    call_command("issue_certificates", render=str(tmp_path), stdout=output)
    assert "[##############################] 2/2" in output.getvalue()
    assert "1 certificates issued" in output.getvalue()
    certificate = Certificate.objects.get()
    assert certificate.enrolment == owed
    (pdf,) = tmp_path.iterdir()
    assert pdf.name.startswith(certificate.verification_code) and pdf.read_bytes().startswith(b"%PDF")
    call_command("issue_certificates", stdout=output)
    assert Certificate.objects.count() == 1


def test_an_english_visitor_continues_in_the_english_lessons(client, course, learner):
    from wagtail.models import Locale

    from .factories import english_home

    english_home()
    english = Locale.objects.get(language_code="en")
    translated = course.copy_for_translation(english, copy_parents=True)
    translated.save_revision().publish()
    for lesson in course.lessons():
        lesson.copy_for_translation(english).save_revision().publish()
    enrolment = enrol(learner, course)  # enrolled in Dutch
    first_english = translated.specific.lessons().first()
    client.post(first_english.url)  # done, in English
    assert enrolment.progress() == (1, 2)
    page = client.get(translated.url).content.decode()
    following = translated.specific.lessons()[1]
    assert following.url.startswith("/en/") and f'href="{following.url}"' in page
    dashboard = client.get("/en/learning/").content.decode()
    assert f'href="{translated.url}"' in dashboard


def test_continue_goes_to_the_lesson_left_open(client, learner):
    course = make_course(lessons=3)
    client.post(course.url + "enrol/")
    first, second, third = course.lessons()
    client.get(third.url)  # opened the third lesson, then left
    enrolment = Enrolment.objects.get()
    assert enrolment.next_lesson() == third
    client.post(third.url)  # done: back to the first one not done
    assert enrolment.next_lesson() == first


def test_the_certificate_is_in_the_language_the_quiz_was_passed_in(client, course, learner):
    from wagtail.models import Locale

    from .factories import english_home

    english_home()
    translated = course.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    translated.title = "Radiation protection essentials"
    translated.save_revision().publish()
    finish_lessons(enrol(learner, course))
    client.get(translated.url + "quiz/")
    attempt = QuizAttempt.objects.get()
    assert "You passed" in post_quiz(client, translated, attempt, right_answers(course)).content.decode()
    certificate = Certificate.objects.get()
    assert (certificate.language, certificate.course_title) == ("en", "Radiation protection essentials")


def test_score_and_pass_mark(course, learner):
    enrolment = enrol(learner, course)
    finish_lessons(enrolment)
    (single, multiple) = right_answers(course).items()
    half = {single[0]: single[1], multiple[0]: multiple[1][:1]}  # the multiple-answer one only half right
    attempt = QuizAttempt.start(enrolment).submit(half)
    assert (attempt.score, attempt.passed) == (50, False)  # pass mark 70
    course.pass_mark = 50
    course.save()
    attempt = QuizAttempt.start(Enrolment.objects.get()).submit(half)
    assert (attempt.score, attempt.passed) == (50, True)


def test_a_completion_outside_the_accreditation_earns_no_points(learner):
    import datetime

    lapsed = make_course(
        accredited_from=datetime.date(2020, 1, 1), accredited_until=datetime.date(2021, 12, 31)
    )
    enrolment = enrol(learner, lapsed)
    finish_lessons(enrolment)
    QuizAttempt.start(enrolment).submit(right_answers(lapsed))
    certificate = enrolment.complete()
    assert certificate is not None and certificate.points == 0
