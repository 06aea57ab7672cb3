"""Remembered routes: a known address costs one query, and never serves a page it should not."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.blocks import StreamValue
from wagtail.models import Page, PageViewRestriction, Site

from cms.routing import components, live_page, route_keys

from . import factories, learning_factories

pytestmark = pytest.mark.django_db

# A session cookie keeps the page cache out of the way: every request is routed.
SESSION = {"HTTP_COOKIE": "sessionid=no-such-session"}


def routed(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **SESSION)
    page_queries = [q["sql"] for q in queries if '"wagtailcore_page"' in q["sql"]]
    return response, page_queries


def kept(client, url):
    """Whether a route is remembered under ``url`` (a Dutch address) after the client asked for it."""
    request = client.get(url, **SESSION).wsgi_request
    with translation.override("nl"):
        key = route_keys(request, components(url.removeprefix("/nl/")))[-1]
    return caches["template_fragments"].get(key) is not None


def test_a_known_address_is_routed_with_one_query_for_its_page(client):
    index = factories.make_news_index()
    item = factories.make_news(index, title="Nieuw lectoraat")
    first, first_queries = routed(client, item.url)
    second, second_queries = routed(client, item.url)
    assert "Nieuw lectoraat" in first.text and "Nieuw lectoraat" in second.text
    assert len(first_queries) >= 4  # root, index, item (and their specific rows)
    assert len(second_queries) == 1
    assert second.context["page"] == item


def test_a_routable_pages_sub_address_is_answered_from_the_pages_route(client):
    index = factories.make_news_index()
    factories.make_news(index, title="In de feed")
    feed = index.url + "feed/"
    client.get(index.url, **SESSION)
    response, page_queries = routed(client, feed)
    assert response.status_code == 200 and "In de feed" in response.text
    assert response["Content-Type"].startswith("application/rss+xml")
    assert not [sql for sql in page_queries if '"wagtailcore_page"."slug" =' in sql]  # no walk down the tree
    assert kept(client, index.url) and not kept(client, feed)
    assert client.get(index.url + "feed/nonsense/", **SESSION).status_code == 404


def test_addresses_that_find_no_page_are_not_kept(client):
    factories.make_news_index()
    for made_up in ("/nl/nieuws/bestaat-niet/", "/nl/nieuws/feed/bestaat-niet/"):
        for _ in range(2):
            assert client.get(made_up, **SESSION).status_code == 404
        assert not kept(client, made_up)
    assert kept(client, "/nl/nieuws/")


def test_a_made_up_key_below_a_questionnaire_adds_nothing_to_the_cache(client):
    """A resume link's key is the questionnaire's sub-address: only the questionnaire is kept."""
    from tests.survey_factories import make_survey

    survey = make_survey()
    response = client.get(survey.url + "resume/" + "x" * 40 + "/", **SESSION)
    assert response.status_code in (302, 404)
    assert kept(client, survey.url)
    assert not kept(client, survey.url + "resume/" + "x" * 40 + "/")


def test_a_page_renamed_without_a_publish_signal_leaves_its_old_address(client):
    page = factories.make_standard_page(slug="oud-adres", title="Verhuisd")
    assert client.get("/nl/oud-adres/", **SESSION).status_code == 200
    new_path = page.url_path.replace("oud-adres", "nieuw-adres")
    Page.objects.filter(pk=page.pk).update(slug="nieuw-adres", url_path=new_path)  # no signal
    assert client.get("/nl/oud-adres/", **SESSION).status_code == 404
    assert "Verhuisd" in client.get("/nl/nieuw-adres/", **SESSION).text


def test_an_unpublished_page_is_gone_at_once(client):
    page = factories.make_standard_page()
    client.get(page.url, **SESSION)
    Page.objects.filter(pk=page.pk).update(live=False)  # not even a signal
    assert client.get(page.url, **SESSION).status_code == 404


def test_private_pages_stay_private_when_their_route_is_remembered(client):
    section = factories.make_standard_page(title="Besloten deel")
    below = factories.make_standard_page(parent=section, title="Daaronder")
    public = factories.make_standard_page(title="Openbaar")
    for page in (section, below, public):
        client.get(page.url, **SESSION)
    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Leden"))
    for page in (section, below):
        for _ in range(2):
            response = client.get(page.url, **SESSION)
            assert response.status_code == 302 and "/login/" in response["Location"], page.title
    assert client.get(public.url, **SESSION).status_code == 200


def test_an_alias_of_a_page_made_private_is_private_too(client):
    source = factories.make_standard_page(title="Bron")
    alias = source.create_alias(
        parent=factories.make_standard_page(title="Elders"), update_slug="alias-van-bron"
    )
    assert client.get(alias.url, **SESSION).status_code == 200
    # Wagtail takes an alias's restrictions from its source page, wherever that is in the tree.
    PageViewRestriction.objects.create(page=source, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(2):
        assert client.get(alias.url, **SESSION).status_code == 302


def test_public_pages_skip_the_privacy_queries(client):
    page = factories.make_standard_page()
    client.get(page.url, **SESSION)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url, **SESSION).status_code == 200
    assert not [q for q in queries if "pageviewrestriction" in q["sql"]]


def test_a_site_given_a_new_host_name_links_its_pages_with_it_at_once(client):
    page = factories.make_standard_page(slug="over-ons")
    assert 'href="http://localhost/nl/over-ons/"' in client.get(page.url, **SESSION).text
    site = Site.objects.get(is_default_site=True)
    site.hostname = "nucleaire-geneeskunde.example"
    site.save()
    response = client.get(page.url, **SESSION)
    assert 'rel="canonical" href="http://nucleaire-geneeskunde.example/nl/over-ons/"' in response.text


def fields_of(page):
    return {field.attname: field.value_to_string(page) for field in page._meta.concrete_fields}


def test_a_remembered_page_is_read_as_the_orm_reads_it():
    course = learning_factories.make_course(lessons=1)
    lesson = course.lessons().first()
    news = factories.make_news(factories.make_news_index(), title="Nieuw <b>lectoraat</b>", tags=["PET"])
    for page in (course, lesson, news):
        read = live_page(type(page), page.pk)
        assert type(read) is type(page) and read.pk == page.pk
        assert fields_of(read) == fields_of(type(page).objects.get(pk=page.pk))
    # The database's value goes through the field's converter, as the ORM's would.
    assert isinstance(live_page(type(course), course.pk).quiz, StreamValue)
    assert live_page(type(lesson), lesson.pk).body[0].block_type == "paragraph"


def test_a_page_that_is_not_live_or_not_there_is_not_read():
    news = factories.make_news(factories.make_news_index())
    with CaptureQueriesContext(connection) as queries:
        assert live_page(type(news), news.pk) is not None
    assert len(queries) == 1
    news.unpublish()
    assert live_page(type(news), news.pk) is None
    assert live_page(type(news), 10**9) is None


def test_every_routable_page_type_has_its_resolver_before_the_first_request():
    """Built at start-up (home/apps.py), not by racing threads of a worker at their first request:
    asked of a fresh process that has served nothing."""
    import subprocess
    import sys

    code = (
        "import django; django.setup()\n"
        "from django.apps import apps\n"
        "from wagtail.contrib.routable_page.models import RoutablePageMixin\n"
        "types = [m for m in apps.get_models() if issubclass(m, RoutablePageMixin)]\n"
        "print(len(types), [m.__name__ for m in types if '_routablepage_urlresolver' not in m.__dict__])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    count, missing = result.stdout.split(" ", 1)
    assert int(count) >= 2 and missing.strip() == "[]", result.stderr
