"""The benchmark suite: the platform's main requests under load, the way production serves them, in one table.

Seeds a throw-away database with realistic volume (bench/seed.py: 1,000 news items,
3 questionnaire waves with 10,000 responses each, 50 courses, 5,000 learners with
20,000 enrolments, 40 % of them completed with a certificate), starts gunicorn with
production settings (DEBUG off, the project's gunicorn.conf.py, 2 workers) on
127.0.0.1, drives wrk at 8 connections for 15 s per request (loopback only), and
prints requests/s, p50 and p99 with the SQL queries each request costs:

- the anonymous pages, cached (a visitor without cookies, served from the page cache)
  and uncached (a visitor with a session cookie, which bypasses it), beside robots.txt,
  a trivial Django view, to show how close a cached page comes to doing nothing;
- the same pages for a logged-in learner ("learner"), which are never served from the
  page cache: what most of the field's visitors get once they have an account;
- a lesson (a logged-in learner), a certificate download (its owner), the gap report
  (a survey analyst) and the questionnaire's first step POSTed by respondents halfway
  through (bench/step_post.lua), each with a session made through Django while seeding.

"CPU ms" is the processor time gunicorn's processes (master and workers) spent per request
answered during the run, and for PostgreSQL "DB ms" the time of the database's own
server processes for this benchmark's database: unlike requests/s, which moves with
whatever else this shared machine is doing, these measure what a request costs, so
they compare code across runs. 2 cores / (CPU ms + DB ms) is the most a request could
reach on 2 cores with nothing else running, wrk included.

Before wrk loads a request, the request alone must answer the page it means to time: a
200 that shows what only that page shows (bench/seed.py names it: the page's title, the
report's headings and figures, a PDF, the next step of the questionnaire), from the
page cache exactly when "cached"; anything else (a redirect to a login or to the
two-factor page, an error page) stops the run. Errors are responses other than the
one expected (and, for the POST, a 200 that does not show the next step) and socket
errors. `make bench` runs it; `--database postgres` uses PostgreSQL (database
nmep_bench, created and dropped here) and Redis (db 8) on 127.0.0.1 instead of SQLite
and the in-process cache; `--database both` runs both. `--smoke` runs every step at tiny
volume (`make test` does, to see that the benchmark still works): every request is
checked while seeding, and one of each kind (robots.txt, a page cached, uncached and for
a learner, a lesson, the step POST, the gap report, a certificate) is loaded for 1 s.
"""

import argparse
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import SHARED_CACHE, SMOKE_NOTE, WrongAnswer, check_answer, parse, sqlite_file  # noqa: E402

PYTHON = sys.executable
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/nmep_bench"
REDIS_URL = "redis://127.0.0.1:6379/8"
CACHE_PREFIX = "nmep-bench"
VOLUME = ("news", "surveys", "responses", "courses", "learners", "enrolments", "sessions")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=15, help="Length of each wrk run (default 15).")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8).")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2).")
    parser.add_argument(
        "--database",
        choices=["sqlite", "postgres", "both"],
        default="sqlite",
        help="Database to run against.",
    )
    parser.add_argument("--news", type=int, default=1000, help="News items (default 1000).")
    parser.add_argument("--surveys", type=int, default=3, help="Questionnaire waves (default 3).")
    parser.add_argument("--responses", type=int, default=10_000, help="Responses per wave (default 10,000).")
    parser.add_argument("--courses", type=int, default=50, help="Courses (default 50).")
    parser.add_argument("--learners", type=int, default=5000, help="Learners (default 5000).")
    parser.add_argument("--enrolments", type=int, default=20_000, help="Enrolments (default 20,000).")
    parser.add_argument("--sessions", type=int, default=16, help="Respondents to POST as (default 16).")
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="NAME",
        help="Time only the rows whose request or mode is one of these (e.g. uncached 'news page'); "
        "robots.txt is always timed, for reference.",
    )
    smoke = {"seconds": 1, "connections": 2, "workers": 1, "news": 5, "surveys": 3, "responses": 20}
    smoke |= {"courses": 12, "learners": 5, "enrolments": 10, "sessions": 2, "only": SMOKE_ROWS}
    return parse(parser, smoke)


SMOKE_ROWS = ["news page", "lesson page", "survey step", "gap report", "certificate"]


def environment(workdir, database):
    """Production settings for a throw-away database in ``workdir`` (or nmep_bench) over plain HTTP."""
    env = {
        **{name: value for name, value in os.environ.items() if name not in SHARED_CACHE},
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
        env.update(DATABASE_URL=POSTGRES_URL, REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX=CACHE_PREFIX)
    return env


def postgres(command):
    """createdb or dropdb nmep_bench (dropped with any connection still open to it)."""
    options = ["--if-exists", "--force"] if command == "dropdb" else []
    quiet = {**os.environ, "PGOPTIONS": "-c client_min_messages=warning"}  # no NOTICE about --if-exists
    subprocess.run(
        [command, "-h", "127.0.0.1", "-U", "postgres", *options, "nmep_bench"], check=True, env=quiet
    )


def forget_cache():
    """Delete this benchmark's keys from Redis db 8, which others share: never the whole db."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(f"{CACHE_PREFIX}:*", count=1000))
    if keys:
        client.delete(*keys)
    client.close()


def seed(env, workdir, args):
    """The whole database, by bench/seed.py in one process; returns what it wrote about the requests."""
    out = workdir / "targets.json"
    volume = [f"--{name}={getattr(args, name)}" for name in VOLUME]
    command = [PYTHON, str(ROOT / "bench" / "seed.py"), f"--targets={out}", *volume]
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return json.loads(out.read_text())


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(env, port, workers, log):
    """gunicorn as production starts it (gunicorn.conf.py), on 127.0.0.1, without worker recycling:
    at the rates of this benchmark, replacing a worker every 1,000 requests would measure its boot."""
    command = [PYTHON, "-m", "gunicorn", "cms.wsgi", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--max-requests", "0"]
    with open(log, "wb") as out:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2)
            return server
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.2)
    stop(server)
    raise SystemExit(f"gunicorn did not answer; see {log}")


def stop(server):
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, target):
    """One request as wrk sends it: (status, X-Page-Cache, body, Location)."""
    data = target["body"].encode() if target["method"] == "POST" else None
    headers = {"Cookie": target["cookie"]} if target["cookie"] else {}
    if data:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    request = urllib.request.Request(url, data=data, headers=headers, method=target["method"])
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=60) as response:
            return response.status, response.headers.get("X-Page-Cache"), response.read(), ""
    except urllib.error.HTTPError as error:
        return error.code, None, error.read(), error.headers.get("Location", "")


def alone(url, target, tries=4):
    """Milliseconds one request takes with nothing else running (the median of ``tries``), after
    warming both workers; refuses (WrongAnswer) a request that does not get the page it means to
    time: a 200 that shows the target's markers, from the page cache exactly when cached."""
    what = f"{target['method']} {url} ({target['mode']})"
    expected, times = "hit" if target["mode"] == "cached" else None, []
    for _ in range(5 * tries):  # each worker has its own cache on SQLite: fill both
        start = time.perf_counter()
        status, cache, body, location = fetch(url, target)
        took = (time.perf_counter() - start) * 1000
        check_answer(what, status, body, target["markers"], location=location)
        if cache == expected:
            times.append(took)
        if len(times) == tries:
            break
    else:
        raise WrongAnswer(f"{what} answered with X-Page-Cache {cache}, not {expected}")
    return statistics.median(times)


def lua_data(target, path):
    """The respondents of a POST target as a Lua file for bench/step_post.lua."""

    def string(text):
        assert text.isascii(), text
        return json.dumps(text)  # an ASCII JSON string is a Lua string literal

    sessions = ", ".join(
        f"{{cookie = {string(s['cookie'])}, body = {string(s['body'])}}}" for s in target["sessions"]
    )
    path.write_text(f"return {{marker = {string(target['marker'])}, sessions = {{{sessions}}}}}\n")
    return path


def milliseconds(text):
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids):
    """User and system time of each of these processes so far, by pid (those that have ended are left out)."""
    times = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        times[pid] = (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime: fields 14 and 15 of proc(5)
    return times


def spent_since(before, after):
    """Seconds spent between two readings: a process that started in between counts all its time,
    one that ended in between is lost (gunicorn's workers and kept connections live through a run)."""
    return sum(seconds - before.get(pid, 0) for pid, seconds in after.items())


def children(pid):
    """The processes whose parent is ``pid``: gunicorn's workers."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, ValueError):
            continue
    return found


def database_pids():
    """The PostgreSQL server processes serving this benchmark's database (gunicorn's kept connections)."""
    query = "SELECT pid FROM pg_stat_activity WHERE datname = 'nmep_bench' AND pid <> pg_backend_pid()"
    out = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "nmep_bench", "-Atc", query],
        capture_output=True,
        text=True,
    ).stdout
    return [int(line) for line in out.split()]


class CPUMeter:
    """Processor time spent by the server's processes (and the database's) while wrk runs."""

    def __init__(self, server, database):
        self.server, self.database = server, database

    def processes(self):
        web = [self.server.pid, *children(self.server.pid)]
        return web, database_pids() if self.database == "postgres" else []

    def __enter__(self):
        self.before = [cpu_seconds(pids) for pids in self.processes()]
        return self

    def __exit__(self, *exc):
        after = [cpu_seconds(pids) for pids in self.processes()]
        self.spent = [spent_since(b, a) for b, a in zip(self.before, after, strict=True)]

    def per_request(self, requests):
        """(web ms, database ms) per request; the database's is None on SQLite."""
        web, db = (1000 * seconds / max(requests, 1) for seconds in self.spent)
        return web, db if self.database == "postgres" else None


def wrk(url, target, args, workdir, threads=2):
    command = ["wrk", f"-t{threads}", f"-c{args.connections}", f"-d{args.seconds}s", "--latency"]
    command += ["--timeout", "60s"]
    if target["method"] == "POST":
        data = lua_data(target, workdir / "sessions.lua")
        command += ["-s", str(ROOT / "bench" / "step_post.lua"), url, "--", str(data), str(threads)]
    else:
        command += (["-H", f"Cookie: {target['cookie']}"] if target["cookie"] else []) + [url]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return measured(out, target["method"] == "POST")


def measured(out, posted):
    """wrk's figures; errors are responses other than 2xx or 3xx and socket errors, and for a POST
    every answer but a 200 showing the next step or a 302."""
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    statuses = {int(s): int(n) for s, n in re.findall(r"^status (\d+) (\d+)$", out, re.MULTILINE)}
    wrong = re.search(r"^wrong step (\d+)$", out, re.MULTILINE)
    errors = sum(map(int, sockets.groups())) if sockets else 0
    if posted:
        errors += sum(n for s, n in statuses.items() if s not in (200, 302)) + int(wrong.group(1))
    else:
        errors += int(non_2xx.group(1)) if non_2xx else 0
    return {
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": milliseconds(re.search(r"\s50%\s+(\S+)", out).group(1)),
        "p99": milliseconds(re.search(r"\s99%\s+(\S+)", out).group(1)),
        "errors": errors,
        "statuses": statuses,
        "wrong": int(wrong.group(1)) if wrong else 0,
    }


def server_errors(log):
    """Lines of gunicorn's log that tell of a failure (the access log is on, as in production)."""
    lines = log.read_text(errors="replace").splitlines()
    return [line for line in lines if re.search(r"Traceback|\bERROR\b|\"level\": \"ERROR\"|CRITICAL", line)]


def table(database, seeded, rows, args, load):
    """The machine line (with the load average other work put on the machine before the run), what
    the database held, and the table, as text. "alone" is one request with nothing else running,
    "requests" how many wrk saw answered."""
    lines = [SMOKE_NOTE] if args.smoke else []
    lines += [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"database {database}, gunicorn {args.workers} workers, wrk {args.connections} connections, "
        f"{args.seconds} s per run; load average {load:.1f} before",
        f"Data: {seeded['volume']}; seeded in {seeded['seconds']:.0f} s",
    ]
    cells = [f"{'request':<12}", f"{'mode':<10}", f"{'req/s':>8}", f"{'p50 ms':>8}", f"{'p99 ms':>8}"]
    cells += [f"{'alone ms':>8}", f"{'CPU ms':>6}", f"{'DB ms':>5}"]
    header = "| " + " | ".join([*cells, f"{'SQL':>3}", f"{'errors':>6}", f"{'requests':>8}"]) + " |"
    lines += [header, "|" + "|".join("-" * len(cell) for cell in header.split("|")[1:-1]) + "|"]
    for target, r in rows:
        p50, p99 = (f"{r[p]:>8.1f}" if r["requests"] else f"{'-':>8}" for p in ("p50", "p99"))
        web, db = r["cpu"]
        db = f"{db:>5.2f}" if db is not None else f"{'-':>5}"
        lines.append(
            f"| {target['name']:<12} | {target['mode']:<10} | {r['rps']:>8.1f} | {p50} | {p99} "
            f"| {r['alone']:>8.1f} | {web:>6.2f} | {db} | {target['sql']:>3} | {r['errors']:>6} "
            f"| {r['requests']:>8} |"
        )
    for target, r in rows:
        if r["statuses"]:
            answers = ", ".join(f"{n} x {s}" for s, n in sorted(r["statuses"].items()))
            lines.append(
                f"{target['name']} {target['method']}: {answers} ({r['wrong']} x 200 not the next step)"
            )
    return "\n".join(lines)


def chosen(targets, only):
    """The targets named by ``--only`` (by request or mode), robots.txt always; all without it."""
    if not only:
        return targets
    return [t for t in targets if t["name"] == "robots.txt" or {t["name"], t["mode"]} & set(only)]


def run_suite(database, args):
    """Seed, serve and load one database; returns its table."""
    workdir = Path(tempfile.mkdtemp(prefix="nmep-bench-"))
    env = environment(workdir, database)
    server, load = None, os.getloadavg()[0]
    try:
        if database == "postgres":
            postgres("dropdb")
            postgres("createdb")
            forget_cache()
        else:
            sqlite_file(workdir)
        seeded = seed(env, workdir, args)
        port, log = free_port(), workdir / "gunicorn.log"
        server = start_gunicorn(env, port, args.workers, log)
        rows = []
        for target in chosen(seeded["targets"], args.only):
            url = f"http://127.0.0.1:{port}{target['path']}"
            print(f"wrk {target['method']} {target['path']} ({target['mode']}) ...", flush=True)
            took = alone(url, target)
            with CPUMeter(server, database) as meter:
                figures = wrk(url, target, args, workdir)
            rows.append((target, {"alone": took, "cpu": meter.per_request(figures["requests"]), **figures}))
        stop(server)
        server = None
        text = table(database, seeded, rows, args, load)
        trouble = server_errors(log)
        if trouble:
            text += f"\nServer log: {len(trouble)} error lines, the first: {trouble[0][:300]}"
        return text
    finally:
        if server is not None:
            stop(server)
        if database == "postgres":
            postgres("dropdb")
            forget_cache()
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    args = parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install -y wrk")
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    tables = []
    for database in databases:
        print(f"== {database}", flush=True)
        tables.append(run_suite(database, args))
        print("\n" + tables[-1] + "\n", flush=True)
    if len(tables) > 1:
        print("\n\n".join(tables))


if __name__ == "__main__":
    main()
