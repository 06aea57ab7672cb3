"""Registering for an event: stored once, refused when closed or full, confirmed by e-mail."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from home.models import EventRegistration

from . import factories

pytestmark = pytest.mark.django_db

VALID = {"name": "Marie Curie", "email": "marie@example.org", "organisation": "Radboudumc", "notes": ""}


@pytest.fixture
def event():
    return factories.make_event(
        factories.make_event_index(),
        registration_enabled=True,
        registration_deadline=timezone.now() + datetime.timedelta(days=10),
        capacity=2,
        contact_email="events@example.org",
    )


def register(client, event, **fields):
    return client.post(event.url + "register/", {**VALID, **fields})


def test_visitor_registers_and_gets_a_confirmation_email(client, event):
    response = register(client, event)
    assert response.status_code == 302
    assert response["Location"].endswith("/register/done/")
    registration = EventRegistration.objects.get()
    assert (registration.name, registration.email, registration.event_id) == (
        "Marie Curie",
        "marie@example.org",
        event.pk,
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["marie@example.org"]
    assert event.title in mail.outbox[0].subject
    assert event.url + "ics/" in mail.outbox[0].body
    assert mail.outbox[0].reply_to == ["events@example.org"]


def test_registering_twice_keeps_one_registration(client, event):
    register(client, event)
    again = register(client, event, email="MARIE@example.org")
    assert again.status_code == 302
    assert EventRegistration.objects.count() == 1
    assert "al aangemeld" in mail.outbox[1].subject


def test_registration_refused_after_the_deadline(client, event):
    event.registration_deadline = timezone.now() - datetime.timedelta(minutes=1)
    event.save_revision().publish()
    response = register(client, event)
    assert response.status_code == 409
    assert "De aanmelding voor dit evenement is gesloten." in response.text
    assert not EventRegistration.objects.exists()


def test_registration_refused_when_the_event_is_full(client, event):
    register(client, event, email="one@example.org")
    register(client, event, email="two@example.org")
    response = register(client, event, email="three@example.org")
    assert response.status_code == 409
    assert "volgeboekt" in response.text
    assert EventRegistration.objects.count() == 2
    assert event.registration_status() == "full"


def test_capacity_counts_registrations_through_every_translation(client, event):
    factories.english_home()
    english_index = factories.translate(event.get_parent().specific, "en")
    english_event = factories.translate(event, "en")
    assert english_index.live
    register(client, event, email="one@example.org")
    client.post(english_event.url + "register/", {**VALID, "email": "two@example.org"})
    assert event.places_left() == 0
    assert english_event.registration_status() == "full"


def test_invalid_email_and_missing_name_are_shown_next_to_the_fields(client, event):
    response = register(client, event, name="", email="not-an-address", organisation="Erasmus MC")
    assert response.status_code == 200
    assert 'id="id_name_error"' in response.text
    assert 'id="id_email_error"' in response.text
    assert 'value="Erasmus MC"' in response.text  # what was typed is kept
    assert 'value="not-an-address"' in response.text
    assert not EventRegistration.objects.exists()


def test_html_typed_into_the_form_comes_back_escaped(client, event):
    response = register(client, event, name="", organisation='<script>alert("x")</script>')
    assert "<script>alert" not in response.text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in response.text


def test_oversized_notes_are_refused_with_a_message(client, event):
    response = register(client, event, notes="x" * 5000)
    assert response.status_code == 200
    assert 'id="id_notes_error"' in response.text
    assert not EventRegistration.objects.exists()


def test_a_huge_post_is_refused_with_a_page_not_a_server_error(client, event, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = register(client, event, notes="x" * 20_000)
    assert response.status_code == 400
    assert not EventRegistration.objects.exists()


def test_event_without_registration_has_no_form(client):
    event = factories.make_event(factories.make_event_index(), registration_enabled=False)
    response = register(client, event)
    assert response.status_code == 409
    assert not EventRegistration.objects.exists()


def test_ics_download_is_a_valid_calendar(client, event):
    response = client.get(event.url + "ics/")
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == event.title
    assert vevent.decoded("DTSTART") == event.start.replace(microsecond=0)
    assert vevent.decoded("DTEND") == event.end.replace(microsecond=0)
    assert "Science Gallery London" in str(vevent["LOCATION"])
    assert str(vevent["URL"]).endswith(event.url)


def test_upcoming_and_past_events_are_listed_separately(client):
    index = factories.make_event_index()
    past_start = timezone.now() - datetime.timedelta(days=400)
    factories.make_event(
        index, title="NL-UK Symposium 2024", start=past_start, end=past_start + datetime.timedelta(hours=10)
    )
    factories.make_event(index, title="Round table on human capital")
    text = client.get(index.url).text
    upcoming, past = text.split('id="past-heading"')
    assert "Round table on human capital" in upcoming and "NL-UK Symposium 2024" not in upcoming
    assert "NL-UK Symposium 2024" in past


def test_an_event_cannot_end_before_it_starts():
    from django.core.exceptions import ValidationError

    from home.models import EventPage

    start = timezone.now()
    page = EventPage(
        title="x", slug="x", start=start, end=start - datetime.timedelta(hours=1), venue="v", introduction="i"
    )
    with pytest.raises(ValidationError):
        page.full_clean()


def test_event_times_are_shown_in_the_venues_time_zone(client):
    import zoneinfo

    london = zoneinfo.ZoneInfo("Europe/London")
    event = factories.make_event(
        factories.make_event_index(),
        start=datetime.datetime(2024, 3, 19, 9, 0, tzinfo=london),
        end=datetime.datetime(2024, 3, 19, 19, 30, tzinfo=london),
        time_zone="Europe/London",
    )
    text = client.get(event.url).text
    assert "09:00" in text and "19:30" in text and "GMT" in text
    assert "10:00" not in text  # not converted to Amsterdam time


def test_an_unknown_time_zone_is_refused():
    from django.core.exceptions import ValidationError

    from home.models import validate_time_zone

    with pytest.raises(ValidationError):
        validate_time_zone("Mars/Olympus_Mons")
    validate_time_zone("Europe/London")
