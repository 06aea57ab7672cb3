"""Wagtail finds the page for an address: never one that is no longer live or that its visitor may not
see, linked under the site's current host name."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction, Site

from . import factories

pytestmark = pytest.mark.django_db

# A session cookie keeps the page cache out of the way: every request is routed.
SESSION = {"HTTP_COOKIE": "sessionid=no-such-session"}


def test_an_unpublished_page_is_gone_at_once(client):
    page = factories.make_standard_page()
    client.get(page.url, **SESSION)
    Page.objects.filter(pk=page.pk).update(live=False)  # not even a signal
    assert client.get(page.url, **SESSION).status_code == 404


def test_private_pages_and_the_pages_below_them_ask_for_a_login(client):
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


def test_a_site_given_a_new_host_name_links_its_pages_with_it_at_once(client):
    page = factories.make_standard_page(slug="over-ons")
    assert 'href="http://localhost/nl/over-ons/"' in client.get(page.url, **SESSION).text
    site = Site.objects.get(is_default_site=True)
    site.hostname = "nucleaire-geneeskunde.example"
    site.save()
    response = client.get(page.url, **SESSION)
    assert 'rel="canonical" href="http://nucleaire-geneeskunde.example/nl/over-ons/"' in response.text


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
