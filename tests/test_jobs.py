"""Background jobs: e-mail through a job, large exports and certificate batches with a job page."""

import io
from unittest import mock

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django_celery_results.models import TaskResult
from openpyxl import load_workbook

from home.models import Competency
from learning import certificates
from learning.models import Certificate, QuizAttempt
from surveys.models import Response

from .learning_factories import enrol, finish_lessons, make_course, make_learner, right_answers
from .survey_factories import make_survey

pytestmark = pytest.mark.django_db


def member_of(group_name, username=None):
    user = User.objects.create_user(username or group_name.lower().replace(" ", "-"), password="x" * 12)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def queued_mail(settings):
    settings.EMAIL_BACKEND = "cms.jobs.QueuedEmailBackend"
    settings.MAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_mail_leaves_through_a_job_whole(queued_mail, django_capture_on_commit_callbacks):
    message = EmailMultiAlternatives("Invitation", "Plain text", to=["a@example.org"], bcc=["b@example.org"])
    message.attach_alternative("<p>HTML</p>", "text/html")
    message.attach("agenda.txt", b"\x00binary\xff", "application/octet-stream")
    with django_capture_on_commit_callbacks(execute=True) as queued:
        message.send()
        assert mail.outbox == []  # nothing leaves before the transaction commits
    assert len(queued) == 1
    [sent] = mail.outbox
    assert (sent.subject, sent.to, sent.bcc) == ("Invitation", ["a@example.org"], ["b@example.org"])
    assert sent.alternatives[0][:2] == ("<p>HTML</p>", "text/html")
    assert sent.attachments[0][:2] == ("agenda.txt", b"\x00binary\xff")


def test_mail_of_rolled_back_work_is_never_sent(queued_mail, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                EmailMultiAlternatives("Never", "x", to=["a@example.org"]).send()
                raise RuntimeError("the invitation could not be stored")
        except RuntimeError:
            pass
    assert mail.outbox == []


def test_a_mailing_is_sent_in_batches(queued_mail, django_capture_on_commit_callbacks):
    messages = [EmailMultiAlternatives("News", "x", to=[f"s{n}@example.org"]) for n in range(250)]
    from django.core.mail import get_connection

    with django_capture_on_commit_callbacks(execute=True) as queued:
        assert get_connection().send_messages(messages) == 250
    assert len(queued) == 3 and len(mail.outbox) == 250


@pytest.fixture
def big_survey(settings):
    settings.SURVEY_EXPORT_INLINE_LIMIT = 2
    survey = make_survey()
    protection = Competency.objects.get(code="radiation-protection")
    for level in range(3):
        rating = {
            "competency": protection,
            "question": "q",
            "current": level,
            "required_now": 3,
            "required_future": 4,
        }
        Response.start(survey, "nl").submit({"stakeholder_group": "company"}, [], [rating])
    return survey


def test_a_large_responses_export_becomes_a_job_its_requester_downloads(client, big_survey):
    client.force_login(member_of("Survey analysts"))
    started = client.get(f"/admin/gap-reports/{big_survey.pk}/export/responses/")
    assert started.status_code == 302 and started["Location"].startswith("/admin/jobs/")
    page = client.get(started["Location"]).content.decode()
    assert f'href="{started["Location"]}file/"' in page
    download = client.get(started["Location"] + "file/")
    rows = list(load_workbook(io.BytesIO(b"".join(download.streaming_content))).active.values)
    assert len(rows) == 4  # header and three responses
    assert download["Content-Disposition"].startswith("attachment")
    job = TaskResult.objects.get(task_name="surveys.tasks.export_responses")
    assert job.status == "SUCCESS"


def test_only_the_requester_and_superusers_see_a_job(client, big_survey):
    client.force_login(member_of("Survey analysts"))
    job_url = client.get(f"/admin/gap-reports/{big_survey.pk}/export/responses/")["Location"]
    client.force_login(member_of("Survey analysts", username="other-analyst"))
    # (an admin 404 passes through the language redirect first)
    assert client.get(job_url, follow=True).status_code == 404
    assert client.get(job_url + "file/", follow=True).status_code == 404
    assert client.get("/admin/jobs/", follow=True).status_code == 404
    client.force_login(User.objects.create_superuser("root", "root@example.org", "x" * 12))
    assert client.get(job_url + "file/").status_code == 200
    assert "surveys.tasks.export_responses" in client.get("/admin/jobs/").content.decode()


def test_a_small_export_is_still_a_direct_download(client, big_survey, settings):
    settings.SURVEY_EXPORT_INLINE_LIMIT = 100
    client.force_login(member_of("Survey analysts"))
    response = client.get(f"/admin/gap-reports/{big_survey.pk}/export/responses/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd")


def owed_certificate(course):
    enrolment = enrol(make_learner(), course)
    finish_lessons(enrolment)
    QuizAttempt.start(enrolment).submit(right_answers(course))  # passed, certificate not yet issued
    return enrolment


def test_course_administrators_issue_owed_certificates_as_a_job(client):
    course = make_course()
    owed = [owed_certificate(course) for _ in range(3)]
    client.force_login(member_of("Course administrators"))
    statistics = client.get("/admin/course-statistics/").content.decode()
    assert "3 deelnemers haalden de toets" in statistics
    started = client.post("/admin/certificates/issue-owed/")
    assert started["Location"].startswith("/admin/jobs/")
    assert client.get(started["Location"]).status_code == 200
    assert TaskResult.objects.get(task_name="learning.tasks.issue_certificates").status == "SUCCESS"
    issued = Certificate.objects.filter(enrolment__in=owed)
    assert issued.count() == 3
    assert all(certificate.pdf.read().startswith(b"%PDF") for certificate in issued)
    assert client.get("/admin/certificates/issue-owed/").status_code == 405


def test_the_batch_reports_progress(client):
    course = make_course()
    for _ in range(2):
        owed_certificate(course)
    from learning.tasks import issue_certificates

    with mock.patch.object(issue_certificates, "update_state") as update_state:
        issue_certificates.apply()
    reported = [call.kwargs["meta"] for call in update_state.call_args_list]
    assert reported == [{"done": 1, "total": 2}, {"done": 2, "total": 2}]


def test_a_certificate_is_rendered_once_and_then_served_from_storage(client):
    enrolment = owed_certificate(make_course())
    certificate = enrolment.complete()
    client.force_login(enrolment.user)
    url = f"/nl/learning/certificates/{certificate.verification_code}/pdf/"
    with mock.patch.object(certificates, "render_pdf", wraps=certificates.render_pdf) as render:
        first = client.get(url)
        second = client.get(url)
    assert render.call_count == 1
    assert first.content == second.content and first.content.startswith(b"%PDF")
    certificate.refresh_from_db()
    assert certificate.pdf.name.startswith("certificates/")
    assert certificate.verification_code not in certificate.pdf.name


def test_expired_drafts_are_purged_on_a_schedule():
    from cms.tasks import purge_expired_records

    survey = make_survey()
    kept = Response.start(survey, "nl")
    expired = Response.start(survey, "nl")
    Response.objects.filter(pk=expired.pk).update(expires_at="2000-01-01T00:00Z")
    counts = purge_expired_records.apply().get()
    assert counts["questionnaire drafts past SURVEY_DRAFT_DAYS"] == 1
    assert list(Response.objects.values_list("pk", flat=True)) == [kept.pk]
