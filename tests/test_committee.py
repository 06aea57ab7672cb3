"""Committees: seats and balance, admin warnings, action items, KPIs, calendars, members-only minutes."""

import datetime
import re
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


def test_members_are_grouped_under_their_roles_headings(client, committee):
    from committee.models import by_role

    seat(committee, "Member A")
    seat(committee, "Secretary S", role="secretary")
    seat(committee, "Chair B", role="chair")
    seat(committee, "Member C")
    page = main_content(client.get(committee.url))
    order = ['id="role-chair"', "Chair B", 'id="role-secretary"', "Secretary S", 'id="role-member"']
    positions = [page.index(text) for text in [*order, "Member A", "Member C"]]
    assert positions == sorted(positions)
    assert page.count('<h3 id="role-') == 3
    with translation.override("en"):
        headings = [
            (str(heading), [m.person.name for m in rows])
            for heading, rows in by_role(committee.memberships())
        ]
    assert headings == [
        ("Chair", ["Chair B"]),
        ("Secretary", ["Secretary S"]),
        ("Members", ["Member A", "Member C"]),
    ]


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
    indicator = kpi(committee, 40, 120, 50, 90)
    page = main_content(client.get(committee.url))
    assert "62,5%" in page and 'role="img"' in page and "<polyline" in page
    assert "Van 40 tot 120 professionals" in page
    assert f'role="img" aria-labelledby="kpi-{indicator.pk}-summary"' in page
    assert page.count('aria-hidden="true" focusable="false"') == 3  # the legend's samples, hidden
    assert "<td>1 januari 2025</td><td>50</td>" in page  # the values, in a table


def test_the_kpi_chart_has_a_legend_in_words_and_the_dates_of_its_time_axis(committee):
    from django.template.loader import render_to_string

    from committee.charts import PAD_X, WIDTH, kpi_chart

    chart = kpi_chart(kpi(committee, 40, 120, 50, 90))
    assert chart["start_date"] == datetime.date(2025, 1, 1) and chart["target_date"] == datetime.date(
        2030, 12, 31
    )
    assert chart["ticks"] == [PAD_X, WIDTH - PAD_X] and chart["target_x"] == WIDTH - PAD_X
    with translation.override("en"):
        html = render_to_string("committee/includes/kpi.html", {"chart": chart})
    legend = html.split('class="kpi__legend"')[1].split("</p>")[0]
    assert "Target: 120 professionals" in legend and "Baseline: 40 professionals" in legend
    assert "Measurements" in legend
    svg = html.split('class="kpi__chart"')[1].split("</svg>")[0]
    assert ">1 Jan 2025</text>" in svg and ">target date 31 Dec 2030</text>" in svg
    assert f'x="{WIDTH - PAD_X}.0"' in svg and 'text-anchor="end"' in svg


def test_a_measurement_after_the_target_date_widens_the_time_axis(committee):
    from committee.charts import PAD_X, WIDTH, kpi_chart

    indicator = kpi(committee, 40, 120, 50)
    Measurement.objects.create(kpi=indicator, measured_on=datetime.date(2035, 1, 1), value=130)
    chart = kpi_chart(KPI.objects.get(pk=indicator.pk))
    assert chart["points"][-1]["x"] == WIDTH - PAD_X
    assert PAD_X < chart["target_x"] < chart["points"][-1]["x"]  # the target date before the last measurement


def test_the_meetings_calendar_is_valid_icalendar(client, committee):
    start = timezone.now() + datetime.timedelta(days=10)
    Meeting.objects.create(
        committee=committee,
        kind="quarterly_steering",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        location="Delft",
        online_url="https://meet.example.org/secret",
        agenda="<p>Confidential agenda item</p>",
    )
    recent = timezone.now() - datetime.timedelta(days=20)
    Meeting.objects.create(
        committee=committee,
        starts_at=recent,
        ends_at=recent + datetime.timedelta(hours=1),
        location="Nijmegen",
    )
    old = timezone.now() - datetime.timedelta(days=40)
    Meeting.objects.create(
        committee=committee, starts_at=old, ends_at=old + datetime.timedelta(hours=1), location="Petten"
    )
    response = client.get(committee.url + "ics/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode()
    lines = text.splitlines()
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:-//") for line in lines)
    events = Calendar.from_ical(response.content).walk("VEVENT")
    # From a month ago on (the code's intent: a calendar app keeps the recent past), oldest first.
    assert [str(event["location"]) for event in events] == ["Nijmegen", "Delft"]
    assert all("uid" in event and "dtstamp" in event for event in events)
    assert len({str(event["uid"]) for event in events}) == 2
    starts = [line for line in lines if line.startswith("DTSTART")]
    assert len(starts) == 2  # with a time zone, or in UTC
    assert all(re.fullmatch(r"DTSTART(;TZID=[^:]+:\d{8}T\d{6}|:\d{8}T\d{6}Z)", line) for line in starts)
    assert events[1].decoded("dtstart") == start.replace(microsecond=0)
    # Members-only: the online link, the agenda, the minutes.
    assert "secret" not in text and "Confidential agenda" not in text and "/documents/" not in text


def test_a_term_ending_just_within_three_months_warns_and_one_day_later_does_not(committee):
    from committee.models import TERM_ENDING_SOON

    inside = seat(committee, "Inside", "academia", end=TODAY + TERM_ENDING_SOON)
    outside = seat(
        committee, "Outside", "industry", end=TODAY + TERM_ENDING_SOON + datetime.timedelta(days=1)
    )
    seat(committee, "Partner", "societal_partner")
    assert (inside.term_end - TODAY).days == 91  # "within three months": the longest three months
    warnings = " ".join(str(w) for w in committee.warnings())
    assert "Inside" in warnings and "Outside" not in warnings
    assert outside.term_end.strftime("%d-%m-%Y") not in warnings


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
    confirmation, to_the_secretary, again = mailoutbox
    assert confirmation.to == ["industrie@example.org"]
    assert "Zetel industrie" in confirmation.subject and confirmation.reply_to == ["secretaris@example.org"]
    assert "Er is niets veranderd" in again.body  # "we already have your application"
    # The secretary is told once, with where to read it and nothing of what the applicant wrote.
    assert to_the_secretary.to == ["secretaris@example.org"] and "Zetel industrie" in to_the_secretary.subject
    assert committee.url + "members/" in to_the_secretary.body
    assert "Industrie" not in to_the_secretary.body and "Twenty" not in to_the_secretary.body


def test_only_the_secretary_and_the_chair_read_the_applications_in_the_members_area(client, committee):
    from django.contrib.auth.models import User

    seat_open = vacancy(committee, TODAY + datetime.timedelta(days=10))
    client.post(
        seat_open.url, {**APPLICATION, "name": "<b>Dr. I. Industrie</b>", "motivation": "Lijn 1\nLijn 2"}
    )
    other = make_committee("action_group", "Actiegroep", "actiegroep", index=committee.get_parent())
    readers = {}
    for name, role, where in [
        ("secretary", "secretary", committee),
        ("chair", "chair", committee),
        ("member", "member", committee),
        ("elsewhere", "secretary", other),
    ]:
        readers[name] = User.objects.create_user(name, f"{name}@example.org", "x")
        seat(where, name.title(), role=role, user=readers[name])
    for name, sees in [("secretary", True), ("chair", True), ("member", False)]:
        client.force_login(readers[name])
        page = client.get(committee.url + "members/").content.decode()
        assert ("&lt;b&gt;Dr. I. Industrie&lt;/b&gt;" in page) is sees, name
        assert ("Lijn 1<br>Lijn 2" in page) is sees, name
        assert "<b>Dr. I. Industrie</b>" not in page
    client.force_login(readers["elsewhere"])
    assert "Industrie" not in client.get(other.url + "members/").content.decode()
    assert client.get(committee.url + "members/").status_code == 403


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


def test_a_closed_vacancy_leaves_the_sitemap_and_the_site_search(client, committee):
    open_seat = vacancy(committee, TODAY, "Open zetel")
    closed = vacancy(committee, TODAY - datetime.timedelta(days=1), "Gesloten zetel")
    sitemap = client.get("/sitemap.xml").text
    assert open_seat.full_url in sitemap and closed.full_url not in sitemap
    found = main_content(client.get("/nl/search/", {"q": "zetel"}))
    assert "Open zetel" in found and "Gesloten zetel" not in found
    assert client.get(closed.url).status_code == 200  # its address still answers: "closed"


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


# Minutes stay members-only: by their raw file, and once detached from their meeting.


@pytest.fixture
def development_urls():
    """The site's URLs as `make run` serves them: with DEBUG on, cms.urls adds the /media/ route."""
    import importlib

    from django.test import override_settings
    from django.urls import clear_url_caches

    import cms.urls

    with override_settings(DEBUG=True):
        importlib.reload(cms.urls)
        clear_url_caches()
        yield
    importlib.reload(cms.urls)
    clear_url_caches()


def test_in_development_the_raw_file_of_minutes_is_not_served_but_images_are(
    client, committee, development_urls
):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    document = minutes(committee)
    member = User.objects.create_user("member", "member@example.org", "x")
    seat(committee, "Member", user=member)
    raw = document.file.url
    assert raw.startswith("/media/documents/")
    assert client.get(raw).status_code == 404
    assert client.get(raw.replace("/media/", "/media/images/../")).status_code == 404
    image = Image.objects.create(title="Scanner", file=get_test_image_file())
    assert client.get(image.file.url).status_code == 200  # uploaded images are still served
    client.force_login(member)
    assert client.get(raw).status_code == 404
    assert b"".join(client.get(document.url).streaming_content) == b"Minutes: confidential"


def test_detached_minutes_and_papers_stay_for_the_committees_members(client, committee):
    document = minutes(committee)
    draft = Document.objects.get(title="Concept jaarplan")
    public = Document.objects.create(title="Jaarverslag", file=ContentFile(b"Report", name="verslag.txt"))
    meeting = Meeting.objects.get(minutes=document)
    meeting.minutes = Document.objects.create(title="Notulen v2", file=ContentFile(b"v2", name="v2.txt"))
    meeting.save()  # a corrected version replaces the minutes
    MeetingPaper.objects.filter(document=draft).delete()
    member = User.objects.create_user("member", "member@example.org", "x")
    seat(committee, "Member", user=member)
    outsider = User.objects.create_user("outsider", "outsider@example.org", "x")

    for detached in (document, draft):
        assert "/account/login/" in client.get(detached.url)["Location"]
    meeting.delete()
    client.force_login(outsider)
    for detached in (document, draft, meeting.minutes):
        assert client.get(detached.url).status_code == 403
    client.force_login(member)
    assert b"".join(client.get(document.url).streaming_content) == b"Minutes: confidential"
    client.logout()
    assert b"".join(client.get(public.url).streaming_content) == b"Report"  # never handed to a meeting


def test_the_migration_keeps_documents_attached_before_it(committee):
    import importlib

    from django.apps import apps

    from committee.models import MeetingDocument

    document = minutes(committee)
    MeetingDocument.objects.all().delete()  # as before the migration
    importlib.import_module("committee.migrations.0007_meeting_documents").keep_attached_documents(apps, None)
    kept = set(MeetingDocument.objects.values_list("document__title", "committee_key"))
    assert kept == {
        (document.title, committee.translation_key),
        ("Concept jaarplan", committee.translation_key),
    }


def test_a_meeting_paper_is_refused_to_an_anonymous_visitor_by_its_direct_url(client, committee):
    minutes(committee)
    draft = Document.objects.get(title="Concept jaarplan")
    response = client.get(draft.url)
    assert response.status_code == 302 and "/account/login/" in response["Location"]


# KPIs in the editors' admin: a number in the wrong unit is refused on its field.


def kpi_form(committee, unit="%", baseline="10", target="20", values=(), pk=None):
    """What the KPI snippet's create or edit view posts: the KPI and its measurements (inline)."""
    data = {
        "committee": committee.pk,
        "name": "Deliveries on time",
        "unit": unit,
        "baseline": baseline,
        "target": target,
        "target_date": "2030-01-01",
        "measurements-TOTAL_FORMS": str(len(values)),
        "measurements-INITIAL_FORMS": "0",
        "measurements-MIN_NUM_FORMS": "0",
        "measurements-MAX_NUM_FORMS": "1000",
    }
    for n, value in enumerate(values):
        data |= {
            f"measurements-{n}-measured_on": f"2026-0{n + 1}-01",
            f"measurements-{n}-value": value,
            f"measurements-{n}-ORDER": str(n + 1),
            f"measurements-{n}-id": "",
            f"measurements-{n}-DELETE": "",
        }
    return data


@pytest.fixture
def kpi_editor(client):
    from wagtail.users.models import UserProfile

    editor = User.objects.create_superuser("kpi-editor", "kpi@example.org", "x")
    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "en"})
    client.force_login(editor)
    return client


def field_errors(response, name):
    """The error messages the admin shows on one field: those its input is described by."""
    html = response.content.decode()
    described = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*aria-describedby="([^"]+)"', html)
    if described is None:
        return ""
    errors = [i for i in described.group(1).split() if i.endswith("-errors")]
    blocks = [re.search(rf'id="{i}">(.*?)</div>', html, re.S).group(1) for i in errors]
    return " ".join(re.sub(r"<[^>]+>|\s+", " ", block) for block in blocks)


ADD_KPI = "/admin/snippets/committee/kpi/add/"


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"target": "4500"}, "target"),
        ({"baseline": "-5"}, "baseline"),
        ({"values": ["45", "4500"]}, "measurements-1-value"),
    ],
)
def test_a_percentage_kpi_refuses_a_number_outside_0_to_100_in_the_admin(
    kpi_editor, committee, changes, field
):
    response = kpi_editor.post(ADD_KPI, kpi_form(committee, **changes))
    assert response.status_code == 200 and not KPI.objects.exists()
    assert "A value in % lies between 0 and 100." in field_errors(response, field)


def test_a_kpi_in_another_unit_takes_large_numbers_in_the_admin(kpi_editor, committee):
    response = kpi_editor.post(
        ADD_KPI, kpi_form(committee, unit="professionals", target="4500", values=["120"])
    )
    assert response.status_code == 302
    (indicator,) = KPI.objects.all()
    assert indicator.target == 4500 and indicator.measurements.get().value == 120


@pytest.mark.parametrize("typed", ["45 %", "45%", "veertig", "nan"])
def test_editing_a_kpi_a_measurement_typed_with_its_unit_is_refused_naming_the_unit(
    kpi_editor, committee, typed
):
    indicator = kpi(committee, 40, 120, 50)
    indicator.unit = "%"
    indicator.save()
    response = kpi_editor.post(
        f"/admin/snippets/committee/kpi/edit/{indicator.pk}/", kpi_form(committee, values=["30", typed])
    )
    assert response.status_code == 200
    assert "Type a number in %, without the unit." in field_errors(response, "measurements-1-value")
    assert [m.value for m in indicator.measurements.all()] == [50]


def test_a_kpi_baseline_typed_with_its_unit_is_refused_naming_the_unit(kpi_editor, committee):
    response = kpi_editor.post(ADD_KPI, kpi_form(committee, unit="days", baseline="12 days"))
    assert response.status_code == 200 and not KPI.objects.exists()
    assert "Type a number in days, without the unit." in field_errors(response, "baseline")


def test_a_home_page_featuring_a_committee_shows_a_kpi_change_at_once(client, committee):
    from .factories import dutch_home

    indicator = kpi(committee, 40, 120, 50)
    home = dutch_home()
    home.body = [{"type": "featured_page", "value": {"page": committee.pk}}]
    home.save_revision().publish()
    assert "12,5%" in main_content(client.get("/nl/"))
    Measurement.objects.create(kpi=indicator, measured_on=datetime.date(2026, 1, 1), value=90)
    assert "12,5%" in main_content(client.get("/nl/"))  # the anonymous page cache holds the page
    indicator.save()  # as the KPI's admin form saves it with its measurements
    assert "62,5%" in main_content(client.get("/nl/"))
