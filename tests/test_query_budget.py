"""The home page and the news index cost the same number of queries however much news there is, and the
pages a logged-in learner reads stay within a budget."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from . import factories
from .helpers import rolled_back

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    client.get(url)  # warm Wagtail's per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_COOKIE="sessionid=none")  # a cookie: bypass the page cache
    assert response.status_code == 200
    return len(captured)


def news_site():
    """A news index and three events; returns ``grow_to(count)``, which adds news up to ``count`` items."""
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


@pytest.fixture(scope="module")
def learner_site(django_db_setup, django_db_blocker):
    """A page of each kind and a learner enrolled in the course, built once for the module's tests (each
    runs in a transaction of its own inside this one) and rolled back after them."""
    from committee.models import Meeting
    from home.models import EventIndexPage
    from tests.learning_factories import enrol, make_course, make_learner

    with rolled_back(django_db_blocker):
        grow_news = news_site()
        news = grow_news(5)
        event = factories.make_event(
            EventIndexPage.objects.get(), programme=[{"activity": "Welcome"}, {"activity": "Talks"}]
        )
        event.organisers.add(factories.make_organisation(), factories.make_organisation())
        event.save_revision().publish()
        course = make_course(lessons=3)
        learner = make_learner()
        enrol(learner, course).complete_lesson(course.lessons().first())
        committee = factories.make_committee()
        start = timezone.now() + datetime.timedelta(days=20)
        Meeting.objects.create(committee=committee, kind="quarterly_steering", starts_at=start, ends_at=start)
        yield (
            learner,
            grow_news,
            {
                "home": "/nl/",
                "news page": news.get_children().last().url,
                "event page": event.url,
                "course page": course.url,
                "committee page": committee.url,
                "lesson page": course.lessons().last().url,
            },
        )


def test_home_page_queries_do_not_grow_with_the_news(client, learner_site):
    _learner, grow_news, _urls = learner_site
    with_five = queries_for(client, "/nl/")
    grow_news(60)  # six pages of the listing, twelve times the news
    with_sixty = queries_for(client, "/nl/")
    assert with_five == with_sixty
    assert with_sixty <= MOST_QUERIES


def test_news_index_queries_do_not_grow_with_the_news(client, learner_site):
    _learner, grow_news, _urls = learner_site
    index = grow_news(5)
    with_five = queries_for(client, index.url)
    grow_news(60)
    with_sixty = queries_for(client, index.url)
    assert with_five == with_sixty
    assert with_sixty <= MOST_QUERIES


# No page costs more than MOST_QUERIES. Wagtail finds the page with a query for the site, the locale,
# and two per level of the tree (the child with the next slug, then its specific row), then its view
# restrictions (two). Logged-in visitors never get a cached page; the parts of a page that are the
# same for everyone (menu, footer, breadcrumbs, the page's body) come from cached fragments once warm.
# Then the session and the user (whether they may see Wagtail's user bar is kept a minute), and what
# is the visitor's own (a learner's progress on a course; on a lesson, the course and their enrolment).
MOST_QUERIES = 15
LOGGED_IN_BUDGETS = {
    "home": 7,
    "news page": 11,
    "event page": 11,
    "course page": 15,
    "committee page": 11,
    "lesson page": 15,
}
# The same pages for an anonymous visitor with a session cookie: the page cache is bypassed.
ANONYMOUS_BUDGETS = {"home": 5, "news page": 9, "event page": 9, "course page": 9, "committee page": 9}


def queries_logged_in(client, url):
    """The queries of a logged-in visitor's second view of ``url`` (the first warms the fragments)."""
    assert client.get(url).get("X-Page-Cache") is None  # never the anonymous page cache
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", list(LOGGED_IN_BUDGETS))
def test_pages_for_a_logged_in_learner_stay_within_their_query_budget(client, learner_site, name):
    learner, _grow_news, urls = learner_site
    client.force_login(learner)
    assert queries_logged_in(client, urls[name]) <= LOGGED_IN_BUDGETS[name] <= MOST_QUERIES


def test_a_logged_in_home_page_costs_the_same_however_much_news_there_is(client, learner_site):
    learner, grow_news, urls = learner_site
    client.force_login(learner)
    with_five = queries_logged_in(client, "/nl/")
    grow_news(50)
    assert queries_logged_in(client, "/nl/") == with_five


@pytest.mark.parametrize("name", list(ANONYMOUS_BUDGETS))
def test_an_anonymous_visitor_with_a_session_cookie_stays_within_the_budget(client, learner_site, name):
    """The page cache is bypassed; the fragments are warm: the route, the page and its restrictions."""
    _learner, _grow_news, urls = learner_site
    assert queries_for(client, urls[name]) <= ANONYMOUS_BUDGETS[name] <= MOST_QUERIES
