"""The demo content command: real content in both languages, and nothing twice."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from wagtail.models import Page

from home.models import EventPage, NewsPage, Organisation

pytestmark = pytest.mark.django_db


def counts():
    return (Page.objects.count(), Organisation.objects.count(), User.objects.count())


def test_running_it_twice_creates_nothing_twice(settings):
    settings.DEBUG = True
    call_command("load_demo_content", stdout=io.StringIO())
    first = counts()
    output = io.StringIO()
    call_command("load_demo_content", stdout=output)
    assert counts() == first
    assert "Pages (nl): 0 created" in output.getvalue()
    assert "Pages (en): 0 created" in output.getvalue()


def test_it_loads_the_seeds_in_dutch_and_english(client):
    call_command("load_demo_content", stdout=io.StringIO())
    symposium = EventPage.objects.get(locale__language_code="en", title__contains="NL-UK Symposium")
    assert [row.activity for row in symposium.programme.all()][:2] == [
        "Welcome and opening remarks",
        "Networking lunch",
    ]
    assert NewsPage.objects.filter(locale__language_code="nl").count() >= 5
    assert NewsPage.objects.filter(locale__language_code="en").count() >= 5
    for page in Page.objects.live().filter(depth__gt=1).specific():
        assert client.get(page.url).status_code == 200, page.url


def test_demo_accounts_exist_only_with_debug_on(settings):
    settings.DEBUG = False
    call_command("load_demo_content", stdout=io.StringIO())
    assert not User.objects.filter(username="admin").exists()
    settings.DEBUG = True
    call_command("load_demo_content", stdout=io.StringIO())
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("nmep-demo-admin")
