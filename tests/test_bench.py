"""The benchmarks keep working, and never time the wrong page.

Each bench script runs to its end at tiny volume (``--smoke``, on SQLite) and prints its table: a
benchmark that breaks fails here instead of rotting until someone runs it. And a timed request that
answers anything but the page it means to time (a redirect to the two-factor page or a login, an
error page, another page) stops a benchmark loudly: its figures would mislead.

The smoke runs are one xdist group, so that one worker makes a SQLite database once for all of them,
migrated and with the demo site loaded (each run starts from a copy: bench/common.py ``TEMPLATE``),
and runs the scripts two at a time (much of a run is waiting: for gunicorn to start, for wrk's
second). They run once, in the PostgreSQL pass of ``make test`` (or the only pass on SQLite), and
never touch the test database or Redis.
"""

import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.http import HttpResponse, HttpResponseRedirect, HttpResponseServerError

from bench import pages as bench_pages
from bench import run as bench_run
from bench.common import SHARED_CACHE, SMOKE_NOTE, TEMPLATE, WrongAnswer, check_response, timed
from bench.seed import give_second_factor, survey_analyst
from bench.surveys import report_page
from home.models import Competency
from surveys.models import Response

from .survey_factories import make_survey

ROOT = Path(__file__).resolve().parent.parent
SMOKE_TIMEOUT = 300  # seconds; a smoke run takes 10-40 on a busy 2-core machine
AT_ONCE = 2

# Each script and the first cells of its table's header; the longest first.
SCRIPTS = {
    "run.py": "| request      | mode       |    req/s |",
    "concurrency.py": "| final submit         | posts |",
    "surveys.py": "| measure                |  median ms |",
    "learning.py": "| measure                      |  median ms |",
    "loop.py": "| measure                  |  median ms |",
    "pages.py": "| page            |  median ms |",
}
SMOKE_TEST = "test_each_benchmark_runs_to_its_end_at_tiny_volume"


def bench_environment(**extra):
    """This process's environment without what points it at the test database, Redis or the test
    settings: a benchmark chooses its own (production settings on a throw-away SQLite file)."""
    dropped = ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", *SHARED_CACHE)
    return {**{k: v for k, v in os.environ.items() if k not in dropped}, **extra}


@pytest.fixture(scope="session")
def template(tmp_path_factory):
    """Where every smoke run starts: a SQLite database migrated, with the demo site, and its media."""
    folder = tmp_path_factory.mktemp("bench-template")
    code = "import sys; from bench.common import make_template; make_template(sys.argv[1])"
    command = [sys.executable, "-c", code, str(folder)]
    made = subprocess.run(
        command, cwd=ROOT, env=bench_environment(), capture_output=True, text=True, timeout=SMOKE_TIMEOUT
    )
    assert made.returncode == 0, f"the benchmarks' starting point:\n{made.stderr[-4000:]}"
    return folder


def smoke(script, template):
    """``bench/SCRIPT --smoke`` from the template: (its process, seconds taken)."""
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, f"bench/{script}", "--smoke"],
        cwd=ROOT,
        env=bench_environment(**{TEMPLATE: str(template)}),
        capture_output=True,
        text=True,
        timeout=SMOKE_TIMEOUT,
    )
    return done, time.monotonic() - start


@pytest.fixture(scope="session")
def smoke_runs(request, template):
    """The smoke run of each script whose test was selected, started ``AT_ONCE`` at a time."""
    chosen = {
        item.callspec.params["script"] for item in request.session.items if item.name.startswith(SMOKE_TEST)
    }
    if shutil.which("wrk") is None:
        chosen.discard("run.py")  # its test says why
    with ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
        yield {script: pool.submit(smoke, script, template) for script in SCRIPTS if script in chosen}


@pytest.mark.xdist_group("bench")
@pytest.mark.parametrize("script", SCRIPTS)
def test_each_benchmark_runs_to_its_end_at_tiny_volume(script, smoke_runs):
    if script == "run.py" and shutil.which("wrk") is None:
        message = "wrk is not installed (make test installs Debian's wrk)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    done, seconds = smoke_runs[script].result(timeout=3 * SMOKE_TIMEOUT)
    output = f"{done.stdout}\n{done.stderr}"
    assert done.returncode == 0, f"bench/{script} --smoke failed:\n{output[-4000:]}"
    assert SMOKE_NOTE in done.stdout, f"bench/{script} printed no table:\n{done.stdout[-3000:]}"
    table = done.stdout[done.stdout.index(SMOKE_NOTE) :]
    assert SCRIPTS[script] in table, f"bench/{script} printed no table:\n{done.stdout[-3000:]}"
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) >= 3, table  # the header and figures
    print(f"bench/{script} --smoke: {seconds:.1f} s")


# What a benchmark times must be the page it means to time.


def test_a_redirect_is_not_the_page_timed():
    redirect = HttpResponseRedirect("/admin/two-factor/?next=/admin/gap-reports/1/")
    with pytest.raises(WrongAnswer, match=r"answered 302 \(to /admin/two-factor/\?next=.*\), not 200"):
        check_response("the gap report", redirect, ["Gap report"])


def test_an_error_page_is_not_the_page_timed():
    error = HttpResponseServerError(b"<html><title>Server error | Site</title></html>")
    with pytest.raises(WrongAnswer, match="answered 500, not 200.*it shows <title>Server error"):
        check_response("the news page", error, ["<title>News | "])


def test_another_page_is_not_the_page_timed():
    other = HttpResponse(b"<title>Log in | Site</title>")
    with pytest.raises(WrongAnswer, match="answered 200; without '<title>News \\| '"):
        check_response("the news page", other, ["<title>News | "])


def test_the_page_meant_passes_and_every_timed_answer_is_checked():
    page = HttpResponse(b"<title>News | Site</title>")
    assert check_response("the news page", page, ["<title>News | "]) is page
    answers = iter([page, HttpResponseRedirect("/accounts/login/")])
    with pytest.raises(WrongAnswer, match="302"):
        timed(lambda: next(answers), 2, lambda response: check_response("the news page", response, ["News"]))


def test_the_load_test_refuses_a_request_that_is_redirected(monkeypatch):
    """bench/run.py times a request alone before wrk loads it: a redirect stops the run."""
    monkeypatch.setattr(bench_run, "fetch", lambda url, target: (302, None, b"", "/accounts/login/"))
    target = {"method": "GET", "mode": "learner", "markers": ["<title>News | "]}
    with pytest.raises(WrongAnswer, match=r"answered 302 \(to /accounts/login/\)"):
        bench_run.alone("http://127.0.0.1:1/nl/", target)


def test_the_load_test_refuses_a_page_without_its_markers(monkeypatch):
    answer = (200, None, b"<title>Pagina niet gevonden | Site</title>", "")
    monkeypatch.setattr(bench_run, "fetch", lambda url, target: answer)
    target = {"method": "GET", "mode": "uncached", "markers": ["<title>News | "]}
    with pytest.raises(WrongAnswer, match="it shows <title>Pagina niet gevonden"):
        bench_run.alone("http://127.0.0.1:1/nl/news/", target)


def test_the_page_benchmark_refuses_a_page_from_the_page_cache():
    cached = HttpResponse(b"<title>News | Site</title>")
    cached["X-Page-Cache"] = "hit"
    with pytest.raises(WrongAnswer, match="came from the page cache"):
        bench_pages.page_check("/nl/news/", ["<title>News | "])(cached)


def respond(survey, group, levels):
    """A submitted response rating competencies: levels = {code: (current, required now, in five years)}."""
    ratings = [
        {
            "competency": Competency.objects.get(code=code),
            "question": "q",
            "current": current,
            "required_now": now,
            "required_future": future,
        }
        for code, (current, now, future) in levels.items()
    ]
    profile = {"stakeholder_group": group, "profession": "clinical_physicist"}
    Response.start(survey, "nl").submit(profile, [], ratings)


@pytest.mark.django_db
def test_the_report_benchmark_times_the_report_only_once_the_analyst_gave_the_second_factor(client, settings):
    """Issue 27: production asks an analyst with admin access for the authenticator's code, so the
    report page answered the benchmark with a redirect to the two-factor page; now the benchmark
    refuses that answer, and times the report once the code is given on the two-factor page."""
    settings.STAFF_TWO_FACTOR = True
    settings.SURVEY_MIN_CELL_SIZE = 2
    survey = make_survey()
    respond(survey, "care_provider", {"radiation-protection": (1, 3, 4), "patient-dosimetry": (2, 2, 3)})
    respond(survey, "care_provider", {"radiation-protection": (2, 3, 4), "patient-dosimetry": (2, 3, 3)})
    respond(survey, "company", {"radiation-protection": (3, 4, 4)})
    analyst = survey_analyst("bench-analyst@example.org")
    client.force_login(analyst)  # the password, but not the code
    get_report, is_report = report_page(client, survey)

    with pytest.raises(WrongAnswer, match=r"answered 302 \(to /admin/two-factor/"):
        timed(get_report, 1, is_report)

    give_second_factor(client, analyst)
    median, slowest = timed(get_report, 2, is_report)
    assert 0 < median <= slowest
