"""The field committee and its groups: people and seats, meetings with decisions and action items, KPIs.

Committees are pages (public: assignment, members, public decisions, KPI
progress); what belongs to a committee (memberships, meetings, KPIs) is kept
once per committee, not per translation: rows point at the committee's page in
any language and are looked up by its translation key.
"""

import datetime
import itertools
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import npgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.pagecache import cached_fragment, seconds_until
from home.models import CacheableRoutablePageMixin, SitePage, StakeholderGroup, optional_image
from learning.reach import courses_covering

# Bodies whose seats are meant to span academia, societal partners and industry.
SEATED_KINDS = ("field_committee", "steering_group", "operational_steering_group")
TERM_ENDING_SOON = datetime.timedelta(days=91)  # "within three months"
BASIC_TEXT = ["bold", "italic", "ul", "ol", "link"]


class CommitteeKind(models.TextChoices):
    FIELD_COMMITTEE = "field_committee", _("Field committee")
    STEERING_GROUP = "steering_group", _("Steering group")
    OPERATIONAL_STEERING_GROUP = "operational_steering_group", _("Operational steering group")
    ACTION_GROUP = "action_group", _("Action group")
    THEME_GROUP = "theme_group", _("Theme group")


class ActionDomain(models.TextChoices):
    """The six domains of the action plan (seed 002)."""

    GOVERNANCE = "governance", _("Governance")
    REGULATION = "regulation", _("Regulation and reimbursement")
    NEEDS = "needs", _("Needs")
    SERVICES = "services", _("Services")
    INFORMATION = "information", _("Information and data")
    RESEARCH = "research", _("Research, development and innovation")


class Cadence(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    TWICE_A_YEAR = "twice_a_year", _("Twice a year")
    YEARLY = "yearly", _("Yearly")
    AS_NEEDED = "as_needed", _("As needed")


class SeatCategory(models.TextChoices):
    """The three kinds of seat on the field committee (seed 000)."""

    ACADEMIA = "academia", _("Academia")
    SOCIETAL_PARTNER = "societal_partner", _("Societal partner")
    INDUSTRY = "industry", _("Industry")


class Role(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")
    LEADER = "leader", _("Leader")
    CO_LEADER = "co_leader", _("Co-leader")
    SECRETARY = "secretary", _("Secretary")
    MEMBER = "member", _("Member")


# The headings of a committee page's members, one per role: singular for one person, plural for more.
ROLE_HEADINGS = {
    Role.CHAIR: npgettext_lazy("members of a role", "Chair", "Chairs", "count"),
    Role.VICE_CHAIR: npgettext_lazy("members of a role", "Vice-chair", "Vice-chairs", "count"),
    Role.LEADER: npgettext_lazy("members of a role", "Leader", "Leaders", "count"),
    Role.CO_LEADER: npgettext_lazy("members of a role", "Co-leader", "Co-leaders", "count"),
    Role.SECRETARY: npgettext_lazy("members of a role", "Secretary", "Secretaries", "count"),
    Role.MEMBER: npgettext_lazy("members of a role", "Member", "Members", "count"),
}


def by_role(memberships):
    """Memberships (in role order) under their role's heading: [(heading, [membership, ...]), ...]."""
    groups = [(role, list(rows)) for role, rows in itertools.groupby(memberships, key=lambda m: m.role)]
    return [(ROLE_HEADINGS[role] % {"count": len(rows)}, rows) for role, rows in groups]


class Person(index.Indexed, models.Model):
    """Someone who sits on a committee; linked to a platform account for the members-only pages."""

    name = models.CharField(_("name"), max_length=120)
    title = models.CharField(_("title or position"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "home.Organisation", verbose_name=_("organisation"), null=True, blank=True, on_delete=models.SET_NULL
    )
    photo = optional_image(_("photo"))
    bio = models.TextField(_("short biography"), max_length=600, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="committee_person",
        help_text=_("The platform account this person logs in with, for the members-only pages."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("user"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CommitteeIndexPage(CacheableRoutablePageMixin, SitePage):
    """The committees and groups of the field, and their open seats."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = ["committee.CommitteePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("committee index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        committees = CommitteePage.objects.live().public().child_of(self)
        order = list(CommitteeKind.values)
        context["committees"] = sorted(committees, key=lambda c: (order.index(c.kind), c.title))
        context["vacancies"] = VacancyPage.open_under(self)
        keys = {committee.translation_key: committee for committee in committees}
        upcoming = Meeting.objects.filter(starts_at__gte=timezone.now(), committee__translation_key__in=keys)
        context["calendar"] = [
            (meeting, keys[meeting.committee.translation_key])
            for meeting in upcoming.select_related("committee").order_by("starts_at")[:12]
        ]
        return context

    @path("coverage/action/<int:competency_id>/", name="curriculum_action")
    def new_curriculum_action(self, request, competency_id):
        from .views import new_curriculum_action

        return new_curriculum_action(request, self, competency_id)

    @path("coverage/", name="coverage")
    def coverage_matrix(self, request):
        from .views import coverage_matrix

        return coverage_matrix(request, self)

    def fresh_for(self):
        return seconds_until(
            VacancyPage.next_closing(self),
            next_meeting_start(CommitteePage.objects.child_of(self).values("translation_key")),
        )


def is_committee_member(user):
    """Whether ``user`` sits on any committee today."""
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(person__user=user).current(timezone.localdate()).exists()


@register_setting(icon="table")
class CoverageSettings(BaseSiteSetting):
    """When the coverage matrix calls a competency covered rather than weakly covered."""

    min_courses = models.PositiveSmallIntegerField(_("courses needed"), default=2)
    min_completions = models.PositiveIntegerField(_("completions needed"), default=10)

    panels = [FieldRowPanel([FieldPanel("min_courses"), FieldPanel("min_completions")])]

    class Meta:
        verbose_name = _("coverage thresholds")


def next_meeting_start(committee_keys):
    """Upcoming meetings leave the lists when they start: a cached list lasts until then."""
    meeting = (
        Meeting.objects.filter(starts_at__gte=timezone.now(), committee__translation_key__in=committee_keys)
        .order_by("starts_at")
        .first()
    )
    return meeting.starts_at if meeting else None


class CommitteePage(CacheableRoutablePageMixin, SitePage):
    """A committee or group: its assignment (charter), cadence, plans and reports, members and progress."""

    kind = models.CharField(_("kind"), max_length=32, choices=CommitteeKind.choices)
    domain = models.CharField(
        _("action-plan domain"),
        max_length=16,
        choices=ActionDomain.choices,
        blank=True,
        help_text=_("For action groups: the domain of the action plan they work on."),
    )
    summary = models.TextField(_("summary"), max_length=500)
    assignment = RichTextField(
        _("assignment"), features=BASIC_TEXT, help_text=_("Goal and scope: the charter.")
    )
    cadence = models.CharField(_("meets"), max_length=16, choices=Cadence.choices, default=Cadence.QUARTERLY)
    annual_plan = RichTextField(_("annual plan"), features=BASIC_TEXT, blank=True)
    annual_plan_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("annual plan (document)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    annual_report = RichTextField(_("annual report"), features=BASIC_TEXT, blank=True)
    annual_report_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("annual report (document)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("domain"), FieldPanel("cadence")]),
        FieldPanel("summary"),
        FieldPanel("assignment"),
        MultiFieldPanel([FieldPanel("annual_plan"), FieldPanel("annual_plan_document")], _("Annual plan")),
        MultiFieldPanel(
            [FieldPanel("annual_report"), FieldPanel("annual_report_document")], _("Annual report")
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("assignment")]
    parent_page_types = ["committee.CommitteeIndexPage"]
    subpage_types = ["committee.VacancyPage"]

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        permissions = [
            ("view_members_area", _("Can open every committee's members-only pages and minutes")),
            ("view_coverage", _("Can open the coverage matrix of gaps and courses")),
        ]

    def clean(self):
        super().clean()
        if self.domain and self.kind != CommitteeKind.ACTION_GROUP:
            raise ValidationError({"domain": _("Only action groups work on a domain of the action plan.")})

    # What belongs to the committee, whatever the language of the page.

    def memberships(self, on=None):
        """Current memberships (on ``on``, default today), chair first."""
        day = on or timezone.localdate()
        rows = Membership.objects.filter(committee__translation_key=self.translation_key).current(day)
        order = list(Role.values)
        return sorted(
            rows.select_related("person__organisation", "person__photo"),
            key=lambda m: (order.index(m.role), m.person.name),
        )

    def meetings(self):
        return Meeting.objects.filter(committee__translation_key=self.translation_key)

    def curriculum_actions(self):
        return CurriculumAction.objects.filter(
            committee__translation_key=self.translation_key
        ).select_related("competency", "owner", "course")

    def kpis(self):
        return KPI.objects.filter(committee__translation_key=self.translation_key).prefetch_related(
            "measurements"
        )

    def seats_of(self, user):
        """The seats ``user`` holds on this committee (in any of its languages) today."""
        return Membership.objects.filter(
            committee__translation_key=self.translation_key, person__user=user
        ).current(timezone.localdate())

    def has_member(self, user):
        """Whether ``user`` sits on this committee today (staff who may edit committees count too)."""
        if not user.is_authenticated:
            return False
        return user.has_perm("committee.view_members_area") or self.seats_of(user).exists()

    def may_read_applications(self, user):
        """Whether ``user`` reads the applications for this committee's open seats: its secretary or
        chair today, and staff who may read applications in the admin (other members may not)."""
        if not user.is_authenticated:
            return False
        if user.has_perm("committee.view_vacancyapplication"):
            return True
        return self.seats_of(user).filter(role__in=[Role.SECRETARY, Role.CHAIR]).exists()

    def applications(self):
        """Applications for the seats of this committee, in every language it has, newest first."""
        committees = CommitteePage.objects.filter(translation_key=self.translation_key)
        below = Q(pk__in=[])  # nothing, until a translation adds its seats
        for tree_path in committees.values_list("path", flat=True):
            below |= Q(vacancy__path__startswith=tree_path)
        return VacancyApplication.objects.filter(below).select_related("vacancy")

    def balance(self, on=None):
        return representation_balance(self.memberships(on))

    def warnings(self, on=None):
        return committee_warnings(self, on)

    def public_decisions(self):
        return (
            Decision.objects.filter(meeting__committee__translation_key=self.translation_key, public=True)
            .select_related("meeting")
            .order_by("-meeting__starts_at")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Looked up only when the page's body is rendered, not when it comes from the cache.
        members = SimpleLazyObject(self.memberships)
        context.update(
            members=members,
            member_groups=SimpleLazyObject(lambda: by_role(members)),
            balance=SimpleLazyObject(lambda: representation_balance(members)),
            kpis=SimpleLazyObject(lambda: list(self.kpis())),
            decisions=SimpleLazyObject(lambda: list(self.public_decisions()[:10])),
            upcoming=SimpleLazyObject(
                lambda: list(self.meetings().filter(starts_at__gte=timezone.now()).order_by("starts_at")[:5])
            ),
            vacancies=SimpleLazyObject(lambda: list(VacancyPage.open_under(self))),
            seated=self.kind in SEATED_KINDS,
        )
        return context

    # What another page shows when it features this one (home.blocks.FeaturedPageBlock): the
    # assignment in short, the seats and the progress on the KPIs.
    feature_template = "committee/includes/feature.html"

    def feature_context(self):
        members = self.memberships()
        return {
            "committee": self,
            "balance": representation_balance(members),
            "seated": self.kind in SEATED_KINDS,
            "kpis": list(self.kpis()),
        }

    def fresh_for(self):
        return seconds_until(*self.next_changes())

    def next_changes(self):
        """When the page changes by itself: an open vacancy closes, the next meeting starts. Kept in
        the cache with the page's fragments (a meeting or a vacancy saved empties it), and looked up
        again once one of them has passed."""
        moments = cached_fragment(f"committee-changes:{self.pk}", self.look_up_changes)
        if any(moment is not None and moment <= timezone.now() for moment in moments):
            return self.look_up_changes()
        return moments

    def look_up_changes(self):
        return VacancyPage.next_closing(self), next_meeting_start([self.translation_key])

    @path("ics/", name="ics")
    def ics(self, request):
        from .views import meetings_ics

        return meetings_ics(request, self)

    @path("members/actions/<int:action_id>/close/", name="close_action")
    def close_action(self, request, action_id):
        from .views import close_curriculum_action

        return close_curriculum_action(request, self, action_id)

    @path("members/", name="members")
    def members_area(self, request):
        from .views import members_area

        return members_area(request, self)


class MembershipQuerySet(models.QuerySet):
    def current(self, day):
        return self.filter(
            models.Q(term_start__lte=day), models.Q(term_end__isnull=True) | models.Q(term_end__gte=day)
        )


class Membership(models.Model):
    """A seat: who sits on which committee, in what role and category, for which term."""

    committee = models.ForeignKey(
        CommitteePage, verbose_name=_("committee"), on_delete=models.CASCADE, related_name="+"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    seat_category = models.CharField(_("seat category"), max_length=20, choices=SeatCategory.choices)
    stakeholder_group = models.CharField(
        _("stakeholder group"), max_length=32, choices=StakeholderGroup.choices
    )
    term_start = models.DateField(_("term starts"))
    term_end = models.DateField(_("term ends"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()
    wagtail_reference_index_ignore = True

    panels = [
        FieldPanel("committee"),
        FieldPanel("person"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("seat_category"), FieldPanel("stakeholder_group")]),
        FieldRowPanel([FieldPanel("term_start"), FieldPanel("term_end")]),
    ]

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["committee__title", "person__name"]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()}, {self.committee}"

    def clean(self):
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError({"term_end": _("A term cannot end before it starts.")})


def representation_balance(memberships):
    """Seats per category and per stakeholder group: {"categories": [(label, n)], "groups": [(label, n)]}."""
    categories = {value: 0 for value in SeatCategory.values}
    groups = {}
    for membership in memberships:
        categories[membership.seat_category] += 1
        groups[membership.stakeholder_group] = groups.get(membership.stakeholder_group, 0) + 1
    labels = dict(StakeholderGroup.choices)
    return {
        "categories": [(SeatCategory(value).label, count) for value, count in categories.items()],
        "groups": sorted(
            ((labels[g], n) for g, n in groups.items()), key=lambda item: (-item[1], str(item[0]))
        ),
        "total": sum(categories.values()),
    }


def committee_warnings(committee, on=None):
    """What the admin should hear about: unrepresented seat categories, terms ending within three months."""
    day = on or timezone.localdate()
    members = committee.memberships(day)
    warnings = []
    if committee.kind in SEATED_KINDS:
        for label, count in representation_balance(members)["categories"]:
            if count == 0:
                warnings.append(
                    _("%(committee)s has no %(category)s seat.")
                    % {"committee": committee.title, "category": str(label).lower()}
                )
    for membership in members:
        if membership.term_end and membership.term_end <= day + TERM_ENDING_SOON:
            warnings.append(
                _("The term of %(person)s on %(committee)s ends on %(date)s.")
                % {
                    "person": membership.person.name,
                    "committee": committee.title,
                    "date": membership.term_end.strftime("%d-%m-%Y"),
                }
            )
    return warnings


class MeetingKind(models.TextChoices):
    QUARTERLY_STEERING = "quarterly_steering", _("Quarterly steering meeting")
    MONTHLY_OPERATIONAL = "monthly_operational", _("Monthly operational meeting")
    ACTION_GROUP = "action_group", _("Action group meeting")
    COMMITTEE = "committee", _("Committee meeting")
    ROUND_TABLE = "round_table", _("Round table")


class Meeting(ClusterableModel):
    """A meeting with its agenda, minutes (members only), decisions and action items."""

    committee = models.ForeignKey(
        CommitteePage, verbose_name=_("committee"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(
        _("kind"), max_length=24, choices=MeetingKind.choices, default=MeetingKind.COMMITTEE
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True, help_text=_("Shown to members only."))
    agenda = RichTextField(_("agenda"), features=BASIC_TEXT, blank=True)
    minutes = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("minutes"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Upload minutes to a private collection: only the committee's members can open them."),
    )

    wagtail_reference_index_ignore = True
    panels = [
        FieldRowPanel([FieldPanel("committee"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("location"), FieldPanel("online_url")]),
        FieldPanel("agenda"),
        FieldPanel("minutes"),
        InlinePanel("papers", label=_("Meeting papers and drafts (members only)")),
        InlinePanel("decisions", label=_("Decisions")),
        InlinePanel("action_items", label=_("Action items")),
    ]

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]

    def __str__(self):
        return f"{self.committee} {timezone.localtime(self.starts_at):%Y-%m-%d}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A meeting ends after it starts.")})

    def save(self, *args, **kwargs):
        # Runs for every save, the admin's too (its papers are saved with it, by MeetingPaper.save):
        # the minutes stay the committee's when they are replaced or the meeting is deleted.
        super().save(*args, **kwargs)
        MeetingDocument.keep(self.committee, self.minutes_id)


class MeetingPaper(Orderable):
    """A draft or paper for a meeting: like the minutes, for the committee's members only."""

    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    def save(self, *args, **kwargs):
        # Runs when the meeting's papers are saved with it, and for a paper added on its own.
        super().save(*args, **kwargs)
        MeetingDocument.keep(self.meeting.committee, self.document_id)


class MeetingDocument(models.Model):
    """A document once handed to a committee's meeting, as its minutes or a paper. It stays for the
    committee's members after it is detached (a corrected version replaces it, the paper is removed,
    the meeting is deleted): its address is still known to whoever had it, and easily guessed."""

    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    # The committee's translation key, not its page: the record outlives a deleted committee page.
    committee_key = models.UUIDField(db_index=True)

    wagtail_reference_index_ignore = True

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "committee_key"], name="one_record_per_committee")
        ]

    def __str__(self):
        return f"{self.document} ({self.committee_key})"

    @classmethod
    def keep(cls, committee, document_id):
        if document_id:
            cls.objects.get_or_create(document_id=document_id, committee_key=committee.translation_key)


def members_only_committees(document):
    """The translation keys of the committees whose members alone may open ``document``: the meetings
    it is attached to and those it ever was (as minutes or a paper); empty: public."""
    meetings = Meeting.objects.filter(models.Q(minutes=document) | models.Q(papers__document=document))
    attached = meetings.values_list("committee__translation_key", flat=True)
    kept = MeetingDocument.objects.filter(document=document).values_list("committee_key", flat=True)
    return set(attached) | set(kept)


class Decision(Orderable):
    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"), max_length=1000)
    public = models.BooleanField(
        _("public"), default=False, help_text=_("Reported on the committee's public page.")
    )

    panels = [FieldPanel("text"), FieldPanel("public")]


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class Overdue:
    """For actions with a status and a due date: overdue is derived, never stored."""

    def is_overdue(self, today=None):
        return (
            self.status != ActionStatus.DONE
            and self.due_date is not None
            and self.due_date < (today or timezone.localdate())
        )

    def status_label(self, today=None):
        return _("Overdue") if self.is_overdue(today) else self.get_status_display()


class ActionItem(Overdue, Orderable):
    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="action_items")
    description = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(
        Person, verbose_name=_("owner"), null=True, blank=True, on_delete=models.SET_NULL
    )
    due_date = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )

    panels = [
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("owner"), FieldPanel("due_date"), FieldPanel("status")]),
    ]


PERCENT_UNITS = {"%", "percent", "procent", "percentage"}


def is_percentage(unit):
    """Whether a KPI's unit is a percentage ("%", "% on time", "procent")."""
    words = (unit or "").strip().lower().split()
    return bool(words) and (words[0] in PERCENT_UNITS or words[0].startswith("%"))


class NumberInUnit(forms.DecimalField):
    """A KPI's number, refused on its field with the unit named: not a plain number, or a percentage
    outside 0-100 (4500 typed for 45%)."""

    def __init__(self, unit, **kwargs):
        super().__init__(**kwargs)
        self.unit = unit

    @classmethod
    def replacing(cls, field, unit):
        keep = ("max_digits", "decimal_places", "required", "label", "help_text", "widget", "localize")
        return cls(unit, **{name: getattr(field, name) for name in keep})

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError as error:
            raise self.not_a_number() from error

    def validate(self, value):
        try:
            super().validate(value)
        except ValidationError as error:
            if error.code != "invalid":
                raise
            raise self.not_a_number() from error
        if value is not None and is_percentage(self.unit) and not 0 <= value <= 100:
            message = _("A value in %(unit)s lies between 0 and 100.")
            raise ValidationError(message, code="out_of_range", params={"unit": self.unit})

    def not_a_number(self):
        message = _("Type a number in %(unit)s, without the unit.")
        return ValidationError(message, code="invalid", params={"unit": self.unit})


class KPIForm(WagtailAdminModelForm):
    """The editors' KPI form (snippet create and edit): its numbers are read in the KPI's unit."""

    def __init__(self, *args, **kwargs):
        # Runs for the admin's create and edit views, bound or not; the unit is the one typed, if any.
        super().__init__(*args, **kwargs)
        unit = (self.data.get(self.add_prefix("unit"), "") if self.is_bound else self.instance.unit).strip()
        if not unit:
            return  # the unit's own field is refused; the numbers keep Django's messages
        for name in ("baseline", "target"):
            self.fields[name] = NumberInUnit.replacing(self.fields[name], unit)
        for form in self.formsets["measurements"].forms:
            form.fields["value"] = NumberInUnit.replacing(form.fields["value"], unit)


class KPI(ClusterableModel):
    """A SMART goal's indicator: from a baseline towards a target by a date, with dated measurements."""

    base_form_class = KPIForm

    committee = models.ForeignKey(
        CommitteePage, verbose_name=_("committee"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(
        _("unit"), max_length=40, help_text=_("For example: professionals trained, %, days.")
    )
    baseline = models.DecimalField(_("baseline"), max_digits=12, decimal_places=2)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)
    target_date = models.DateField(_("target date"))

    wagtail_reference_index_ignore = True
    panels = [
        FieldRowPanel([FieldPanel("committee"), FieldPanel("name")]),
        FieldRowPanel(
            [FieldPanel("unit"), FieldPanel("baseline"), FieldPanel("target"), FieldPanel("target_date")]
        ),
        InlinePanel("measurements", label=_("Measurements")),
    ]

    class Meta:
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")
        ordering = ["committee__title", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.baseline is not None and self.target is not None and self.baseline == self.target:
            raise ValidationError({"target": _("The target must differ from the baseline.")})

    def latest(self):
        measurements = sorted(self.measurements.all(), key=lambda m: m.measured_on)
        return measurements[-1] if measurements else None

    def progress(self, value=None):
        """Percent of the way from baseline to target (also when the target is below the baseline), 0-100."""
        if value is None:
            latest = self.latest()
            if latest is None:
                return Decimal(0)
            value = latest.value
        share = (Decimal(value) - self.baseline) / (self.target - self.baseline) * 100
        return max(Decimal(0), min(Decimal(100), share)).quantize(Decimal("0.1"))


class Measurement(Orderable):
    kpi = ParentalKey(KPI, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField(_("date"))
    value = models.DecimalField(
        _("value"),
        max_digits=12,
        decimal_places=2,
        help_text=_("A number, in the KPI's unit (no unit sign)."),
    )

    panels = [FieldRowPanel([FieldPanel("measured_on"), FieldPanel("value")])]

    class Meta(Orderable.Meta):
        verbose_name = _("measurement")


class VacancyPage(CacheableRoutablePageMixin, SitePage):
    """An open seat: what it asks, until when, and a short application form for the secretary."""

    seat_category = models.CharField(_("seat category"), max_length=20, choices=SeatCategory.choices)
    description = RichTextField(_("description"), features=BASIC_TEXT)
    deadline = models.DateField(
        _("deadline"), help_text=_("The last day to apply; the vacancy closes after it.")
    )
    how_to_apply = models.TextField(
        _("how to apply"),
        max_length=1000,
        blank=True,
        help_text=_("Shown above the form, e.g. what to mention in the motivation."),
    )
    contact_email = models.EmailField(
        _("secretary's e-mail"), blank=True, help_text=_("Replies to applicants go here.")
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("seat_category"), FieldPanel("deadline")]),
        FieldPanel("description"),
        FieldPanel("how_to_apply"),
        FieldPanel("contact_email"),
    ]
    search_fields = Page.search_fields + [index.SearchField("description")]
    parent_page_types = ["committee.CommitteePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")

    @classmethod
    def open_under(cls, page, today=None):
        today = today or timezone.localdate()
        return (
            cls.objects.live().public().descendant_of(page).filter(deadline__gte=today).order_by("deadline")
        )

    @classmethod
    def next_closing(cls, page):
        """A listing changes by itself at the first midnight after an open vacancy's deadline."""
        vacancy = cls.open_under(page).first()
        if vacancy is None:
            return None
        return timezone.make_aware(
            datetime.datetime.combine(vacancy.deadline + datetime.timedelta(days=1), datetime.time())
        )

    def is_open(self, today=None):
        return self.deadline >= (today or timezone.localdate())

    @classmethod
    def closed(cls, today=None):
        return cls.objects.filter(deadline__lt=today or timezone.localdate())

    def get_sitemap_urls(self, request=None):
        # Runs for every page of the sitemap: a closed vacancy leaves it as it leaves the listings.
        return super().get_sitemap_urls(request) if self.is_open() else []

    def fresh_for(self):
        return seconds_until(VacancyPage.next_closing(self))

    def committee(self):
        return CommitteePage.objects.get(path=self.path[: -self.steplen])

    @path("", name="apply")
    def apply(self, request):
        from .views import apply_for_vacancy

        return apply_for_vacancy(request, self)


class VacancyApplication(models.Model):
    """An application for an open seat, kept for the committee's secretary."""

    vacancy = models.ForeignKey(
        VacancyPage, verbose_name=_("vacancy"), on_delete=models.CASCADE, related_name="applications"
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail address"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200)
    motivation = models.TextField(_("motivation"), max_length=3000)
    language = models.CharField(max_length=8, default="nl")
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["vacancy", "email"], name="one_application_per_address")
        ]

    def __str__(self):
        return f"{self.name} – {self.vacancy}"


class CurriculumAction(Overdue, models.Model):
    """A curriculum priority taken on by an action group: make a course for a competency that has none."""

    committee = models.ForeignKey(
        CommitteePage, verbose_name=_("action group"), on_delete=models.CASCADE, related_name="+"
    )
    competency = models.ForeignKey(
        "home.Competency", verbose_name=_("competency"), on_delete=models.CASCADE, related_name="+"
    )
    description = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(
        Person, verbose_name=_("owner"), null=True, blank=True, on_delete=models.SET_NULL
    )
    due_date = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=16, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    course = models.ForeignKey(
        "learning.CoursePage",
        verbose_name=_("course that answers it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    wagtail_reference_index_ignore = True
    panels = [
        FieldRowPanel([FieldPanel("committee"), FieldPanel("competency")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("owner"), FieldPanel("due_date"), FieldPanel("status")]),
        FieldPanel("course"),
    ]

    class Meta:
        verbose_name = _("curriculum action")
        verbose_name_plural = _("curriculum actions")
        ordering = ["due_date"]

    def __str__(self):
        return self.description

    def start(self):
        """In progress: the action group works on it. False when it was not open (in progress or done
        already), which stays as it is."""
        if self.status != ActionStatus.OPEN:
            return False
        self.status = ActionStatus.IN_PROGRESS
        self.save(update_fields=["status"])
        return True

    def close_with(self, course):
        """Done: a course that covers the competency is published."""
        if not courses_covering([self.competency_id], language=None).filter(pk=course.pk).exists():
            raise ValidationError(_("Choose a published course that covers this competency."))
        self.course, self.status = course, ActionStatus.DONE
        self.save(update_fields=["course", "status"])


class StateOfTheFieldPage(SitePage):
    """The field's own analysis, in public: the largest gaps of the latest questionnaire and the courses
    that answer them (figures resting on too few respondents are withheld)."""

    introduction = RichTextField(_("introduction"), features=BASIC_TEXT, blank=True)
    gaps_shown = models.PositiveSmallIntegerField(
        _("gaps shown"), default=10, validators=[MinValueValidator(3), MaxValueValidator(40)]
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("gaps_shown")]
    subpage_types = []

    class Meta:
        verbose_name = _("state of the field page")

    def get_context(self, request, *args, **kwargs):
        from .coverage import coverage, latest_survey, sorted_rows

        context = super().get_context(request, *args, **kwargs)
        survey = latest_survey()
        rows = [row for row in sorted_rows(coverage(survey), "gap") if row.gap_future is not None]
        context.update(survey=survey, rows=rows[: self.gaps_shown])
        return context

    def fresh_for(self):
        return 3600  # new answers arrive all the time; an hour old is fresh enough
