"""The coverage matrix: gaps from the latest questionnaire against courses, statuses, access, export."""

import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone
from openpyxl import load_workbook

from committee.coverage import Thresholds, coverage, latest_survey
from home.models import Competency
from learning.models import QuizAttempt

from .learning_factories import enrol, finish_lessons, make_course, make_learner, right_answers
from .survey_factories import make_survey
from .test_committee import make_committee, seat
from .test_survey_report import respond
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


def thresholds(**values):
    """The site's coverage thresholds, as a moderator sets them in the admin."""
    from wagtail.models import Site

    from committee.models import CoverageSettings

    chosen = CoverageSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in values.items():
        setattr(chosen, name, value)
    chosen.save()


def matrix_rows(html):
    """(competency, status, [the text of each cell]) for every row of the matrix page, in order."""
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    rows = []
    for chunk in body.split('<tr class="coverage--')[1:]:
        name = re.search(r'<th scope="row">([^<]+)<br>', chunk)[1]
        cells = [re.sub(r"<[^>]+>", " ", cell.split("</td>")[0]).split() for cell in chunk.split("<td>")[1:]]
        rows.append((name, chunk.split('"')[0], [" ".join(words) for words in cells]))
    return rows


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
    assert rows["patient-dosimetry"].group_gaps["care_provider"].gap == 2.0
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


def action_group_with_member(field_committee=None):
    from .survey_factories import load_framework

    load_framework()
    field_committee = field_committee or make_committee()
    group = make_committee("action_group", "Actiegroep Opleiding", "opleiding", field_committee.get_parent())
    member = User.objects.create_user("member", "member@example.org", "x")
    owner = seat(group, "Leader", role="leader", user=member).person
    return field_committee, group, member, owner


def test_a_member_makes_a_curriculum_action_from_the_matrix_moves_it_on_and_closes_it(client):
    from committee.models import CurriculumAction

    field_committee, group, member, owner = action_group_with_member()
    answered_survey(client)
    client.force_login(member)
    matrix = field_committee.get_parent().url + "coverage/"
    dosimetry = Competency.objects.get(code="patient-dosimetry")
    assert f"coverage/action/{dosimetry.pk}/" in client.get(matrix).content.decode()
    url = f"{matrix}action/{dosimetry.pk}/"
    refused = client.post(url, {"committee": group.pk, "description": "Cursus dosimetrie", "due_date": ""})
    assert refused.status_code == 400 and 'id="id_due_date_error"' in refused.content.decode()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    fields = {"committee": group.pk, "description": "Cursus dosimetrie", "owner": owner.pk}
    made = client.post(url, {**fields, "due_date": yesterday.isoformat()})
    assert made.status_code == 302
    action = CurriculumAction.objects.get()
    assert (action.competency, action.created_by, action.is_overdue()) == (dosimetry, member, True)
    page = client.get(matrix).content.decode()
    assert '<span class="badge action--open">' in page and "actie loopt" not in page  # open, not started
    assert f"coverage/action/{dosimetry.pk}/" not in page  # one action at a time
    area = client.get(group.url + "members/").content.decode()
    assert "Cursus dosimetrie" in area and "Te laat" in area

    again = client.post(url, {**fields, "due_date": "2030-01-31"})  # typed by hand: refused on the server
    assert again.status_code == 400 and 'id="action-refused"' in again.content.decode()
    assert "Actiegroep Opleiding" in again.content.decode() and CurriculumAction.objects.count() == 1

    move = group.url + f"members/actions/{action.pk}/close/"
    assert client.post(move, {"status": "in_progress"}).status_code == 302
    action.refresh_from_db()
    assert action.status == "in_progress"
    assert "actie loopt: Actiegroep Opleiding" in client.get(matrix).content.decode()
    assert client.post(url, {**fields, "due_date": "2030-01-31"}).status_code == 400  # in progress: refused

    course = make_course(title="Dosimetrie in de praktijk")
    client.post(move, {"course": course.pk})  # does not cover the competency yet: refused
    action.refresh_from_db()
    assert action.status == "in_progress"
    course.competencies.set([dosimetry])
    course.save_revision().publish()
    client.post(move, {"course": course.pk})
    action.refresh_from_db()
    assert (action.status, action.course_id) == ("done", course.pk)
    client.post(move, {"status": "in_progress"})  # done stays done
    action.refresh_from_db()
    assert action.status == "done"
    assert 'href="' + course.url + '"' in client.get(group.url + "members/").content.decode()
    outsider = make_learner()
    client.force_login(outsider)
    assert client.post(move, {"course": course.pk}).status_code == 403
    assert client.get(url).status_code == 403


def test_only_members_of_the_action_group_move_its_action_on(client):
    from committee.models import CurriculumAction

    field_committee, group, _member, _owner = action_group_with_member()
    action = CurriculumAction.objects.create(
        committee=group,
        competency=Competency.objects.get(code="patient-dosimetry"),
        description="Cursus",
        due_date=timezone.localdate() + datetime.timedelta(days=30),
    )
    elsewhere = User.objects.create_user("elsewhere", "elsewhere@example.org", "x")
    seat(field_committee, "Elsewhere", user=elsewhere)  # may open the matrix, not on the action group
    client.force_login(elsewhere)
    move = group.url + f"members/actions/{action.pk}/close/"
    assert client.post(move, {"status": "in_progress"}).status_code == 403
    action.refresh_from_db()
    assert action.status == "open"


def test_a_covered_competency_gets_no_action_and_a_weakly_covered_one_may(client):
    from committee.models import CurriculumAction

    field_committee, group, member, _owner = action_group_with_member()
    thresholds(min_courses=1, min_completions=1)
    complete(covering("radiation-protection", title="Stralingsbescherming"))  # 1 course, 1 completion
    covering("patient-dosimetry", title="Dosimetrie")  # 1 course, no completion: weakly covered
    client.force_login(member)
    matrix = field_committee.get_parent().url + "coverage/"
    page = client.get(matrix).content.decode()
    protection = Competency.objects.get(code="radiation-protection")
    dosimetry = Competency.objects.get(code="patient-dosimetry")
    assert f"coverage/action/{protection.pk}/" not in page and f"coverage/action/{dosimetry.pk}/" in page
    fields = {"committee": group.pk, "description": "Cursus", "due_date": "2030-01-31"}
    shown = client.get(f"{matrix}action/{protection.pk}/")
    assert shown.status_code == 200 and 'id="action-refused"' in shown.content.decode()
    refused = client.post(f"{matrix}action/{protection.pk}/", fields)
    assert refused.status_code == 400 and 'id="action-refused"' in refused.content.decode()
    assert not CurriculumAction.objects.exists()
    assert client.post(f"{matrix}action/{dosimetry.pk}/", fields).status_code == 302
    assert CurriculumAction.objects.get().competency == dosimetry


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


# Sorting, the group filter, the thresholds and the columns per stakeholder group, through the page.

DOSIMETRY, PROTECTION, WASTE, INCIDENTS, MONITORING = (
    "Patiëntdosimetrie",
    "Stralingsbescherming",
    "Radioactief afval",
    "Incidenten en besmettingen",
    "Persoonsdosimetrie",
)  # the dosimetry and radiation protection domain, in the framework's order


@pytest.fixture
def ranked(client, settings):
    """One domain with distinct gaps, courses and completions; the matrix as a committee member sees it."""
    settings.SURVEY_MIN_CELL_SIZE = 1
    survey = make_survey()
    # A care provider's gaps (now, in five years): dosimetry (1, 3), protection (0, 2), waste (2, 2),
    # incidents (3, 4); monitoring is not rated. A company: dosimetry (4, 4); both: dosimetry (2.5, 3.5).
    # Rows that tie on a sort key rank against the framework's order, so that the second key shows.
    care = {
        "patient-dosimetry": (1, 2, 4),
        "radiation-protection": (0, 0, 2),
        "waste-management": (0, 2, 2),
        "incident-response": (0, 3, 4),
    }
    respond(survey, "care_provider", care)
    respond(survey, "company", {"patient-dosimetry": (0, 4, 4)})
    first = covering("radiation-protection")
    covering("radiation-protection")
    third = covering("waste-management")
    complete(first)  # protection: 2 courses, 1 completion
    complete(third)
    complete(third)  # waste: 1 course, 2 completions
    committee = make_committee()
    member = User.objects.create_user("member", "member@example.org", "x")
    seat(committee, "Member", user=member)
    client.force_login(member)
    matrix = committee.get_parent().url + "coverage/"

    def rows(**query):
        return matrix_rows(client.get(matrix, {"domain": "dosimetry-protection", **query}).content.decode())

    return rows


@pytest.mark.parametrize(
    "sort, order",
    [
        # largest gap in five years first, then the larger gap now; no gap known last
        ("gap", [INCIDENTS, DOSIMETRY, WASTE, PROTECTION, MONITORING]),
        # fewest courses first, the largest gap in five years first among equals
        ("courses", [INCIDENTS, DOSIMETRY, MONITORING, WASTE, PROTECTION]),
        # fewest completions first, the largest gap in five years first among equals
        ("completions", [INCIDENTS, DOSIMETRY, MONITORING, PROTECTION, WASTE]),
        # the framework's order
        ("competency", [DOSIMETRY, PROTECTION, WASTE, INCIDENTS, MONITORING]),
    ],
)
def test_the_matrix_sorts_by_each_key(ranked, sort, order):
    assert [name for name, _status, _cells in ranked(sort=sort)] == order


def test_a_group_filter_shows_that_groups_gaps(ranked):
    everyone = {name: cells for name, _status, cells in ranked()}
    # respondents, gap now, gap in five years, then the gap now of each group (government, care
    # provider, research, isotope production, patient organisation, company, education), ...
    assert everyone[DOSIMETRY][:3] == ["2", "2,5", "3,5"]
    groups = everyone[DOSIMETRY][3:10]
    assert (groups[1], groups[5]) == ("1,0", "4,0")
    assert all(cell.startswith("–") for n, cell in enumerate(groups) if n not in (1, 5))  # nobody answered
    companies = {name: cells for name, _status, cells in ranked(group="company")}
    assert companies[DOSIMETRY][:3] == ["1", "4,0", "4,0"]  # the company's own answer
    assert companies[PROTECTION][:3] == ["0", "–", "–"]  # no company rated it
    assert len(companies[DOSIMETRY]) == 7  # no columns per group: the figures are the group's already


def test_the_thresholds_set_in_the_admin_decide_the_status(ranked):
    def status(name):
        return {row[0]: row[1] for row in ranked()}[name]

    thresholds(min_courses=2, min_completions=2)
    assert status(PROTECTION) == "weak"  # 2 courses, 1 completion
    thresholds(min_courses=2, min_completions=1)
    assert status(PROTECTION) == "covered"  # at the boundary
    thresholds(min_courses=3, min_completions=1)
    assert status(PROTECTION) == "weak"
    assert status(WASTE) == "weak" and status(DOSIMETRY) == "none"


def test_the_matrix_shows_each_stakeholder_groups_gap_and_withholds_small_groups(client, settings):
    settings.SURVEY_MIN_CELL_SIZE = 2
    survey = make_survey()
    respond(survey, "care_provider", {"patient-dosimetry": (1, 3, 4)})
    respond(survey, "care_provider", {"patient-dosimetry": (2, 3, 4)})
    respond(survey, "company", {"patient-dosimetry": (0, 4, 4)})  # one company: withheld
    committee = make_committee()
    editor = User.objects.create_user("ed", "ed@example.org", "x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    url = committee.get_parent().url + "coverage/"
    html = client.get(url, {"domain": "dosimetry-protection"}).content.decode()
    assert (
        'scope="colgroup" colspan="7"' in html and html.count('<th scope="col" class="coverage__group">') == 7
    )
    cells = {name: cells for name, _status, cells in matrix_rows(html)}[DOSIMETRY]
    # 3 respondents: current 1, required now 10/3 -> 2.3, in five years 4 -> 3.0; care providers 1.5 now
    assert cells[:3] == ["3", "2,3", "3,0"] and cells[4] == "1,5" and cells[8] == "niet getoond"
    assert '<span class="coverage__withheld">niet getoond</span>' in html
    export = client.get(url, {"export": "xlsx", "domain": "dosimetry-protection"})
    sheet = [[c.value for c in row] for row in load_workbook(io.BytesIO(export.content)).active.iter_rows()]
    header, row = sheet[0], next(row for row in sheet if row[1] == DOSIMETRY)
    assert len(header) == 10 + 7 and "Zorgverlener" in header[11] and "Bedrijf" in header[15]
    assert (row[4], row[10], row[11], row[15]) == (3, None, 1.5, "niet getoond")


def test_the_matrix_keeps_an_open_waves_figures_until_the_next_response(client, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.SURVEY_MIN_CELL_SIZE = 1
    survey = make_survey()  # open
    respond(survey, "care_provider", {"patient-dosimetry": (1, 3, 4)})
    committee = make_committee()
    editor = User.objects.create_user("ed", "ed@example.org", "x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    url = committee.get_parent().url + "coverage/"

    def view():
        with CaptureQueriesContext(connection) as captured:
            html = client.get(url, {"domain": "dosimetry-protection"}).content.decode()
        aggregations = sum('FROM "surveys_competencyrating"' in q["sql"] for q in captured)
        return aggregations, {name: cells[:3] for name, _status, cells in matrix_rows(html)}[DOSIMETRY]

    assert view() == (1, ["1", "2,0", "3,0"])
    assert view() == (0, ["1", "2,0", "3,0"])  # from the cache
    respond(survey, "company", {"patient-dosimetry": (0, 4, 4)})
    assert view() == (1, ["2", "3,0", "3,5"])  # a new response: a new version
