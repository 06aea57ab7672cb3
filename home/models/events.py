"""Events with their programme and registration."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.calendars import ics_response, new_calendar
from cms.pagecache import allow_page_cache, purge, seconds_until
from cms.widgets import CheckboxList

from ..blocks import BodyBlock
from .base import CacheableRoutablePageMixin, Record, SitePage, validate_time_zone


def upcoming_events(locale):
    return (
        EventPage.objects.live()
        .public()
        .filter(locale=locale, end__gte=timezone.now())
        .order_by("start", "pk")
    )


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
        InlinePanel("programme", heading=_("Programme"), label=_("programme item")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("organisers", widget=CheckboxList()),
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
            ],
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
        from ..views import event_registration

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
