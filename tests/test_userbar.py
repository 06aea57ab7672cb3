"""Wagtail's user bar: shown to accounts that may open the admin, without asking for their rights
on every page (home.templatetags.navigation.userbar)."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from . import factories
from .learning_factories import make_learner

pytestmark = pytest.mark.django_db

USERBAR = "wagtail-userbar"
KEPT = "may-open-admin:{}"


@pytest.fixture
def editor():
    user = User.objects.create_user("redacteur", "redacteur@example.org", "Isotopes-for-Everyone-2026")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_the_user_bar_is_shown_to_editors_and_not_to_learners(client, editor):
    factories.dutch_home()
    client.force_login(editor)
    assert USERBAR in client.get("/nl/").content.decode()
    client.force_login(make_learner())
    assert USERBAR not in client.get("/nl/").content.decode()


def test_a_learners_pages_do_not_ask_for_their_rights_once_known(client):
    factories.dutch_home()
    client.force_login(make_learner())
    client.get("/nl/")
    with CaptureQueriesContext(connection) as captured:
        client.get("/nl/")
    assert not [query for query in captured if "auth_permission" in query["sql"]]


def test_a_right_taken_away_leaves_the_bar_at_once(client, editor):
    factories.dutch_home()
    client.force_login(editor)
    assert USERBAR in client.get("/nl/").content.decode()
    editor.groups.clear()
    assert USERBAR not in client.get("/nl/").content.decode()  # Wagtail asks again before drawing it


def test_a_right_given_shows_the_bar_once_the_kept_answer_expires(client):
    factories.dutch_home()
    learner = make_learner()
    client.force_login(learner)
    assert USERBAR not in client.get("/nl/").content.decode()
    learner.groups.add(Group.objects.get(name="Editors"))
    assert USERBAR not in client.get("/nl/").content.decode()  # kept: no query for their rights
    cache.delete(KEPT.format(learner.pk))  # what the cache does once USERBAR_SECONDS have passed
    assert USERBAR in client.get("/nl/").content.decode()
