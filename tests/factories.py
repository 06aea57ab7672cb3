"""Small builders for test data: live pages in the tree, with sensible defaults."""

import datetime
import itertools

from django.utils import timezone
from wagtail.models import Locale

from home.models import (
    EventIndexPage,
    EventPage,
    EventProgrammeItem,
    HomePage,
    NewsIndexPage,
    NewsPage,
    Organisation,
    OrganisationIndexPage,
    StandardPage,
)

counter = itertools.count(1)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def dutch_home():
    return HomePage.objects.get(depth=2, locale__language_code="nl")


def english_home():
    """The English translation of the home page, made on first use."""
    home = dutch_home()
    english, _ = Locale.objects.get_or_create(language_code="en")
    translation = home.get_translation_or_none(english)
    if translation is None:
        translation = home.copy_for_translation(english)
        translation.hero_title = "Nuclear Medicine Education Program"
        translation.save_revision().publish()
        translation.refresh_from_db()
    return translation


def translate(page, language_code, **fields):
    """Publish a translation of ``page``; its parent must already be translated."""
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def make_standard_page(parent=None, **fields):
    n = next(counter)
    fields = {"title": f"Programme page {n}", "slug": f"programme-{n}", **fields}
    return publish(parent or dutch_home(), StandardPage(**fields))


def make_news_index(parent=None, **fields):
    fields = {"title": "Nieuws", "slug": "nieuws", **fields}
    return publish(parent or dutch_home(), NewsIndexPage(**fields))


def make_news(index, **fields):
    n = next(counter)
    tags = fields.pop("tags", [])
    fields = {
        "title": f"News item {n}",
        "slug": f"news-{n}",
        "introduction": f"Introduction of news item {n}.",
        "date": datetime.date(2025, 1, 1) + datetime.timedelta(days=n % 300),
        **fields,
    }
    page = NewsPage(**fields)
    page.tags.add(*tags)
    return publish(index, page)


def make_event_index(parent=None, **fields):
    fields = {"title": "Evenementen", "slug": "evenementen", **fields}
    return publish(parent or dutch_home(), EventIndexPage(**fields))


def make_event(index, programme=(), **fields):
    n = next(counter)
    start = timezone.now() + datetime.timedelta(days=30)
    fields = {
        "title": f"Symposium {n}",
        "slug": f"symposium-{n}",
        "introduction": "A day of talks and networking.",
        "venue": "Science Gallery London",
        "address": "Great Maze Pond, London SE1 9GU",
        "start": start,
        "end": start + datetime.timedelta(hours=8),
        **fields,
    }
    page = EventPage(**fields)
    for item in programme:
        page.programme.add(EventProgrammeItem(**item))
    return publish(index, page)


def make_organisation(**fields):
    n = next(counter)
    fields = {"name": f"Organisation {n}", "group": "research", "city": "Delft", **fields}
    return Organisation.objects.create(**fields)


def make_organisation_index(parent=None, **fields):
    fields = {"title": "Organisaties", "slug": "organisaties", **fields}
    return publish(parent or dutch_home(), OrganisationIndexPage(**fields))


def make_committee(kind="field_committee", title="Veldcommissie", slug="veldcommissie", index=None):
    from committee.models import CommitteeIndexPage, CommitteePage

    index = index or publish(dutch_home(), CommitteeIndexPage(title="Commissies", slug="commissies"))
    return publish(
        index,
        CommitteePage(
            title=title,
            slug=slug,
            kind=kind,
            summary="Steers the programme.",
            assignment="<p>Goal and scope.</p>",
        ),
    )
