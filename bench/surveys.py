"""Benchmark the gap report over 10,000 responses and a questionnaire step POST; print the times.

Builds a throw-away database (SQLite, or PostgreSQL with --database postgres),
loads the demo questionnaire with N synthetic responses on the 40-competency
framework (and, with --waves W, W - 1 earlier closed waves of N responses each,
as bench/run.py seeds them), then times, in one process with production settings:
the report's aggregations, the whole report page (the first view, with the cache
empty, is the slowest; with earlier waves it compares with the one before), the
gap-summary export, and the wizard's step POST (through Django's full middleware
stack, without HTTP).
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import configure, load_demo, timed  # noqa: E402
from bench.seed import first_step_post, seed_surveys, survey_analyst  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=10_000, help="Synthetic responses (default 10,000).")
    parser.add_argument("--waves", type=int, default=1, help="Questionnaire waves (default 1).")
    parser.add_argument("--runs", type=int, default=5, help="Repetitions of each report timing (default 5).")
    parser.add_argument("--posts", type=int, default=200, help="Step POSTs to time (default 200).")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite", help="Database.")
    return parser.parse_args()


def prepare(responses, waves):

    print("Migrating and loading the demo content ...", flush=True)
    load_demo(("load_demo_content",))
    print(f"Generating {waves} x {responses} responses ...", flush=True)
    start = time.perf_counter()
    seed_surveys(waves, responses)
    print(f"  generated in {time.perf_counter() - start:.1f} s", flush=True)
    # The steady state: after a bulk load, PostgreSQL's autovacuum refreshes the
    # planner's statistics within a minute; SQLite keeps its own.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def report_timings(runs):
    from django.test import Client

    from surveys import report
    from surveys.exports import export_gaps
    from surveys.models import GapSurveyPage

    survey = GapSurveyPage.objects.get(locale__language_code="nl", slug="gap-analyse-2026")
    responses = report.submitted(survey)
    client = Client(HTTP_HOST="localhost")
    client.force_login(survey_analyst())  # not staff: no second factor asked
    url = f"/admin/gap-reports/{survey.pk}/"
    rows = [
        ("responses / ratings", f"{responses.count()} / {responses.ratings().count()}"),
        ("competency gaps", timed(lambda: report.competency_gaps(responses), runs)),
        ("heatmap", timed(lambda: report.heatmap(responses), runs)),
        ("report page (admin)", timed(lambda: report_page(client, url), runs)),
        ("gap summary export", timed(lambda: export_gaps(survey, responses, "xlsx"), runs)),
    ]
    return survey, rows


def report_page(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code


def step_post_timings(survey, posts):
    """Answer consent and profile once, then POST the first question step again and again."""
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    url, data, following = first_step_post(client, survey)
    prefix = f"survey-{survey.pk}-current_step"
    back = {prefix: following, "wizard_goto_step": data[prefix]}
    times = []
    for _ in range(posts):
        start = time.perf_counter()
        response = client.post(url, data)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
        client.post(url, back)  # back, to post the same step again
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.95)]


def print_table(database, waves, rows, post):
    print()
    where = f"database {database}; {waves} wave(s)"
    print(f"Machine: {os.cpu_count()} cores; {where}; production settings, one process")
    print(f"| {'measure':<22} | {'median ms':>10} | {'slowest ms':>10} |")
    print(f"|{'-' * 24}|{'-' * 12}|{'-' * 12}|")
    for name, value in rows:
        if isinstance(value, tuple):
            print(f"| {name:<22} | {value[0]:>10.1f} | {value[1]:>10.1f} |")
        else:
            print(f"| {name:<22} | {value:>23} |")
    print(f"| {'step POST (p50, p95)':<22} | {post[0]:>10.1f} | {post[1]:>10.1f} |")


def main():
    args = parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="nmep-bench-surveys-"))
    configure(args.database, workdir, "nmep_bench_surveys")
    import django

    django.setup()
    try:
        prepare(args.responses, args.waves)
        survey, rows = report_timings(args.runs)
        post = step_post_timings(survey, args.posts)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print_table(args.database, args.waves, rows, post)


if __name__ == "__main__":
    main()
