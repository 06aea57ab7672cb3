"""The audit trail (cms.audit): responses exports, certificate revocations and rights changes, each
one entry naming who did it and nobody else's details, in the site history of superusers only."""

import json

import pytest
from django.contrib.auth.models import Group, Permission, User
from wagtail.models import ModelLogEntry, Page
from wagtail.users.models import UserProfile

from cms.models import AuditLogEntry
from home.models import Competency
from learning.models import Certificate, QuizAttempt
from learning.privacy import WITHDRAWN
from surveys.models import Response

from .learning_factories import enrol, finish_lessons, make_course, make_learner, right_answers
from .survey_factories import make_survey

pytestmark = pytest.mark.django_db

SITE_HISTORY = "/admin/reports/site-history/"


def person(username, *groups, superuser=False):
    """An admin user who reads the admin in English (the trail's messages are asserted in English)."""
    make = User.objects.create_superuser if superuser else User.objects.create_user
    user = make(username, f"{username}@example.org", "x" * 12)
    user.groups.add(*[Group.objects.get(name=name) for name in groups])
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    AuditLogEntry.objects.for_instance(user).delete()  # making the account is not what is tested
    return user


@pytest.fixture
def admin():
    return person("root", superuser=True)


def entry(action, instance):
    """The one entry of ``action`` about ``instance`` (fails if there are none or more)."""
    return AuditLogEntry.objects.for_instance(instance).get(action=action)


def holds_nothing_of(log_entry, *details):
    text = json.dumps(log_entry.data) + log_entry.label
    return not any(detail.lower() in text.lower() for detail in details)


@pytest.fixture
def survey(settings):
    settings.SURVEY_MIN_CELL_SIZE = 2
    survey = make_survey()
    protection = Competency.objects.get(code="radiation-protection")
    short_text_id = list(survey.steps)[0].value["questions"][4].id.replace("-", "")
    for n, text in enumerate(["Ask Jan de Wit at the AMC", "Need more GMP training"]):
        rating = {
            "competency": protection,
            "question": "q",
            "current": n,
            "required_now": 3,
            "required_future": 4,
        }
        Response.start(survey, "nl").submit(
            {"stakeholder_group": "company"}, [{"question": short_text_id, "text": text}], [rating]
        )
    return survey


def test_a_responses_export_is_recorded_without_the_answers(client, survey):
    analyst = person("analyst", "Survey analysts")
    client.force_login(analyst)
    assert client.get(f"/admin/gap-reports/{survey.pk}/export/gaps/").status_code == 200
    assert not AuditLogEntry.objects.exists()  # means per competency: nobody's answers
    download = client.get(f"/admin/gap-reports/{survey.pk}/export/responses/?format=csv")
    assert "Jan de Wit" in download.content.decode()
    logged = entry("nmep.responses_export", survey)
    assert logged.user == analyst and logged.data == {"format": "csv", "rows": 2}
    assert holds_nothing_of(logged, "Jan de Wit", "GMP")


def test_a_background_responses_export_is_recorded_by_its_job(client, survey, settings):
    settings.SURVEY_EXPORT_INLINE_LIMIT = 1
    analyst = person("analyst", "Survey analysts")
    client.force_login(analyst)
    started = client.get(f"/admin/gap-reports/{survey.pk}/export/responses/")
    assert started["Location"].startswith("/admin/jobs/")
    logged = entry("nmep.responses_export", survey)
    assert logged.user == analyst
    assert logged.data == {"format": "xlsx", "rows": 2, "job": started["Location"].split("/")[-2]}


def certificate_of(learner):
    course = make_course()
    enrolment = enrol(learner, course)
    finish_lessons(enrolment)
    QuizAttempt.start(enrolment).submit(right_answers(course))
    return enrolment.complete()


def test_revoking_a_certificate_records_the_reason_and_not_the_holder(client):
    learner = make_learner(email="ada@example.org", name="dr. Ada Lovelace")
    certificate = certificate_of(learner)
    staff = person("courses", "Course administrators")
    client.force_login(staff)
    revoked = client.post(
        f"/admin/certificates/{certificate.pk}/revoke/", {"reason": "Quiz taken by another"}
    )
    assert revoked.status_code == 302
    logged = entry("nmep.certificate_revoke", certificate)
    assert logged.user == staff and logged.data == {"reason": "Quiz taken by another"}
    assert logged.label == certificate.verification_code
    assert holds_nothing_of(logged, "Lovelace", "ada@example.org", learner.username)


def test_erasure_records_the_certificates_it_withdraws(client, admin):
    learner = make_learner(email="ada@example.org", name="dr. Ada Lovelace")
    certificate = certificate_of(learner)
    client.force_login(admin)
    erased = client.post(
        "/admin/personal-data/", {"email": "ada@example.org", "action": "erase", "confirm": "on"}
    )
    assert erased.status_code == 302 and Certificate.objects.get().revoked_at is not None
    logged = entry("nmep.certificate_revoke", certificate)
    assert logged.user == admin and logged.data == {"reason": WITHDRAWN}
    assert holds_nothing_of(logged, "Lovelace", "ada@example.org")


def test_wagtail_user_editor_records_groups_and_superuser_status(client, admin):
    user = person("ed")
    client.force_login(admin)
    form = {"username": "ed", "email": "ed@example.org", "first_name": "Ed", "last_name": "Zwaanswijk"}
    editors = Group.objects.get(name="Editors")
    saved = client.post(
        f"/admin/users/edit/{user.pk}/",
        {**form, "is_active": "on", "is_superuser": "on", "groups": [editors.pk]},
    )
    assert saved.status_code == 302
    logged = entry("nmep.user_rights_change", user)
    assert logged.user == admin and logged.label == f"#{user.pk}"
    assert logged.data == {"groups": {"added": ["Editors"], "removed": []}, "is_superuser": [False, True]}
    assert holds_nothing_of(logged, "ed@example.org", "Zwaanswijk")
    # Wagtail's own entry says only that the account was edited.
    assert ModelLogEntry.objects.get(action="wagtail.edit", object_id=str(user.pk)).data == {}


def test_assigning_a_role_to_several_users_records_each(client, admin):
    users = [person("ann"), person("bob")]
    client.force_login(admin)
    moderators = Group.objects.get(name="Moderators")
    ids = "&".join(f"id={user.pk}" for user in users)
    done = client.post(f"/admin/bulk/auth/user/assign_role/?{ids}", {"role": moderators.pk})
    assert done.status_code == 302
    for user in users:
        logged = entry("nmep.user_rights_change", user)
        assert logged.user == admin and logged.data == {"groups": {"added": ["Moderators"], "removed": []}}


def management_forms(client, group):
    """The empty permission formsets of the Wagtail group editor, as it would post them."""
    page = client.get(f"/admin/groups/edit/{group.pk}/")
    data = {}
    for panel in page.context["permission_panels"]:
        if getattr(panel, "management_form", None) is not None:
            data.update(
                {f"{panel.prefix}-{key}": value for key, value in panel.management_form.initial.items()}
            )
    return data


def test_wagtail_group_editor_records_the_net_change_of_permissions(client, admin):
    group = Group.objects.create(name="Auditors")
    # Not offered by the group editor: it takes it away and gives it back on every save.
    kept = Permission.objects.get(codename="view_taskresult")
    group.permissions.add(kept)
    AuditLogEntry.objects.for_instance(group).delete()
    client.force_login(admin)
    organisations = Permission.objects.get(codename="add_organisation")
    home = Page.objects.get(depth=2, locale__language_code="nl")
    data = {
        **management_forms(client, group),
        "name": "Auditors",
        "permissions": [organisations.pk],
        "page_permissions-TOTAL_FORMS": "1",
        "page_permissions-0-page": home.pk,
        "page_permissions-0-permissions": ["publish_page"],
    }
    assert client.post(f"/admin/groups/edit/{group.pk}/", data).status_code == 302
    assert set(group.permissions.all()) == {kept, organisations}
    logged = entry("nmep.group_permissions_change", group)
    assert logged.user == admin and logged.label == "Auditors"
    assert logged.data == {
        "permissions": {"added": ["home.add_organisation"], "removed": []},
        "page_permissions": {"added": [f"publish_page – {home.title} #{home.pk}"], "removed": []},
    }


def test_django_admin_records_rights_changes_by_who_made_them(client, admin):
    user = person("ed", "Editors")
    client.force_login(admin)
    delete_users = Permission.objects.get(codename="delete_user")
    changed = client.post(
        f"/django-admin/auth/user/{user.pk}/change/",
        {
            "username": "ed",
            "email": "ed@example.org",
            "is_active": "on",
            "is_staff": "on",
            "groups": [Group.objects.get(name="Moderators").pk],
            "user_permissions": [delete_users.pk],
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
        },
    )
    assert changed.status_code == 302, changed.context["adminform"].form.errors
    logged = entry("nmep.user_rights_change", user)
    assert logged.user == admin
    assert logged.data == {
        "groups": {"added": ["Moderators"], "removed": ["Editors"]},
        "permissions": {"added": ["auth.delete_user"], "removed": []},
        "is_staff": [False, True],
    }
    group = Group.objects.get(name="Editors")
    before = set(group.permissions.values_list("pk", flat=True))
    client.post(
        f"/django-admin/auth/group/{group.pk}/change/",
        {"name": "Editors", "permissions": [*before, delete_users.pk]},
    )
    logged = entry("nmep.group_permissions_change", group)
    assert logged.user == admin and logged.data == {
        "permissions": {"added": ["auth.delete_user"], "removed": []}
    }


def test_superusers_see_the_trail_in_the_site_history(client, admin, survey):
    client.force_login(admin)
    client.get(f"/admin/gap-reports/{survey.pk}/export/responses/?format=csv")
    user = person("ed")
    editors = Group.objects.get(name="Editors").pk
    form = {"username": "ed", "email": "ed@example.org", "first_name": "Ed", "last_name": "Zwaanswijk"}
    saved = client.post(f"/admin/users/edit/{user.pk}/", {**form, "is_superuser": "on", "groups": [editors]})
    assert saved.status_code == 302
    history = client.get(SITE_HISTORY).content.decode()
    assert "Exported 2 survey responses (CSV)" in history and survey.title in history
    assert "rights: groups: +Editors; superuser status: no → yes" in history and f"#{user.pk}" in history
    # The actions are among the filter's choices, by their labels.
    assert "Export survey responses" in history and "Change an account&#x27;s rights" in history


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_do_not_see_the_trail(client, admin, survey, group):
    # Moderators may invite respondents: a permission on the questionnaire's page type, which is all
    # Wagtail asks before it shows someone an entry about such a page.
    client.force_login(admin)
    client.get(f"/admin/gap-reports/{survey.pk}/export/responses/?format=csv")
    assert entry("nmep.responses_export", survey)
    editor = person("ed", group)
    client.force_login(editor)
    history = client.get(SITE_HISTORY)
    assert history.status_code == 200 and "Exported 2 survey responses" not in history.content.decode()
    page_history = client.get(f"/admin/pages/{survey.pk}/history/").content.decode()
    assert "Exported 2 survey responses" not in page_history
    assert not AuditLogEntry.objects.viewable_by_user(editor).exists()
