"""What the in-process benchmarks share: a throw-away database under production settings, and timing."""

import os
import statistics
import subprocess
import time


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
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"


DEMO_SITE = ("load_demo_content", "load_demo_courses", "load_demo_committees")


def load_demo(commands=DEMO_SITE):
    """Migrate, collect the static files and run the demo loaders ``commands`` (their output hidden)."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    quiet = open(os.devnull, "w")
    for command in commands:
        call_command(command, stdout=quiet)


def timed(function, runs):
    """Median and slowest wall time of ``runs`` calls, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)
