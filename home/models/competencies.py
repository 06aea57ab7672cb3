"""The competency framework, the stakeholder groups and professions of the field, the proficiency scale."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable


class StakeholderGroup(models.TextChoices):
    """The six stakeholder groups of the field (seed 002), and education."""

    GOVERNMENT = "government", _("Government")
    CARE_PROVIDER = "care_provider", _("Care provider")
    RESEARCH = "research", _("Research")
    ISOTOPE_PRODUCTION = "isotope_production", _("Isotope production")
    PATIENT_ORGANISATION = "patient_organisation", _("Patient organisation")
    COMPANY = "company", _("Company")
    EDUCATION = "education", _("Education")


class Profession(models.TextChoices):
    """The professions of the field (NVNG membership categories and beyond)."""

    NUCLEAR_MEDICINE_PHYSICIAN = "nuclear_medicine_physician", _("Nuclear medicine physician")
    NUCLEAR_RADIOLOGIST = "nuclear_radiologist", _("Nuclear radiologist")
    CLINICAL_PHYSICIST = "clinical_physicist", _("Clinical physicist")
    RADIOCHEMIST = "radiochemist", _("Radiochemist")
    HOSPITAL_PHARMACIST = "hospital_pharmacist", _("Hospital pharmacist")
    TECHNOLOGIST = "technologist", _("Nuclear medicine technologist")
    RESIDENT = "resident", _("Resident")
    RESEARCHER = "researcher", _("Researcher")
    INDUSTRY_PROFESSIONAL = "industry_professional", _("Industry professional")
    OTHER = "other", _("Other")


class ProficiencyLevel(models.IntegerChoices):
    """The named scale on which knowledge and skills are rated, surveys and courses alike."""

    NONE = 0, _("None")
    AWARENESS = 1, _("Awareness")
    WORKING_KNOWLEDGE = 2, _("Working knowledge")
    PROFICIENT = 3, _("Proficient")
    EXPERT = 4, _("Expert")


class Bilingual:
    """Fields kept as ``<name>_nl`` and ``<name>_en``, read in the visitor's language."""

    def in_language(self, field):
        language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        return getattr(self, f"{field}_{language}", "") or getattr(self, f"{field}_nl")


class CompetencyDomain(Bilingual, ClusterableModel):
    """A domain of the competency framework, with its ordered competencies.

    The framework is shared by the whole platform: survey questions rate its
    competencies, courses say which ones they cover, certificates list them.
    """

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_nl = models.TextField(_("description (Dutch)"), blank=True, max_length=2000)
    description_en = models.TextField(_("description (English)"), blank=True, max_length=2000)
    sort_order = models.PositiveIntegerField(_("position"), default=0)

    panels = [
        FieldPanel("code"),
        FieldRowPanel([FieldPanel("name_nl"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("description_nl"), FieldPanel("description_en")]),
        FieldPanel("sort_order"),
        InlinePanel("competencies", heading=_("Competencies"), label=_("competency")),
    ]

    class Meta:
        verbose_name = _("competency domain")
        verbose_name_plural = _("competency domains")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.in_language("name")

    @property
    def description(self):
        return self.in_language("description")


class Competency(Bilingual, Orderable):
    """One competency of the framework, in the order its domain lists them."""

    domain = ParentalKey(CompetencyDomain, related_name="competencies", on_delete=models.CASCADE)
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_nl = models.TextField(_("description (Dutch)"), blank=True, max_length=2000)
    description_en = models.TextField(_("description (English)"), blank=True, max_length=2000)

    panels = [
        FieldPanel("code"),
        FieldRowPanel([FieldPanel("name_nl"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("description_nl"), FieldPanel("description_en")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.in_language("name")

    @property
    def description(self):
        return self.in_language("description")

    @classmethod
    def framework(cls):
        """Every competency with its domain, in the framework's order (one query)."""
        return cls.objects.select_related("domain").order_by("domain__sort_order", "domain_id", "sort_order")
