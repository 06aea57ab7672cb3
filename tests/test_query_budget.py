"""The home page and the news index cost the same number of queries however much news there is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from . import factories

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    client.get(url)  # warm Wagtail's per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_COOKIE="sessionid=none")  # a cookie: bypass the page cache
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def news_site():
    index = factories.make_news_index()
    events = factories.make_event_index()
    for _ in range(3):
        factories.make_event(events)

    def grow_to(count):
        existing = index.get_children().count()
        for n in range(existing, count):
            factories.make_news(index, tags=["isotopes" if n % 2 else "education"])
        return index

    return grow_to


def test_home_page_queries_do_not_grow_with_the_news(client, news_site):
    news_site(5)
    with_five = queries_for(client, "/nl/")
    news_site(200)
    with_two_hundred = queries_for(client, "/nl/")
    assert with_five == with_two_hundred
    assert with_two_hundred <= 15


def test_news_index_queries_do_not_grow_with_the_news(client, news_site):
    index = news_site(5)
    with_five = queries_for(client, index.url)
    news_site(200)
    with_two_hundred = queries_for(client, index.url)
    assert with_five == with_two_hundred
    assert with_two_hundred <= 19
