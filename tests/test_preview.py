"""Editors and moderators see a page before it goes live: the preview panel, the draft view, the
revision view and a moderator's preview of a page in moderation, for every page type, in Dutch and
English."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from django.utils.html import escape as escaped
from wagtail.models import Page, get_page_models

from committee.models import StateOfTheFieldPage, VacancyPage
from surveys.models import GapSurveyPage, Response

from .admin_forms import edit_form_data
from .factories import (
    dutch_home,
    english_home,
    make_committee,
    make_event,
    make_event_index,
    make_news,
    make_news_index,
    make_organisation_index,
    make_standard_page,
    publish,
    translate,
)
from .helpers import rolled_back
from .learning_factories import make_course
from .survey_factories import make_survey

pytestmark = pytest.mark.django_db

ROLES = {"editor": "Editors", "moderator": "Moderators"}


def every_page_type():
    """A live page of every type, in tree order (parents first)."""
    home = dutch_home()
    course = make_course(lessons=1)
    committee = make_committee()
    news_index = make_news_index()
    event_index = make_event_index()
    return [
        home,
        make_standard_page(),
        news_index,
        make_news(news_index),
        event_index,
        make_event(event_index, registration_enabled=True),
        make_organisation_index(),
        make_survey(),
        course.get_parent().specific,
        course,
        course.get_children().first().specific,
        committee.get_parent().specific,
        committee,
        publish(
            committee,
            VacancyPage(
                title="Zetel industrie",
                slug="zetel",
                seat_category="industry",
                description="<p>Een open zetel.</p>",
                deadline="2099-01-01",
                contact_email="secretaris@example.org",
            ),
        ),
        publish(home, StateOfTheFieldPage(title="Stand van het veld", slug="stand-van-het-veld")),
    ]


def in_english(pages):
    english = [english_home()]
    for page in pages[1:]:
        english.append(translate(page, "en", title=f"{page.title} (EN)").specific)
    return english


def with_draft(page):
    """The page with a newer draft than its live version, whose title says so."""
    page.title = f"{page.title} — draft"
    page.save_revision()
    return page


def account(role):
    user = User.objects.create_user(role, f"{role}@example.org", "Isotopes-for-Everyone-2026")
    user.groups.add(Group.objects.get(name=ROLES[role]))
    return user


@pytest.fixture(scope="module")
def tree(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        dutch = every_page_type()
        pages = [with_draft(page) for page in dutch + in_english(dutch)]
        clients = {}
        for role in ROLES:
            clients[role] = Client(HTTP_HOST="localhost", raise_request_exception=False)
            clients[role].force_login(account(role))
        yield {"pages": pages, "clients": clients}


def failures(client, urls):
    """(url, status, what was wrong) for every URL that does not show the draft."""
    found = []
    for url, title in urls:
        response = client.get(url)
        if response.status_code != 200:
            found.append((url, response.status_code))
        elif title not in response.content.decode():
            found.append((url, "the draft's title is missing"))
    return found


def test_the_tree_holds_every_page_type(tree):
    built = {type(page) for page in tree["pages"]}
    assert built == {model for model in get_page_models() if model is not Page}


@pytest.mark.parametrize("role", ROLES)
def test_the_draft_and_revision_views_show_every_page_type(tree, role):
    urls = []
    for page in tree["pages"]:
        revision = page.get_latest_revision()
        urls.append((reverse("wagtailadmin_pages:view_draft", args=[page.pk]), escaped(page.title)))
        urls.append(
            (reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]), escaped(page.title))
        )
    assert failures(tree["clients"][role], urls) == []


@pytest.mark.parametrize("role", ROLES)
def test_the_preview_panel_shows_every_page_type_as_edited(tree, role):
    client, found = tree["clients"][role], []
    for page in tree["pages"]:
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        title = f"{page.title} (preview)"
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        posted = client.post(url, edit_form_data(edit.context["form"], title=title))
        if not posted.json().get("is_valid"):
            found.append((page, "the edit form's data was refused"))
            continue
        found += failures(client, [(url, escaped(title))])
    assert found == []


def test_a_moderator_previews_a_page_in_moderation(tree):
    editor = User.objects.get(username="editor")
    urls = []
    for page in tree["pages"]:
        workflow_state = page.get_workflow().start(page, editor)
        task = workflow_state.current_task_state.task
        urls.append(
            (reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task.pk]), escaped(page.title))
        )
    assert failures(tree["clients"]["moderator"], urls) == []


def test_a_questionnaire_previews_its_first_step_of_questions_and_stores_nothing(tree):
    survey = next(page for page in tree["pages"] if isinstance(page, GapSurveyPage))
    client = tree["clients"]["editor"]
    before = (Response.objects.count(), dict(client.session))
    draft = reverse("wagtailadmin_pages:view_draft", args=[survey.pk])
    introduction = client.get(draft)
    first_step = client.get(draft + "?mode=first-step")
    assert introduction.status_code == 200 and first_step.status_code == 200
    assert survey.steps[0].value["title"] in first_step.text  # "Your work", with its questions
    assert "Where do you work?" in first_step.text and "Where do you work?" not in introduction.text
    assert (Response.objects.count(), dict(client.session)) == before


def test_the_preview_may_be_framed_by_the_admin_and_by_no_other_site(tree):
    page = tree["pages"][0]
    response = tree["clients"]["editor"].get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert response["X-Frame-Options"] == "SAMEORIGIN"  # the preview panel is a frame of the admin
