import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import translation

from .helpers import empty


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the page cache, fragments and rate limits live there."""
    empty(cache)
    yield
    empty(cache)


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language: a request the test client made in English
    leaves English active in the thread, and code outside a request (exports, e-mails) speaks it."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def client(client):
    """The test client, speaking to the site's host."""
    client.defaults["HTTP_HOST"] = "localhost"
    return client


# The modules whose outcome depends on the database or cache engine: ``make test`` runs every test
# against PostgreSQL and Redis, then these again against the embedded default (SQLite and the
# in-process cache), which the browser tests' demo site also runs on.
EMBEDDED = {
    "test_backup.py": "SQLite's own backup and restore",
    "test_health.py": "the checks of the database and the cache in use",
    "test_migrations.py": "tables and indexes renamed by each engine's own DDL",
    "test_pagecache.py": "the page cache on the in-process cache",
    "test_recommendations.py": "the gaps' aggregate queries",
    "test_search.py": "Wagtail's database search, a different backend per engine",
    "test_survey_report.py": "the gap report's aggregate queries",
    "test_survey_waves.py": "the wave comparison's aggregate queries",
    "test_survey_wizard.py": "drafts saved in the wizard's transactions",
}


def pytest_collection_modifyitems(config, items):
    """Marks the ``EMBEDDED`` modules ``embedded``. Tests marked ``services`` run only against
    PostgreSQL: another process must see the test database.

    ``make test`` runs them in its PostgreSQL pass (DATABASE_URL and REDIS_URL set); on SQLite
    they are deselected and counted, never silently passed.
    """
    for item in items:
        if item.path.name in EMBEDDED:
            item.add_marker(pytest.mark.embedded)
    if connection.vendor == "postgresql":
        return
    kept = [item for item in items if item.get_closest_marker("services") is None]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if item not in kept])
        items[:] = kept
