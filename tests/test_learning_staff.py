"""Staff views of learning: listings with exports, course statistics, the attendance export, revocation."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group, User
from openpyxl import load_workbook

from learning.models import Certificate, QuizAttempt

from .learning_factories import enrol, finish_lessons, make_course, make_learner, right_answers

pytestmark = pytest.mark.django_db


def complete(user, course, tries=1):
    enrolment = enrol(user, course)
    finish_lessons(enrolment)
    for _ in range(tries - 1):
        QuizAttempt.start(enrolment).submit({q: [1] for q in right_answers(course)})
    QuizAttempt.start(enrolment).submit(right_answers(course))
    return enrolment.complete()


@pytest.fixture
def course():
    return make_course()


@pytest.fixture
def staff(client):
    user = User.objects.create_user("courses", "courses@example.org", "Isotopes-for-Everyone-2026")
    user.groups.add(Group.objects.get(name="Course administrators"))
    client.force_login(user)
    return user


def test_only_course_administrators_see_results(client, course):
    urls = ["/admin/course-statistics/", "/admin/learning/certificate/", "/admin/learning/enrolment/"]
    for url in urls:
        assert "/admin/login/" in client.get(url)["Location"]
    editor = User.objects.create_user("ed", "ed@example.org", "x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    for url in urls:  # Wagtail turns the refusal into a message on the dashboard
        refused = client.get(url)
        assert refused.status_code == 302 and refused["Location"] == "/admin/"
    certificate = complete(make_learner(), course)
    assert client.post(f"/admin/certificates/{certificate.pk}/revoke/", {"reason": "x"}).status_code == 302
    assert Certificate.objects.get().revoked_at is None


def test_course_statistics_count_enrolments_completions_and_quiz_results(client, course, staff):
    complete(make_learner(), course)
    complete(make_learner(), course, tries=2)  # one failed attempt (0%), then 100%
    finish_lessons(enrol(make_learner(), course))
    page = client.get("/admin/course-statistics/").content.decode()
    row = page[page.index(course.title) :]
    row = row[: row.index("</tr>")]
    cells = [cell.split("<")[0] for cell in row.split("<td>")[1:]]
    assert cells == ["3", "2", "66,7%", "3", "66,7%", "66,7%"]


def attendance(client, course, start, end, file_format="csv"):
    return client.get(
        "/admin/course-statistics/",
        {
            "course": str(course.translation_key),
            "start": start,
            "end": end,
            "file_format": file_format,
        },
    )


def test_the_attendance_export_lists_valid_completions_of_the_period(client, course, staff):
    kept = complete(make_learner(name='=HYPERLINK("http://evil")', register_number="19012345601"), course)
    revoked = complete(make_learner(name="Revoked Person"), course)
    revoked.revoke("fraud")
    old = complete(make_learner(name="Last Year"), course)
    Certificate.objects.filter(pk=old.pk).update(completed_on=datetime.date(2025, 3, 1))
    today = kept.completed_on
    response = attendance(client, course, today - datetime.timedelta(days=30), today)
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:5] == ["Registernummer", "Naam", "Activiteitnummer", "Accrediterende instantie", "Datum"]
    assert rows[1:] == [
        [
            "19012345601",
            '\'=HYPERLINK("http://evil")',
            course.activity_id,
            "GAIA (KNMG / RGS)",  # the body by name, not its code
            today.isoformat(),
            "4.0",
            course.title,
            kept.verification_code,
        ]
    ]
    workbook = load_workbook(
        io.BytesIO(attendance(client, course, "2025-01-01", "2025-12-31", "xlsx").content)
    )
    values = [[cell.value for cell in row] for row in workbook.active.iter_rows()]
    assert [row[1] for row in values[1:]] == ["Last Year"]


def test_a_bad_attendance_period_is_refused_clearly(client, course, staff):
    response = attendance(client, course, "2026-05-01", "2026-01-01")
    assert response.status_code == 200 and "kan niet eindigen voordat" in response.content.decode()
    response = client.get("/admin/course-statistics/", {"course": "not-a-course", "start": "x", "end": "y"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")


def test_certificates_export_formula_safe_and_filter_by_status(client, course, staff):
    complete(make_learner(name="@SUM(A1:A9)"), course)
    revoked = complete(make_learner(name="Revoked Person"), course)
    revoked.revoke("fraud")
    response = client.get("/admin/learning/certificate/", {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    names = sorted(row[0].value for row in list(workbook.active.iter_rows())[1:])
    assert names == ["'@SUM(A1:A9)", "Revoked Person"]
    listing = client.get("/admin/learning/certificate/", {"status": "revoked"}).content.decode()
    assert "Revoked Person" in listing and "@SUM" not in listing
    response = client.get("/admin/learning/enrolment/", {"export": "csv"})
    enrolments = b"".join(response.streaming_content).decode()
    assert enrolments.count("\n") == 3 and "'@SUM(A1:A9)" in enrolments


def test_revoking_needs_a_reason_and_the_public_check_then_says_revoked(client, course, staff):
    certificate = complete(make_learner(), course)
    url = f"/admin/certificates/{certificate.pk}/revoke/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": ""}).status_code == 200
    assert Certificate.objects.get().revoked_at is None
    assert client.post(url, {"reason": "Quiz answers were shared"}).status_code == 302
    certificate.refresh_from_db()
    assert certificate.status() == "revoked" and certificate.revoked_reason == "Quiz answers were shared"
    public = client.get(f"/nl/learning/verify/{certificate.verification_code}/").content.decode()
    assert "Ingetrokken certificaat" in public


def test_the_enrolments_status_filter_judges_the_current_round(client, course, staff):
    complete(make_learner(name="Done Now"), course)
    retaking = complete(make_learner(name="Retaking Now"), course)
    Certificate.objects.filter(pk=retaking.pk).update(expires_on=datetime.date(2025, 5, 1))
    assert retaking.enrolment.retake()
    finish_lessons(enrol(make_learner(name="Never Done"), course))

    def listed(status):
        page = client.get("/admin/learning/enrolment/", {"status": status}).content.decode()
        return sorted(name for name in ("Done Now", "Retaking Now", "Never Done") if name in page)

    assert listed("completed") == ["Done Now"]
    assert listed("in_progress") == ["Never Done", "Retaking Now"]
