"""Committees: seats and balance, admin warnings, action items, KPIs, calendars, members-only minutes."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from icalendar import Calendar
from wagtail.documents.models import Document

from committee.models import (
    KPI,
    ActionItem,
    Decision,
    Measurement,
    Meeting,
    MeetingPaper,
    Membership,
    Person,
)

from .factories import make_committee, publish
from .helpers import main_content

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def seat(
    committee, name, category="academia", group="research", role="member", start=None, end=None, user=None
):
    person = Person.objects.create(name=name, user=user)
    return Membership.objects.create(
        committee=committee,
        person=person,
        role=role,
        seat_category=category,
        stakeholder_group=group,
        term_start=start or TODAY - datetime.timedelta(days=400),
        term_end=end,
    )


@pytest.fixture
def committee():
    return make_committee()


def test_members_by_role_and_the_representation_balance(client, committee):
    seat(committee, "Member A", "academia", "research")
    seat(committee, "Chair B", "societal_partner", "care_provider", role="chair")
    seat(committee, "Member C", "academia", "care_provider")
    seat(committee, "Former D", "industry", "company", end=TODAY - datetime.timedelta(days=1))
    assert [m.person.name for m in committee.memberships()] == ["Chair B", "Member A", "Member C"]
    with translation.override("en"):
        balance = committee.balance()
        categories = [(str(label), n) for label, n in balance["categories"]]
        groups = [(str(label), n) for label, n in balance["groups"]]
    assert categories == [("Academia", 2), ("Societal partner", 1), ("Industry", 0)]
    assert groups == [("Care provider", 2), ("Research", 1)]
    page = main_content(client.get(committee.url))
    assert page.index("Chair B") < page.index("Member A") and "Former D" not in page
    assert '<th scope="row">Industrie</th><td>0</td>' in page


def test_warnings_for_an_unrepresented_category_and_terms_ending_within_three_months(committee):
    seat(committee, "Ends soon", "academia", end=TODAY + datetime.timedelta(days=60))
    seat(committee, "Ends later", "societal_partner", end=TODAY + datetime.timedelta(days=120))
    with translation.override("en"):
        warnings = [str(w) for w in committee.warnings()]
    assert any("industry" in w for w in warnings) and not any("academia" in w for w in warnings)
    assert any("Ends soon" in w for w in warnings) and not any("Ends later" in w for w in warnings)
    action_group = make_committee("action_group", "Actiegroep", "actiegroep", committee.get_parent())
    seat(action_group, "Only academia", "academia")
    assert action_group.warnings() == []  # action groups have no seat categories to fill


def test_the_dashboard_shows_the_warnings_to_moderators(client, committee):
    seat(committee, "Ends soon", "academia", end=TODAY + datetime.timedelta(days=10))
    moderator = User.objects.create_user("mod", "mod@example.org", "x")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    page = client.get("/admin/").content.decode()
    assert "Ends soon" in page and "industrie" in page.lower()


def test_action_items_turn_overdue_after_their_due_date(committee):
    meeting = Meeting.objects.create(
        committee=committee, starts_at=timezone.now(), ends_at=timezone.now() + datetime.timedelta(hours=1)
    )
    due = datetime.date(2026, 6, 30)
    item = ActionItem.objects.create(meeting=meeting, description="Draft the charter", due_date=due)
    assert not item.is_overdue(today=due)
    assert item.is_overdue(today=due + datetime.timedelta(days=1))
    assert str(item.status_label(today=due + datetime.timedelta(days=1))) == "Te laat"
    item.status = "done"
    assert not item.is_overdue(today=due + datetime.timedelta(days=30))


def kpi(committee, baseline, target, *values):
    indicator = KPI.objects.create(
        committee=committee,
        name="Trained",
        unit="professionals",
        baseline=baseline,
        target=target,
        target_date=datetime.date(2030, 12, 31),
    )
    for n, value in enumerate(values):
        Measurement.objects.create(kpi=indicator, measured_on=datetime.date(2025 + n, 1, 1), value=value)
    return KPI.objects.get(pk=indicator.pk)


def test_kpi_progress_against_hand_computed_values(committee):
    assert kpi(committee, 40, 120, 50, 90).progress() == Decimal("62.5")  # (90-40)/(120-40)
    assert kpi(committee, 30, 10, 25).progress() == Decimal("25.0")  # falling target: (25-30)/(10-30)
    assert kpi(committee, 30, 10, 35).progress() == Decimal("0.0")  # worse than the baseline
    assert kpi(committee, 40, 120, 130).progress() == Decimal("100.0")
    assert kpi(committee, 40, 120).progress() == Decimal("0")


def test_the_committee_page_draws_kpis_with_their_numbers(client, committee):
    kpi(committee, 40, 120, 50, 90)
    page = main_content(client.get(committee.url))
    assert "62,5%" in page and 'role="img"' in page and "<polyline" in page
    assert "Van 40 tot 120 professionals" in page


def test_the_meetings_calendar_is_valid_icalendar(client, committee):
    start = timezone.now() + datetime.timedelta(days=10)
    Meeting.objects.create(
        committee=committee,
        kind="quarterly_steering",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        location="Delft",
        online_url="https://meet.example.org/secret",
    )
    response = client.get(committee.url + "ics/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert event["location"] == "Delft" and event.decoded("dtstart") == start.replace(microsecond=0)
    assert b"secret" not in response.content  # the online link is for members only


def minutes(committee, text=b"Minutes: confidential"):
    document = Document.objects.create(title="Notulen", file=ContentFile(text, name="notulen.txt"))
    start = timezone.now() - datetime.timedelta(days=3)
    meeting = Meeting.objects.create(
        committee=committee, starts_at=start, ends_at=start + datetime.timedelta(hours=1), minutes=document
    )
    Decision.objects.create(meeting=meeting, text="Publish the roadmap", public=True)
    Decision.objects.create(meeting=meeting, text="Budget stays internal", public=False)
    ActionItem.objects.create(meeting=meeting, description="Invite industry", due_date=TODAY)
    draft = Document.objects.create(
        title="Concept jaarplan", file=ContentFile(b"Draft plan", name="concept.txt")
    )
    MeetingPaper.objects.create(meeting=meeting, document=draft)
    return document


def test_members_only_area_and_minutes(client, committee):
    document = minutes(committee)
    member = User.objects.create_user("member", "member@example.org", "x")
    seat(committee, "Member", user=member)
    other = make_committee("action_group", "Actiegroep", "actiegroep", committee.get_parent())
    outsider = User.objects.create_user("outsider", "outsider@example.org", "x")
    seat(other, "Outsider", user=outsider)
    area = committee.url + "members/"

    assert "/account/login/" in client.get(area)["Location"]
    assert "/account/login/" in client.get(document.url)["Location"]  # also by the direct URL
    client.force_login(outsider)
    assert client.get(area).status_code == 403
    assert client.get(document.url).status_code == 403
    client.force_login(member)
    page = main_content(client.get(area))
    assert "Invite industry" in page and "Budget stays internal" in page and document.url in page
    assert b"".join(client.get(document.url).streaming_content) == b"Minutes: confidential"
    draft = Document.objects.get(title="Concept jaarplan")
    assert "Concept jaarplan" in page
    assert b"".join(client.get(draft.url).streaming_content) == b"Draft plan"
    client.force_login(outsider)
    assert client.get(draft.url).status_code == 403  # meeting papers are members-only too

    client.logout()
    public = main_content(client.get(committee.url))
    assert "Publish the roadmap" in public and "Budget stays internal" not in public
    assert "Invite industry" not in public and document.url not in public


# Vacancies


def vacancy(committee, deadline, title="Zetel industrie"):
    from committee.models import VacancyPage

    return publish(
        committee,
        VacancyPage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            seat_category="industry",
            description="<p>An open seat.</p>",
            deadline=deadline,
            contact_email="secretaris@example.org",
        ),
    )


APPLICATION = {
    "name": "Dr. I. Industrie",
    "email": "Industrie@Example.org",
    "organisation": "Isotopes BV",
    "motivation": "Twenty years of radiopharmaceutical production.",
}


def test_an_application_is_stored_once_with_a_confirmation_email(client, committee, mailoutbox):
    from committee.models import VacancyApplication

    seat_open = vacancy(committee, TODAY + datetime.timedelta(days=10))
    response = client.post(seat_open.url, APPLICATION)
    assert response.status_code == 302
    again = client.post(seat_open.url, {**APPLICATION, "motivation": "Changed my mind"})
    assert again.status_code == 302
    (application,) = VacancyApplication.objects.all()
    assert application.email == "industrie@example.org" and application.motivation.startswith("Twenty")
    assert len(mailoutbox) == 2 and mailoutbox[0].to == ["industrie@example.org"]
    assert "Zetel industrie" in mailoutbox[0].subject and mailoutbox[0].reply_to == ["secretaris@example.org"]
    assert "Er is niets veranderd" in mailoutbox[1].body  # "we already have your application"


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"name": "  "}, "name"),
        ({"email": "not-an-address"}, "email"),
        ({"motivation": "x" * 3001}, "motivation"),
        ({"organisation": ""}, "organisation"),
    ],
)
def test_a_bad_application_is_refused_on_its_field(client, committee, changes, field):
    from committee.models import VacancyApplication

    seat_open = vacancy(committee, TODAY + datetime.timedelta(days=10))
    response = client.post(seat_open.url, {**APPLICATION, **changes})
    assert response.status_code == 200
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not VacancyApplication.objects.exists()


def test_after_the_deadline_the_vacancy_leaves_the_listings_and_refuses_applications(client, committee):
    from committee.models import VacancyApplication

    open_seat = vacancy(committee, TODAY, "Open zetel")
    closed = vacancy(committee, TODAY - datetime.timedelta(days=1), "Gesloten zetel")
    for listing in (committee.url, committee.get_parent().url):
        page = main_content(client.get(listing))
        assert "Open zetel" in page and "Gesloten zetel" not in page
    page = main_content(client.get(closed.url))
    assert "gesloten" in page and "<form" not in page
    assert client.post(closed.url, APPLICATION).status_code == 410
    assert not VacancyApplication.objects.exists()
    assert 0 < committee.fresh_for() <= 24 * 3600  # the cached listing expires when the open one closes
    assert open_seat.is_open()


@pytest.mark.parametrize("typed", ["45 %", "veertig", "1e999", ""])
def test_a_measurement_that_is_not_a_plain_number_is_refused_on_its_field(committee, typed):
    from wagtail.admin.panels import get_edit_handler

    editor = User.objects.create_superuser("kpi-editor", "kpi@example.org", "x")
    form_class = get_edit_handler(KPI).get_form_class()
    prefix = "measurements"
    data = {
        "committee": committee.pk,
        "name": "Trained",
        "unit": "%",
        "baseline": "10",
        "target": "20",
        "target_date": "2030-01-01",
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
        f"{prefix}-0-measured_on": "2026-01-01",
        f"{prefix}-0-value": typed,
        f"{prefix}-0-ORDER": "1",
    }
    form = form_class(data, instance=KPI(), for_user=editor)
    assert not form.is_valid()
    assert form.formsets[prefix].forms[0].errors["value"]
    assert not KPI.objects.exists()


def test_a_kpi_whose_target_equals_its_baseline_is_refused(committee):
    from django.core.exceptions import ValidationError

    indicator = KPI(
        committee=committee,
        name="Flat",
        unit="%",
        baseline=5,
        target=5,
        target_date=datetime.date(2030, 1, 1),
    )
    with pytest.raises(ValidationError) as refused:
        indicator.full_clean()
    assert "target" in refused.value.message_dict


def test_the_index_lists_upcoming_meetings_and_expires_when_the_first_starts(client, committee):
    start = timezone.now() + datetime.timedelta(hours=5)
    Meeting.objects.create(
        committee=committee,
        kind="quarterly_steering",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        location="Utrecht",
    )
    index = committee.get_parent().specific
    page = main_content(client.get(index.url))
    assert "Kwartaaloverleg stuurgroep, Utrecht" in page and f'href="{committee.url}"' in page
    assert 4 * 3600 < index.fresh_for() <= 5 * 3600
    assert 4 * 3600 < committee.fresh_for() <= 5 * 3600
