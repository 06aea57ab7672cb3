"""Benchmark the loop from gaps to courses: the coverage matrix and one respondent's recommendations.

Builds a throw-away database (SQLite, or PostgreSQL with --database postgres)
with the demo site, the demo questionnaire with N synthetic responses on the
40-competency framework, and C extra live courses each covering three
competencies, then times in one process with production settings:
the coverage matrix (all competencies, and one stakeholder group), the whole
matrix page (each as a first view, with the wave's figures not yet in the cache,
and again, as the next view before another response comes in), and a learner's
recommendations as their dashboard makes them: their latest response's gap
profile read from the database (``latest_profile``) and the courses for it
(``recommend``). Every timed result is checked (untimed): the matrix with the wave's
gaps, the matrix page itself (its heading, the questionnaire and the table), courses
recommended; a redirect or an error page stops the run. ``--smoke`` runs every step at
tiny volume (`make test` does).
"""

import argparse
import os
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
    checker,
    configure,
    load_demo,
    parse,
    timed,
)
from bench.seed import seed_courses  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=10_000, help="Synthetic responses (default 10,000).")
    parser.add_argument("--courses", type=int, default=50, help="Live courses (default 50).")
    parser.add_argument("--runs", type=int, default=5, help="Repetitions of each timing (default 5).")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite", help="Database.")
    return parse(parser, {"responses": 30, "courses": 12, "runs": 1})


def prepare(responses, courses):
    from django.core.management import call_command

    quiet = open(os.devnull, "w")
    print("Migrating and loading the demo site, courses and committees ...", flush=True)
    load_demo()
    print(f"Generating {responses} responses ...", flush=True)
    call_command("load_demo_survey", responses=responses, stdout=quiet)
    seed_courses(courses)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def timings(runs):
    from django.contrib.auth.models import User
    from django.core.cache import cache
    from django.test import Client

    from committee import coverage
    from committee.models import CommitteeIndexPage
    from learning.recommendations import recommend
    from surveys import report
    from surveys.models import Response
    from surveys.profile import latest_profile

    survey = coverage.latest_survey()
    response = Response.objects.submitted().filter(survey__translation_key=survey.translation_key).first()
    learner = User.objects.create_user("bench-learner", password="x" * 20)
    Response.objects.filter(pk=response.pk).update(respondent=learner)  # their own, linked response
    assert latest_profile(learner)
    editor = User.objects.create_superuser("bench-editor", password="x" * 20)
    client = Client(HTTP_HOST="localhost")
    client.force_login(editor)
    index = CommitteeIndexPage.objects.filter(locale__language_code="nl").first()
    url = index.url + "coverage/"
    is_matrix = checker(f"the coverage matrix page {url}", matrix_markers(survey))
    is_matrix(client.get(url))

    def afresh(function, group=""):
        # The wave's figures stay in the cache until the next response: drop them to time a first view.
        key = report.cells_key(report.submitted(survey, group))
        return lambda: (cache.delete(key), function())[1]

    return [
        ("coverage matrix, first", timed(afresh(lambda: coverage.coverage(survey)), runs, gaps_found)),
        ("coverage matrix, again", timed(lambda: coverage.coverage(survey), runs, gaps_found)),
        (
            "  one group, first",
            timed(afresh(lambda: coverage.coverage(survey, "care_provider"), "care_provider"), runs, rows),
        ),
        ("matrix page, first", timed(afresh(lambda: client.get(url)), runs, is_matrix)),
        ("matrix page, again", timed(lambda: client.get(url), runs, is_matrix)),
        (
            "recommendations",
            timed(
                lambda: recommend(latest_profile(learner), learner, only_with_courses=True),
                runs * 10,
                recommended,
            ),
        ),
    ]


def matrix_markers(survey):
    """What only the coverage matrix page shows: its table, and the questionnaire its gaps come from."""
    from django.utils.html import escape

    return ('class="container coverage"', 'id="coverage-caption"', escape(survey.title))


def rows(result):
    if not result:
        raise WrongAnswer("the coverage matrix has no rows")
    return result


def gaps_found(result):
    if not any(row.respondents for row in rows(result)):
        raise WrongAnswer("the coverage matrix shows no gaps from the questionnaire's responses")


def recommended(result):
    if not result:
        raise WrongAnswer("no course recommended for the learner's gaps: nothing was timed")


def main():
    args = parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="nmep-bench-loop-"))
    configure(args.database, workdir, "nmep_bench_loop")
    import django

    django.setup()
    try:
        prepare(args.responses, args.courses)
        rows = timings(args.runs)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if args.database == "postgres":
            from django.db import connections

            connections.close_all()
            subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "nmep_bench_loop"])
    print()
    if args.smoke:
        print(SMOKE_NOTE)
    print(f"Database {args.database}; {args.responses} responses, {args.courses} courses; one process")
    print(f"| {'measure':<24} | {'median ms':>10} | {'slowest ms':>10} |")
    print(f"|{'-' * 26}|{'-' * 12}|{'-' * 12}|")
    for name, (median, slowest) in rows:
        print(f"| {name:<24} | {median:>10.1f} | {slowest:>10.1f} |")


if __name__ == "__main__":
    main()
