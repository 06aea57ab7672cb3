from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """The project's infrastructure: the audit trail, background jobs, two-factor sign-in, personal-data
    requests, backups, and the page cache that every app's pages use."""

    name = "cms"
    verbose_name = _("Infrastructure")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models import DateTimeField
        from django.db.models.signals import post_delete
        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.models import Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import audit
        from .pagecache import purge, purge_when_changed
        from .widgets import ClosingDateTimeInput

        # Anonymous visitors get cached pages; anything that changes what a page shows empties that
        # cache. Each app names its own models that pages show (purge_when_changed in its ready()).
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(purge, dispatch_uid=f"pagecache-{id(signal)}")
        post_delete.connect(purge, sender=Page, dispatch_uid="pagecache-page-delete")
        # A page made private must not stay in the cache it entered while it was public.
        purge_when_changed(Site, PageViewRestriction)
        # Changes of anyone's rights go into the audit trail, whichever admin or command made them.
        audit.connect()
        # Every date-and-time field of the editor's forms gets the picker that closes on a date.
        register_form_field_override(DateTimeField, override={"widget": ClosingDateTimeInput})
