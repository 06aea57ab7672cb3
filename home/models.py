"""The public site: home, programme pages, news, events, the organisations directory,
site settings and the newsletter."""

import secrets
import zoneinfo
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.paginator import Paginator
from django.db import models, transaction
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.calendars import ics_response, new_calendar
from cms.pagecache import allow_page_cache, purge, seconds_until

from .blocks import RICH_TEXT_FEATURES, BodyBlock, HomeBodyBlock, ObjectiveBlock


class Record(models.Model):
    """Something people leave on the site (a registration, an answer): data, not content.

    Such rows point at pages, but Wagtail's reference index, which would be
    rewritten on every save, has no business with them.
    """

    wagtail_reference_index_ignore = True

    class Meta:
        abstract = True


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Give a time zone such as Europe/Amsterdam or Europe/London."))


def optional_image(verbose_name):
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class StakeholderGroup(models.TextChoices):
    """The six stakeholder groups of the field (seed 002), and education."""

    GOVERNMENT = "government", _("Government")
    CARE_PROVIDER = "care_provider", _("Care provider")
    RESEARCH = "research", _("Research")
    ISOTOPE_PRODUCTION = "isotope_production", _("Isotope production")
    PATIENT_ORGANISATION = "patient_organisation", _("Patient organisation")
    COMPANY = "company", _("Company")
    EDUCATION = "education", _("Education")


class Profession(models.TextChoices):
    """The professions of the field (NVNG membership categories and beyond)."""

    NUCLEAR_MEDICINE_PHYSICIAN = "nuclear_medicine_physician", _("Nuclear medicine physician")
    NUCLEAR_RADIOLOGIST = "nuclear_radiologist", _("Nuclear radiologist")
    CLINICAL_PHYSICIST = "clinical_physicist", _("Clinical physicist")
    RADIOCHEMIST = "radiochemist", _("Radiochemist")
    HOSPITAL_PHARMACIST = "hospital_pharmacist", _("Hospital pharmacist")
    TECHNOLOGIST = "technologist", _("Nuclear medicine technologist")
    RESIDENT = "resident", _("Resident")
    RESEARCHER = "researcher", _("Researcher")
    INDUSTRY_PROFESSIONAL = "industry_professional", _("Industry professional")
    OTHER = "other", _("Other")


class ProficiencyLevel(models.IntegerChoices):
    """The named scale on which knowledge and skills are rated, surveys and courses alike."""

    NONE = 0, _("None")
    AWARENESS = 1, _("Awareness")
    WORKING_KNOWLEDGE = 2, _("Working knowledge")
    PROFICIENT = 3, _("Proficient")
    EXPERT = 4, _("Expert")


class Bilingual:
    """Fields kept as ``<name>_nl`` and ``<name>_en``, read in the visitor's language."""

    def in_language(self, field):
        language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        return getattr(self, f"{field}_{language}", "") or getattr(self, f"{field}_nl")


class CompetencyDomain(Bilingual, ClusterableModel):
    """A domain of the competency framework, with its ordered competencies.

    The framework is shared by the whole platform: survey questions rate its
    competencies, courses say which ones they cover, certificates list them.
    """

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_nl = models.TextField(_("description (Dutch)"), blank=True, max_length=2000)
    description_en = models.TextField(_("description (English)"), blank=True, max_length=2000)
    sort_order = models.PositiveIntegerField(_("position"), default=0)

    panels = [
        FieldPanel("code"),
        FieldRowPanel([FieldPanel("name_nl"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("description_nl"), FieldPanel("description_en")]),
        FieldPanel("sort_order"),
        InlinePanel("competencies", label=_("Competencies")),
    ]

    class Meta:
        verbose_name = _("competency domain")
        verbose_name_plural = _("competency domains")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.in_language("name")

    @property
    def description(self):
        return self.in_language("description")


class Competency(Bilingual, Orderable):
    """One competency of the framework, in the order its domain lists them."""

    domain = ParentalKey(CompetencyDomain, related_name="competencies", on_delete=models.CASCADE)
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_nl = models.TextField(_("description (Dutch)"), blank=True, max_length=2000)
    description_en = models.TextField(_("description (English)"), blank=True, max_length=2000)

    panels = [
        FieldPanel("code"),
        FieldRowPanel([FieldPanel("name_nl"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("description_nl"), FieldPanel("description_en")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.in_language("name")

    @property
    def description(self):
        return self.in_language("description")

    @classmethod
    def framework(cls):
        """Every competency with its domain, in the framework's order (one query)."""
        return cls.objects.select_related("domain").order_by("domain__sort_order", "domain_id", "sort_order")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Footer contact details and the programme's social media links."""

    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    address = models.TextField(_("postal address"), blank=True, max_length=500)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    bluesky_url = models.URLField(_("Bluesky"), blank=True)
    mastodon_url = models.URLField(_("Mastodon"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("address")], _("Contact")),
        MultiFieldPanel(
            [
                FieldPanel("linkedin_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("mastodon_url"),
                FieldPanel("youtube_url"),
            ],
            _("Social media"),
        ),
        FieldPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("site settings")

    def social_links(self):
        links = [
            ("LinkedIn", self.linkedin_url),
            ("Bluesky", self.bluesky_url),
            ("Mastodon", self.mastodon_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in links if url]


class SitePage(Page):
    """What every page of the site shares: a social-media image and a cacheable response."""

    social_image = optional_image(_("social media image"))

    promote_panels = Page.promote_panels + [FieldPanel("social_image")]

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        """What search engines and link previews show: the promote tab's description, else the
        page's introduction or summary, shortened (a page type without either has none)."""
        text = getattr(self, "introduction", "") or getattr(self, "summary", "")
        return self.search_description or Truncator(text).chars(160)

    def serve(self, request, *args, **kwargs):
        # Runs for the page's own URL; the same page is shown to every anonymous
        # visitor, so the page cache may keep it (it refuses pages with forms).
        # fresh_for is asked only then: a logged-in visitor's page is never stored.
        return allow_page_cache(super().serve(request, *args, **kwargs), self.fresh_for)

    def fresh_for(self):
        """Seconds until this page changes by itself (None: only when edited)."""
        return None

    def cache_seconds(self):
        """How long a cached fragment of this page stays right: until the page changes by itself,
        at most PAGE_CACHE_SECONDS (publishing empties the cache sooner)."""
        return min(self.fresh_for() or settings.PAGE_CACHE_SECONDS, settings.PAGE_CACHE_SECONDS)


class CacheableRoutablePageMixin(RoutablePageMixin):
    """Routable pages whose own URL may be cached like any other page."""

    @path("")
    def index_route(self, request, *args, **kwargs):
        # Runs for the page's own URL (its other routes decide for themselves).
        return allow_page_cache(super().index_route(request, *args, **kwargs), self.fresh_for)


def published_news(locale):
    return NewsPage.objects.live().public().filter(locale=locale).order_by("-date", "-pk")


def upcoming_events(locale):
    return (
        EventPage.objects.live()
        .public()
        .filter(locale=locale, end__gte=timezone.now())
        .order_by("start", "pk")
    )


class HomePage(SitePage):
    """The front door: the programme's mission, its objectives, news and events."""

    hero_title = models.CharField(_("hero title"), max_length=200)
    hero_text = models.TextField(_("hero text"), blank=True, max_length=600)
    hero_image = optional_image(_("hero image"))
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero button leads to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_label = models.CharField(_("hero button label"), max_length=60, blank=True)
    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    objectives = StreamField([("objective", ObjectiveBlock())], verbose_name=_("objectives"), blank=True)
    body = StreamField(HomeBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldRowPanel([FieldPanel("hero_link"), FieldPanel("hero_link_label")]),
            ],
            _("Hero"),
        ),
        FieldPanel("introduction"),
        FieldPanel("objectives"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("hero_text"),
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Looked up only when the page's body is rendered, not when it comes from the cache.
        context["latest_news"] = SimpleLazyObject(lambda: list(published_news(self.locale_id)[:3]))
        context["upcoming_events"] = SimpleLazyObject(lambda: list(upcoming_events(self.locale_id)[:3]))
        return context


class StandardPage(SitePage):
    """A programme page: about, an objective, partners, contact."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=1000)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")


class NewsIndexPage(CacheableRoutablePageMixin, SitePage):
    """The news listing, paginated, filterable by tag, with RSS and Atom feeds."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = ["home.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index page")

    def news(self, tag=None):
        items = published_news(self.locale_id).child_of(self)
        if tag:
            items = items.filter(tags__slug=tag)
        return items

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tag = request.GET.get("tag", "")[:100]
        number = request.GET.get("page", "")[:20]
        # Looked up only when the listing is not in the fragment cache (keyed on tag and number).
        context["items"] = SimpleLazyObject(
            lambda: Paginator(self.news(tag), settings.NEWS_PER_PAGE).get_page(number)
        )
        context["tag"] = tag
        context["number"] = number
        context["tags"] = SimpleLazyObject(lambda: list(NewsPageTag.tags_in_use(self)))
        # The feeds are linked twice each (head and page): their addresses are worked out once.
        address = self.get_url(request)
        context["feed_urls"] = {feed: address + self.reverse_subpage(feed) for feed in ("rss", "atom")}
        return context

    @path("feed/", name="rss")
    def rss_feed(self, request):
        from .feeds import NewsRssFeed

        return allow_page_cache(NewsRssFeed()(request, index=self))

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        from .feeds import NewsAtomFeed

        return allow_page_cache(NewsAtomFeed()(request, index=self))


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("home.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)

    @classmethod
    def tags_in_use(cls, index_page):
        """The tags of the live news under one index, for the filter links."""
        from taggit.models import Tag

        news = published_news(index_page.locale_id).child_of(index_page)
        return Tag.objects.filter(home_newspagetag_items__content_object__in=news).distinct().order_by("name")


class NewsPage(SitePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    author = models.CharField(_("author"), max_length=200, blank=True)
    introduction = models.TextField(_("introduction"), max_length=1000)
    image = optional_image(_("image"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("date"),
    ]
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")


class EventIndexPage(SitePage):
    """Upcoming events first, past events below."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = ["home.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.live().public().child_of(self)
        now = timezone.now()
        context["upcoming"] = events.filter(end__gte=now).order_by("start", "pk")
        context["past"] = events.filter(end__lt=now).order_by("-start", "-pk")[:50]
        return context


class EventPage(CacheableRoutablePageMixin, SitePage):
    """A symposium or meeting: when and where, its programme, and registration."""

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Amsterdam",
        validators=[validate_time_zone],
        help_text=_("Where the event takes place; its times are shown in this time zone."),
    )
    venue = models.CharField(_("venue"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    introduction = models.TextField(_("introduction"), max_length=1000)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    organisers = ParentalManyToManyField(
        "home.Organisation", verbose_name=_("organisers"), blank=True, related_name="events"
    )
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    registration_enabled = models.BooleanField(_("registration on this site"), default=False)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end"), FieldPanel("time_zone")]),
        FieldRowPanel([FieldPanel("venue"), FieldPanel("address")]),
        FieldPanel("introduction"),
        InlinePanel("programme", label=_("Programme")),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("organisers"), FieldPanel("contact_name"), FieldPanel("contact_email")],
            _("Organisers and contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldPanel("registration_deadline"),
                FieldPanel("capacity"),
            ],
            _("Registration"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("start"),
    ]
    parent_page_types = ["home.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})

    def fresh_for(self):
        # The register button must go when registration closes, and the event
        # must move to "past" when it ends.
        return seconds_until(self.registration_deadline or self.start, self.end)

    def registrations(self):
        """Registrations through any translation of this event count as one list."""
        return EventRegistration.objects.filter(event__translation_key=self.translation_key)

    def places_left(self):
        if self.capacity is None:
            return None
        return max(self.capacity - self.registrations().count(), 0)

    def registration_status(self):
        """One of 'none', 'closed', 'full' or 'open'."""
        if not self.registration_enabled:
            return "none"
        now = timezone.now()
        deadline = self.registration_deadline or self.start
        if now > deadline or now > self.end:
            return "closed"
        if self.places_left() == 0:
            return "full"
        return "open"

    def register(self, form):
        """Store a registration from a valid form, or say why not.

        Returns (registration, created, refusal). Locks the event's rows so two
        visitors cannot take the last place together.
        """
        with transaction.atomic():
            list(EventPage.objects.select_for_update().filter(translation_key=self.translation_key))
            status = self.registration_status()
            if status != "open":
                return None, False, status
            email = form.cleaned_data["email"].lower()
            existing = self.registrations().filter(email=email).first()
            if existing:
                return existing, False, None
            registration = form.save(commit=False)
            registration.event = self
            registration.email = email
            registration.language = translation.get_language() or settings.LANGUAGE_CODE
            registration.save()
        if self.places_left() == 0:
            purge()  # the event page now says "fully booked"
        return registration, True, None

    @path("register/", name="register")
    def registration_form(self, request):
        from .views import event_registration

        return event_registration(request, self)

    @path("register/done/", name="registered")
    def registration_done(self, request):
        return render(request, "home/event_registered.html", {"page": self})

    @path("ics/", name="ics")
    def ics(self, request):
        return allow_page_cache(ics_response(self.as_ical(request), self.slug, "event"))

    def as_ical(self, request=None):
        from icalendar import Event, vText

        calendar = new_calendar("Events")
        event = Event()
        event.add("uid", f"event-{self.translation_key}@nuclear-medicine-education")
        event.add("dtstamp", self.last_published_at or timezone.now())
        event.add("dtstart", self.start)
        event.add("dtend", self.end)
        event.add("summary", self.title)
        event.add("description", self.introduction)
        event.add("location", vText(", ".join(filter(None, [self.venue, self.address]))))
        event.add("url", self.get_full_url(request))
        calendar.add_component(event)
        return calendar


class EventProgrammeItem(Orderable):
    """A row of an event's timetable: time, activity and notes, as in the symposium invitation."""

    page = ParentalKey(EventPage, related_name="programme", on_delete=models.CASCADE)
    start_time = models.TimeField(_("from"), null=True, blank=True)
    end_time = models.TimeField(_("until"), null=True, blank=True)
    activity = models.CharField(_("activity"), max_length=200)
    notes = RichTextField(_("notes"), features=["bold", "italic", "ul", "link"], blank=True)

    panels = [
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("activity"),
        FieldPanel("notes"),
    ]


class EventRegistration(Record):
    """A visitor's registration for an event, with what the organisers must know."""

    event = models.ForeignKey(EventPage, verbose_name=_("event"), on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    notes = models.TextField(_("dietary or accessibility needs"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=8, default="nl")
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["event", "email"], name="one_registration_per_address")
        ]

    def __str__(self):
        return f"{self.name} – {self.event.title}"

    def send_confirmation(self, request, already_registered=False):
        event = self.event
        context = {
            "registration": self,
            "event": event,
            "already_registered": already_registered,
            "event_url": event.get_full_url(request),
            "ics_url": event.get_full_url(request) + event.reverse_subpage("ics"),
        }
        subject = render_to_string("home/email/registration_subject.txt", context).strip()
        body = render_to_string("home/email/registration_confirmation.txt", context)
        EmailMultiAlternatives(
            subject, body, to=[self.email], reply_to=[event.contact_email] if event.contact_email else None
        ).send()


class Organisation(index.Indexed, models.Model):
    """An organisation of the field, shown in the directory and as event organiser."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    group = models.CharField(_("stakeholder group"), max_length=32, choices=StakeholderGroup.choices)
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = optional_image(_("logo"))

    panels = [
        FieldPanel("name"),
        FieldPanel("group"),
        FieldPanel("city"),
        FieldPanel("website"),
        FieldPanel("logo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("city"),
        index.FilterField("group"),
    ]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class OrganisationIndexPage(SitePage):
    """The directory of the field's organisations, filterable by stakeholder group."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("organisation directory")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        group = request.GET.get("group", "")
        organisations = Organisation.objects.select_related("logo")
        if group in StakeholderGroup.values:
            organisations = organisations.filter(group=group)
        else:
            group = ""
        context["organisations"] = organisations
        context["group"] = group
        context["groups"] = StakeholderGroup.choices
        return context


def new_token():
    return secrets.token_urlsafe(32)


class NewsletterSubscriber(Record):
    """An address on the newsletter list; it counts only after the owner confirmed it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(_("e-mail"), unique=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="nl")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    CONFIRMATION_VALID_FOR = timedelta(days=7)

    @classmethod
    def sign_up(cls, email, language):
        """Start (or restart) the double opt-in for an address; returns the subscriber
        when a confirmation e-mail should go out, None when the address is already on."""
        subscriber, created = cls.objects.get_or_create(email=email.lower(), defaults={"language": language})
        if subscriber.status == cls.Status.CONFIRMED:
            return None
        if not created:
            subscriber.status = cls.Status.PENDING
            subscriber.language = language
            subscriber.token = new_token()
            subscriber.created_at = timezone.now()
            subscriber.save()
        return subscriber

    def confirmation_expired(self):
        return timezone.now() > self.created_at + self.CONFIRMATION_VALID_FOR

    def confirm(self):
        self.status = self.Status.CONFIRMED
        self.confirmed_at = timezone.now()
        self.save(update_fields=["status", "confirmed_at"])

    def unsubscribe(self):
        self.status = self.Status.UNSUBSCRIBED
        self.unsubscribed_at = timezone.now()
        self.save(update_fields=["status", "unsubscribed_at"])

    def link(self, name, request=None):
        with translation.override(self.language):
            url = reverse(name, args=[self.token])
        return request.build_absolute_uri(url) if request else settings.WAGTAILADMIN_BASE_URL + url

    def send_confirmation(self, request):
        with translation.override(self.language):
            context = {"confirm_url": self.link("newsletter_confirm", request)}
            body = render_to_string("home/email/newsletter_confirm.txt", context)
            subject = str(_("Confirm your subscription to the newsletter"))
        EmailMultiAlternatives(subject, body, to=[self.email]).send()


class NewsletterMailing(models.Model):
    """A newsletter issue; sending it mails every confirmed subscriber of its language."""

    subject = models.CharField(_("subject"), max_length=200)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="nl")
    body = RichTextField(_("text"), features=RICH_TEXT_FEATURES)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, editable=False)
    recipients = models.PositiveIntegerField(_("recipients"), default=0, editable=False)

    panels = [FieldPanel("subject"), FieldPanel("language"), FieldPanel("body")]

    class Meta:
        verbose_name = _("newsletter mailing")
        verbose_name_plural = _("newsletter mailings")
        ordering = ["-pk"]
        permissions = [("send_newslettermailing", _("Can send a newsletter mailing"))]

    def __str__(self):
        return self.subject

    def audience(self):
        return NewsletterSubscriber.objects.filter(
            status=NewsletterSubscriber.Status.CONFIRMED, language=self.language
        )

    def message_for(self, subscriber):
        """One subscriber's copy: their own unsubscribe link, in the body and the headers."""
        unsubscribe_url = subscriber.link("newsletter_unsubscribe")
        context = {"mailing": self, "unsubscribe_url": unsubscribe_url}
        with translation.override(self.language):
            text = render_to_string("home/email/mailing.txt", context)
            html = render_to_string("home/email/mailing.html", context)
        message = EmailMultiAlternatives(
            self.subject,
            text,
            to=[subscriber.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.attach_alternative(html, "text/html")
        return message

    def send(self):
        """Send once; a mailing already sent is never sent again."""
        with transaction.atomic():
            mailing = NewsletterMailing.objects.select_for_update().get(pk=self.pk)
            if mailing.sent_at:
                return 0
            messages = [self.message_for(s) for s in self.audience().iterator()]
            get_connection().send_messages(messages)
            mailing.sent_at = timezone.now()
            mailing.recipients = len(messages)
            mailing.save(update_fields=["sent_at", "recipients"])
        self.sent_at, self.recipients = mailing.sent_at, mailing.recipients
        return len(messages)
