"""News: the index with its feeds, and the news items."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.pagecache import allow_page_cache

from ..blocks import BodyBlock
from .base import CacheableRoutablePageMixin, SitePage, optional_image


def published_news(locale):
    return NewsPage.objects.live().public().filter(locale=locale).order_by("-date", "-pk")


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
        from ..feeds import NewsRssFeed

        return allow_page_cache(NewsRssFeed()(request, index=self))

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        from ..feeds import NewsAtomFeed

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
