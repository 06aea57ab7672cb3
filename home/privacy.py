"""What the public site keeps about a person: event registrations and the newsletter (see cms.privacy)."""

import datetime

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cms.privacy import personal_data, records

from .models import EventPage, EventRegistration, NewsletterSubscriber


@personal_data(EventRegistration)
class EventRegistrations:
    section = _("Event registrations")

    def rows(self, subject):
        return EventRegistration.objects.filter(subject.email_filter()).select_related("event")

    def export(self, subject):
        fields = ["name", "email", "organisation", "notes", "language", "created_at"]
        return records(self.rows(subject), fields, event=lambda row: row.event.title)

    def expired(self, now):
        days = settings.RETENTION_DAYS["event_registrations"]
        ended = EventPage.objects.filter(end__lt=now - datetime.timedelta(days=days))
        yield "event registrations, days after the event", EventRegistration.objects.filter(event__in=ended)

    def erase(self, subject, dry_run=False):
        rows = list(self.rows(subject))
        if not dry_run:
            EventRegistration.objects.filter(pk__in=[row.pk for row in rows]).delete()
        return [f"registration for {row.event.title} deleted" for row in rows]


@personal_data(NewsletterSubscriber)
class Newsletter:
    section = _("Newsletter subscription")

    def rows(self, subject):
        return NewsletterSubscriber.objects.filter(subject.email_filter())

    def export(self, subject):
        fields = ["email", "language", "status", "created_at", "confirmed_at", "unsubscribed_at"]
        return records(self.rows(subject), fields)

    def erase(self, subject, dry_run=False):
        rows = list(self.rows(subject))
        if not dry_run:
            NewsletterSubscriber.objects.filter(pk__in=[row.pk for row in rows]).delete()
        return [f"newsletter subscription of {row.email} deleted" for row in rows]
