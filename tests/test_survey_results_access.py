"""Only survey analysts (the view-survey-results permission) see reports, exports and responses."""

import io

import pytest
from django.contrib.auth.models import Group, User
from openpyxl import load_workbook

from home.models import Competency
from surveys.models import Response

from .survey_factories import make_survey

pytestmark = pytest.mark.django_db


def member_of(group_name):
    user = User.objects.create_user(group_name.lower().replace(" ", "-"), password="x" * 12)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def survey(settings):
    settings.SURVEY_MIN_CELL_SIZE = 2
    survey = make_survey()
    protection = Competency.objects.get(code="radiation-protection")
    texts = ['=HYPERLINK("http://evil")', "Need more GMP training"]
    for n, text in enumerate(texts):
        response = Response.start(survey, "nl")
        short_text_id = list(survey.steps)[0].value["questions"][4].id.replace("-", "")
        response.submit(
            {"stakeholder_group": "company", "profession": "radiochemist"},
            [{"question": short_text_id, "text": text}],
            [
                {
                    "competency": protection,
                    "question": "q",
                    "current": n,
                    "required_now": 3,
                    "required_future": 4,
                }
            ],
        )
    return survey


def urls(survey):
    return [
        "/admin/gap-reports/",
        f"/admin/gap-reports/{survey.pk}/",
        f"/admin/gap-reports/{survey.pk}/export/responses/",
        f"/admin/gap-reports/{survey.pk}/export/gaps/?format=csv",
        "/admin/surveys/response/",
        f"/admin/surveys/response/inspect/{Response.objects.first().pk}/",
    ]


def test_anonymous_visitors_are_sent_to_log_in(client, survey):
    for url in urls(survey):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_without_the_permission_are_refused(client, survey, group):
    client.force_login(member_of(group))
    for url in urls(survey):
        response = client.get(url)
        # Wagtail answers "no permission" with a redirect to the dashboard.
        assert (response.status_code, response.get("Location")) in ((403, None), (302, "/admin/")), url


def test_a_respondent_without_admin_access_is_refused(client, survey):
    client.force_login(User.objects.create_user("respondent", password="x" * 12))
    for url in urls(survey):
        assert client.get(url).status_code in (302, 403), url


def test_survey_analysts_see_the_report_and_the_responses(client, survey):
    client.force_login(member_of("Survey analysts"))
    report = client.get(f"/admin/gap-reports/{survey.pk}/").content.decode()
    assert "Stralingsbescherming" in report
    assert "2 ingediend van 2 begonnen" in report
    listing = client.get("/admin/surveys/response/")
    assert listing.status_code == 200
    inspect = client.get(f"/admin/surveys/response/inspect/{Response.objects.first().pk}/")
    assert (
        "Need more GMP training"
        in inspect.content.decode()
        + client.get(f"/admin/surveys/response/inspect/{Response.objects.last().pk}/").content.decode()
    )


def test_the_responses_export_opens_with_formulas_neutralised(client, survey):
    client.force_login(member_of("Survey analysts"))
    response = client.get(f"/admin/gap-reports/{survey.pk}/export/responses/")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 3  # header and two responses
    job_titles = [row[rows[0].index("Your job title")] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil")' in job_titles
    assert all(not (isinstance(cell, str) and cell.startswith("=")) for row in rows for cell in row)


def test_the_gap_summary_export_as_csv(client, survey):
    client.force_login(member_of("Survey analysts"))
    text = client.get(f"/admin/gap-reports/{survey.pk}/export/gaps/?format=csv").content.decode()
    lines = text.strip().splitlines()
    assert len(lines) == 2
    assert "Stralingsbescherming" in lines[1] and ",2,0.5,3.0,4.0,2.5,3.5" in lines[1]
