from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cms.pagecache import purge, purge_when_changed


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Website")

    def ready(self):
        from django.db.models.signals import post_save

        from .models import Competency, CompetencyDomain, Organisation, SiteSettings

        build_subpage_resolvers()
        # Event pages show organisations, course pages the competencies they cover: a change empties
        # the anonymous page cache.
        purge_when_changed(Organisation, CompetencyDomain, Competency)
        post_save.connect(purge_on_settings_change, sender=SiteSettings, dispatch_uid="pagecache-settings")


def purge_on_settings_change(sender, created=False, **kwargs):
    # The first page view creates empty settings; only an edit changes what pages show.
    if not created:
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
