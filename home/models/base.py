"""What every app's records and pages build on."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from cms.pagecache import allow_page_cache


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
