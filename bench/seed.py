"""Benchmark data and measurements that run inside Django (called by bench/run.py)."""

import datetime
import sys

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

PARAGRAPH = (
    "<p>The Netherlands produces a large share of the world's medical isotopes; "
    "the field needs qualified people for every step from reactor to patient.</p>"
)


def seed_news(count):
    """Add ``count`` live news items under the Dutch news index (no revisions: speed)."""
    from home.models import NewsIndexPage, NewsPage

    index = NewsIndexPage.objects.get(locale__language_code="nl")
    now = timezone.now()
    for n in range(count):
        page = NewsPage(
            title=f"Benchmark news item {n}",
            slug=f"benchmark-news-{n}",
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n % 700),
            introduction=f"Item {n} about isotopes, education and the field.",
            body=[{"type": "paragraph", "value": PARAGRAPH}],
            first_published_at=now,
            last_published_at=now,
        )
        index.add_child(instance=page)
        if n % 100 == 99:
            print(f"  {n + 1}/{count}", flush=True)


def bench_pages():
    from home.models import EventPage, HomePage, NewsIndexPage, NewsPage

    def dutch(model):
        return model.objects.live().filter(locale__language_code="nl")

    event = dutch(EventPage).order_by("-start").first()
    return [
        ("home", dutch(HomePage).first().url),
        ("news index", dutch(NewsIndexPage).first().url),
        ("news page", dutch(NewsPage).order_by("-date").first().url),
        ("event page", event.url),
    ]


def count_queries(client, path, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **headers)
    assert response.status_code == 200, (path, response.status_code)
    return len(captured)


def pages_and_queries():
    """Print each benchmarked page with its SQL queries when cached and uncached."""
    for name, path in bench_pages():
        # A new client each time: a response may set cookies that change the next request.
        Client(HTTP_HOST="127.0.0.1").get(path)
        cached = count_queries(Client(HTTP_HOST="127.0.0.1"), path)
        Client(HTTP_HOST="127.0.0.1").get(path, HTTP_COOKIE="sessionid=bench")
        uncached = count_queries(Client(HTTP_HOST="127.0.0.1"), path, HTTP_COOKIE="sessionid=bench")
        print(f"{name}\t{path}\t{cached}\t{uncached}")


if __name__ == "__main__":
    import django

    django.setup()
    seed_news(int(sys.argv[1]))
