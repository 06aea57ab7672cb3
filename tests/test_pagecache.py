"""Anonymous visitors get cached pages; publishing purges them; nothing personal is cached."""

import pytest
from django.contrib.auth.models import User

from home.models import Organisation

from . import factories

pytestmark = pytest.mark.django_db


def cache_state(client, url, **extra):
    return client.get(url, **extra).get("X-Page-Cache")


def test_an_anonymous_page_is_served_from_the_cache_the_second_time(client):
    page = factories.make_standard_page()
    assert cache_state(client, page.url) == "miss"
    assert cache_state(client, page.url) == "hit"


def test_publishing_purges_the_cache(client):
    page = factories.make_standard_page(title="Oude titel")
    client.get(page.url)
    page.title = "Nieuwe titel"
    page.save_revision().publish()
    response = client.get(page.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Nieuwe titel" in response.text


def test_unpublishing_purges_the_cache(client):
    page = factories.make_standard_page()
    client.get(page.url)
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_moving_a_page_purges_the_cache(client):
    first = factories.make_standard_page(show_in_menus=True, title="Eerste")
    second = factories.make_standard_page(show_in_menus=True, title="Tweede")
    client.get("/nl/")
    second.move(first, pos="last-child")
    response = client.get("/nl/")
    assert response["X-Page-Cache"] == "miss"


def test_changing_a_snippet_a_page_shows_purges_the_cache(client):
    index = factories.make_organisation_index()
    organisation = factories.make_organisation(name="NRG")
    client.get(index.url)
    Organisation.objects.filter(pk=organisation.pk).update(name="NRG|PALLAS")
    assert cache_state(client, index.url) == "hit"  # a bulk update sends no signal...
    organisation.refresh_from_db()
    organisation.save()  # ...an edit in the admin does
    assert "NRG|PALLAS" in client.get(index.url).text


def test_logged_in_visitors_never_get_or_fill_the_cache(client):
    page = factories.make_standard_page()
    client.force_login(User.objects.create_user("learner", password="x" * 12))
    assert cache_state(client, page.url) is None
    assert cache_state(client, page.url) is None
    client.logout()
    assert cache_state(client, page.url) == "miss"


def test_a_page_with_a_form_token_is_never_cached(client):
    event = factories.make_event(factories.make_event_index(), registration_enabled=True)
    register_url = event.url + "register/"
    first = client.get(register_url)
    second = client.get(register_url)
    assert "csrfmiddlewaretoken" in first.text
    assert first.get("X-Page-Cache") is None and second.get("X-Page-Cache") is None


def test_pages_are_cached_per_language(client):
    dutch = factories.make_standard_page(title="Over ons")
    factories.english_home()
    english = factories.translate(dutch, "en", title="About us", slug="about-us")
    client.get(dutch.url)
    assert "About us" in client.get(english.url).text
    assert "Over ons" in client.get(dutch.url).text


def test_an_event_page_is_cached_no_longer_than_until_registration_closes(client, settings):
    import datetime
    from unittest import mock

    from django.core.cache import cache
    from django.utils import timezone

    settings.PAGE_CACHE_SECONDS = 600
    event = factories.make_event(
        factories.make_event_index(),
        registration_enabled=True,
        registration_deadline=timezone.now() + datetime.timedelta(seconds=30),
    )
    assert 25 <= event.fresh_for() <= 30
    with mock.patch.object(cache, "set", wraps=cache.set) as spy:
        assert client.get(event.url)["X-Page-Cache"] == "miss"
    [page_timeout] = [c.args[2] for c in spy.call_args_list if c.args[0].startswith("pagecache:")]
    assert 0 < page_timeout <= 30
