"""The public site, by topic in this package: the page bases every app's pages build on, home and
programme pages, news, events, the organisations directory, the newsletter, site settings, and the
competency framework that surveys, courses and certificates share."""

from .base import CacheableRoutablePageMixin, Record, SitePage, optional_image, validate_time_zone
from .competencies import (
    Bilingual,
    Competency,
    CompetencyDomain,
    Profession,
    ProficiencyLevel,
    StakeholderGroup,
)
from .events import EventIndexPage, EventPage, EventProgrammeItem, EventRegistration, upcoming_events
from .news import NewsIndexPage, NewsPage, NewsPageTag, published_news
from .newsletter import NewsletterMailing, NewsletterSubscriber, new_token
from .organisations import Organisation, OrganisationIndexPage
from .pages import HomePage, StandardPage
from .site_settings import SiteSettings

__all__ = [
    "Record",
    "validate_time_zone",
    "optional_image",
    "SitePage",
    "CacheableRoutablePageMixin",
    "StakeholderGroup",
    "Profession",
    "ProficiencyLevel",
    "Bilingual",
    "CompetencyDomain",
    "Competency",
    "SiteSettings",
    "Organisation",
    "OrganisationIndexPage",
    "published_news",
    "NewsIndexPage",
    "NewsPageTag",
    "NewsPage",
    "upcoming_events",
    "EventIndexPage",
    "EventPage",
    "EventProgrammeItem",
    "EventRegistration",
    "HomePage",
    "StandardPage",
    "new_token",
    "NewsletterSubscriber",
    "NewsletterMailing",
]
