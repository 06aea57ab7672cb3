"""Security headers on every public page, fresh or from the page cache, and HSTS with production settings."""

import pytest

from .factories import dutch_home, make_event, make_event_index, make_news, make_news_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_paths():
    home = dutch_home()
    news = make_news(make_news_index(home))
    event = make_event(make_event_index(home))
    return [
        "/nl/",
        news.url,
        event.url,
        "/nl/search/?q=x",
        "/nl/newsletter/",
        "/nl/learning/verify/",
        "/nl/nope/",
    ]


def directives(response):
    return dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))


def test_every_public_page_carries_the_security_headers_fresh_and_cached(client, public_paths):
    for path in public_paths:
        for attempt in ("fresh", "cached"):
            response = client.get(path)
            where = (path, attempt)
            assert directives(response)["script-src"] == "'self'", where
            assert directives(response)["frame-ancestors"] == "'self'", where
            assert response["X-Content-Type-Options"] == "nosniff", where
            assert response["Referrer-Policy"] == "same-origin", where
            assert response["X-Frame-Options"] in ("DENY", "SAMEORIGIN"), where


def test_production_adds_strict_transport_security(client, settings, public_paths):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/nl/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
