"""Newsletter: double opt-in, an unsubscribe link in every mailing, a formula-safe export."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from openpyxl import load_workbook

from home.models import NewsletterMailing, NewsletterSubscriber

pytestmark = pytest.mark.django_db


def sign_up(client, email="fysicus@example.org", language="nl"):
    return client.post(f"/{language}/newsletter/", {"email": email})


def link_in(message):
    return re.search(r"http://\S+", message.body).group(0)


def test_sign_up_stays_pending_until_the_link_is_confirmed(client):
    response = sign_up(client)
    assert response.status_code == 302
    subscriber = NewsletterSubscriber.objects.get()
    assert subscriber.status == "pending"
    confirm_url = link_in(mail.outbox[0])
    assert client.get(confirm_url).status_code == 200  # a page with a button, not yet confirmed
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"
    client.post(confirm_url)
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed"


def test_the_answer_does_not_tell_whether_an_address_is_subscribed(client):
    NewsletterSubscriber.objects.create(email="known@example.org", status="confirmed")
    known = client.post("/nl/newsletter/", {"email": "known@example.org"}, follow=True)
    unknown = client.post("/nl/newsletter/", {"email": "new@example.org"}, follow=True)
    assert known.content == unknown.content
    assert [m.to for m in mail.outbox] == [["new@example.org"]]


def test_invalid_address_is_refused_next_to_the_field(client):
    response = client.post("/nl/newsletter/", {"email": "no-at-sign"})
    assert response.status_code == 200
    assert 'id="id_email_error"' in response.text
    assert not NewsletterSubscriber.objects.exists()


def test_an_expired_confirmation_link_does_not_subscribe(client):
    sign_up(client)
    subscriber = NewsletterSubscriber.objects.get()
    subscriber.created_at -= NewsletterSubscriber.CONFIRMATION_VALID_FOR * 2
    subscriber.save()
    response = client.post(link_in(mail.outbox[0]))
    assert "verlopen" in response.text
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"


def test_an_unknown_token_is_not_found(client):
    assert client.get("/nl/newsletter/confirm/forged-token/").status_code == 404


def test_every_mailing_carries_the_subscribers_own_unsubscribe_link(client):
    for email in ("a@example.org", "b@example.org"):
        NewsletterSubscriber.objects.create(email=email, status="confirmed")
    NewsletterSubscriber.objects.create(email="pending@example.org")
    mailing = NewsletterMailing.objects.create(subject="Nieuws uit het veld", body="<p>Hallo</p>")
    assert mailing.send() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    for message in mail.outbox:
        token = NewsletterSubscriber.objects.get(email=message.to[0]).token
        assert f"/newsletter/unsubscribe/{token}/" in message.body
        assert token in message.extra_headers["List-Unsubscribe"]
        assert token in message.alternatives[0].content
    assert mailing.send() == 0  # never twice


def test_unsubscribe_link_and_one_click_unsubscribe(client):
    subscriber = NewsletterSubscriber.objects.create(email="a@example.org", status="confirmed")
    url = f"/nl/newsletter/unsubscribe/{subscriber.token}/"
    assert "Afmelden" in client.get(url).text
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed"
    client.post(url, {"List-Unsubscribe": "One-Click"})  # as a mail program does, without CSRF token
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"


@pytest.fixture
def moderator(client):
    user = User.objects.create_user("moderator", password="x" * 12)
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    return user


def test_editors_export_subscribers_with_formulas_neutralised(client, moderator):
    NewsletterSubscriber.objects.create(email="=1+1@example.org", status="confirmed")
    NewsletterSubscriber.objects.create(email="plain@example.org", status="confirmed")
    response = client.get("/admin/snippets/home/newslettersubscriber/?export=xlsx")
    assert response.status_code == 200
    with open_workbook(response) as sheet:
        emails = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(emails) == ["'=1+1@example.org", "plain@example.org"]
    csv = client.get("/admin/snippets/home/newslettersubscriber/?export=csv")
    assert "'=1+1@example.org" in b"".join(csv.streaming_content).decode()


def open_workbook(response):
    import contextlib
    import io

    @contextlib.contextmanager
    def opened():
        workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        yield workbook.active
        workbook.close()

    return opened()


def test_anonymous_visitors_cannot_export_subscribers(client):
    response = client.get("/admin/snippets/home/newslettersubscriber/?export=csv")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_editors_draft_mailings_but_only_moderators_send_them(client):
    editor = User.objects.create_user("editor", password="x" * 12)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    mailing = NewsletterMailing.objects.create(subject="Draft", body="<p>x</p>")
    refused = client.post(f"/admin/newsletter/mailings/{mailing.pk}/send/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # Wagtail's "no permission"
    mailing.refresh_from_db()
    assert mailing.sent_at is None


def test_moderators_send_a_mailing_from_the_admin(client, moderator):
    NewsletterSubscriber.objects.create(email="a@example.org", status="confirmed")
    mailing = NewsletterMailing.objects.create(subject="Nieuws", body="<p>x</p>")
    assert "bevestigde abonnees" in client.get(f"/admin/newsletter/mailings/{mailing.pk}/send/").text
    client.post(f"/admin/newsletter/mailings/{mailing.pk}/send/")
    mailing.refresh_from_db()
    assert (mailing.recipients, len(mail.outbox)) == (1, 1)


def test_too_many_sign_ups_from_one_address_are_refused_politely(client, settings):
    settings.PUBLIC_FORM_RATE = "2/m"
    for n in range(2):
        assert sign_up(client, email=f"person{n}@example.org").status_code == 302
    refused = sign_up(client, email="flood@example.org")
    assert refused.status_code == 429
    assert "te vaak verstuurd" in refused.text
    assert not NewsletterSubscriber.objects.filter(email="flood@example.org").exists()
