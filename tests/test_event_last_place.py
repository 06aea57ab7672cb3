"""The last places of an event, raced for: never more registrations than places.

``EventPage.register`` locks the event's rows (every translation's) before it counts the
places left, so that two visitors who both see one place left go one after the other and
the second finds the event full. Only PostgreSQL takes row locks; on SQLite a write locks
the whole database.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.forms import EventRegistrationForm
from home.models import EventPage, EventRegistration

from . import factories
from .races import Browser, race, row_locked

pytestmark = pytest.mark.services  # row locks: PostgreSQL only

PLACES, VISITORS = 2, 8


def open_event(capacity=PLACES):
    return factories.make_event(
        factories.make_event_index(),
        registration_enabled=True,
        registration_deadline=timezone.now() + datetime.timedelta(days=10),
        capacity=capacity,
    )


def visitor(n):
    return {"name": f"Visitor {n}", "email": f"visitor{n}@example.org", "organisation": "", "notes": ""}


@pytest.mark.django_db
def test_registering_locks_the_events_rows_before_counting_the_places_left():
    event = open_event()
    form = EventRegistrationForm(visitor(1))
    assert form.is_valid()

    with CaptureQueriesContext(connection) as queries:
        registration, created, refusal = event.register(form)

    assert (created, refusal) == (True, None)
    statements = [query["sql"] for query in queries.captured_queries]
    table = connection.ops.quote_name(EventPage._meta.db_table)
    locks = [n for n, sql in enumerate(statements) if sql.endswith("FOR UPDATE") and f"FROM {table}" in sql]
    assert locks, "register() took no row lock on the event's table"
    assert event.translation_key.hex in statements[locks[0]].replace("-", "")  # every translation's rows
    registrations = connection.ops.quote_name(EventRegistration._meta.db_table)
    counting = [n for n, sql in enumerate(statements) if f"FROM {registrations}" in sql and "COUNT(" in sql]
    stores = [n for n, sql in enumerate(statements) if sql.startswith(f"INSERT INTO {registrations}")]
    assert counting and stores
    assert locks[0] < counting[0] < stores[0]


@pytest.fixture(scope="module")
def migrated_data_back(django_db_setup, django_db_blocker):
    """A transactional test ends by emptying the database: later tests get the migrated data back."""
    yield
    with django_db_blocker.unblock():
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_visitors_racing_for_the_last_places_get_only_as_many_registrations_as_places(
    live_server, migrated_data_back
):
    event = open_event()
    path = event.url + "register/"
    browsers = [Browser(live_server.url) for _ in range(VISITORS)]
    for browser in browsers:
        assert browser.get(path).status_code == 200  # the form, and the CSRF cookie with it

    def registers(n):
        return lambda: browsers[n].post(path, visitor(n))

    # Every visitor sees places left; the test holds the event's row until all of them wait for it
    # (tests/races.py).
    answered = race([registers(n) for n in range(VISITORS)], row_locked(EventPage, event.pk))
    for browser in browsers:
        browser.close()

    stored = EventRegistration.objects.filter(event__translation_key=event.translation_key)
    assert stored.count() == PLACES
    statuses = [getattr(reply, "status_code", reply) for reply in answered]
    assert sorted(statuses) == [302] * PLACES + [409] * (VISITORS - PLACES)
    registered = {f"visitor{n}@example.org" for n, status in enumerate(statuses) if status == 302}
    assert set(stored.values_list("email", flat=True)) == registered
    for reply in answered:
        if reply.status_code == 302:
            assert reply.headers["Location"].endswith("/register/done/")
        else:
            assert "volgeboekt" in reply.text  # the registration page, saying the event is full
    event.refresh_from_db()
    assert event.places_left() == 0 and event.registration_status() == "full"
