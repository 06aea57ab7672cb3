"""The directory of the field's organisations."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from .base import SitePage, optional_image
from .competencies import StakeholderGroup


class Organisation(index.Indexed, models.Model):
    """An organisation of the field, shown in the directory and as event organiser."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    group = models.CharField(_("stakeholder group"), max_length=32, choices=StakeholderGroup.choices)
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = optional_image(_("logo"))

    panels = [
        FieldPanel("name"),
        FieldPanel("group"),
        FieldPanel("city"),
        FieldPanel("website"),
        FieldPanel("logo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("city"),
        index.FilterField("group"),
    ]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class OrganisationIndexPage(SitePage):
    """The directory of the field's organisations, filterable by stakeholder group."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("organisation directory")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        group = request.GET.get("group", "")
        organisations = Organisation.objects.select_related("logo")
        if group in StakeholderGroup.values:
            organisations = organisations.filter(group=group)
        else:
            group = ""
        context["organisations"] = organisations
        context["group"] = group
        context["groups"] = StakeholderGroup.choices
        return context
