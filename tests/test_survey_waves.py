"""Survey waves: each questionnaire of a series compared with the one before, per competency."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from surveys import report

from .survey_factories import make_survey
from .test_survey_report import respond

pytestmark = pytest.mark.django_db


@pytest.fixture
def waves(settings):
    settings.SURVEY_MIN_CELL_SIZE = 2
    now = timezone.now()
    first = make_survey(series="gap-analysis", opens_at=now - datetime.timedelta(days=400))
    second = make_survey(series="gap-analysis", opens_at=now - datetime.timedelta(days=10))
    make_survey(series="other-series", opens_at=now - datetime.timedelta(days=200))
    # Then: radiation protection gaps in five years 3 and 3 -> 3.0; dosimetry 1 and 2 -> 1.5
    #       gaps now: radiation protection 2 and 2 -> 2.0; dosimetry 0 and 1 -> 0.5
    respond(first, "care_provider", {"radiation-protection": (1, 3, 4), "patient-dosimetry": (2, 2, 3)})
    respond(first, "company", {"radiation-protection": (0, 2, 3), "patient-dosimetry": (1, 2, 3)})
    # Now: radiation protection 1 and 2 -> 1.5 (shrank by 1.5); dosimetry 2 and 3 -> 2.5 (grew by 1.0)
    #      gaps now: radiation protection 1 and 1 -> 1.0 (shrank by 1.0); dosimetry 1 and 2 -> 1.5 (grew 1.0)
    respond(second, "care_provider", {"radiation-protection": (3, 4, 4), "patient-dosimetry": (1, 2, 3)})
    respond(second, "company", {"radiation-protection": (2, 3, 4), "patient-dosimetry": (0, 2, 3)})
    return first, second


def test_the_previous_wave_is_the_last_one_of_the_same_series(waves):
    first, second = waves
    assert report.previous_wave(second) == first
    assert report.previous_wave(first) is None


def test_the_comparison_against_hand_computed_gaps(waves):
    first, second = waves
    rows = {r.competency.code: r for r in report.wave_comparison(second, first)}
    protection, dosimetry = rows["radiation-protection"], rows["patient-dosimetry"]
    assert (protection.then, protection.now, protection.change) == (3.0, 1.5, -1.5)
    assert (dosimetry.then, dosimetry.now, dosimetry.change) == (1.5, 2.5, 1.0)
    assert (protection.gap_now_then, protection.gap_now_now, protection.gap_now_change) == (2.0, 1.0, -1.0)
    assert (dosimetry.gap_now_then, dosimetry.gap_now_now, dosimetry.gap_now_change) == (0.5, 1.5, 1.0)
    assert (protection.respondents_then, protection.respondents_now) == (2, 2)
    assert list(rows) == ["radiation-protection", "patient-dosimetry"]  # largest shrink first
    only_companies = {r.competency.code: r for r in report.wave_comparison(second, first, "company")}
    assert only_companies["radiation-protection"].then is None  # one respondent: withheld
    assert only_companies["radiation-protection"].gap_now_then is None


def test_the_report_shows_the_comparison_to_analysts_only(client, waves):
    _first, second = waves
    url = f"/admin/gap-reports/{second.pk}/"
    editor = User.objects.create_user("ed", "ed@example.org", "x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
    analyst = User.objects.create_user("an", "an@example.org", "x")
    analyst.groups.add(Group.objects.get(name="Survey analysts"))
    client.force_login(analyst)
    page = client.get(url).content.decode()
    assert "Vergeleken met de vorige ronde" in page
    assert "-1,50 (kromp)" in page and "+1,00 (groeide)" in page and "<svg" in page
    waves = page[page.index('id="waves-heading"') :]
    protection = waves[waves.index('<th scope="row">Stralingsbescherming</th>') :].split("</tr>")[0]
    cells = [re.sub(r"<[^>]+>", "", cell).strip() for cell in protection.split("<td>")[1:]]
    # gap now then, now, change; gap in five years then, now, change; respondents
    assert cells[:7] == ["2,00", "1,00", "-1,00 (kromp)", "3,00", "1,50", "-1,50 (kromp)", "2 / 2"]


def invitation_waves():
    """Two invitation-only waves of one series, a year apart, the second opened five days ago."""
    now = timezone.now()
    return [
        make_survey(series="gap-analysis", access="invitation", opens_at=now - datetime.timedelta(days=days))
        for days in (400, 5)
    ]


def test_invited_respondents_who_consent_are_linked_across_waves_never_in_anonymous_ones(client, settings):
    from surveys.models import Invitation, Response

    from .test_survey_invitations import answer_with

    settings.SURVEY_MIN_CELL_SIZE = 1
    now = timezone.now()
    first, second = invitation_waves()
    for survey in (first, second):
        client.logout()
        client.cookies.clear()
        invitation = Invitation.objects.create(survey=survey, email="Fysicus@Example.org")
        answer_with(client, survey, invitation, link_waves=True)
    then, now_ = Response.objects.get(survey=first), Response.objects.get(survey=second)
    assert then.wave_key and then.wave_key == now_.wave_key
    assert "fysicus" not in then.wave_key.lower()  # a keyed hash, not the address
    assert report.returning_respondents(second, first) == 1

    anonymous = make_survey(
        series="gap-analysis", access="invitation", anonymous=True, opens_at=now - datetime.timedelta(days=1)
    )
    client.cookies.clear()
    invitation = Invitation.objects.create(survey=anonymous, email="fysicus@example.org")
    answer_with(client, anonymous, invitation, link_waves=True)  # a crafted consent: not even offered
    assert Response.objects.get(survey=anonymous).wave_key == ""
    assert report.returning_respondents(anonymous, second) == 0


def test_without_consent_to_link_waves_an_invited_response_is_not_linked(client, settings):
    from surveys.models import Invitation, Response

    from .test_survey_invitations import answer_with

    settings.SURVEY_MIN_CELL_SIZE = 1
    first, second = invitation_waves()
    answer_with(client, first, Invitation.objects.create(survey=first, email="fysicus@example.org"), True)
    client.cookies.clear()
    answer_with(client, second, Invitation.objects.create(survey=second, email="fysicus@example.org"))
    assert Response.objects.get(survey=first).wave_key != ""
    assert Response.objects.get(survey=second).wave_key == ""  # no consent, no link
    assert report.returning_respondents(second, first) == 0


def test_an_anonymous_response_is_never_linked_even_when_asked_to():
    from surveys.models import Invitation, Response

    anonymous = make_survey(series="gap-analysis", access="invitation", anonymous=True)
    invitation = Invitation.objects.create(survey=anonymous, email="fysicus@example.org")
    response = Response.start(anonymous, "nl")
    assert response.submit({}, [], [], invitation=invitation, link_waves=True)
    response.refresh_from_db()
    assert response.wave_key == ""


def test_the_consent_step_offers_the_link_only_where_it_can_be_made(client):
    from surveys.models import Invitation

    now = timezone.now()
    series = make_survey(
        series="gap-analysis", access="invitation", opens_at=now - datetime.timedelta(days=1)
    )
    anonymous = make_survey(
        series="gap-analysis", access="invitation", anonymous=True, opens_at=now - datetime.timedelta(days=1)
    )
    lone = make_survey(access="invitation")
    offered = {}
    for survey in (series, anonymous, lone):
        client.cookies.clear()
        invitation = Invitation.objects.create(survey=survey, email="fysicus@example.org")
        page = client.get(survey.url + f"invitation/{invitation.token}/", follow=True).content.decode()
        offered[survey.pk] = ('name="consent-link_waves"' in page, 'class="survey__linked"' in page)
    # (the optional consent to link waves, the statement that answers are linked to the account)
    assert offered == {series.pk: (True, True), anonymous.pk: (False, False), lone.pk: (False, True)}


# A closed wave's figures come from the cache until a response of that wave is added or removed.


@pytest.fixture
def closed_first_wave(waves):
    first, second = waves
    first.closes_at = timezone.now() - datetime.timedelta(days=300)
    first.save_revision().publish()
    return first, second


def rating_aggregations(client, url):
    """How many grouped queries over the ratings one view of ``url`` runs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return sum('FROM "surveys_competencyrating"' in q["sql"] and "GROUP BY" in q["sql"] for q in captured)


def figures(survey, group=""):
    """A wave's gaps as plain numbers, to compare one computation with another."""
    return [
        (g.competency.code, g.respondents, g.current, g.required_now, g.required_future)
        for g in report.competency_gaps(report.submitted(survey, group))
    ]


def uncached_figures(survey, group=""):
    selection = report.submitted(survey, group)
    return [
        (g.competency.code, g.respondents, g.current, g.required_now, g.required_future)
        for g in report.competency_gaps(selection, report.rating_cells(selection))
    ]


def test_the_report_aggregates_each_wave_once_and_a_closed_one_only_the_first_time(client, closed_first_wave):
    _first, second = closed_first_wave
    analyst = User.objects.create_user("an", "an@example.org", "x")
    analyst.groups.add(Group.objects.get(name="Survey analysts"))
    client.force_login(analyst)
    url = f"/admin/gap-reports/{second.pk}/"
    assert (
        rating_aggregations(client, url) == 2
    )  # this wave (shared by ranking, heatmap, comparison), the last
    assert rating_aggregations(client, url) == 1  # the closed wave's figures come from the cache
    assert "-1,50 (kromp)" in client.get(url).content.decode()


def test_a_closed_waves_figures_are_the_same_from_the_cache(closed_first_wave):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first, _second = closed_first_wave
    for group in ("", "care_provider"):
        computed = figures(first, group)
        assert computed == uncached_figures(first, group)
        with CaptureQueriesContext(connection) as captured:
            assert figures(first, group) == computed
        assert not any("surveys_competencyrating" in q["sql"] for q in captured)  # from the cache


def test_a_response_added_to_a_closed_wave_refreshes_its_figures(closed_first_wave):
    first, _second = closed_first_wave
    before = figures(first)
    respond(first, "government", {"radiation-protection": (0, 4, 4)})
    after = figures(first)
    assert after != before
    assert after == uncached_figures(first)
    assert dict((code, n) for code, n, *_ in after)["radiation-protection"] == 3


def test_a_response_removed_from_a_closed_wave_refreshes_its_figures(closed_first_wave):
    from surveys.models import Response

    first, _second = closed_first_wave
    extra = respond(first, "government", {"radiation-protection": (0, 4, 4)})
    with_extra = figures(first)
    Response.objects.filter(pk=extra.pk).delete()
    assert figures(first) != with_extra
    assert figures(first) == uncached_figures(first)


def test_erasing_a_respondent_keeps_a_closed_waves_figures(closed_first_wave):
    from cms import privacy
    from surveys.models import Response

    first, _second = closed_first_wave
    person = User.objects.create_user("resp", "resp@example.org", "x")
    answered = respond(first, "government", {"radiation-protection": (0, 4, 4)})
    Response.objects.filter(pk=answered.pk).update(respondent=person)
    before = figures(first)
    privacy.erase(privacy.Subject.for_email("resp@example.org"))
    assert Response.objects.get(pk=answered.pk).respondent is None  # unlinked, still counted
    assert figures(first) == before == uncached_figures(first)


def test_an_open_waves_figures_are_never_cached(waves):
    _first, second = waves
    before = figures(second)
    respond(second, "government", {"radiation-protection": (0, 4, 4)})
    assert figures(second) != before
