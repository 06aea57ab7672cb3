"""Benchmark the gap report over 10,000 responses and a questionnaire step POST; print the times.

Builds a throw-away database (SQLite, or PostgreSQL with --database postgres),
loads the demo questionnaire with N synthetic responses on the 40-competency
framework (and, with --waves W, W - 1 earlier closed waves of N responses each,
as bench/run.py seeds them), then times, in one process with production settings:
the report's aggregations, the whole report page (the first view, with the cache
empty, is the slowest; with earlier waves it compares with the one before), the
gap-summary export, and the wizard's step POST (through Django's full middleware
stack, without HTTP).

The report page is read as a survey analyst arrives in production: logged in, with
the code of their authenticator app given on the two-factor page. Every timed answer
is checked (untimed): the report with its heading and figures, a spreadsheet, the
questionnaire's next step; a redirect or an error page stops the run. ``--smoke``
runs every step at tiny volume (`make test` does).
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

from bench.common import (  # noqa: E402
    SMOKE_NOTE,
    WrongAnswer,
    check_response,
    checker,
    configure,
    load_demo,
    parse,
    timed,
)
from bench.seed import (  # noqa: E402
    first_step_post,
    give_second_factor,
    open_survey,
    report_markers,
    seed_surveys,
    survey_analyst,
)

XLSX = b"PK\x03\x04"  # a spreadsheet is a zip file


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=10_000, help="Synthetic responses (default 10,000).")
    parser.add_argument("--waves", type=int, default=1, help="Questionnaire waves (default 1).")
    parser.add_argument("--runs", type=int, default=5, help="Repetitions of each report timing (default 5).")
    parser.add_argument("--posts", type=int, default=200, help="Step POSTs to time (default 200).")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite", help="Database.")
    return parse(parser, {"responses": 30, "waves": 2, "runs": 1, "posts": 2})


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
    from surveys import report
    from surveys.exports import export_gaps

    survey = open_survey()
    responses = report.submitted(survey)
    get_report, is_report = report_page(analyst_client(), survey)
    rows = [
        ("responses / ratings", f"{responses.count()} / {responses.ratings().count()}"),
        ("competency gaps", timed(lambda: report.competency_gaps(responses), runs, found("competency gaps"))),
        ("heatmap", timed(lambda: report.heatmap(responses), runs, found("heatmap rows", lambda h: h.rows))),
        ("report, first view", timed(lambda: first_view(get_report), runs, is_report)),
        ("report, viewed again", timed(get_report, runs, is_report)),
        (
            "gap summary export",
            timed(lambda: export_gaps(survey, responses, "xlsx"), runs, checker("the gap export", [XLSX])),
        ),
    ]
    return survey, rows


def first_view(get_report):
    """The report as its first viewer gets it: nothing of it in the cache (a closed wave's figures are
    kept there after the first view)."""
    from django.core.cache import cache

    # Only this run's keys: a Redis shared with others keeps theirs.
    cache.delete_pattern("*") if hasattr(cache, "delete_pattern") else cache.clear()
    return get_report()


def analyst_client():
    """A browser in which a survey analyst has logged in and given the code of their authenticator app."""
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    analyst = survey_analyst()
    client.force_login(analyst)
    give_second_factor(client, analyst)
    return client


def report_page(client, survey):
    """The timed request of the report page in ``client``, and the check of what it answered: the report
    of ``survey``, with its heading and figures."""
    from django.urls import reverse

    url = reverse("survey_report", args=[survey.pk])
    return (lambda: client.get(url)), checker(f"the gap report (admin) {url}", report_markers(survey))


def found(what, part=lambda result: result):
    """A check that an aggregation found something (in ``part`` of its result)."""

    def check(result):
        if not part(result):
            raise WrongAnswer(f"{what}: nothing found, nothing to time")

    return check


def step_post_timings(survey, posts):
    """Answer consent and profile once, then POST the first question step again and again."""
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    url, data, following = first_step_post(client, survey)
    prefix = f"survey-{survey.pk}-current_step"
    back = {prefix: following, "wizard_goto_step": data[prefix]}
    step = f'name="{prefix}" value="{{}}"'  # the wizard's step shown
    times = []
    for _ in range(posts):
        start = time.perf_counter()
        response = client.post(url, data)
        times.append((time.perf_counter() - start) * 1000)
        check_response(f"the step POST {url}", response, [step.format(following)])
        # Back, to post the same step again.
        check_response(f"back to the first step {url}", client.post(url, back), [step.format(data[prefix])])
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.95)]


def print_table(database, waves, rows, post, smoke):
    print()
    if smoke:
        print(SMOKE_NOTE)
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
    print_table(args.database, args.waves, rows, post, args.smoke)


if __name__ == "__main__":
    main()
