"""The coverage matrix: gaps from the latest questionnaire against courses, statuses, access, export."""

import io

import pytest
from django.contrib.auth.models import Group, User
from openpyxl import load_workbook

from committee.coverage import Thresholds, coverage, latest_survey
from home.models import Competency
from learning.models import QuizAttempt

from .learning_factories import enrol, finish_lessons, make_course, make_learner, right_answers
from .survey_factories import make_survey
from .test_committee import make_committee, seat
from .test_survey_wizard import Respondent

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "courses, completions, status",
    [(0, 0, "none"), (1, 50, "weak"), (2, 9, "weak"), (2, 10, "covered"), (3, 10, "covered")],
)
def test_statuses_at_the_thresholds(courses, completions, status):
    assert Thresholds(min_courses=2, min_completions=10).status(courses, completions) == status


def covering(code, **fields):
    course = make_course(**fields)
    course.competencies.set([Competency.objects.get(code=code)])
    course.save_revision().publish()
    return course


def answered_survey(client, respondents=5, levels=(1, 3, 4)):
    survey = make_survey()
    for _ in range(respondents):
        client.logout()
        respondent = Respondent(client, survey)
        respondent.consent()
        respondent.profile()
        respondent.work()
        respondent.matrix(levels=levels)
        respondent.review()
    return survey


def complete(course):
    enrolment = enrol(make_learner(), course)
    finish_lessons(enrolment)
    QuizAttempt.start(enrolment).submit(right_answers(course))
    enrolment.complete()


def test_rows_join_gaps_courses_enrolments_and_completions(client):
    survey = answered_survey(client)
    assert latest_survey() == survey
    course = covering("radiation-protection", title="Stralingsbescherming")
    complete(course)
    enrol(make_learner(), course)
    rows = {row.competency.code: row for row in coverage(survey, settings=Thresholds(1, 1))}
    protection = rows["radiation-protection"]
    assert (protection.gap_now, protection.gap_future, protection.respondents) == (2.0, 3.0, 5)
    assert ([c.title for c in protection.courses], protection.enrolments, protection.completions) == (
        ["Stralingsbescherming"],
        2,
        1,
    )
    assert protection.status == "covered" and not protection.priority
    dosimetry = rows["patient-dosimetry"]
    assert dosimetry.status == "none" and dosimetry.priority  # gap 3 in five years and no course
    assert rows["patient-dosimetry"].group_gaps["care_provider"] == 2.0
    unrated = next(row for code, row in rows.items() if row.gap_now is None)
    assert not unrated.priority  # no gap known: no priority


def test_access_export_and_filters(client):
    committee = make_committee()
    survey = answered_survey(client)
    covering("radiation-protection", title='=HYPERLINK("x")')
    url = committee.get_parent().url + "coverage/"
    client.logout()
    assert "/account/login/" in client.get(url)["Location"]
    client.force_login(make_learner())
    assert client.get(url).status_code == 403
    member = User.objects.create_user("member", "member@example.org", "x")
    seat(committee, "Member", user=member)
    client.force_login(member)
    page = client.get(url, {"domain": "dosimetry-protection", "sort": "courses"}).content.decode()
    assert "curriculumprioriteit" in page and survey.title in page
    editor = User.objects.create_user("ed", "ed@example.org", "x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get(url, {"export": "xlsx", "domain": "dosimetry-protection"})
    rows = [[c.value for c in row] for row in load_workbook(io.BytesIO(response.content)).active.iter_rows()]
    assert rows[0][:3] == ["Domein", "Competentie", "Tekort nu"]
    assert all(row[0] == rows[1][0] for row in rows[1:])  # one domain
    assert any(str(row[5]).startswith("'=HYPERLINK") for row in rows[1:])
    bogus = client.get(url, {"domain": "<script>", "group": "x", "sort": "__class__"})
    assert bogus.status_code == 200 and "<script>" not in bogus.content.decode()


def test_a_member_makes_a_curriculum_action_from_the_matrix_and_closes_it_with_a_course(client):
    import datetime

    from committee.models import CurriculumAction

    field_committee = make_committee()
    group = make_committee("action_group", "Actiegroep Opleiding", "opleiding", field_committee.get_parent())
    member = User.objects.create_user("member", "member@example.org", "x")
    owner = seat(group, "Leader", role="leader", user=member).person
    answered_survey(client)
    client.force_login(member)
    matrix = field_committee.get_parent().url + "coverage/"
    dosimetry = Competency.objects.get(code="patient-dosimetry")
    assert f"coverage/action/{dosimetry.pk}/" in client.get(matrix).content.decode()
    url = f"{matrix}action/{dosimetry.pk}/"
    refused = client.post(url, {"committee": group.pk, "description": "Cursus dosimetrie", "due_date": ""})
    assert refused.status_code == 400 and 'id="id_due_date_error"' in refused.content.decode()
    made = client.post(
        url,
        {
            "committee": group.pk,
            "description": "Cursus dosimetrie",
            "owner": owner.pk,
            "due_date": "2026-01-31",
        },
    )
    assert made.status_code == 302
    action = CurriculumAction.objects.get()
    assert (action.competency, action.created_by, action.is_overdue()) == (dosimetry, member, True)
    assert "actie loopt: Actiegroep Opleiding" in client.get(matrix).content.decode()
    area = client.get(group.url + "members/").content.decode()
    assert "Cursus dosimetrie" in area and "Te laat" in area

    course = make_course(title="Dosimetrie in de praktijk")
    close = group.url + f"members/actions/{action.pk}/close/"
    client.post(close, {"course": course.pk})  # does not cover the competency yet: refused
    action.refresh_from_db()
    assert action.status == "open"
    course.competencies.set([dosimetry])
    course.save_revision().publish()
    client.post(close, {"course": course.pk})
    action.refresh_from_db()
    assert (action.status, action.course_id) == ("done", course.pk)
    assert 'href="' + course.url + '"' in client.get(group.url + "members/").content.decode()
    outsider = make_learner()
    client.force_login(outsider)
    assert client.post(close, {"course": course.pk}).status_code == 403
    assert client.get(url).status_code == 403
    assert datetime.date.today() > action.due_date


def test_the_state_of_the_field_page_shows_the_largest_gaps_and_withholds_small_cells(client):
    from cms.pagecache import purge
    from committee.models import StateOfTheFieldPage

    from .factories import dutch_home, publish

    page = publish(
        dutch_home(), StateOfTheFieldPage(title="Stand van het veld", slug="stand-van-het-veld", gaps_shown=3)
    )
    survey = answered_survey(client, respondents=4)  # below the minimum cell size of 5
    client.logout()
    assert "Nog niet genoeg antwoorden" in client.get(page.url).content.decode()
    fifth = Respondent(client, survey)
    fifth.consent()
    fifth.profile()
    fifth.work()
    fifth.matrix(levels=(1, 3, 4))
    fifth.review()
    covering("patient-dosimetry", title="Dosimetrie in de praktijk")
    client.logout()
    purge()  # the page is cached for an hour; a new page view after that shows the new answers
    html = client.get(page.url).content.decode()
    assert html.count('<th scope="row">') == 3  # gaps_shown
    assert "Dosimetrie in de praktijk" in html and "3,0" in html
