"""The home page and the programme's standard pages."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import RICH_TEXT_FEATURES, BodyBlock, HomeBodyBlock, ObjectivesBlock
from .base import SitePage, optional_image
from .events import upcoming_events
from .news import published_news


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
    objectives = StreamField(ObjectivesBlock(), verbose_name=_("objectives"), blank=True)
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
