"""A questionnaire's last step sent twice at once (a double click) stores the answers once.

One request at a time never gets there twice: the wizard looks up only a draft, and a
submitted response is no draft. Two tabs of one browser (or a double click) that post the
review together both find the draft; ``Response.submit`` then locks the response's row and
stores nothing when it is no longer a draft. Without that, a questionnaire of questions only
stores every answer twice, and one with a competency matrix answers the second click with a
server error (its ratings are unique per response and competency).
"""

import pytest
from django.db import connection
from django.db.models import Count

from home.models import Competency
from surveys.models import Answer, CompetencyRating, Response

from .races import Browser, race, row_locked
from .survey_factories import load_framework, make_survey, standard_steps
from .test_survey_wizard import Respondent

# What the wizard stores for Respondent's answers (tests/test_survey_wizard.py): six answer rows
# (the multiple choice gives two, the empty long text none) and, with the matrix, a rating for
# each of its five competencies.
ANSWER_ROWS, RATING_ROWS = 6, 5
KINDS = {"with a competency matrix": True, "of questions only": False}


def stored(survey):
    """(status, answer rows, rating rows) of each of the questionnaire's responses."""
    responses = Response.objects.filter(survey=survey).annotate(
        answer_rows=Count("answers", distinct=True), rating_rows=Count("ratings", distinct=True)
    )
    return list(responses.values_list("status", "answer_rows", "rating_rows"))


@pytest.mark.django_db
@pytest.mark.parametrize("rated", KINDS.values(), ids=KINDS.keys())
def test_a_response_submitted_again_through_a_stale_copy_stores_no_second_set_of_answers(rated):
    survey = make_survey()
    draft = Response.start(survey, "nl")
    # Two requests that both loaded the draft before either submitted it.
    first, second = Response.objects.get(pk=draft.pk), Response.objects.get(pk=draft.pk)
    answers = [{"question": "q1", "number": 4}, {"question": "q2", "text": "Physicist"}]
    levels = {"question": "q3", "current": 1, "required_now": 3, "required_future": 4}
    ratings = [{"competency": c, **levels} for c in Competency.objects.order_by("pk")[:2]] if rated else []

    assert first.submit({"stakeholder_group": "care_provider"}, answers, ratings) is True
    assert second.submit({"stakeholder_group": "company"}, answers, ratings) is False

    assert stored(survey) == [("submitted", len(answers), len(ratings))]
    assert Answer.objects.filter(response=draft).count() == len(answers)
    assert CompetencyRating.objects.filter(response=draft).count() == len(ratings)
    assert Response.objects.get(pk=draft.pk).stakeholder_group == "care_provider"  # the first one's


@pytest.fixture(scope="module")
def migrated_data_back(django_db_setup, django_db_blocker):
    """A transactional test ends by emptying the database: later tests get the migrated data back."""
    yield
    with django_db_blocker.unblock():
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


@pytest.mark.services
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("rated", KINDS.values(), ids=KINDS.keys())
def test_the_last_step_posted_twice_at_once_from_one_browser_stores_the_answers_once(
    rated, live_server, migrated_data_back
):
    work, industry, matrix = standard_steps(load_framework())
    survey = make_survey(steps=[work, industry, matrix] if rated else [work, industry])
    browser = Browser(live_server.url)
    respondent = Respondent(browser, survey)
    assert "Voordat u begint" in browser.get(respondent.url).text
    respondent.consent()
    respondent.profile()  # a care provider: the industry step is skipped
    review = respondent.work()
    if rated:
        review = respondent.matrix()
    assert "Controleer uw antwoorden" in review.text
    [draft] = Response.objects.filter(survey=survey)
    tabs = [browser.tab(), browser.tab()]

    # Both posts find the draft before either stores it: the test holds the response's row until
    # both wait for it (tests/races.py).
    answered = race([Respondent(tab, survey).review for tab in tabs], row_locked(Response, draft.pk))
    for http in [browser, *tabs]:
        http.close()

    ratings = RATING_ROWS if rated else 0
    assert stored(survey) == [("submitted", ANSWER_ROWS, ratings)]
    assert Answer.objects.filter(response__survey=survey).count() == ANSWER_ROWS
    assert CompetencyRating.objects.filter(response__survey=survey).count() == ratings
    # Both clicks are answered with a page, neither with an error; one of them thanks.
    assert [getattr(reply, "status_code", reply) for reply in answered] == [302, 302]
    thanked = [reply.headers["Location"].endswith("/thanks/") for reply in answered]
    assert sorted(thanked) == [False, True]
