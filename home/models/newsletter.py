"""The newsletter: double opt-in subscribers and mailings."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from ..blocks import RICH_TEXT_FEATURES
from .base import Record


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
