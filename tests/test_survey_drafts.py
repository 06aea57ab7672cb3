"""Drafts expire: the purge command removes them, never a submitted response."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from surveys.models import Response

from .survey_factories import make_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def responses():
    survey = make_survey()
    long_ago = timezone.now() - datetime.timedelta(days=1)
    expired = Response.start(survey, "nl")
    Response.objects.filter(pk=expired.pk).update(expires_at=long_ago)
    fresh = Response.start(survey, "nl")
    submitted = Response.start(survey, "nl")
    submitted.submit({}, [], [])
    return expired, fresh, submitted


def test_dry_run_deletes_nothing(responses):
    output = io.StringIO()
    call_command("purge_survey_drafts", "--dry-run", stdout=output)
    assert "1 expired drafts would be deleted" in output.getvalue()
    assert Response.objects.count() == 3


def test_purge_removes_only_expired_drafts(responses):
    expired, fresh, submitted = responses
    call_command("purge_survey_drafts", stdout=io.StringIO())
    assert set(Response.objects.values_list("pk", flat=True)) == {fresh.pk, submitted.pk}


def test_a_purged_draft_cannot_be_resumed(client, responses):
    expired, *_ = responses
    key = expired.resume_key
    call_command("purge_survey_drafts", stdout=io.StringIO())
    page = client.get(expired.survey.url + f"resume/{key}/", follow=True)
    assert "niet meer" in page.content.decode()
