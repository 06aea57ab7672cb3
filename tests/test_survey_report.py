"""The gap report's arithmetic against hand-computed values on a small data set."""

import pytest

from home.models import Competency
from surveys import report
from surveys.models import Response

from .survey_factories import make_survey

pytestmark = pytest.mark.django_db


def respond(survey, group, levels, answers=(), profession="clinical_physicist"):
    """A submitted response rating competencies: levels = {code: (current, now, future)}."""
    response = Response.start(survey, "nl")
    ratings = [
        {
            "competency": Competency.objects.get(code=code),
            "question": "q",
            "current": c,
            "required_now": n,
            "required_future": f,
        }
        for code, (c, n, f) in levels.items()
    ]
    response.submit({"stakeholder_group": group, "profession": profession}, list(answers), ratings)
    return response


@pytest.fixture
def survey(settings):
    settings.SURVEY_MIN_CELL_SIZE = 2
    survey = make_survey()
    # Hand-computed: radiation-protection current 1,2,3 -> 2.0; now 3,3,4 -> 3.333; future 4,4,4 -> 4.0
    respond(survey, "care_provider", {"radiation-protection": (1, 3, 4), "patient-dosimetry": (2, 2, 3)})
    respond(survey, "care_provider", {"radiation-protection": (2, 3, 4), "patient-dosimetry": (2, 3, 3)})
    respond(survey, "company", {"radiation-protection": (3, 4, 4)})
    Response.start(survey, "nl")  # a draft: started, not submitted, not counted
    return survey


def by_code(gaps):
    return {g.competency.code: g for g in gaps}


def test_mean_levels_and_gaps(survey):
    gaps = by_code(report.competency_gaps(report.submitted(survey)))
    protection = gaps["radiation-protection"]
    assert protection.respondents == 3
    assert protection.current == pytest.approx(2.0)
    assert protection.required_now == pytest.approx(10 / 3)
    assert protection.required_future == pytest.approx(4.0)
    assert protection.gap_now == pytest.approx(4 / 3)
    assert protection.gap_future == pytest.approx(2.0)
    dosimetry = gaps["patient-dosimetry"]
    assert (dosimetry.current, dosimetry.required_now, dosimetry.required_future) == (2.0, 2.5, 3.0)


def test_competencies_are_ranked_by_gap(survey):
    ranked = [g.competency.code for g in report.competency_gaps(report.submitted(survey))]
    assert ranked == ["radiation-protection", "patient-dosimetry"]


def test_heatmap_per_stakeholder_group_hides_small_cells(survey):
    heat = report.heatmap(report.submitted(survey))
    groups = [value for value, _ in heat.groups]
    rows = {competency.code: cells for competency, cells in heat.rows}
    care = rows["radiation-protection"][groups.index("care_provider")]
    assert care == {"respondents": 2, "gap": pytest.approx(1.5)}  # (3-1 + 3-2) / 2
    company = rows["radiation-protection"][groups.index("company")]
    assert company == {"respondents": 1, "gap": None}  # one respondent: withheld
    assert rows["patient-dosimetry"][groups.index("government")] == {"respondents": 0, "gap": None}


def test_a_competency_rated_by_too_few_is_withheld(survey, settings):
    settings.SURVEY_MIN_CELL_SIZE = 3
    gaps = by_code(report.competency_gaps(report.submitted(survey)))
    assert gaps["radiation-protection"].current == pytest.approx(2.0)
    assert gaps["patient-dosimetry"].respondents == 2
    assert gaps["patient-dosimetry"].current is None and gaps["patient-dosimetry"].gap_now is None


def test_filters_by_stakeholder_group_and_profession(survey):
    care = report.submitted(survey, stakeholder_group="care_provider")
    assert care.count() == 2
    assert report.submitted(survey, profession="radiochemist").count() == 0
    gaps = by_code(report.competency_gaps(care))
    assert gaps["radiation-protection"].current == pytest.approx(1.5)


def test_completion_counts_drafts_as_started(survey):
    assert report.completion(survey) == {"started": 4, "submitted": 3, "rate": 0.75}


def test_distribution_and_free_texts_respect_the_minimum(settings):
    settings.SURVEY_MIN_CELL_SIZE = 2
    survey = make_survey()
    respond(
        survey,
        "company",
        {},
        answers=[{"question": "q1", "number": 0}, {"question": "t", "text": "More GMP"}],
    )
    respond(
        survey,
        "company",
        {},
        answers=[{"question": "q1", "number": 2}, {"question": "t", "text": "Dosimetry"}],
    )
    respond(survey, "company", {}, answers=[{"question": "q1", "number": 2}])
    responses = report.submitted(survey)
    choices = [("0", "Hospital"), ("1", "Industry"), ("2", "University")]
    assert report.distribution(responses, "q1", choices) == [
        ("Hospital", 1),
        ("Industry", 0),
        ("University", 2),
    ]
    assert report.free_texts(responses, "t") == ["Dosimetry", "More GMP"]
    settings.SURVEY_MIN_CELL_SIZE = 3
    assert report.free_texts(responses, "t") is None
