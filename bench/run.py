"""Benchmark the public site the way production serves it, and print one table.

Starts gunicorn (2 workers, production settings, DEBUG off) on 127.0.0.1 against a
throw-away database with the demo content and 1,000 extra news items, drives wrk
at 8 connections for 15 s per page (loopback only), and prints requests/s, p50
and p99 per page, cached (an anonymous visitor) and uncached (a visitor with a
session cookie, which bypasses the page cache), with the SQL queries each page
costs. Run with `make bench`; `--database postgres` uses PostgreSQL and Redis on
127.0.0.1 instead of SQLite and the in-process cache.
"""

import argparse
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/nmep_bench"
REDIS_URL = "redis://127.0.0.1:6379/8"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=15, help="Length of each wrk run (default 15).")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8).")
    parser.add_argument("--news", type=int, default=1000, help="Extra news items to load (default 1000).")
    parser.add_argument(
        "--database", choices=["sqlite", "postgres"], default="sqlite", help="Database to run against."
    )
    return parser.parse_args()


def environment(workdir, database):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "benchmark-only-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
    }
    if database == "postgres":
        env.update(DATABASE_URL=POSTGRES_URL, REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX="nmep-bench")
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def prepare(env, database, news):
    if database == "postgres":
        subprocess.run(
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "nmep_bench"], check=True
        )
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", "nmep_bench"], check=True)
        subprocess.run(["redis-cli", "-n", "8", "flushdb"], check=True, stdout=subprocess.DEVNULL)
    print("Migrating, collecting static files, loading demo content ...", flush=True)
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "load_demo_content")
    print(f"Loading {news} news items ...", flush=True)
    subprocess.run([PYTHON, str(ROOT / "bench" / "seed.py"), str(news)], cwd=ROOT, env=env, check=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(env, port):
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "cms.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/nl/", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not answer")


def bench_pages(env):
    """The pages to load, found in the database, with their SQL query counts."""
    code = "from bench.seed import pages_and_queries; pages_and_queries()"
    out = subprocess.run(
        [PYTHON, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rows = [line.split("\t") for line in out.strip().splitlines()]
    return [(name, path, int(cached), int(uncached)) for name, path, cached, uncached in rows]


def milliseconds(text):
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def wrk(url, seconds, connections, cookie=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": milliseconds(re.search(r"\s50%\s+(\S+)", out).group(1)),
        "p99": milliseconds(re.search(r"\s99%\s+(\S+)", out).group(1)),
        "errors": int(errors.group(1)) if errors else 0,
    }


def print_table(rows, args):
    print()
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"database {args.database}, gunicorn 2 workers, wrk {args.connections} connections, "
        f"{args.seconds} s per run"
    )
    cells = [f"{'page':<12}", f"{'mode':<8}", f"{'req/s':>8}", f"{'p50 ms':>7}", f"{'p99 ms':>7}"]
    header = "| " + " | ".join([*cells, f"{'SQL':>3}", f"{'errors':>6}"]) + " |"
    print(header)
    print("|" + "|".join("-" * (len(cell)) for cell in header.split("|")[1:-1]) + "|")
    for name, mode, queries, r in rows:
        print(
            f"| {name:<12} | {mode:<8} | {r['rps']:>8.0f} | {r['p50']:>7.1f} | {r['p99']:>7.1f} "
            f"| {queries:>3} | {r['errors']:>6} |"
        )


def main():
    args = parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install -y wrk")
    workdir = Path(tempfile.mkdtemp(prefix="nmep-bench-"))
    env = environment(workdir, args.database)
    prepare(env, args.database, args.news)
    pages = bench_pages(env)
    port = free_port()
    server = start_gunicorn(env, port)
    rows = []
    try:
        for name, path, cached_queries, uncached_queries in pages:
            url = f"http://127.0.0.1:{port}{path}"
            print(f"wrk {path} ...", flush=True)
            urllib.request.urlopen(url)  # fill the cache
            rows.append((name, "cached", cached_queries, wrk(url, args.seconds, args.connections)))
            uncached = wrk(url, args.seconds, args.connections, cookie="sessionid=bench")
            rows.append((name, "uncached", uncached_queries, uncached))
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(workdir, ignore_errors=True)
    print_table(rows, args)


if __name__ == "__main__":
    main()
