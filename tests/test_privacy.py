"""GDPR: one person's data exported whole, erased whole (anonymised where statistics need it), no gaps."""

import datetime
import io
import json
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.contrib.auth.models import User
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import models
from django.test.utils import isolate_apps
from django.utils import timezone
from wagtail.search.backends import get_search_backend

from cms import privacy
from cms.models import AuditLogEntry
from committee.models import (
    Membership,
    Person,
    VacancyApplication,
    VacancyPage,
)
from home.models import EventPage, EventRegistration, NewsletterSubscriber
from learning.models import Certificate, Enrolment, LearnerProfile, QuizAttempt
from surveys.models import Invitation, Response

from .factories import dutch_home, make_committee, make_event, make_event_index
from .learning_factories import enrol, finish_lessons, make_course, make_learner, right_answers
from .survey_factories import make_survey
from .test_committee import vacancy as make_vacancy

pytestmark = pytest.mark.django_db

PERSONAL_NAMES = {
    "name",
    "first_name",
    "last_name",
    "full_name",
    "username",
    "learner_name",
    "certificate_name",
}


def holds_personal_data(model):
    """A user link, an e-mail address or a person's name declared on the model itself."""
    user_model = apps.get_model("auth.User")
    for field in model._meta.get_fields():
        if not getattr(field, "concrete", False) or field.model is not model:
            continue
        if isinstance(field, models.ForeignKey) and field.related_model is user_model:
            return True
        if isinstance(field, models.EmailField) or field.name in PERSONAL_NAMES | {"ip_address"}:
            return True
    return False


def test_every_model_with_personal_data_is_exported_and_erased_or_explained():
    covered = privacy.covered_models() | set(privacy.NOT_PERSONAL)
    unexplained = [
        model._meta.label
        for model in apps.get_models()
        if holds_personal_data(model) and model._meta.label not in covered
    ]
    assert unexplained == [], "add a handler in the app's privacy.py, or a reason to cms.privacy.NOT_PERSONAL"


@isolate_apps("home")  # the model exists for this test only
def test_the_registry_check_notices_a_new_model():
    class Attendance(models.Model):
        visitor_email = models.EmailField()

        class Meta:
            app_label = "home"

        def __str__(self):
            return self.visitor_email

    assert holds_personal_data(Attendance) and "home.Attendance" not in privacy.covered_models()


@pytest.fixture
def person():
    """Someone who used every part of the platform, and a bystander who must not be touched."""
    user = make_learner(email="ada@example.org", name="dr. Ada Lovelace")
    bystander = make_learner(email="bob@example.org", name="Bob Bystander")
    course = make_course()
    enrolment = enrol(user, course)
    finish_lessons(enrolment)
    QuizAttempt.start(enrolment).submit(right_answers(course))
    certificate = enrolment.complete()
    certificate.pdf.save("ada.pdf", io.BytesIO(b"%PDF-1.4 ada"))
    other = enrol(bystander, course)
    finish_lessons(other)
    QuizAttempt.start(other).submit(right_answers(course))
    other.complete()

    survey = make_survey()
    submitted = Response.start(survey, "nl")
    submitted.respondent, submitted.wave_key = user, "k" * 64
    submitted.save()
    submitted.submit({"stakeholder_group": "academic_hospital"}, [], [])
    draft = Response.start(survey, "nl")
    draft.respondent = user
    draft.save()
    Invitation.objects.create(survey=survey, email="ADA@example.org")

    event = make_event(make_event_index())
    EventRegistration.objects.create(event=event, name="Ada Lovelace", email="ada@example.org")
    NewsletterSubscriber.objects.create(email="ada@example.org", status="confirmed")
    NewsletterSubscriber.objects.create(email="bob@example.org", status="confirmed")

    committee = make_committee()
    seated = Person.objects.create(
        name="dr. Ada Lovelace", title="Klinisch fysicus", bio="Pioneer.", user=user
    )
    Membership.objects.create(
        committee=committee,
        person=seated,
        role="chair",
        seat_category="academia",
        stakeholder_group="research",
        term_start=datetime.date(2025, 1, 1),
    )
    vacancy = make_vacancy(committee, timezone.localdate() + datetime.timedelta(days=9), title="Zetel")
    VacancyApplication.objects.create(
        vacancy=vacancy, name="Ada Lovelace", email="ada@example.org", organisation="X", motivation="Y"
    )
    AccessAttempt.objects.create(
        username="ada@example.org", ip_address="10.1.1.1", failures_since_start=2, get_data="", post_data=""
    )
    return {"user": user, "bystander": bystander, "certificate": certificate, "submitted": submitted}


def test_the_export_holds_everything_about_the_person_and_nothing_secret(person):
    bundle = json.loads(privacy.export_response(privacy.Subject.for_email("Ada@Example.org")).content)
    text = json.dumps(bundle)
    assert set(bundle) >= {
        "exported_on",
        "Certificaten",
        "Cursussen",
        "Profiel",
        "Account",
        "Antwoorden op vragenlijsten",
        "Uitnodigingen voor vragenlijsten",
        "Aanmeldingen voor evenementen",
        "Aanmelding voor de nieuwsbrief",
        "Zetels in commissies",
        "Sollicitaties op vacatures",
    }
    assert person["certificate"].verification_code in text and "10.1.1.1" in text
    assert "Bob" not in text and "bob@example.org" not in text
    assert person["submitted"].resume_key not in text  # secrets are never exported


def test_the_readable_export_escapes_what_people_typed(person):
    LearnerProfile.objects.filter(user=person["user"]).update(certificate_name="<script>alert(1)</script>")
    page = privacy.export_response(privacy.Subject.for_email("ada@example.org"), "html").content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page


def test_erasure_removes_the_person_and_keeps_the_statistics_anonymous(
    client, person, django_capture_on_commit_callbacks
):
    pdf = person["certificate"].pdf.name
    assert list(get_search_backend().search("Lovelace", Person))  # indexed before
    with django_capture_on_commit_callbacks(execute=True):  # files go once the erasure is committed
        report = privacy.erase(privacy.Subject.for_email("ada@example.org"))
    assert "Certificaten" in report and "Account" in report
    assert not User.objects.filter(email="ada@example.org").exists()
    assert User.objects.filter(email="bob@example.org").exists()
    submitted = Response.objects.get(pk=person["submitted"].pk)
    assert (submitted.respondent, submitted.wave_key, submitted.status) == (None, "", "submitted")
    assert Response.objects.filter(status="draft").count() == 0
    assert Invitation.objects.get().email == ""
    certificate = Certificate.objects.get(pk=person["certificate"].pk)
    assert (certificate.user, certificate.learner_name, certificate.register_number) == (None, "", "")
    assert certificate.revoked_at is not None and not default_storage.exists(pdf)
    verdict = client.get(f"/nl/learning/verify/{certificate.verification_code}/").content.decode()
    assert "Teruggetrokken certificaat" in verdict and "Ada" not in verdict
    assert not EnrolmentOf(person["user"]) and not LearnerProfile.objects.filter(
        certificate_name__contains="Ada"
    )
    assert not EventRegistration.objects.exists() and not VacancyApplication.objects.exists()
    assert list(NewsletterSubscriber.objects.values_list("email", flat=True)) == ["bob@example.org"]
    seat = Membership.objects.select_related("person").get()
    assert seat.role == "chair" and "Ada" not in seat.person.name and seat.person.user is None
    assert not list(get_search_backend().search("Lovelace", Person)) and not AccessAttempt.objects.exists()


def EnrolmentOf(user):
    return Enrolment.objects.filter(user_id=user.pk).exists()


def test_a_dry_run_lists_what_would_go_and_changes_nothing(person):
    output = io.StringIO()
    call_command("personal_data", "erase", "ada@example.org", "--dry-run", stdout=output)
    assert "certificate" in output.getvalue() and "dry run" in output.getvalue()
    assert User.objects.filter(email="ada@example.org").exists()
    assert default_storage.exists(person["certificate"].pdf.name)
    assert Response.objects.filter(respondent=person["user"]).count() == 2


def test_a_learner_downloads_their_own_data_from_the_dashboard(client, person):
    assert client.get("/nl/learning/my-data/")["Location"].startswith("/nl/account/login/")
    client.force_login(person["user"])
    assert "/nl/learning/my-data/" in client.get("/nl/learning/").content.decode()
    download = client.get("/nl/learning/my-data/")
    assert download["Content-Disposition"].startswith("attachment")
    assert "dr. Ada Lovelace" in download.content.decode() and "Bob" not in download.content.decode()
    assert "dr. Ada Lovelace" in client.get("/nl/learning/my-data/?format=html").content.decode()


def test_superusers_answer_requests_in_the_admin_and_the_audit_log_keeps_no_address(client, person):
    client.force_login(person["bystander"])
    assert client.get("/admin/personal-data/").status_code in (302, 403)
    admin = User.objects.create_superuser("root", "root@example.org", "x" * 12)
    client.force_login(admin)
    preview = client.post("/admin/personal-data/", {"email": "ada@example.org", "action": "preview"})
    assert "anonymised on 1 seats" in preview.content.decode()
    refused = client.post("/admin/personal-data/", {"email": "ada@example.org", "action": "erase"})
    assert refused.status_code == 200 and User.objects.filter(email="ada@example.org").exists()
    account = person["user"].pk
    done = client.post(
        "/admin/personal-data/", {"email": "ada@example.org", "action": "erase", "confirm": "on"}
    )
    assert done.status_code == 302 and not User.objects.filter(email="ada@example.org").exists()
    entry = AuditLogEntry.objects.get(action="nmep.personal_data_erase")  # superusers only
    assert entry.user == admin and entry.data["account"] == account and "ada" not in json.dumps(entry.data)


FROZEN = datetime.datetime(2027, 3, 1, 12, 0, tzinfo=datetime.UTC)


def at(moment):
    """A frozen clock: everything that asks for the time gets ``moment``."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_records_are_purged_when_their_retention_period_is_over_and_not_a_day_before(settings):
    from allauth.account.models import EmailAddress

    settings.RETENTION_DAYS = {
        "unconfirmed_accounts": 14,
        "event_registrations": 90,
        "vacancy_applications": 180,
        "login_records": 30,
    }
    with at(FROZEN - datetime.timedelta(days=200)):
        event = make_event(
            make_event_index(),
            start=FROZEN - datetime.timedelta(days=95),
            end=FROZEN - datetime.timedelta(days=91),
        )
        recent = make_event(
            EventPage.objects.first().get_parent().specific,
            start=FROZEN - datetime.timedelta(days=89),
            end=FROZEN - datetime.timedelta(days=89),
        )
        EventRegistration.objects.create(event=event, name="Old", email="old@example.org")
        EventRegistration.objects.create(event=recent, name="Recent", email="recent@example.org")
        never_confirmed = User.objects.create_user("ghost", "ghost@example.org", "x" * 12)
        never_confirmed.emailaddress_set.create(email="ghost@example.org", verified=False, primary=True)
        confirmed = make_learner(email="real@example.org")
        confirmed.emailaddress_set.create(email="real@example.org", verified=True, primary=True)
        made_by_staff = make_learner(email="member@example.org")  # no address rows: not a sign-up
        fresh = User.objects.create_user("new", "new@example.org", "x" * 12)
        fresh.emailaddress_set.create(email="new@example.org", verified=False, primary=True)
    User.objects.exclude(pk=fresh.pk).update(date_joined=FROZEN - datetime.timedelta(days=15))
    User.objects.filter(pk=fresh.pk).update(date_joined=FROZEN - datetime.timedelta(days=13))
    AccessAttempt.objects.create(
        username="x", ip_address="10.0.0.1", failures_since_start=1, get_data="", post_data=""
    )
    AccessAttempt.objects.update(attempt_time=FROZEN - datetime.timedelta(days=31))

    with at(FROZEN):
        output = io.StringIO()
        call_command("purge_expired_records", "--dry-run", stdout=output)
        assert EventRegistration.objects.count() == 2 and "dry run" in output.getvalue()
        call_command("purge_expired_records", stdout=io.StringIO())
    assert list(EventRegistration.objects.values_list("name", flat=True)) == ["Recent"]
    remaining = set(User.objects.values_list("username", flat=True))
    assert remaining == {confirmed.username, made_by_staff.username, "new"}
    assert EmailAddress.objects.filter(user=confirmed).exists() and not AccessAttempt.objects.exists()


def test_applications_are_purged_half_a_year_after_the_vacancy_closed(settings, person):
    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "vacancy_applications": 180}
    deadline = VacancyPage.objects.get().deadline
    with at(
        FROZEN.replace(year=deadline.year, month=deadline.month, day=deadline.day)
        + datetime.timedelta(days=180)
    ):
        privacy.purge_expired()
    assert VacancyApplication.objects.count() == 1
    with at(
        FROZEN.replace(year=deadline.year, month=deadline.month, day=deadline.day)
        + datetime.timedelta(days=181)
    ):
        privacy.purge_expired()
    assert VacancyApplication.objects.count() == 0


def test_retention_runs_on_the_beat_schedule():
    from django.conf import settings

    scheduled = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()]
    assert "cms.tasks.purge_expired_records" in scheduled


def test_anonymous_visitors_get_no_cookies_and_the_footer_says_which_cookies_exist(client):
    from .factories import make_news, make_news_index

    home = dutch_home()
    make_news(make_news_index(home))
    for path in ["/nl/", "/nl/nieuws/", "/nl/search/?q=isotoop"]:
        response = client.get(path)
        assert response.status_code == 200 and not response.cookies, (path, response.cookies)
    assert "alleen de cookies die ze nodig heeft" in client.get("/nl/").content.decode()


@pytest.mark.parametrize(("language", "words"), [("nl", "dagen"), ("en", "days")])
def test_the_demo_privacy_statement_names_every_retention_period_and_the_self_service_export(
    language, words, settings
):
    """The statement a new site starts with tells what is kept how long, with the periods the site applies."""
    from home.management.commands.load_demo_content import PRIVACY

    text = " ".join(str(block["value"]) for block in PRIVACY[language]["body"])
    periods = {**settings.RETENTION_DAYS, "drafts": settings.SURVEY_DRAFT_DAYS}
    for name, days in periods.items():
        assert f"{days} {words}" in text, name
    assert ("Mijn gegevens" if language == "nl" else "My data") in text
