"""Checks across fields, each with its message on the field concerned: in the page editor when an editor
submits a page for moderation, and when a moderator approves it."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from committee.models import Decision, Meeting

from .admin_forms import edit_form_data
from .factories import make_committee
from .helpers import main_content
from .survey_factories import make_survey

pytestmark = pytest.mark.django_db

# The admin speaks the site's default language, as the messages' catalogue has them.
STEP_FOR_SOME = gettext_lazy(
    "The step “%(step)s” is shown to some stakeholder groups only: ask the profile step, which asks for "
    "the group, or show the step to everyone."
)
CLOSES_FIRST = gettext_lazy("The questionnaire must close after it opens.")
OPENS = "2027-03-01 09:00"
CLOSES_BEFORE = "2027-02-01 09:00"


def signed_in(role, group):
    user = User.objects.create_user(role, f"{role}@example.org", "Isotopes-for-Everyone-2026")
    user.groups.add(Group.objects.get(name=group))
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


@pytest.fixture
def editor():
    return signed_in("editor", "Editors")


@pytest.fixture
def moderator():
    return signed_in("moderator", "Moderators")


def submitted(client, page, action, **changes):
    """The page editor's answer to ``action`` with the page's own data and ``changes``."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = client.get(url).context["form"]
    return client.post(url, {**edit_form_data(form, **changes), **action})


SUBMIT = {"action-submit": "submit"}
APPROVE = {"action-workflow-action": "true", "workflow-action-name": "approve"}


def field_errors(response, name):
    return [str(error) for error in response.context["form"].errors.get(name, [])]


def test_a_questionnaire_that_closes_before_it_opens_is_refused_on_its_closing_date(editor):
    survey = make_survey()
    response = submitted(editor, survey, SUBMIT, opens_at=OPENS, closes_at=CLOSES_BEFORE)
    assert response.status_code == 200
    assert field_errors(response, "closes_at") == [str(CLOSES_FIRST)]
    assert survey.workflow_states.count() == 0  # nothing went to moderation


def test_a_moderator_cannot_approve_a_questionnaire_that_closes_before_it_opens(editor, moderator):
    survey = make_survey()
    assert submitted(editor, survey, SUBMIT).status_code == 302  # in moderation, as it was
    response = submitted(moderator, survey, APPROVE, opens_at=OPENS, closes_at=CLOSES_BEFORE)
    assert field_errors(response, "closes_at") == [str(CLOSES_FIRST)]
    survey.refresh_from_db()
    assert survey.closes_at > survey.opens_at and survey.current_workflow_state is not None


def test_a_step_for_some_groups_needs_the_profile_step_that_asks_the_group(editor, moderator):
    survey = make_survey()  # its second step, "Industry", is shown to companies only
    response = submitted(editor, survey, SUBMIT, include_profile="")
    assert field_errors(response, "include_profile") == [str(STEP_FOR_SOME) % {"step": "Industry"}]
    assert submitted(editor, survey, SUBMIT).status_code == 302
    response = submitted(moderator, survey, APPROVE, include_profile="")
    assert field_errors(response, "include_profile") == [str(STEP_FOR_SOME) % {"step": "Industry"}]


def test_a_decision_of_a_meeting_still_ahead_is_not_listed_as_a_public_decision(client):
    committee = make_committee()
    now = timezone.now()
    for days, text in ((-7, "Taken last week"), (7, "Prepared for next week")):
        start = now + datetime.timedelta(days=days)
        meeting = Meeting.objects.create(
            committee=committee,
            kind="committee",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
        )
        Decision.objects.create(meeting=meeting, text=text, public=True)
    shown = main_content(client.get(committee.url))
    assert "Taken last week" in shown and "Prepared for next week" not in shown
