"""The site's records in the Wagtail admin: organisations, registrations, the newsletter."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.admin_access import ListersOnlyChooserViewSet
from cms.exports import FormulaSafeExportMixin

from .admin_views import send_mailing
from .models import (
    CompetencyDomain,
    EventRegistration,
    NewsletterMailing,
    NewsletterSubscriber,
    Organisation,
)


class FormulaSafeIndexView(FormulaSafeExportMixin, SnippetIndexView):
    """A snippet listing whose CSV/XLSX export cannot smuggle spreadsheet formulas."""


class FormulaSafeSnippetViewSet(SnippetViewSet):
    index_view_class = FormulaSafeIndexView


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "group", "city"]
    list_filter = ["group"]
    search_fields = ["name", "city"]
    add_to_admin_menu = True
    menu_order = 300


class EventRegistrationViewSet(FormulaSafeSnippetViewSet):
    model = EventRegistration
    chooser_viewset_class = ListersOnlyChooserViewSet  # personal records: not for every admin user
    icon = "date"
    menu_label = _("Event registrations")
    list_display = ["name", "email", "organisation", "event", "created_at"]
    list_filter = ["event"]
    list_export = ["event.title", "name", "email", "organisation", "notes", "language", "created_at"]
    export_headings = {"event.title": _("Event")}
    export_filename = "event-registrations"
    search_fields = ["name", "email", "organisation"]
    add_to_admin_menu = True
    menu_order = 310


class NewsletterSubscriberViewSet(FormulaSafeSnippetViewSet):
    model = NewsletterSubscriber
    chooser_viewset_class = ListersOnlyChooserViewSet
    icon = "mail"
    menu_label = _("Newsletter subscribers")
    list_display = ["email", "status", "language", "created_at", "confirmed_at"]
    list_filter = ["status", "language"]
    list_export = ["email", "status", "language", "created_at", "confirmed_at", "unsubscribed_at"]
    export_filename = "newsletter-subscribers"
    search_fields = ["email"]
    add_to_admin_menu = True
    menu_order = 320


class NewsletterMailingViewSet(SnippetViewSet):
    model = NewsletterMailing
    icon = "mail"
    menu_label = _("Newsletter mailings")
    list_display = ["subject", "language", "sent_at", "recipients"]
    add_to_admin_menu = True
    menu_order = 330


class CompetencyDomainViewSet(SnippetViewSet):
    """The competency framework: domains with their ordered competencies, in both languages."""

    model = CompetencyDomain
    icon = "list-ol"
    menu_label = _("Competency framework")
    list_display = ["name", "code", "sort_order"]
    search_fields = ["name_nl", "name_en", "code"]
    ordering = ["sort_order"]
    add_to_admin_menu = True
    menu_order = 290


register_snippet(CompetencyDomainViewSet)
register_snippet(OrganisationViewSet)
register_snippet(EventRegistrationViewSet)
register_snippet(NewsletterSubscriberViewSet)
register_snippet(NewsletterMailingViewSet)


@hooks.register("register_admin_urls")
def mailing_urls():
    return [path("newsletter/mailings/<int:pk>/send/", send_mailing, name="send_mailing")]


@hooks.register("register_snippet_listing_buttons")
def send_mailing_button(snippet, user, next_url=None):
    can_send = user.has_perm("home.send_newslettermailing")
    if isinstance(snippet, NewsletterMailing) and not snippet.sent_at and can_send:
        yield ListingButton(_("Send"), reverse("send_mailing", args=[snippet.pk]), priority=50)
