"""The demo committees command: committees of every kind in Dutch and English with seats, meetings, KPIs and
an open seat, a demo member who reads the minutes, and nothing twice."""

import io

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone, translation
from wagtail.documents.models import Document
from wagtail.models import Collection, Page

from committee.models import (
    KPI,
    ActionItem,
    CommitteeIndexPage,
    CommitteePage,
    Decision,
    Measurement,
    Meeting,
    Membership,
    Person,
    VacancyPage,
)

from . import factories
from .helpers import rolled_back

pytestmark = pytest.mark.django_db


def load():
    output = io.StringIO()
    call_command("load_demo_committees", stdout=output)
    return output.getvalue()


def committees(language):
    return CommitteePage.objects.live().filter(locale__language_code=language).order_by("path")


def field_committee():
    return CommitteePage.objects.get(locale__language_code="nl", kind="field_committee")


def counts():
    models = (
        Page,
        Person,
        Membership,
        Meeting,
        Decision,
        ActionItem,
        KPI,
        Measurement,
        Document,
        Collection,
        User,
        EmailAddress,
    )
    return [model.objects.count() for model in models]


@pytest.fixture(scope="class")
def loaded(django_db_setup, django_db_blocker):
    """The site's demo content (organisations, English home) and the demo committees, loaded once for the
    class and rolled back after it."""
    with rolled_back(django_db_blocker), override_settings(DEBUG=True):
        call_command("load_demo_content", stdout=io.StringIO())
        load()
        yield


@pytest.mark.usefixtures("loaded")
@pytest.mark.xdist_group("demo_committees")  # one worker loads the demo once for the class
class TestLoadedDemoCommittees:
    def test_running_it_twice_creates_nothing_twice(self, settings):
        settings.DEBUG = True
        first = counts()
        output = load()
        assert counts() == first
        labels = (
            "Committee index (nl)",
            "Committees (nl)",
            "Vacancies (nl)",
            "People",
            "Memberships",
            "KPIs",
            "Meetings",
            "Committee index (en)",
            "Committees (en)",
            "Vacancies (en)",
            "State of the field page (nl)",
            "State of the field page (en)",
            "Curriculum actions",
            "Home page features",
            "Demo member",
            "Demo secretary",
        )
        for label in labels:
            assert f"{label}: 0 created" in output, label

    def test_the_loop_is_visible_a_state_of_the_field_page_and_a_curriculum_action(self, client):
        from committee.models import CurriculumAction, StateOfTheFieldPage

        pages = StateOfTheFieldPage.objects.live()
        assert {p.locale.language_code for p in pages} == {"nl", "en"}
        for page in pages:
            assert client.get(page.url).status_code == 200
        (action,) = CurriculumAction.objects.all()
        assert action.committee.kind == "action_group" and not action.competency.courses.exists()
        assert action.owner is not None and not action.is_overdue()

    def test_committees_of_every_kind_in_dutch_with_english_translations(self):
        from committee.models import CommitteeKind

        dutch, english = list(committees("nl")), list(committees("en"))
        assert len(dutch) >= 7 and len(english) == len(dutch)
        assert {committee.kind for committee in dutch} == set(CommitteeKind.values)
        index = CommitteeIndexPage.objects.get(locale__language_code="nl")
        assert (index.title, index.slug, index.show_in_menus) == ("Commissies", "commissies", True)
        for committee in dutch:
            assert committee.get_parent().specific == index
            translated = committee.get_translation(english[0].locale)
            assert translated.live and translated.title != committee.title
            assert translated.get_parent().title == "Committees"
            assert translated.kind == committee.kind and translated.assignment

    def test_every_action_group_has_a_domain_and_measured_kpis(self):
        groups = committees("nl").filter(kind="action_group")
        assert groups.count() >= 3
        assert len({group.domain for group in groups}) == groups.count()
        for group in groups:
            assert group.domain and group.annual_plan, group.title
            assert [m.role for m in group.memberships()][:2] == ["leader", "co_leader"], group.title
            kpis = list(group.kpis())
            assert 1 <= len(kpis) <= 3
            for kpi in kpis:
                assert 2 <= kpi.measurements.count() <= 4, kpi.name
                assert 0 < kpi.progress() < 100, kpi.name

    def test_a_kpi_may_aim_below_its_baseline(self):
        falling = [kpi for kpi in KPI.objects.all() if kpi.target < kpi.baseline]
        assert falling and all(kpi.progress() > 0 for kpi in falling)

    def test_the_field_committee_spans_all_three_seat_categories_and_warns_of_a_term_ending_soon(self):
        committee = field_committee()
        members = committee.memberships()
        assert 9 <= len(members) <= 12
        assert {"chair", "secretary"} <= {m.role for m in members}
        assert all(count > 0 for __, count in committee.balance()["categories"])
        with translation.override("en"):
            warnings = [str(w) for w in committee.warnings()]
        assert len(warnings) == 1 and "Rob Hendriks" in warnings[0]

    def test_the_steering_groups_meet_as_the_report_advises(self):
        steering = committees("nl").get(kind="steering_group")
        operational = committees("nl").get(kind="operational_steering_group")
        assert (steering.cadence, operational.cadence) == ("quarterly", "monthly")
        assert [m.role for m in steering.memberships()][0] == "chair"
        assert len(steering.balance()["groups"]) >= 6  # every stakeholder group has a seat
        leaders = {m.person for m in Membership.objects.filter(role="leader")}
        assert leaders <= {m.person for m in operational.memberships()}

    def test_past_and_upcoming_meetings_with_an_overdue_action_item(self):
        now = timezone.now()
        for committee in (field_committee(), committees("nl").get(kind="steering_group")):
            meetings = list(committee.meetings())
            assert any(m.starts_at < now for m in meetings) and any(m.starts_at > now for m in meetings)
            assert Decision.objects.filter(meeting__committee=committee, public=True).exists()
            assert Decision.objects.filter(meeting__committee=committee, public=False).exists()
        assert any(item.is_overdue() for item in ActionItem.objects.all())
        (with_minutes,) = Meeting.objects.filter(minutes__isnull=False)
        assert with_minutes.committee == field_committee() and with_minutes.starts_at < now
        assert with_minutes.minutes.collection.name == "Notulen (besloten)"

    def test_the_minutes_stay_the_committees_once_detached(self, client):
        from committee.models import MeetingDocument

        meeting = Meeting.objects.get(minutes__isnull=False)
        document = meeting.minutes
        assert MeetingDocument.objects.filter(document=document).exists()
        Meeting.objects.filter(pk=meeting.pk).update(minutes=None)  # detached
        client.force_login(User.objects.create_user("learner", "learner@example.org", "x"))
        assert client.get(document.url).status_code == 403  # logged in is not enough
        client.force_login(User.objects.get(username="member"))
        assert client.get(document.url).status_code == 200

    def test_the_home_page_features_an_action_groups_progress_in_both_languages(self, client):
        from home.models import HomePage

        group = committees("nl").get(slug="isotopenvoorziening")
        assert group.kind == "action_group" and group.kpis().exists()
        for home in HomePage.objects.all():
            (block,) = [block for block in home.body if block.block_type == "featured_page"]
            featured = group.get_translation(home.locale)
            assert block.value["page"].pk == featured.pk
            content = client.get(home.url).content.decode()
            card = content.split('class="card feature feature--committee"')[1].split("</section>")[0]
            assert f'href="{featured.url}"' in card and featured.title in card and featured.summary in card
            assert card.count("<progress") == group.kpis().count()
        assert HomePage.objects.count() == 2

    def test_the_industry_seat_is_open_in_both_languages(self):
        index = CommitteeIndexPage.objects.get(locale__language_code="nl")
        (vacancy,) = VacancyPage.objects.filter(locale__language_code="nl")
        assert vacancy in VacancyPage.open_under(index)
        assert vacancy.committee().specific == field_committee()
        assert vacancy.seat_category == "industry" and vacancy.contact_email == "secretariaat@example.org"
        english = VacancyPage.objects.get(locale__language_code="en")
        assert english in VacancyPage.open_under(index.get_translation(english.locale))

    def test_people_are_linked_to_the_directorys_organisations(self):
        assert Person.objects.get(name="ir. Laura Bosman").organisation.name == "PALLAS"
        assert Person.objects.filter(organisation__isnull=False).count() >= Person.objects.count() - 2

    def test_the_demo_member_sits_on_the_field_committee(self):
        member = User.objects.get(username="member")
        assert member.check_password("nmep-demo-member") and member.email == "member@example.org"
        assert EmailAddress.objects.filter(user=member, primary=True, verified=True).exists()
        assert not member.is_staff
        seats = member.committee_person.memberships.current(timezone.localdate())
        assert seats.filter(committee=field_committee()).exists()
        assert field_committee().has_member(member)

    def test_the_demo_secretary_reads_the_applications_for_the_open_seat(self, client):
        secretary = User.objects.get(username="secretary")
        assert secretary.check_password("nmep-demo-secretary") and not secretary.is_staff
        (vacancy,) = VacancyPage.objects.filter(locale__language_code="nl")
        client.post(
            vacancy.url,
            {
                "name": "Dr. K. Andidaat",
                "email": "k@example.org",
                "organisation": "Isotopen BV",
                "motivation": "Twintig jaar.",
            },
        )
        client.force_login(secretary)
        assert "Dr. K. Andidaat" in client.get(field_committee().url + "members/").content.decode()
        client.force_login(User.objects.get(username="member"))
        assert "Dr. K. Andidaat" not in client.get(field_committee().url + "members/").content.decode()

    def test_the_pages_answer_in_both_languages(self, client):
        pages = [
            *CommitteeIndexPage.objects.live(),
            *CommitteePage.objects.live(),
            *VacancyPage.objects.live(),
        ]
        assert len(pages) >= 2 * 8
        for page in pages:
            assert client.get(page.url).status_code == 200, page.url

    def test_the_member_reads_the_members_area_and_the_minutes(self, client):
        client.force_login(User.objects.get(username="member"))
        document = Meeting.objects.get(minutes__isnull=False).minutes
        for committee in field_committee().get_translations(inclusive=True):
            response = client.get(committee.url + "members/")
            assert response.status_code == 200
            assert document.url in response.content.decode()
        text = b"".join(client.get(document.url).streaming_content).decode()
        assert text.startswith("Notulen veldcommissie") and "Besluiten" in text

    def test_the_demo_content_passes_the_editors_validation(self):
        for page in [
            *CommitteeIndexPage.objects.all(),
            *CommitteePage.objects.all(),
            *VacancyPage.objects.all(),
        ]:
            page.full_clean()
        for model in (Membership, Meeting, KPI):
            for row in model.objects.all():
                row.full_clean()


def test_the_demo_member_is_made_only_with_debug_on(settings):
    settings.DEBUG = False
    assert "Demo member: skipped" in load()
    assert not User.objects.filter(username="member").exists()
    assert not Person.objects.filter(user__isnull=False).exists()


def test_english_committees_follow_once_the_home_page_is_translated(settings):
    settings.DEBUG = False
    output = load()
    assert "Committees (en): skipped" in output
    assert "People: 18 created" in output  # also without the directory's organisations
    assert committees("nl").count() == 7 and not committees("en").exists()
    factories.english_home()
    output = load()
    assert "Committees (en): 7 created" in output and "Vacancies (en): 1 created" in output
    assert committees("en").count() == 7
