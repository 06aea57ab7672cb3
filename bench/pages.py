"""Benchmark the site's pages bypassing the page cache (a learner, or a session cookie); print the times.

Builds a throw-away database (SQLite, or PostgreSQL and Redis with --database postgres)
with the demo site, courses and committees and N news items, logs a learner in
(enrolled in the first course, one lesson done) or sends a session cookie
(``--visitor anonymous``), then times in one process with production settings,
through Django's whole middleware stack without HTTP, the pages bench/run.py
times: home, news index, a news page, an event page, a course page and a
committee page (and a lesson for a learner), beside robots.txt, a trivial view.
Each row: median and slowest of ``--runs`` requests after one to warm the
per-process caches, and the SQL queries of one request. Every timed answer is checked
(untimed): a 200 of the page itself (its title; robots.txt's lines), not from the page
cache; a redirect or an error page stops the run.
``--profile NAME`` prints where the time of that page goes (cProfile). ``--smoke`` runs
every step at tiny volume (`make test` does).
"""

import argparse
import cProfile
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402
    SMOKE_NOTE,
    WrongAnswer,
    check_response,
    configure,
    load_demo,
    page_marker,
    parse,
    timed,
)
from bench.seed import HOST, anonymous_pages, seed_news  # noqa: E402

DATABASE = "nmep_bench_pages"
REDIS_URL = "redis://127.0.0.1:6379/8"
CACHE_PREFIX = "nmep-bench-pages"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50, help="Requests per page (default 50).")
    parser.add_argument("--news", type=int, default=1000, help="News items (default 1000).")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite", help="Database.")
    parser.add_argument("--profile", metavar="NAME", help="Profile this page (e.g. 'home') and print it.")
    parser.add_argument(
        "--visitor",
        choices=["learner", "anonymous"],
        default="learner",
        help="A logged-in learner, or an anonymous visitor with a session cookie (default learner).",
    )
    return parse(parser, {"runs": 2, "news": 5})


def prepare(news):
    print("Migrating and loading the demo site, courses, committees and news ...", flush=True)
    load_demo()
    seed_news(news)


def learner_client():
    """A client in which a learner is logged in, enrolled in the first course with one lesson done."""
    from django.contrib.auth.models import User
    from django.test import Client

    from learning.models import Enrolment, LearnerProfile

    user = User.objects.create_user("bench-learner", "bench-learner@example.org", "x" * 20)
    LearnerProfile.objects.create(user=user, certificate_name="dr. A.B. Benchmark")
    course = first_course()
    enrolment = Enrolment.objects.create(user=user, course=course, course_key=course.translation_key)
    enrolment.complete_lesson(course.lessons().first())
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    return client


def anonymous_client():
    """A client with a session cookie and no user: what bench/run.py calls "uncached"."""
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    client.cookies["sessionid"] = "bench-no-such-session"
    return client


def first_course():
    from learning.models import CoursePage

    return CoursePage.objects.live().filter(locale__language_code="nl").order_by("pk").first()


def pages(visitor):
    """(name, path, markers) of each page timed: the pages bench/run.py times, and a lesson for a learner;
    markers are what only that page shows."""
    if visitor != "learner":
        return anonymous_pages()
    lesson = first_course().lessons().last()
    return anonymous_pages() + [("lesson page", lesson.url, (page_marker(lesson),))]


def page_check(path, markers):
    """The check of each timed answer: the page itself, not from the page cache."""

    def check(response):
        check_response(f"GET {path}", response, markers)
        if response.get("X-Page-Cache") is not None:  # a session cookie bypasses the page cache
            raise WrongAnswer(f"GET {path} came from the page cache ({response['X-Page-Cache']})")

    return check


def queries(client, path, check):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    check(response)
    return len(captured)


def timings(client, runs, visitor):
    """(name, path, (median ms, slowest ms), queries) per page."""
    rows = []
    for name, path, markers in pages(visitor):
        check = page_check(path, markers)
        check(client.get(path))  # warm the per-process caches and the shared fragments
        count = queries(client, path, check)
        rows.append((name, path, timed(lambda p=path: client.get(p), runs, check), count))
    return rows


def profile(client, path, runs):
    """Where ``runs`` requests of ``path`` spend their time, top 30 by cumulative and own time."""
    client.get(path)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        client.get(path)
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("cumulative").print_stats(30)
    stats.sort_stats("tottime").print_stats(30)


def use_redis():
    """The cache production uses with PostgreSQL: Redis db 8 under this benchmark's own prefix."""
    os.environ.update(REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX=CACHE_PREFIX)


def forget(database):
    from django.db import connections

    connections.close_all()
    if database == "postgres":
        from django.core.cache import cache

        cache.delete_pattern("*")  # django-redis: only keys under this benchmark's prefix
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DATABASE])


def main():
    args = parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="nmep-bench-pages-"))
    configure(args.database, workdir, DATABASE)
    if args.database == "postgres":
        use_redis()
    import django

    django.setup()
    try:
        prepare(args.news)
        client = learner_client() if args.visitor == "learner" else anonymous_client()
        rows = timings(client, args.runs, args.visitor)
        if args.profile:
            profile(client, dict((name, path) for name, path, *_ in rows)[args.profile], args.runs)
    finally:
        forget(args.database)
        shutil.rmtree(workdir, ignore_errors=True)
    print()
    if args.smoke:
        print(SMOKE_NOTE)
    visitor = (
        "a logged-in learner" if args.visitor == "learner" else "an anonymous visitor with a session cookie"
    )
    print(f"Database {args.database}; {args.news} news items; {visitor}; {args.runs} runs each")
    print(f"| {'page':<15} | {'median ms':>10} | {'slowest ms':>10} | {'SQL':>3} |")
    print(f"|{'-' * 17}|{'-' * 12}|{'-' * 12}|{'-' * 5}|")
    for name, _path, (median, slowest), count in rows:
        print(f"| {name:<15} | {median:>10.1f} | {slowest:>10.1f} | {count:>3} |")


if __name__ == "__main__":
    main()
