"""Fifty respondents and fifty learners submitting at the same moment, over HTTP to a real gunicorn.

What people come for is stored in two places that racing requests could break: the
questionnaire's last step (a Response with its answer and rating rows) and the quiz
submit (one scored attempt, one Certificate per enrolment round, guarded by row
locks and a unique constraint). The test client runs one request at a time and
cannot race; here gunicorn, with production settings, three workers of four threads
each, serves the test database (hence the ``services`` marker: PostgreSQL only), and
the client threads wait at one barrier so that their submits overlap.
"""

import uuid
from urllib.parse import quote

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import connection
from django.db.models import Count

from bench.concurrency import (
    forget_cache,
    gunicorn,
    learners_at_once,
    respondents_at_once,
    server_environment,
    session_cookies,
    survey_script,
)
from learning.models import Certificate, QuizAttempt
from surveys.models import Response

from .learning_factories import enrol, finish_lessons, make_course, make_learner, right_answers
from .survey_factories import make_survey

CLIENTS = 50

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.xdist_group("concurrency"),
]


def database_url():
    """The test database, as gunicorn's DATABASE_URL."""
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    host, port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    return f"postgres://{quote(db['USER'], safe='')}{password}@{host}:{port}/{db['NAME']}"


@pytest.fixture(scope="module")
def server(django_db_setup, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("concurrency")
    # The test's own cache keys, as web processes of one site share them: what the test publishes
    # (a new page-cache generation, Wagtail's site root paths) reaches the server as it would.
    prefix = settings.CACHES["default"].get("KEY_PREFIX") or f"nmep-concurrency-{uuid.uuid4().hex[:12]}"
    env = server_environment(workdir, database_url(), settings.REDIS_URL, prefix)
    try:
        with gunicorn(env, workdir, workers=3, threads=4) as running:
            yield running
    finally:
        if settings.REDIS_URL:
            forget_cache(settings.REDIS_URL, prefix)


@pytest.fixture(scope="module", autouse=True)
def migrated_data_back(django_db_setup, django_db_blocker):
    """A transactional test ends by emptying the database: later tests get the migrated data back."""
    yield
    with django_db_blocker.unblock():
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


def ready_learners(course):
    """Learners with a verified address and every lesson done."""
    learners = []
    for n in range(CLIENTS):
        user = make_learner(f"concurrent{n}@example.org")
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        finish_lessons(enrol(user, course))
        learners.append(user)
    return learners


def test_fifty_respondents_submitting_at_once_are_each_stored_once_and_complete(server):
    survey = make_survey()
    script, answers, ratings = survey_script(survey)
    assert (answers, ratings) == (6, 5)
    mark = server.mark()

    outcome = respondents_at_once(server.url, survey, script, CLIENTS)

    assert outcome.errors == []
    assert server.trouble(since=mark) == []
    assert len(outcome.submits) == CLIENTS
    stored = Response.objects.filter(survey=survey).annotate(
        answer_rows=Count("answers", distinct=True), rating_rows=Count("ratings", distinct=True)
    )
    assert (
        list(stored.values_list("status", "answer_rows", "rating_rows"))
        == [("submitted", answers, ratings)] * CLIENTS
    )


def test_fifty_learners_double_clicking_the_quiz_submit_get_one_certificate_each(server):
    course = make_course()
    learners = ready_learners(course)
    cookies = session_cookies(learners, server.secret_key)
    mark = server.mark()

    outcome = learners_at_once(server.url, course.url + "quiz/", cookies, right_answers(course))

    assert outcome.errors == []
    assert server.trouble(since=mark) == []
    assert len(outcome.submits) == 2 * CLIENTS
    pks = sorted(learner.pk for learner in learners)
    assert sorted(Certificate.objects.filter(course=course).values_list("user", flat=True)) == pks
    submitted = QuizAttempt.objects.filter(enrolment__course=course, submitted_at__isnull=False)
    assert sorted(submitted.values_list("enrolment__user", flat=True)) == pks
    assert submitted.filter(passed=True).count() == CLIENTS
