import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.db import connection
from django.utils import translation

from .helpers import empty


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (the page cache and rate limits live there), and no copy
    of a fragment or a page kept in this process (cms/localcache.py)."""
    forget_cached()
    yield
    forget_cached()


def forget_cached():
    empty(cache)
    for alias in ("template_fragments", "pages"):
        caches[alias].clear()


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


def pytest_collection_modifyitems(config, items):
    """Tests marked ``services`` run only against PostgreSQL: another process must see the test database.

    ``make test`` runs them in its second pass (DATABASE_URL and REDIS_URL set); on SQLite
    they are deselected and counted, never silently passed.
    """
    if connection.vendor == "postgresql":
        return
    kept = [item for item in items if item.get_closest_marker("services") is None]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if item not in kept])
        items[:] = kept
