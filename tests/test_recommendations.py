"""A respondent's own gaps lead to courses: on the thank-you page and on the learner's dashboard."""

import pytest

from home.models import Competency
from learning.models import Certificate, QuizAttempt
from learning.recommendations import recommend
from surveys.models import Response
from surveys.profile import Gap, gap_profile

from .learning_factories import enrol, finish_lessons, make_course, make_learner, right_answers
from .survey_factories import make_survey
from .test_survey_wizard import Respondent

pytestmark = pytest.mark.django_db


def test_gaps_are_ranked_by_the_largest_of_now_and_in_five_years():
    ratings = [
        (1, 1, 3, 4),  # gaps 2 now, 3 in five years: largest 3
        (2, 2, 4, 2),  # 2 now, 0 later: largest 2
        (3, 0, 3, 3),  # 3 and 3: largest 3, and more now than competency 1
        (4, 3, 3, 2),  # no gap: left out
    ]
    assert gap_profile(ratings) == [Gap(3, 3, 3), Gap(1, 2, 3), Gap(2, 2, 0)]


@pytest.fixture
def framework():
    from .survey_factories import load_framework

    load_framework()
    return {c.code: c for c in Competency.objects.all()}


def covering(*codes, **fields):
    course = make_course(**fields)
    course.competencies.set([Competency.objects.get(code=code) for code in codes])
    course.save_revision().publish()
    return course


def test_recommendations_follow_the_gaps_and_leave_out_completed_courses(framework):
    protection = covering("radiation-protection", title="Stralingsbescherming")
    dosimetry = covering("patient-dosimetry", title="Dosimetrie")
    learner = make_learner()
    no_course = next(
        c for code, c in framework.items() if code not in ("patient-dosimetry", "radiation-protection")
    )
    gaps = [
        Gap(framework["patient-dosimetry"].pk, 3, 3),
        Gap(framework["radiation-protection"].pk, 1, 2),
        Gap(no_course.pk, 1, 1),
    ]
    rows = recommend(gaps, learner)
    assert [(c.code, [course.title for course in courses]) for c, _gap, courses in rows] == [
        ("patient-dosimetry", ["Dosimetrie"]),
        ("radiation-protection", ["Stralingsbescherming"]),
        (no_course.code, []),  # shown: "no course yet"
    ]
    enrolment = enrol(learner, dosimetry)
    finish_lessons(enrolment)
    QuizAttempt.start(enrolment).submit(right_answers(dosimetry))
    enrolment.complete()
    rows = recommend(gaps, learner, only_with_courses=True)
    assert [(c.code, [course.pk for course in courses]) for c, _gap, courses in rows] == [
        ("radiation-protection", [protection.pk])
    ]


def answer(client, survey, levels=(1, 3, 4)):
    """Every dosimetry competency rated ``levels``: by default gaps of 2 now, 3 in five years."""
    respondent = Respondent(client, survey)
    respondent.consent()
    respondent.profile()
    respondent.work()
    respondent.matrix(levels=levels)
    return respondent.review()


@pytest.mark.parametrize(
    ("levels", "said"),
    [
        ((1, 2, 3), "Gap nu: 1 niveau; over vijf jaar: 2 niveaus."),
        ((1, 3, 2), "Gap nu: 2 niveaus; over vijf jaar: 1 niveau."),
        ((1, 3, 4), "Gap nu: 2 niveaus; over vijf jaar: 3 niveaus."),
    ],
)
def test_a_gap_of_one_level_says_niveau_and_of_more_says_niveaus(client, levels, said):
    done = answer(client, make_survey(), levels)
    assert said in client.get(done["Location"]).content.decode()


def test_a_logged_in_respondent_sees_courses_for_their_gaps_and_keeps_them_on_the_dashboard(client):
    survey = make_survey()
    course = covering("radiation-protection", title="Stralingsbescherming: de basis")
    learner = make_learner()
    client.force_login(learner)
    done = answer(client, survey)
    thanks = client.get(done["Location"]).content.decode()
    assert "Stralingsbescherming: de basis" in thanks and f'action="{course.url}enrol/"' in thanks
    assert Response.objects.get().respondent == learner
    dashboard = client.get("/nl/learning/").content.decode()
    assert "Aanbevolen voor u" in dashboard and "Stralingsbescherming: de basis" in dashboard
    client.post(course.url + "enrol/")  # the button on the thank-you page
    enrolment = learner.enrolments.get()
    finish_lessons(enrolment)
    QuizAttempt.start(enrolment).submit(right_answers(course))
    enrolment.complete()
    assert Certificate.objects.filter(user=learner).exists()
    assert "Aanbevolen voor u" not in client.get("/nl/learning/").content.decode()  # completed: left out


def test_an_anonymous_questionnaire_recommends_on_the_thank_you_page_only(client):
    survey = make_survey(anonymous=True)
    covering("radiation-protection", title="Stralingsbescherming: de basis")
    learner = make_learner()
    client.force_login(learner)
    done = answer(client, survey)
    assert "Stralingsbescherming: de basis" in client.get(done["Location"]).content.decode()
    response = Response.objects.get()
    assert response.respondent is None  # nothing links the answers to the account
    assert "Aanbevolen voor u" not in client.get("/nl/learning/").content.decode()


@pytest.mark.parametrize("access", ["open", "invitation"])
def test_an_anonymous_questionnaire_answered_while_logged_in_leaves_nothing_in_the_session(client, access):
    import json

    from surveys.models import Invitation

    survey = make_survey(anonymous=True, access=access)
    covering("radiation-protection", title="Stralingsbescherming: de basis")
    client.force_login(make_learner())
    if access == "invitation":
        client.get(survey.url + f"invitation/{Invitation.objects.create(survey=survey).token}/")
    done = answer(client, survey)
    thanks = client.get(done["Location"])
    assert "Stralingsbescherming: de basis" in thanks.content.decode()  # shown once, right after
    session = dict(client.session)
    assert survey.gaps_session_key() not in session
    assert not any("gaps" in key or "invitation" in key for key in session)
    wizard = session.get(f"wizard_survey-{survey.pk}", {})
    assert not wizard.get("step_data") and not wizard.get("extra_data")  # no answers, no draft
    assert "Physicist" not in json.dumps(session, default=str)
    again = client.get(done["Location"])  # a reload: the list is gone, and the page says why
    text = again.content.decode()
    assert again.status_code == 200 and 'class="survey__shown-once"' in text
    assert "Stralingsbescherming: de basis" not in text


def test_an_anonymous_questionnaire_keeps_only_the_shown_gaps_until_the_thank_you_page(client, monkeypatch):
    from surveys import views

    monkeypatch.setattr(views, "SHOWN", 2)  # the page shows two gaps
    survey = make_survey(anonymous=True)
    client.force_login(make_learner())
    answer(client, survey)  # five competencies rated (1, 3, 4): gaps 2 now, 3 in five years
    assert [row[1:] for row in client.session[survey.gaps_session_key()]] == [[2, 3], [2, 3]]
    named = make_survey()
    answer(client, named)  # not anonymous: the whole profile, as before
    assert len(client.session[named.gaps_session_key()]) == 5


def test_a_tampered_session_profile_is_ignored(client):
    survey = make_survey()
    session = client.session
    session[survey.gaps_session_key()] = [["<script>", "x", None], "junk"]
    session.save()
    response = client.get(survey.url + "thanks/")
    assert response.status_code == 200 and "<script>" not in response.content.decode()
