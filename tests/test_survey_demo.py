"""The demo questionnaire and its synthetic responses."""

import io

import pytest
from django.core.management import call_command

from surveys import report
from surveys.models import CompetencyRating, GapSurveyPage, Response

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    factories.english_home()
    call_command("load_demo_survey", responses=40, stdout=io.StringIO())
    return GapSurveyPage.objects.get(locale__language_code="nl", slug="gap-analyse-2026")


def test_the_demo_questionnaire_exists_in_both_languages_with_shared_questions(client, demo):
    english = GapSurveyPage.objects.get(locale__language_code="en", slug="gap-analysis-2026")
    assert english.translation_key == demo.translation_key
    dutch_ids = [name for name, _ in demo.step_blocks()]
    assert dutch_ids == [name for name, _ in english.step_blocks()]
    assert client.get(demo.url).status_code == 200
    assert "Gap analysis 2026" in client.get(english.url).content.decode()


def test_synthetic_responses_are_topped_up_not_duplicated(demo):
    assert demo.responses().submitted().count() == 40
    output = io.StringIO()
    call_command("load_demo_survey", responses=40, stdout=output)
    assert "0 added, 40 already there" in output.getvalue()
    call_command("generate_survey_responses", survey=demo.pk, responses=50, stdout=io.StringIO())
    assert demo.responses().submitted().count() == 50


def test_synthetic_responses_look_like_real_submissions(demo):
    response = Response.objects.first()
    assert response.status == "submitted" and response.resume_key is None
    assert response.stakeholder_group and response.profession
    assert CompetencyRating.objects.filter(response=response).count() == 40  # the whole framework
    gaps = report.competency_gaps(report.submitted(demo))
    assert all(0 <= g.current <= 4 and g.required_now >= g.current for g in gaps)
    assert max(g.gap_future for g in gaps) > 1.0  # some real gaps to show


def test_an_earlier_wave_of_the_same_series_where_the_demo_courses_closed_gaps(demo):
    earlier = report.previous_wave(demo)
    assert earlier is not None and earlier.slug == "gap-analyse-2025" and earlier.state() == "closed"
    assert earlier.responses().submitted().count() == 40
    rows = {row.competency.code: row for row in report.wave_comparison(demo, earlier)}
    taught = [rows[code].change for code in ("radiation-protection", "patient-dosimetry", "quantification")]
    assert all(change < 0 for change in taught)  # those gaps shrank since the first wave
