"""The committees' pages: the index, a committee, an open seat, and the state of the field."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.pagecache import cached_fragment, seconds_until
from home.models import CacheableRoutablePageMixin, SitePage

from .actions import CurriculumAction
from .base import BASIC_TEXT, SEATED_KINDS, ActionDomain, Cadence, CommitteeKind, Role, SeatCategory, by_role
from .kpis import KPI
from .meetings import Decision, Meeting
from .people import Membership, committee_warnings, representation_balance
from .vacancies import VacancyApplication


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
        from ..views import new_curriculum_action

        return new_curriculum_action(request, self, competency_id)

    @path("coverage/", name="coverage")
    def coverage_matrix(self, request):
        from ..views import coverage_matrix

        return coverage_matrix(request, self)

    def fresh_for(self):
        return seconds_until(
            VacancyPage.next_closing(self),
            next_meeting_start(CommitteePage.objects.child_of(self).values("translation_key")),
        )


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
        """Public decisions of meetings that have taken place, latest first (a decision prepared for
        a meeting still ahead is not taken yet)."""
        return (
            Decision.objects.filter(
                meeting__committee__translation_key=self.translation_key,
                meeting__starts_at__lte=timezone.now(),
                public=True,
            )
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
        from ..views import meetings_ics

        return meetings_ics(request, self)

    @path("members/actions/<int:action_id>/close/", name="close_action")
    def close_action(self, request, action_id):
        from ..views import close_curriculum_action

        return close_curriculum_action(request, self, action_id)

    @path("members/", name="members")
    def members_area(self, request):
        from ..views import members_area

        return members_area(request, self)


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
        from ..views import apply_for_vacancy

        return apply_for_vacancy(request, self)


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
        from ..coverage import coverage, latest_survey, sorted_rows

        context = super().get_context(request, *args, **kwargs)
        survey = latest_survey()
        rows = [row for row in sorted_rows(coverage(survey), "gap") if row.gap_future is not None]
        context.update(survey=survey, rows=rows[: self.gaps_shown])
        return context

    def fresh_for(self):
        return 3600  # new answers arrive all the time; an hour old is fresh enough
