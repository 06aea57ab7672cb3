from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Website")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from cms import audit
        from cms.pagecache import purge

        from .models import Competency, CompetencyDomain, Organisation, SiteSettings

        build_subpage_resolvers()
        # Anonymous visitors get cached pages; anything that changes what a
        # page shows empties that cache.
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(purge, dispatch_uid=f"pagecache-{id(signal)}")
        post_delete.connect(purge, sender=Page, dispatch_uid="pagecache-page-delete")
        post_save.connect(purge_on_settings_change, sender=SiteSettings, dispatch_uid="pagecache-settings")
        # Event pages show organisations, course pages the competencies they cover; a page made
        # private must not stay in the cache it entered while it was public.
        for model in (Organisation, Site, CompetencyDomain, Competency, PageViewRestriction):
            post_save.connect(purge, sender=model, dispatch_uid=f"pagecache-save-{model.__name__}")
            post_delete.connect(purge, sender=model, dispatch_uid=f"pagecache-del-{model.__name__}")
        # Changes of anyone's rights go into the audit trail, whichever admin or command made them.
        audit.connect()


def purge_on_settings_change(sender, created=False, **kwargs):
    # The first page view creates empty settings; only an edit changes what pages show.
    if not created:
        from cms.pagecache import purge

        purge()


def build_subpage_resolvers():
    """Wagtail builds a routable page type's resolver of sub-addresses at its first request and
    stores it on the class, reading the class's ``__dict__`` meanwhile: two threads of a worker
    answering their first such requests at once failed one with "dictionary changed size during
    iteration" (a 500 seen in tests/test_concurrency.py). Built here, before any thread serves."""
    from django.apps import apps
    from wagtail.contrib.routable_page.models import RoutablePageMixin

    for model in apps.get_models():
        if issubclass(model, RoutablePageMixin):
            model.get_resolver()
