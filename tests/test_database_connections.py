"""Kept database connections (CONN_MAX_AGE) are checked before a request reuses them (CONN_HEALTH_CHECKS),
so a database restart costs no request an error."""

import pytest
from django.conf import settings
from django.db import connection, connections

# Only against PostgreSQL: a server process to drop.
pytestmark = [pytest.mark.services, pytest.mark.django_db]


@pytest.fixture
def kept():
    """A second connection to the test database, kept between requests as in production."""
    wrapper = connections.create_connection("default")
    wrapper.settings_dict.update(CONN_MAX_AGE=600)
    yield wrapper
    wrapper.close()


def request(wrapper):
    """What Django does around a request (close_old_connections before and after) with one query in
    it; returns the server process that answered."""
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


def test_the_site_checks_kept_connections_with_djangos_own_backend():
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


def test_a_kept_connection_serves_the_next_request_too(kept):
    assert request(kept) == request(kept)


def test_a_connection_the_server_dropped_while_idle_is_replaced_before_the_request_uses_it(kept):
    first = request(kept)
    drop(first)
    second = request(kept)  # no error: the check found the connection dead and connected anew
    assert second not in (None, first)
