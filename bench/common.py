"""What the benchmarks share: a throw-away database under production settings, timing, a check that
what was timed is the page meant, and the smoke mode that `make test` runs."""

import os
import shutil
import statistics
import subprocess
import time
from pathlib import Path

# A folder a SQLite run starts from instead of nothing, when this environment variable names one: its
# bench.sqlite3 (migrated, the demo site loaded: make_template) and media/ are copied into the run's
# folder. tests/test_bench.py makes one for all the smoke runs; every step of a script still runs (the
# demo loaders find the demo site there and leave it).
TEMPLATE = "BENCH_SQLITE_TEMPLATE"
# Settings that would point a SQLite run at a shared cache; a SQLite run uses the in-process cache.
SHARED_CACHE = ("REDIS_URL", "CACHE_KEY_PREFIX", "CELERY_BROKER_URL")


def configure(database, workdir, name):
    """Production settings on a fresh SQLite file in ``workdir``, or a fresh PostgreSQL database ``name``."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="benchmark-only-secret-" + "x" * 40,
        ALLOWED_HOSTS="localhost,127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        MEDIA_ROOT=str(workdir / "media"),
        STATIC_ROOT=str(workdir / "static"),
        LOG_LEVEL="ERROR",
    )
    if database == "postgres":
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name], check=True)
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
        os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
    else:
        for setting in SHARED_CACHE:
            os.environ.pop(setting, None)
        os.environ["DATABASE_URL"] = f"sqlite:///{sqlite_file(workdir)}"


def sqlite_file(workdir):
    """The SQLite file of a run in ``workdir``: a copy of the template's, with its media, if there is one."""
    path = workdir / "bench.sqlite3"
    if os.environ.get(TEMPLATE):
        template = Path(os.environ[TEMPLATE])
        shutil.copyfile(template / "bench.sqlite3", path)
        if (template / "media").is_dir():
            shutil.copytree(template / "media", workdir / "media", dirs_exist_ok=True)
    return path


def make_template(folder):
    """A starting point for SQLite runs in ``folder`` (see TEMPLATE); call it in a process of its own."""
    import django

    os.environ.pop(TEMPLATE, None)
    configure("sqlite", Path(folder), "")
    django.setup()
    load_demo()
    shutil.rmtree(Path(folder) / "static", ignore_errors=True)  # each run collects its own


DEMO_SITE = ("load_demo_content", "load_demo_courses", "load_demo_committees")


def load_demo(commands=DEMO_SITE):
    """Migrate, collect the static files and run the demo loaders ``commands`` (their output hidden)."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    quiet = open(os.devnull, "w")
    for command in commands:
        call_command(command, stdout=quiet)


def timed(function, runs, check=None):
    """Median and slowest wall time of ``runs`` calls, in milliseconds; ``check`` (untimed) is given
    what each call returned, and raises when it is not what was meant to be timed."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
        if check is not None:
            check(result)
    return statistics.median(times), max(times)


# What was timed.


class WrongAnswer(AssertionError):
    """A timed request answered something other than the page it means to time: a redirect (to a
    login or the two-factor page), an error page, another page. Its figures would mislead."""


def check_answer(what, status, body, markers=(), expect=200, location=""):
    """Raise WrongAnswer unless the answer to ``what`` has the status ``expect`` and shows every one of
    ``markers`` (texts only the intended page has)."""
    body = body.encode() if isinstance(body, str) else body
    missing = [m for m in markers if (m.encode() if isinstance(m, str) else m) not in body]
    if status == expect and not missing:
        return
    problem = f"{what} answered {status}" + (f" (to {location})" if location else "")
    if status != expect:
        problem += f", not {expect}"
    if missing:
        problem += f"; without {', '.join(repr(m) for m in missing)}"
    start = body.find(b"<title>")
    if start >= 0:
        title = body[start : body.find(b"</title>", start) + 8][:200]
        problem += "; it shows " + title.decode(errors="replace")
    raise WrongAnswer(problem + ". Not the page meant to be timed: the figures would mislead.")


def check_response(what, response, markers=(), expect=200):
    """check_answer for a response of Django's test client; returns the response."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    check_answer(what, response.status_code, body, markers, expect, response.get("Location", ""))
    return response


def checker(what, markers=(), expect=200):
    """A ``check`` for ``timed``: every response must be the page ``what`` with ``markers``."""
    return lambda response: check_response(what, response, markers, expect)


def page_marker(page):
    """What only ``page`` of the site shows: the start of its <title> (templates/base.html)."""
    from django.utils.html import escape

    return f"<title>{escape(page.seo_title or page.title)} | "


PDF = "%PDF-"  # how a PDF file starts


# Smoke runs.


def parse(parser, smoke):
    """The command line of a benchmark, with ``--smoke``: a run at tiny volume, with ``smoke``'s values as
    the defaults, that shows every step still works (`make test` runs one of each; its figures mean
    nothing). Values given on the command line win."""
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="A quick run at tiny volume, to see that every step still works; its figures mean nothing.",
    )
    args = parser.parse_args()
    if args.smoke:
        parser.set_defaults(**smoke)
        args = parser.parse_args()
    return args


SMOKE_NOTE = "SMOKE RUN at tiny volume: the figures below mean nothing"
