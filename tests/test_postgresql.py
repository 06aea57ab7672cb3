"""The PostgreSQL backend (cms/postgresql): a kept connection is checked only after it sat idle."""

import pytest
from django.db import OperationalError, ProgrammingError, connection, connections

from cms.postgresql import base

from .helpers import Clock

# Only against PostgreSQL: the backend is not in use on SQLite.
pytestmark = [pytest.mark.services, pytest.mark.django_db]


@pytest.fixture
def kept(monkeypatch):
    """A second connection to the test database, kept between requests and health-checked as in
    production, with its checks counted and the backend's clock in the test's hands."""
    wrapper = connections.create_connection("default")
    wrapper.settings_dict.update(CONN_MAX_AGE=600, CONN_HEALTH_CHECKS=True, HEALTH_CHECK_IDLE_SECONDS=1.0)
    clock = Clock(monkeypatch, base)
    wrapper.checks = 0
    real = wrapper.is_usable

    def counted():
        wrapper.checks += 1
        return real()

    wrapper.is_usable = counted
    yield wrapper, clock
    wrapper.close()


def request(wrapper):
    """What Django does around a request (close_old_connections before and after) with one query
    in it; returns the server process that answered."""
    wrapper.close_if_unusable_or_obsolete()
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            return cursor.fetchone()[0]
    finally:
        wrapper.close_if_unusable_or_obsolete()


def drop(backend_pid):
    """What a restart of the server does to the connection served by ``backend_pid``."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [backend_pid])


def test_the_site_runs_on_this_subclass_of_djangos_backend():
    assert connection.vendor == "postgresql"
    assert isinstance(connections["default"], base.DatabaseWrapper)


def test_a_connection_in_steady_use_is_not_asked_before_each_request(kept):
    wrapper, clock = kept
    first = request(wrapper)  # a new connection needs no check
    for _ in range(3):
        clock.now += 0.5
        assert request(wrapper) == first
    assert wrapper.checks == 0


def test_a_connection_idle_longer_than_the_window_is_checked_first(kept):
    wrapper, clock = kept
    first = request(wrapper)
    clock.now += 1.5
    assert request(wrapper) == first
    assert wrapper.checks == 1
    clock.now += 0.2  # answered a moment ago again
    request(wrapper)
    assert wrapper.checks == 1


def test_a_connection_the_server_dropped_while_idle_is_replaced_before_the_request_uses_it(kept):
    wrapper, clock = kept
    first = request(wrapper)
    drop(first)
    clock.now += 5
    second = request(wrapper)  # no error: the check found the connection dead and connected anew
    assert second != first and wrapper.checks == 1


def test_a_connection_dropped_within_the_window_fails_one_request_and_the_next_reconnects(kept):
    """The trade documented in cms/postgresql/base.py: no check within the window."""
    wrapper, clock = kept
    first = request(wrapper)
    drop(first)
    clock.now += 0.1
    with pytest.raises(OperationalError):
        request(wrapper)
    assert wrapper.connection is None  # closed at the end of the failed request
    assert request(wrapper) not in (None, first)


def test_a_request_that_hit_an_error_leaves_the_connection_to_be_checked(kept):
    wrapper, clock = kept
    request(wrapper)
    wrapper.close_if_unusable_or_obsolete()
    with pytest.raises(ProgrammingError), wrapper.cursor() as cursor:
        cursor.execute("SELECT no_such_column FROM no_such_table")
    healthy_before = wrapper.healthy_at
    clock.now += 0.1
    wrapper.close_if_unusable_or_obsolete()  # Django checks it here itself, after the error
    assert wrapper.checks == 1 and wrapper.healthy_at == healthy_before


def test_a_window_of_zero_checks_before_every_request(kept):
    wrapper, clock = kept
    wrapper.idle_seconds = 0
    request(wrapper)
    for _ in range(3):
        request(wrapper)
    assert wrapper.checks == 3


def prepared_statements():
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def test_a_pages_row_is_read_through_a_statement_prepared_once_per_connection():
    from cms.routing import live_page

    from . import factories

    page = factories.make_standard_page(title="Voorbereid")
    other = factories.make_standard_page(title="Ook voorbereid")
    before = len(prepared_statements())
    assert live_page(type(page), page.pk).title == "Voorbereid"
    assert live_page(type(other), other.pk).title == "Ook voorbereid"
    statements = prepared_statements()
    assert len(statements) == before + 1  # one statement for the page type, whatever the id
    assert any('"wagtailcore_page"."live"' in statement for statement in statements)
    assert live_page(type(page), -1) is None


def test_the_prepared_query_is_logged_with_its_values_like_any_other():
    from django.test.utils import CaptureQueriesContext

    from cms.routing import live_page

    from . import factories

    page = factories.make_standard_page()
    with CaptureQueriesContext(connection) as queries:
        live_page(type(page), page.pk)
    assert len(queries) == 1 and f"= {page.pk}" in queries[0]["sql"]


def test_without_prepared_statements_the_same_queries_run_unprepared(settings):
    wrapper = connections.create_connection("default")
    wrapper.settings_dict["OPTIONS"] = {**wrapper.settings_dict["OPTIONS"], "prepare_threshold": None}
    try:
        with wrapper.prepared_cursor() as cursor:
            for _ in range(3):
                cursor.execute("SELECT %s::int + 1", [41])
                assert cursor.fetchone() == (42,)
            cursor.execute("SELECT count(*) FROM pg_prepared_statements")
            assert cursor.fetchone() == (0,)
    finally:
        wrapper.close()
