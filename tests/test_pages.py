"""Every page type lives under its allowed parents and renders for a visitor."""

import pytest
from wagtail.models import Page

from home.models import (
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    OrganisationIndexPage,
    StandardPage,
)

from . import factories
from .helpers import main_content

pytestmark = pytest.mark.django_db


def test_home_page_shows_news_and_upcoming_events(client):
    news = factories.make_news(factories.make_news_index(), title="Roadmap for nuclear drugs")
    event = factories.make_event(factories.make_event_index(), title="NL-UK Symposium")
    response = client.get("/nl/")
    assert response.status_code == 200
    assert news.title in response.text
    assert event.title in response.text


def test_standard_page_renders_its_stream_body(client):
    page = factories.make_standard_page(
        title="Over het programma",
        body=[
            {"type": "heading", "value": {"text": "Missie", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Levenslang leren in de nucleaire geneeskunde.</p>"},
            {"type": "quote", "value": {"quote": "Human capital is key.", "attribution": "Report"}},
        ],
    )
    response = client.get(page.url)
    assert response.status_code == 200
    assert "<h2>Missie</h2>" in response.text
    assert "Levenslang leren" in response.text
    assert "Human capital is key." in response.text


def test_news_page_renders_with_date_author_and_tags(client):
    page = factories.make_news(factories.make_news_index(), author="Wim Oyen", tags=["roadmap"])
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Wim Oyen" in response.text
    assert "?tag=roadmap" in response.text


def test_event_page_shows_its_programme(client):
    event = factories.make_event(
        factories.make_event_index(),
        programme=[
            {"start_time": "09:00", "activity": "Welcome and opening remarks"},
            {"start_time": "17:30", "end_time": "19:30", "activity": "Networking drinks reception"},
        ],
    )
    response = client.get(event.url)
    assert response.status_code == 200
    assert "Welcome and opening remarks" in response.text
    assert "17:30 – 19:30" in response.text


def test_organisation_directory_filters_by_stakeholder_group(client):
    index = factories.make_organisation_index()
    factories.make_organisation(name="TU Delft", group="education")
    factories.make_organisation(name="PALLAS", group="isotope_production")
    everything = main_content(client.get(index.url))
    assert "TU Delft" in everything and "PALLAS" in everything
    filtered = main_content(client.get(index.url + "?group=isotope_production"))
    assert "PALLAS" in filtered and "TU Delft" not in filtered
    unknown = client.get(index.url + "?group=<script>")
    assert unknown.status_code == 200 and "TU Delft" in main_content(unknown)


@pytest.mark.parametrize(
    "child, parents",
    [
        (HomePage, {Page}),
        (NewsPage, {NewsIndexPage}),
        (EventPage, {EventIndexPage}),
    ],
)
def test_page_types_only_go_under_their_allowed_parents(child, parents):
    assert set(child.allowed_parent_page_models()) == parents


def test_index_pages_accept_only_their_items():
    assert NewsIndexPage.allowed_subpage_models() == [NewsPage]
    assert EventIndexPage.allowed_subpage_models() == [EventPage]
    assert OrganisationIndexPage.allowed_subpage_models() == []
    assert StandardPage in HomePage.allowed_subpage_models()


def test_news_index_paginates_and_filters_by_tag(client, settings):
    settings.NEWS_PER_PAGE = 2
    index = factories.make_news_index()
    for n in range(3):
        factories.make_news(index, title=f"Isotope news {n}", tags=["isotopes"])
    factories.make_news(index, title="Education news", tags=["education"])
    first = client.get(index.url)
    assert first.text.count('class="card"') == 2
    assert "page=2" in first.text
    tagged = client.get(index.url + "?tag=education")
    assert "Education news" in tagged.text and "Isotope news" not in tagged.text


def test_news_feeds_list_the_latest_items(client):
    index = factories.make_news_index()
    factories.make_news(index, title="Roadmap presented at EANM")
    rss = client.get(index.url + "feed/")
    atom = client.get(index.url + "feed/atom/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert "Roadmap presented at EANM" in rss.text
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert "Roadmap presented at EANM" in atom.text
    listing = client.get(index.url).text
    for feed in (index.url + "feed/", index.url + "feed/atom/"):
        assert listing.count(f'href="{feed}"') == 2  # announced in the head, linked on the page


def test_every_page_has_an_seo_title_and_description(client):
    page = factories.make_standard_page(
        seo_title="About the education programme", search_description="Lifelong learning."
    )
    response = client.get(page.url)
    assert "<title>About the education programme |" in response.text
    assert '<meta name="description" content="Lifelong learning.">' in response.text


def test_a_page_names_its_full_address_as_canonical_and_a_page_of_another_view_names_none(client):
    page = factories.make_standard_page(slug="over-ons")
    assert '<link rel="canonical" href="http://localhost/nl/over-ons/">' in client.get(page.url).text
    assert 'rel="canonical"' not in client.get("/accounts/login/").text


def test_without_a_search_description_a_page_is_described_by_its_introduction_or_summary(client):
    from tests.learning_factories import make_course

    news = factories.make_news(factories.make_news_index(), introduction="Nieuws <b>" + "lang " * 60)
    course = make_course()
    course.summary = "Wat u leert over stralingsbescherming."
    course.save_revision().publish()
    described = client.get(news.url).text
    assert '<meta name="description" content="Nieuws &lt;b&gt;lang lang' in described
    assert "lang …" in described or "lang…" in described  # shortened to 160 characters
    assert (
        '<meta name="description" content="Wat u leert over stralingsbescherming.">'
        in client.get(course.url).text
    )


def test_sitemap_and_robots(client):
    page = factories.make_standard_page(slug="over-ons")
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert "/nl/over-ons/" in sitemap.text
    robots = client.get("/robots.txt")
    assert "Sitemap: http://localhost/sitemap.xml" in robots.text
    assert page.live


def test_menu_shows_pages_marked_for_menus(client):
    factories.make_standard_page(title="Doelstellingen", show_in_menus=True)
    factories.make_standard_page(title="Verborgen pagina", show_in_menus=False)
    response = client.get("/nl/")
    menu = response.text.split('class="main-menu"')[1].split("</nav>")[0]
    assert "Doelstellingen" in menu
    assert "Verborgen pagina" not in menu
