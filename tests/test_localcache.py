"""Copies of fragments in the process's memory: fewer trips to the shared cache, never a stale page."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache, caches

from cms import localcache, pagecache

from . import factories, helpers

SESSION = {"HTTP_COOKIE": "sessionid=no-such-session"}  # past the page cache: every request renders
TEMPLATES = Path(settings.BASE_DIR) / "templates"


@pytest.fixture
def fragments():
    return caches["template_fragments"]


def forget_copies(fragments):
    """What another process sees: the shared cache, without this process's copies."""
    fragments.clear()


def test_a_kept_value_is_read_from_the_process_copy_without_the_shared_cache(fragments, monkeypatch):
    fragments.set("fragment:g1:menu", ["Home", "Nieuws"], 60)
    monkeypatch.setattr(type(fragments), "shared", property(lambda self: None))  # a trip would fail
    assert fragments.get("fragment:g1:menu") == ["Home", "Nieuws"]
    assert fragments.get_many(["fragment:g1:menu"]) == {"fragment:g1:menu": ["Home", "Nieuws"]}


def test_a_value_kept_by_another_process_is_read_once_and_copied(fragments):
    fragments.set("fragment:g1:footer", "<footer>x</footer>", 60)
    forget_copies(fragments)
    assert fragments.local("fragment:g1:footer") is None
    assert fragments.get("fragment:g1:footer") == "<footer>x</footer>"
    assert fragments.local("fragment:g1:footer") == "<footer>x</footer>"


def test_a_copy_expires_when_the_shared_value_does(fragments, monkeypatch):
    now = 1_000_000.0
    monkeypatch.setattr(localcache.time, "time", lambda: now)
    fragments.set("fragment:g1:upcoming", "<p>Symposium</p>", 30)
    forget_copies(fragments)
    now += 20
    assert fragments.get("fragment:g1:upcoming") == "<p>Symposium</p>"  # copied 20 s after it was kept
    now += 11
    assert fragments.local("fragment:g1:upcoming") is None
    assert fragments.get("fragment:g1:upcoming") is None


def test_a_copy_is_never_changed_by_the_request_that_read_it(fragments):
    fragments.set("fragment:g1:links", [{"url": "/nl/"}], 60)
    fragments.get("fragment:g1:links")[0]["url"] = "/changed/"
    assert fragments.get("fragment:g1:links") == [{"url": "/nl/"}]


def test_the_process_keeps_no_more_copies_than_its_limit(fragments, monkeypatch):
    monkeypatch.setattr(fragments.store, "max_entries", 3)
    for number in range(5):
        fragments.set(f"fragment:g1:{number}", str(number), 60)
    assert [fragments.local(f"fragment:g1:{number}") for number in range(5)] == [None, None, "2", "3", "4"]


def test_a_timeout_of_zero_keeps_nothing(fragments):
    fragments.set("fragment:g1:none", "x", 0)
    assert fragments.get("fragment:g1:none") is None


class Clock(helpers.Clock):
    """The clock cms.pagecache reads to know when its copy of the generation is due for renewal."""

    def __init__(self, monkeypatch):
        super().__init__(monkeypatch, pagecache)

    def after_the_window(self):
        self.now += settings.PAGE_GENERATION_SECONDS


@pytest.mark.django_db
def test_a_page_changed_by_another_process_is_rendered_anew_here_within_a_second(client, monkeypatch):
    clock = Clock(monkeypatch)
    page = factories.make_standard_page(title="Oude titel")
    assert "Oude titel" in client.get(page.url, **SESSION).text
    # Another web process publishes: the database and the shared generation change, nothing here.
    type(page).objects.filter(pk=page.pk).update(title="Nieuwe titel")
    cache.set(pagecache.GENERATION_KEY, "set-by-another-process", None)
    clock.now += settings.PAGE_GENERATION_SECONDS / 2
    assert "Oude titel" in client.get(page.url, **SESSION).text  # this process's copy is still fresh
    clock.after_the_window()
    response = client.get(page.url, **SESSION)
    assert "Nieuwe titel" in response.text and "Oude titel" not in response.text


@pytest.mark.django_db
def test_a_publish_here_is_seen_here_at_once(client, monkeypatch):
    Clock(monkeypatch)
    page = factories.make_standard_page(title="Oude titel")
    assert "Oude titel" in client.get(page.url, **SESSION).text
    type(page).objects.filter(pk=page.pk).update(title="Nieuwe titel")
    pagecache.purge()  # what publishing in this process does
    assert "Nieuwe titel" in client.get(page.url, **SESSION).text


@pytest.mark.django_db
def test_a_process_asks_the_shared_cache_for_the_generation_at_most_once_a_window(client, monkeypatch):
    clock = Clock(monkeypatch)
    page = factories.make_standard_page()
    asked = []
    real = cache.get_or_set
    monkeypatch.setattr(cache, "get_or_set", lambda *args, **kw: asked.append(args[0]) or real(*args, **kw))
    clock.after_the_window()  # of the generation the page's publishing started here
    client.get(page.url, **SESSION)
    assert asked == [pagecache.GENERATION_KEY]
    client.get(page.url, **SESSION)
    assert asked == [pagecache.GENERATION_KEY]  # within the window: this process's copy
    clock.after_the_window()
    client.get(page.url, **SESSION)
    client.get(page.url, **SESSION)
    assert asked == [pagecache.GENERATION_KEY] * 2
    asked.clear()
    pagecache.generation()  # outside a request (a job, a command): asked every time
    pagecache.generation()
    assert asked == [pagecache.GENERATION_KEY] * 2


def test_every_cached_fragment_of_the_site_varies_on_the_generation():
    tags = []
    for template in TEMPLATES.rglob("*.html"):
        tags += re.findall(r"{%\s*(?:wagtailpagecache|wagtailcache|cache)\s[^%]*%}", template.read_text())
    assert len(tags) >= 10
    assert [tag for tag in tags if "page_cache_generation" not in tag] == []


def ask_log(monkeypatch):
    """The keys asked of the shared cache from now on."""
    asked = []

    def spy(method, real):
        def asking(*args, **kwargs):
            asked.append(args[0])
            return real(*args, **kwargs)

        return asking

    for method in ("get", "get_many", "get_or_set", "has_key"):
        monkeypatch.setattr(cache, method, spy(method, getattr(cache, method)))
    return asked


@pytest.mark.django_db
def test_an_uncached_page_asks_the_shared_cache_for_nothing_but_the_generation_once_a_window(
    client, monkeypatch
):
    clock = Clock(monkeypatch)
    item = factories.make_news(factories.make_news_index(), title="Nieuw lectoraat")
    assert "Nieuw lectoraat" in client.get(item.url, **SESSION).text  # keeps its route and fragments
    asked = ask_log(monkeypatch)

    def shared_keys():
        # (With Redis the visitor's session is read from the cache too, as it must be.)
        return {key for key in asked if not key.startswith("django.contrib.sessions")}

    assert "Nieuw lectoraat" in client.get(item.url, **SESSION).text
    assert shared_keys() == set()
    clock.after_the_window()
    assert "Nieuw lectoraat" in client.get(item.url, **SESSION).text
    # (Django's in-process cache answers get_or_set with a get of its own.)
    assert shared_keys() == {pagecache.GENERATION_KEY}


@pytest.mark.django_db
def test_a_stored_page_is_answered_from_the_process_copy_without_the_shared_cache(client, monkeypatch):
    Clock(monkeypatch)
    item = factories.make_news(factories.make_news_index(), title="Nieuw lectoraat")
    assert client.get(item.url)["X-Page-Cache"] == "miss"
    asked = ask_log(monkeypatch)
    response = client.get(item.url)
    assert response["X-Page-Cache"] == "hit" and "Nieuw lectoraat" in response.text
    assert asked == []


@pytest.mark.django_db
def test_a_page_stored_by_another_process_is_copied_and_one_published_there_is_not_served_here(
    client, monkeypatch
):
    clock = Clock(monkeypatch)
    page = factories.make_standard_page(title="Oude titel")
    assert client.get(page.url)["X-Page-Cache"] == "miss"
    caches["pages"].clear()  # this process has no copy: another process stored the page
    assert client.get(page.url)["X-Page-Cache"] == "hit"
    # That other process publishes: the database and the shared generation change, nothing here.
    type(page).objects.filter(pk=page.pk).update(title="Nieuwe titel")
    cache.set(pagecache.GENERATION_KEY, "set-by-another-process", None)
    clock.after_the_window()
    response = client.get(page.url)
    assert response["X-Page-Cache"] == "miss" and "Nieuwe titel" in response.text


def test_pages_and_fragments_are_kept_within_bounds_of_their_own():
    pages, fragments = caches["pages"], caches["template_fragments"]
    assert pages.store is not fragments.store
    assert pages.store.max_entries == settings.CACHES["pages"]["OPTIONS"]["MAX_ENTRIES"]
    for n in range(pages.store.max_entries + 5):
        pages.set(f"pagecache:g1:{n}", f"<html>{n}</html>", 60)
    assert len(pages.store.entries) == pages.store.max_entries
    assert fragments.local("pagecache:g1:0") is None and pages.local("pagecache:g1:0") is None
