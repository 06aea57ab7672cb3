"""Site search: every page type, the result's type shown, queries bounded."""

import pytest

from . import factories
from .helpers import main_content

pytestmark = pytest.mark.django_db


def test_finds_a_news_item_by_a_word_in_its_body(client):
    index = factories.make_news_index()
    factories.make_news(
        index,
        title="Roadmap",
        body=[{"type": "paragraph", "value": "<p>The PALLAS reactor replaces the Hoge Flux Reactor.</p>"}],
    )
    factories.make_news(index, title="Unrelated")
    content = main_content(client.get("/nl/search/", {"q": "reactor"}))
    assert "Roadmap" in content
    assert "Unrelated" not in content
    assert "Nieuwsbericht" in content  # the type of the result


def test_finds_events_and_programme_pages_with_their_types(client):
    factories.make_event(factories.make_event_index(), title="Dosimetry symposium")
    factories.make_standard_page(title="Dosimetry training", introduction="For physicists.")
    content = main_content(client.get("/nl/search/", {"q": "dosimetry"}))
    assert "Dosimetry symposium" in content and "Evenement" in content
    assert "Dosimetry training" in content and "Standaardpagina" in content


def test_search_stays_within_the_visitors_language(client):
    dutch = factories.make_standard_page(title="Radiofarmacie opleiding")
    factories.english_home()
    factories.translate(dutch, "en", title="Radiopharmacy training", slug="radiopharmacy")
    assert "Radiopharmacy training" in main_content(client.get("/en/search/", {"q": "radiopharmacy"}))
    assert "Radiopharmacy training" not in main_content(client.get("/nl/search/", {"q": "radiopharmacy"}))


def test_results_are_paginated(client, settings):
    settings.SEARCH_RESULTS_PER_PAGE = 2
    index = factories.make_news_index()
    for n in range(5):
        factories.make_news(index, title=f"Isotope update {n}")
    first = main_content(client.get("/nl/search/", {"q": "isotope"}))
    assert first.count('class="search-results__type"') == 2
    assert "5 resultaten" in first
    assert "?q=isotope&amp;page=2" in first
    last = main_content(client.get("/nl/search/", {"q": "isotope", "page": "3"}))
    assert last.count('class="search-results__type"') == 1


def test_a_100000_character_query_is_shortened_not_refused(client, django_assert_max_num_queries):
    factories.make_news(factories.make_news_index(), title="Radiochemistry")
    with django_assert_max_num_queries(20):
        response = client.get("/nl/search/", {"q": "radiochemistry " + "x" * 100_000})
    assert response.status_code == 200
    assert "eerste 200 tekens" in response.text
    assert len(response.content) < 50_000


def test_the_query_comes_back_escaped(client):
    response = client.get("/nl/search/", {"q": '<script>alert("x")</script>'})
    assert "<script>alert" not in response.text
    assert "&lt;script&gt;" in response.text


def test_an_empty_search_shows_the_form_only(client):
    response = client.get("/nl/search/")
    assert response.status_code == 200
    assert "search-results" not in main_content(response)
