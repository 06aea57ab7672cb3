import pytest
from django.core.cache import cache

from .helpers import empty


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (the page cache and rate limits live there)."""
    empty(cache)
    yield
    empty(cache)


@pytest.fixture
def client(client):
    """The test client, speaking to the site's host."""
    client.defaults["HTTP_HOST"] = "localhost"
    return client
