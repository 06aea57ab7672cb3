"""Anonymous visitors get cached pages; publishing purges them; nothing personal is cached."""

import pytest
from django.contrib.auth.models import User
from wagtail.models import PageViewRestriction

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


# Logged-in visitors: never a stored page, but the parts that are the same for everyone come from
# cached fragments, which publishing, unpublishing, moving and snippet or settings edits refresh.


@pytest.fixture
def admin_client():
    from django.test import Client

    editor = Client(HTTP_HOST="localhost")
    editor.force_login(User.objects.create_superuser("root", "root@example.org", "x" * 12))
    return editor


def logged_in(username, **profile):
    """A browser of its own in which a new account has logged in."""
    from django.test import Client

    browser = Client(HTTP_HOST="localhost")
    user = User.objects.create_user(username, f"{username}@example.org", "x" * 12)
    if profile:
        from learning.models import LearnerProfile

        LearnerProfile.objects.create(user=user, **profile)
    browser.force_login(user)
    return browser


def between(html, start, end):
    return html.split(start, 1)[1].split(end, 1)[0]


def menu(response):
    return between(response.content.decode(), '<nav class="main-menu"', "</nav>")


def footer(response):
    return between(response.content.decode(), '<footer class="site-footer"', "</footer>")


def body(response):
    return between(response.content.decode(), '<main id="main"', "</main>")


def publish_in_admin(admin_client, page, **fields):
    """Edit a standard page in Wagtail's page editor and publish it, as an editor does."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    data = {"title": page.title, "slug": page.slug, "introduction": page.introduction, **fields}
    if data.pop("show_in_menus", page.show_in_menus):
        data["show_in_menus"] = "on"
    form = nested_form_data(
        {**data, "body": streamfield([]), "comments": inline_formset([]), "action-publish": "publish"}
    )
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", form)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_logged_in_visitor_gets_a_pages_body_from_the_cache_until_it_is_published(admin_client):
    from home.models import StandardPage

    page = factories.make_standard_page(introduction="Eerste versie")
    learner = logged_in("learner")
    assert "Eerste versie" in body(learner.get(page.url))
    StandardPage.objects.filter(pk=page.pk).update(introduction="Stil veranderd")  # no signal
    assert "Eerste versie" in body(learner.get(page.url))  # the cached fragment
    publish_in_admin(admin_client, page, introduction="Tweede versie")
    assert "Tweede versie" in body(learner.get(page.url))


def test_the_menu_is_refreshed_for_logged_in_visitors_when_a_page_in_it_is_renamed(admin_client):
    from wagtail.models import Page

    about = factories.make_standard_page(title="Over ons", show_in_menus=True)
    other = factories.make_standard_page(title="Contact")
    learner = logged_in("learner")
    assert "Over ons" in menu(learner.get(other.url))
    Page.objects.filter(pk=about.pk).update(title="Stil hernoemd")  # no signal
    assert "Over ons" in menu(learner.get(other.url))  # the cached fragment
    publish_in_admin(admin_client, about, title="Wie wij zijn")
    assert "Wie wij zijn" in menu(learner.get(other.url))


def test_the_footer_is_refreshed_for_logged_in_visitors_when_the_site_settings_are_edited(admin_client):
    from wagtail.models import Site

    from home.models import SiteSettings

    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.create(site=site, contact_email="oud@example.org")
    page = factories.make_standard_page()
    learner = logged_in("learner")
    assert "oud@example.org" in footer(learner.get(page.url))
    SiteSettings.objects.filter(site=site).update(contact_email="stil@example.org")  # no signal
    assert "oud@example.org" in footer(learner.get(page.url))  # the cached fragment
    response = admin_client.post(
        f"/admin/settings/home/sitesettings/{site.pk}/", {"contact_email": "secretariaat@example.org"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "secretariaat@example.org" in footer(learner.get(page.url))


def test_an_event_is_refreshed_for_logged_in_visitors_when_an_organiser_snippet_is_edited(admin_client):
    organisation = factories.make_organisation(name="NRG")
    event = factories.make_event(factories.make_event_index())
    event.organisers.add(organisation)
    event.save_revision().publish()
    learner = logged_in("learner")
    assert "NRG" in body(learner.get(event.url))
    Organisation.objects.filter(pk=organisation.pk).update(name="Stil hernoemd")  # no signal
    assert "Stil hernoemd" not in body(learner.get(event.url))  # the cached fragment
    response = admin_client.post(
        f"/admin/snippets/home/organisation/edit/{organisation.pk}/",
        {"name": "NRG|PALLAS", "group": "isotope_production", "city": "Petten"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "NRG|PALLAS" in body(learner.get(event.url))


def test_two_logged_in_visitors_never_see_each_others_name_progress_or_form_token():
    import re

    from django.urls import reverse

    from .learning_factories import enrol, make_course

    course = make_course(lessons=3)
    ada = logged_in("ada-isotoop", certificate_name="Ada Isotopenkundige")
    bert = logged_in("bert-straal", certificate_name="Bert Stralingsdeskundige")
    enrol(User.objects.get(username="ada-isotoop"), course).complete_lesson(course.lessons().first())
    page = factories.make_standard_page()
    urls = ["/nl/", page.url, course.url, reverse("learning_dashboard"), reverse("learning_profile")]
    for url in urls:
        # Each in turn fills the shared fragments first, then the other reads them.
        for first, second, own in ((ada, bert, "ada-isotoop"), (bert, ada, "bert-straal")):
            mine, theirs = first.get(url).content.decode(), second.get(url).content.decode()
            other = "bert-straal" if own == "ada-isotoop" else "ada-isotoop"
            assert own not in theirs and other not in mine, url  # usernames and addresses
            tokens = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
            assert tokens.findall(theirs) and not set(tokens.findall(mine)) & set(tokens.findall(theirs)), url
    assert "Ada Isotopenkundige" in ada.get(reverse("learning_profile")).content.decode()
    assert "Ada Isotopenkundige" not in bert.get(reverse("learning_profile")).content.decode()
    ada_course, bert_course = (body(who.get(course.url)) for who in (ada, bert))
    assert "1 van 3 lessen gedaan" in ada_course and "1 van 3" not in bert_course
    assert "Schrijf u in voor deze cursus" in bert_course and "Schrijf u in" not in ada_course


def test_the_cached_language_links_follow_the_address_where_a_language_lacks_the_page():
    page = factories.make_standard_page()  # no English home page: the English link keeps the address
    learner = logged_in("learner")
    first = between(
        learner.get(page.url + "?tag=isotopes").content.decode(), '<nav class="language-switcher"', "</nav>"
    )
    second = between(learner.get(page.url).content.decode(), '<nav class="language-switcher"', "</nav>")
    assert "tag=isotopes" in first and "tag=isotopes" not in second


def test_making_a_page_private_purges_the_cache(client):
    """A page cached while public is never served from the cache once an editor restricts it."""
    page = factories.make_standard_page(title="Wordt besloten")
    client.get(page.url)
    assert cache_state(client, page.url) == "hit"
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url)
    assert response.status_code == 302 and "Wordt besloten" not in response.text
    restriction.delete()
    assert client.get(page.url).status_code == 200


# The page cache's privacy rules, asked of the middleware itself with a view that opts in: whatever
# a page does, these hold.


def opted_in_view(render_form_token=False):
    """A view that lets the page cache keep its page, and counts how often it ran."""
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from cms.pagecache import allow_page_cache

    def view(request):
        view.calls += 1
        token = get_token(request) if render_form_token else ""
        return allow_page_cache(HttpResponse(f"<form>{token}</form>"))

    view.calls = 0
    return view


def through_cache(view, **cookies):
    """The page cache answering one anonymous GET of /nl/formulier/ with ``view`` behind it."""
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    from cms.pagecache import AnonymousPageCacheMiddleware

    request = RequestFactory(HTTP_HOST="localhost").get("/nl/formulier/")
    request.COOKIES.update(cookies)
    request.user = AnonymousUser()
    return AnonymousPageCacheMiddleware(view)(request)


def test_a_page_that_rendered_a_form_token_is_not_stored_and_the_next_request_is_not_a_hit():
    view = opted_in_view(render_form_token=True)
    first, second = through_cache(view), through_cache(view)
    assert first.get("X-Page-Cache") is None and second.get("X-Page-Cache") is None
    assert view.calls == 2  # the second visitor got a page (and a token) of their own


def test_the_same_page_without_a_form_token_is_stored_and_served():
    view = opted_in_view()
    assert through_cache(view).get("X-Page-Cache") == "miss"
    assert through_cache(view).get("X-Page-Cache") == "hit"
    assert view.calls == 1


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_a_visitor_with_a_session_or_messages_cookie_neither_gets_nor_fills_a_stored_page(cookie):
    view = opted_in_view()
    personal = {cookie: "abc"}
    assert through_cache(view, **personal).get("X-Page-Cache") is None  # does not fill it...
    assert through_cache(view).get("X-Page-Cache") == "miss"
    assert through_cache(view, **personal).get("X-Page-Cache") is None  # ...nor get it once filled
    assert view.calls == 3
