"""Invitation-only questionnaires: addresses from a CSV, personal links, one reminder,
one response per token."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from surveys.models import Invitation, Response

from .survey_factories import make_survey
from .test_survey_wizard import Respondent

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey():
    return make_survey(access="invitation")


@pytest.fixture
def moderator(client):
    user = User.objects.create_user("moderator", password="x" * 12)
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    return user


def upload(client, survey, text):
    csv = SimpleUploadedFile("invitees.csv", text.encode(), content_type="text/csv")
    return client.post(
        f"/admin/gap-reports/{survey.pk}/invitations/", {"action": "upload", "addresses": csv}, follow=True
    )


def test_addresses_from_a_csv_become_invitations_once(client, survey, moderator):
    page = upload(
        client, survey, "email,name\nfysicus@example.org,A\nnot-an-address@,B\nRadiochemist@Example.org,C\n"
    )
    assert "Regel 3: “not-an-address@” is geen e-mailadres." in page.content.decode()
    upload(client, survey, "fysicus@example.org\n")
    assert sorted(Invitation.objects.values_list("email", flat=True)) == [
        "fysicus@example.org",
        "radiochemist@example.org",
    ]


def test_invitations_are_sent_with_personal_links_and_one_reminder(client, survey, moderator):
    upload(client, survey, "a@example.org\nb@example.org\n")
    client.post(f"/admin/gap-reports/{survey.pk}/invitations/", {"action": "send"})
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    for message in mail.outbox:
        token = Invitation.objects.get(email=message.to[0]).token
        assert f"/invitation/{token}/" in message.body
    Invitation.objects.filter(email="a@example.org").update(used=True)
    mail.outbox.clear()
    client.post(f"/admin/gap-reports/{survey.pk}/invitations/", {"action": "remind"})
    client.post(f"/admin/gap-reports/{survey.pk}/invitations/", {"action": "remind"})  # never twice
    assert [m.to for m in mail.outbox] == [["b@example.org"]]


def test_anonymous_links_can_be_made_and_downloaded(client, survey, moderator):
    client.post(f"/admin/gap-reports/{survey.pk}/invitations/", {"action": "tokens", "count": "3"})
    assert Invitation.objects.filter(email="").count() == 3
    refused = client.post(
        f"/admin/gap-reports/{survey.pk}/invitations/", {"action": "tokens", "count": "99999"}, follow=True
    )
    assert Invitation.objects.count() == 3
    assert refused.status_code == 200
    links = client.get(f"/admin/gap-reports/{survey.pk}/invitations/?format=csv").content.decode()
    assert len(re.findall(r"/invitation/[\w-]+/", links)) == 3


def test_without_an_invitation_the_questionnaire_says_so(client, survey):
    response = client.get(survey.url + "answer/")
    assert response.status_code == 403
    assert "Deze vragenlijst is alleen op uitnodiging." in response.content.decode()


def answer_with(client, survey, invitation, link_waves=False):
    client.get(survey.url + f"invitation/{invitation.token}/")
    respondent = Respondent(client, survey)
    respondent.consent(link_waves=link_waves)
    respondent.profile()
    respondent.work()
    respondent.matrix()
    return respondent.review()


def test_an_invitation_is_good_for_one_response(client, survey):
    invitation = Invitation.objects.create(survey=survey, email="a@example.org")
    done = answer_with(client, survey, invitation)
    assert done["Location"].endswith("/thanks/")
    invitation.refresh_from_db()
    assert invitation.used
    again = client.get(survey.url + f"invitation/{invitation.token}/")
    assert again.status_code == 403
    assert "Deze uitnodiging is al gebruikt." in again.content.decode()
    assert Response.objects.filter(status="submitted").count() == 1


def test_an_invitation_used_in_another_browser_meanwhile_is_refused(client, survey):
    from django.test import Client

    invitation = Invitation.objects.create(survey=survey)
    first, second = Client(HTTP_HOST="localhost"), Client(HTTP_HOST="localhost")
    for browser in (first, second):
        browser.get(survey.url + f"invitation/{invitation.token}/")
        respondent = Respondent(browser, survey)
        respondent.consent()
        respondent.profile()
        respondent.work()
        respondent.matrix()
    Respondent(first, survey).review()
    Respondent(second, survey).review()
    assert Response.objects.filter(status="submitted").count() == 1


def test_an_unknown_token_is_refused(client, survey):
    response = client.get(survey.url + "invitation/made-up/")
    assert response.status_code == 403
    assert "Deze uitnodigingslink is niet geldig." in response.content.decode()


def test_anonymous_mode_keeps_no_identity_with_the_answers(client):
    survey = make_survey(access="invitation", anonymous=True)
    invitation = Invitation.objects.create(survey=survey, email="a@example.org")
    answer_with(client, survey, invitation)
    response = Response.objects.get()
    stored = {field.name: getattr(response, field.name) for field in Response._meta.fields}
    assert "a@example.org" not in str(stored)
    assert invitation.token not in str(stored)
    assert response.resume_key is None and response.progress == {}
    assert not any(field.is_relation and field.related_model is Invitation for field in Response._meta.fields)
    assert "a@example.org" not in str(list(response.answers.values()))


def test_editors_cannot_manage_invitations(client, survey):
    editor = User.objects.create_user("editor", password="x" * 12)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get(f"/admin/gap-reports/{survey.pk}/invitations/")
    assert (response.status_code, response.get("Location")) in ((403, None), (302, "/admin/"))
