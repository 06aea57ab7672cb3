"""Benchmark certificates and lessons; print the times.

Builds a throw-away database (SQLite, or PostgreSQL with --database postgres)
with the demo site and demo courses, then times, in one process with
production settings:
a certificate's first download (the view renders the PDF and stores it; each
run a fresh certificate) and a repeat download (read from storage) against a
bare xhtml2pdf render of the same HTML; a lesson page against a news page for
the same logged-in learner (neither comes from the page cache); and issuing N
certificates in a batch with ``issue_certificates`` (each PDF rendered to a
folder). Every timed answer is checked (untimed): a PDF, the lesson or news page
itself (its title); a redirect or an error page stops the run. ``--smoke`` runs
every step at tiny volume (`make test` does).
"""

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402
    PDF,
    SMOKE_NOTE,
    check_answer,
    check_response,
    checker,
    configure,
    load_demo,
    page_marker,
    parse,
    timed,
)
from bench.seed import enrol, new_learners, pass_courses, right_answers  # noqa: E402, F401 (concurrency.py)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50, help="Repetitions of each timing (default 50).")
    parser.add_argument(
        "--batch", type=int, default=1000, help="Certificates to issue in a batch (default 1000)."
    )
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite", help="Database.")
    return parse(parser, {"runs": 1, "batch": 2})


def prepare():
    print("Migrating and loading the demo site and courses ...", flush=True)
    load_demo(("load_demo_content", "load_demo_courses"))


def course():
    from learning.models import CoursePage

    return CoursePage.objects.filter(locale__language_code="nl").order_by("pk").first()


def new_learner(username):
    from django.contrib.auth.models import User

    from learning.models import LearnerProfile

    user = User.objects.create_user(username, f"{username}@example.org", "x" * 20)
    LearnerProfile.objects.create(
        user=user, certificate_name="dr. A.B. Benchmark", register_number="19012345601"
    )
    return user


def passed_certificate(page, username):
    """A learner who passed ``page``, and the address of their certificate (issued, no PDF yet)."""
    from learning.models import Enrolment, QuizAttempt

    user = new_learner(username)
    enrolment = Enrolment.objects.create(user=user, course=page, course_key=page.translation_key)
    for lesson in page.lessons():
        enrolment.complete_lesson(lesson)
    QuizAttempt.start(enrolment).submit(right_answers(page))
    certificate = enrolment.complete()
    return user, certificate, f"/nl/learning/certificates/{certificate.verification_code}/pdf/"


def first_downloads(client, page, runs):
    """Median and slowest ms of the first download of ``runs`` fresh certificates: render and store.

    One client for all: a new one would load the middleware (WhiteNoise scans the static files)
    on its first request, which no request of a running server pays.
    """
    from learning.models import Certificate

    times = []
    for n in range(runs):
        user, certificate, url = passed_certificate(page, f"bench-first-{n}")
        client.force_login(user)
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        check_response(f"a certificate's first download {url}", response, [PDF])
        assert Certificate.objects.get(pk=certificate.pk).pdf, f"{url}: the PDF was not stored"
    return statistics.median(times), max(times)


def certificate_timings(runs):
    from django.test import Client
    from xhtml2pdf import pisa

    from home.models import NewsPage
    from learning.certificates import certificate_html, render_pdf

    page = course()
    client = Client(HTTP_HOST="localhost")
    user, certificate, url = passed_certificate(page, "bench-learner")
    client.force_login(user)
    download = checker(f"a certificate's repeat download {url}", [PDF])
    download(client.get(url))  # warms up; rendered and stored: a repeat download now
    first = first_downloads(client, page, runs)
    client.force_login(user)
    html = certificate_html(None, certificate)

    def bare():
        output = io.BytesIO()
        pisa.CreatePDF(html, dest=output)
        return output.getvalue()

    def pdf(what):
        return lambda output: check_answer(what, 200, output[: len(PDF)], [PDF])

    lesson = page.lessons().first()
    news = NewsPage.objects.live().first()
    is_lesson = checker(f"the lesson page {lesson.url}", [page_marker(lesson)])
    is_news = checker(f"the news page {news.url}", [page_marker(news)])
    is_lesson(client.get(lesson.url))
    is_news(client.get(news.url))
    return [
        ("certificate, first download", first),
        ("certificate, repeat download", timed(lambda: client.get(url), runs, download)),
        ("  render_pdf alone", timed(lambda: render_pdf(html), runs, pdf("render_pdf"))),
        ("bare xhtml2pdf, same HTML", timed(bare, runs, pdf("a bare xhtml2pdf render"))),
        ("lesson page (logged in)", timed(lambda: client.get(lesson.url), runs, is_lesson)),
        ("news page (logged in)", timed(lambda: client.get(news.url), runs, is_news)),
    ]


def owe_certificates(count):
    """``count`` learners who finished the course and passed its quiz, without a certificate yet."""
    page = course()
    pass_courses(enrol([(user, page) for user in new_learners(count, prefix="batch")]))


def batch_timing(count, workdir):
    from django.core.management import call_command

    from learning.models import Certificate

    owe_certificates(count)
    before = Certificate.objects.count()
    start = time.perf_counter()
    call_command("issue_certificates", render=str(workdir / "certificates"))
    seconds = time.perf_counter() - start
    issued = Certificate.objects.count() - before
    assert issued == count, (issued, count)
    return seconds, issued


def print_rows(rows):
    print(f"| {'measure':<28} | {'median ms':>10} | {'slowest ms':>10} |")
    print(f"|{'-' * 30}|{'-' * 12}|{'-' * 12}|")
    for name, (median, slowest) in rows:
        print(f"| {name:<28} | {median:>10.1f} | {slowest:>10.1f} |")
    medians = {name: median for name, (median, _slowest) in rows}
    ratio = medians["certificate, first download"] / medians["bare xhtml2pdf, same HTML"]
    verdict = "met" if ratio <= 2 else "not met"
    print(f"\nfirst download / bare render: {ratio:.2f} (aim: within twice a bare render; {verdict})")


def main():
    args = parse_args()
    load_before = os.getloadavg()[0]
    workdir = Path(tempfile.mkdtemp(prefix="nmep-bench-learning-"))
    configure(args.database, workdir, "nmep_bench_learning")
    import django

    django.setup()
    try:
        prepare()
        rows = certificate_timings(args.runs)
        seconds, issued = batch_timing(args.batch, workdir) if args.batch else (0, 0)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if args.database == "postgres":
            from django.db import connections

            connections.close_all()
            subprocess.run(
                ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "nmep_bench_learning"]
            )
    print()
    if args.smoke:
        print(SMOKE_NOTE)
    print(
        f"Database {args.database}; production settings, one process; {args.runs} runs each; "
        f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
    )
    print_rows(rows)
    if issued:
        print(
            f"\nissue_certificates --render: {issued} certificates in {seconds:.1f} s "
            f"({1000 * seconds / issued:.1f} ms each)"
        )


if __name__ == "__main__":
    main()
