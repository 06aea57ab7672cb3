"""Fifty people submitting at the same moment, over HTTP to gunicorn: is everything stored once, and how fast?

The last step of a questionnaire and the submit of a quiz are where the platform
stores what people came for: a Response with its answers, a scored QuizAttempt and
its Certificate. Row locks and a unique constraint guard them, and only a real
server with several processes and threads puts those to the test. This module
drives that scenario for tests/test_concurrency.py and, run as a script, times it
against a throw-away database (SQLite, or PostgreSQL and Redis with
``--database postgres``) and prints the figures:

    python bench/concurrency.py [--database postgres] [--clients 50] [--workers 3] [--threads 4]

Every client walks up to its final submit on its own; then all of them wait at one
barrier and submit together. Each learner submits the quiz twice at once (a double
click). Loopback only; every HTTP call has a timeout. Every submit must answer what
it should (the thank-you page; the quiz result with the certificate, or for the later
click the course page): anything else is an error, and errors end the run with a
failure after the figures. ``--smoke`` runs it with a handful of clients (`make test`
does).
"""

import argparse
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import SMOKE_NOTE, configure, parse  # noqa: E402
from bench.run import environment, free_port  # noqa: E402

PYTHON = sys.executable
DATABASE = "nmep_bench_concurrency"
TIMEOUT = 60
PROFILE = {
    "profession": "clinical_physicist",
    "organisation_type": "university_hospital",
    "experience": "5-10",
    "region": "east",
}
LEVELS = (1, 3, 4)
SERVER_TROUBLE = re.compile(r"Traceback|\bERROR\b|\bCRITICAL\b")
CERTIFICATE_LINK = re.compile(r'href="[^"]*/certificates/[^"/]+/pdf/"')  # on the quiz result
EXCEPTION = re.compile(r"(?m)(?:^|(?<=\s)|(?<=\\n))(?:\w+\.)*\w+(?:Error|Exception): [^\n\\\"]*")


def server_environment(workdir, database_url, redis_url="", cache_prefix="nmep-concurrency"):
    """Production settings for gunicorn on ``database_url``; the cache in Redis if ``redis_url`` is given."""
    env = {**environment(workdir, "sqlite"), "DATABASE_URL": database_url, "ALLOWED_HOSTS": "127.0.0.1"}
    env.pop("REDIS_URL", None)
    env.pop("CACHE_KEY_PREFIX", None)
    if redis_url:
        env.update(REDIS_URL=redis_url, CACHE_KEY_PREFIX=cache_prefix)
    return env


class Server:
    """A running gunicorn: its address, its key, and what it wrote to its log."""

    def __init__(self, url, secret_key, log):
        self.url = url
        self.secret_key = secret_key
        self.log = log

    def mark(self):
        return self.log.stat().st_size

    def text(self, since=0):
        with open(self.log, "rb") as log:
            log.seek(since)
            return log.read().decode(errors="replace")

    def trouble(self, since=0):
        """Log lines after ``since`` that tell of an error: tracebacks, ERROR and CRITICAL."""
        return [line for line in self.text(since).splitlines() if SERVER_TROUBLE.search(line)]

    def exceptions(self, since=0):
        """How often each exception ended a traceback in the log."""
        return Counter(EXCEPTION.findall(self.text(since)))


@contextmanager
def gunicorn(env, workdir, workers=3, threads=4):
    """gunicorn on a free port of 127.0.0.1, answering; always stopped on the way out.

    The application is loaded once and forked (``--preload``): a worker booting Django and
    Wagtail costs seconds of CPU, and how requests are then served is the same.
    """
    manage = [PYTHON, "manage.py", "collectstatic", "--noinput"]
    subprocess.run(manage, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, timeout=120)
    port = free_port()
    log = Path(workdir) / "gunicorn.log"
    command = [PYTHON, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{port}", "--preload"]
    command += ["--workers", str(workers), "--threads", str(threads), "--graceful-timeout", "2"]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        server = Server(f"http://127.0.0.1:{port}", env["SECRET_KEY"], log)
        if not is_answering(server.url + "/nl/", process):
            raise RuntimeError(
                f"gunicorn did not answer (exit code {process.poll()}):\n{server.text()[-2000:]}"
            )
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def is_answering(url, process, seconds=30):
    """Whether gunicorn answers at all, soon; what it answers is for the scenario to judge."""
    deadline = time.monotonic() + seconds
    while process.poll() is None and time.monotonic() < deadline:
        try:
            return requests.get(url, timeout=2) is not None
        except requests.RequestException:
            time.sleep(0.2)
    return False


def forget_cache(redis_url, prefix):
    """Delete the server's keys from a Redis that others share."""
    import redis

    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(f"{prefix}:*", count=1000))
    if keys:
        client.delete(*keys)
    client.close()


def session_cookies(users, secret_key):
    """A logged-in session for each user in the shared database, signed with the server's key.

    allauth lets one address log in 30 times a minute, so fifty learners behind one
    address cannot all log in through the form within the test's minute.
    """
    from django.conf import settings
    from django.test import Client
    from django.test.utils import override_settings

    cookies = []
    with override_settings(SECRET_KEY=secret_key):
        for user in users:
            client = Client()
            client.force_login(user)
            cookies.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    return cookies


def survey_script(survey, group="care_provider"):
    """What a respondent of ``group`` posts to answer every question: [(step, data)], ending with the
    review; and the answer rows and rating rows their response must then have."""
    from surveys.forms import ASPECTS, matrix_field_name

    script = [("consent", {"consent": "on"})]
    if survey.include_profile:
        script.append(("profile", {**PROFILE, "stakeholder_group": group}))
    answers = ratings = 0
    for name, step in survey.step_blocks():
        shown_to = step.value["show_to"]
        if shown_to and survey.include_profile and group not in shown_to:
            continue
        data = {}
        for question in step.value["questions"]:
            question_id = question.id.replace("-", "")
            if question.block_type != "competency_matrix":
                data[question_id] = answer_to(question)
                answers += 1
                continue
            domain = question.value["domain"]
            for competency in survey.matrix_competencies[domain.pk] if domain else []:
                for (aspect, _label), level in zip(ASPECTS, LEVELS, strict=True):
                    data[matrix_field_name(question_id, competency.pk, aspect)] = str(level)
                ratings += 1
        script.append((name, data))
    script.append(("review", {}))
    return script, answers, ratings


def answer_to(question):
    """One valid answer, stored as one row, to a question that is not a matrix."""
    kind = question.block_type
    if kind in ("single_choice", "multiple_choice"):
        return "0" if kind == "single_choice" else ["0"]
    if kind == "likert":
        return "3"
    if kind == "number":
        return str(question.value["min_value"])
    return "Answered under load"


class Outcome:
    """What the clients saw: every failure, every status, and how long each final submit took."""

    def __init__(self):
        self.errors = []
        self.statuses = Counter()
        self.submits = []
        self.answered = {}
        self.side_by_side = 0
        self.seconds = 0.0
        self.lock = threading.Lock()

    def record(self, who, response):
        with self.lock:
            for hop in [*response.history, response]:
                self.statuses[hop.status_code] += 1
                if hop.status_code >= 400:
                    self.errors.append(f"{who}: {hop.request.method} {hop.url} answered {hop.status_code}")

    def fail(self, who, error):
        with self.lock:
            self.errors.append(f"{who}: {error}")

    def timed(self, who, seconds, response):
        with self.lock:
            self.submits.append(seconds)
            self.answered[who] = response.status_code

    def rate(self):
        return len(self.submits) / self.seconds if self.seconds else 0.0

    def percentile(self, share):
        ordered = sorted(self.submits)
        return ordered[max(math.ceil(share * len(ordered)) - 1, 0)] if ordered else float("nan")


class Client:
    """A browser of its own: cookies, and requests that are recorded and time out.

    Each request has a connection of its own: a kept-alive one can be closed by the server
    just as a request is sent on it (a browser then sends it again; requests reports an error).
    """

    def __init__(self, name, outcome, cookies=None):
        self.name = name
        self.outcome = outcome
        self.http = requests.Session()
        self.http.headers["Connection"] = "close"
        self.http.cookies.update(cookies or {})

    def get(self, url):
        response = self.http.get(url, timeout=TIMEOUT)
        self.outcome.record(self.name, response)
        return response

    def post(self, url, data, follow=True):
        data = {"csrfmiddlewaretoken": self.http.cookies.get("csrftoken", ""), **data}
        response = self.http.post(url, data=data, timeout=TIMEOUT, allow_redirects=follow)
        self.outcome.record(self.name, response)
        return response

    def timed_submit(self, url, data):
        """POST without following, timed; then follow the redirect as a browser would."""
        start = time.perf_counter()
        response = self.post(url, data, follow=False)
        self.outcome.timed(self.name, time.perf_counter() - start, response)
        if response.is_redirect:
            self.get(urljoin(url, response.headers["Location"]))
        return response

    def twin(self, name):
        """The same browser in another tab (for a double click)."""
        return Client(name, self.outcome, self.http.cookies)


class Respondent(Client):
    """An anonymous visitor who answers the questionnaire step by step and submits at the end."""

    def __init__(self, name, outcome, url, prefix, script):
        super().__init__(name, outcome)
        self.url = url
        self.prefix = prefix
        self.script = script

    def shown_step(self, response):
        found = re.search(rf'name="{re.escape(self.prefix)}-current_step" value="([^"]*)"', response.text)
        return found.group(1) if found else f"no step (status {response.status_code})"

    def fields(self, step, data):
        return {f"{self.prefix}-current_step": step, **{f"{step}-{k}": v for k, v in data.items()}}

    def prepare(self):
        shown = self.shown_step(self.get(self.url))
        for step, data in self.script[:-1]:
            if shown != step:
                raise AssertionError(f"the wizard shows {shown!r} where {step!r} was expected")
            shown = self.shown_step(self.post(self.url, self.fields(step, data)))
        if shown != "review":
            raise AssertionError(f"the wizard shows {shown!r} instead of the review")

    def submit(self):
        response = self.timed_submit(self.url, self.fields(*self.script[-1]))
        thanked = response.is_redirect and response.headers["Location"].endswith("/thanks/")
        if response.status_code < 400 and not thanked:
            self.outcome.fail(
                self.name, f"the review answered {response.status_code}, not the thank-you page"
            )


class Learner(Client):
    """A logged-in learner who opens the quiz and submits the right answers."""

    def __init__(self, name, outcome, url, answers, cookies):
        super().__init__(name, outcome, cookies)
        self.url = url
        self.answers = {f"q-{question}": [str(c) for c in choices] for question, choices in answers.items()}
        self.data = None

    def prepare(self):
        page = self.get(self.url)
        token = re.search(r'name="attempt" value="([^"]+)"', page.text)
        if token is None:
            raise AssertionError(f"no quiz attempt on {page.url} (status {page.status_code})")
        self.data = {"attempt": token.group(1), **self.answers}

    def submit(self, tab):
        """Submit the quiz in ``tab`` (this browser, or another tab of it): the answer must be the result
        with the certificate, or, when the other click has passed first, the course page."""
        response = tab.timed_submit(self.url, self.data)
        if response.status_code == 200 and CERTIFICATE_LINK.search(response.text):
            return response
        course = urlsplit(self.url.removesuffix("quiz/")).path
        if response.is_redirect and urlsplit(response.headers["Location"]).path == course:
            return response
        if response.status_code < 400:  # the others are errors already
            tab.outcome.fail(
                tab.name,
                f"the quiz submit answered {response.status_code}, not the result with a certificate",
            )
        return response


def guarded(outcome, who, action):
    try:
        action()
        return True
    except Exception as error:  # noqa: BLE001 - every failure is a finding, counted and shown
        outcome.fail(who, f"{type(error).__name__}: {error}")
        return False


def prepared(clients):
    """The clients that got ready to submit, prepared all at once."""
    with ThreadPoolExecutor(max_workers=max(len(clients), 1)) as pool:
        ready = list(pool.map(lambda client: guarded(client.outcome, client.name, client.prepare), clients))
    return [client for client, ok in zip(clients, ready, strict=True) if ok]


def together(submits, outcome):
    """Start one thread per (name, submit) behind a barrier, so that all submits overlap; wait for them."""
    barrier = threading.Barrier(len(submits) + 1)

    def run(name, submit):
        try:
            barrier.wait(timeout=TIMEOUT)
        except threading.BrokenBarrierError:
            outcome.fail(name, "the barrier broke")
            return
        guarded(outcome, name, submit)

    threads = [threading.Thread(target=run, args=submit, daemon=True) for submit in submits]
    for thread in threads:
        thread.start()
    barrier.wait(timeout=TIMEOUT)
    start = time.perf_counter()
    for thread in threads:
        thread.join(timeout=3 * TIMEOUT)
    outcome.seconds = time.perf_counter() - start
    if any(thread.is_alive() for thread in threads):
        outcome.fail("threads", "a submit was still running after its timeouts")


def respondents_at_once(base_url, survey, script, count):
    """``count`` anonymous respondents walk ``survey`` to its review, then all submit together."""
    url, prefix = base_url + survey.url + "answer/", f"survey-{survey.pk}"
    outcome = Outcome()
    clients = [Respondent(f"respondent {n}", outcome, url, prefix, script) for n in range(count)]
    together([(client.name, client.submit) for client in prepared(clients)], outcome)
    close(clients)
    return outcome


def learners_at_once(base_url, quiz_path, cookies, answers, clicks=2):
    """Every learner (a session cookie each) opens the quiz; then all submit it, ``clicks`` times at once."""
    from django.conf import settings

    outcome = Outcome()
    learners = [
        Learner(
            f"learner {n}", outcome, base_url + quiz_path, answers, {settings.SESSION_COOKIE_NAME: cookie}
        )
        for n, cookie in enumerate(cookies)
    ]
    tabs = [
        (learner.twin(f"{learner.name} click {n + 1}"), learner)
        for learner in prepared(learners)
        for n in range(clicks)
    ]
    submits = [(tab.name, partial(learner.submit, tab)) for tab, learner in tabs]
    together(submits, outcome)
    close(learners + [tab for tab, _learner in tabs])
    both = Counter(learner.name for tab, learner in tabs if outcome.answered.get(tab.name) == 200)
    outcome.side_by_side = sum(1 for times in both.values() if times == clicks)
    return outcome


def close(clients):
    for client in clients:
        client.http.close()


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite", help="Database.")
    parser.add_argument("--clients", type=int, default=50, help="Respondents, and learners (default 50).")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3).")
    parser.add_argument("--threads", type=int, default=4, help="Threads per gunicorn worker (default 4).")
    return parse(parser, {"clients": 4, "workers": 2, "threads": 2})


def prepare():
    from django.core.management import call_command

    print("Migrating and loading the demo site, questionnaire and courses ...", flush=True)
    quiet = open(os.devnull, "w")
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=quiet)
    call_command("load_demo_survey", responses=0, stdout=quiet)
    call_command("load_demo_courses", stdout=quiet)


def ready_learners(course, count):
    """``count`` learners with a verified address and every lesson done."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import User

    from learning.models import Enrolment, LearnerProfile

    users = []
    for n in range(count):
        email = f"concurrency{n}@example.org"
        user = User.objects.create_user(email, email)
        LearnerProfile.objects.create(user=user, certificate_name=f"dr. Concurrency {n}")
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        enrolment = Enrolment.objects.create(user=user, course=course, course_key=course.translation_key)
        for lesson in course.lessons():
            enrolment.complete_lesson(lesson)
        users.append(user)
    return users


def stored(survey, course, expected):
    """What the database holds afterwards, as one line each for the questionnaire and the quiz."""
    from django.db.models import Count

    from learning.models import Certificate, QuizAttempt
    from surveys.models import Response

    responses = Response.objects.filter(survey=survey).annotate(
        answer_rows=Count("answers", distinct=True), rating_rows=Count("ratings", distinct=True)
    )
    rows = list(responses.values_list("status", "answer_rows", "rating_rows"))
    complete = rows.count(("submitted", *expected))
    drafts = sum(1 for status, _answers, _ratings in rows if status == "draft")
    certificates = Certificate.objects.filter(course=course)
    attempts = QuizAttempt.objects.filter(enrolment__course=course, submitted_at__isnull=False)
    return (
        f"{len(rows) - drafts} responses submitted, {complete} complete ({expected[0]} answers and "
        f"{expected[1]} ratings each), {drafts} drafts left",
        f"{certificates.count()} certificates for {certificates.values('user').distinct().count()} learners, "
        f"{attempts.filter(passed=True).count()} passed attempts of {attempts.count()} submitted",
    )


def print_figures(args, load, outcomes, counts, exceptions):
    print()
    if args.smoke:
        print(SMOKE_NOTE)
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"database {args.database}; gunicorn {args.workers} workers x {args.threads} threads; "
        f"{args.clients} respondents, {args.clients} learners (2 clicks each); "
        f"load average {load:.1f} before"
    )
    cells = [f"{'final submit':<20}", f"{'posts':>5}", f"{'per s':>6}", f"{'p50 ms':>7}", f"{'p99 ms':>7}"]
    print("| " + " | ".join([*cells, f"{'errors':>6}"]) + " |")
    print(f"|{'-' * 22}|{'-' * 7}|{'-' * 8}|{'-' * 9}|{'-' * 9}|{'-' * 8}|")
    for name, outcome in outcomes:
        print(
            f"| {name:<20} | {len(outcome.submits):>5} | {outcome.rate():>6.1f} "
            f"| {1000 * statistics.median(outcome.submits or [math.nan]):>7.1f} "
            f"| {1000 * outcome.percentile(0.99):>7.1f} | {len(outcome.errors):>6} |"
        )
    for name, outcome in outcomes:
        statuses = ", ".join(f"{times} x {status}" for status, times in sorted(outcome.statuses.items()))
        print(f"{name}: every request answered {statuses}; burst of submits {outcome.seconds:.1f} s")
    quizzed = outcomes[-1][1]
    print(f"Double clicks scored side by side (both answered with the result): {quizzed.side_by_side}")
    print("Stored: " + "\n        ".join(counts))
    errors = Counter(re.sub(r"^\S+ \d+(?: click \d)?: ", "", e) for _n, o in outcomes for e in o.errors)
    for error, times in errors.most_common(10):
        print(f"  {times} x {error}")
    print(f"Server log: {sum(exceptions.values())} exceptions")
    for exception, times in exceptions.most_common(5):
        print(f"  {times} x {exception}")


def drop_database():
    from django.db import connections

    connections.close_all()
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DATABASE], check=True)


def main():
    args = parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="nmep-bench-concurrency-"))
    configure(args.database, workdir, DATABASE)
    import django

    django.setup()
    from bench.learning import right_answers
    from learning.models import CoursePage
    from surveys.models import GapSurveyPage

    redis_url = "redis://127.0.0.1:6379/8" if args.database == "postgres" else ""
    prefix = f"nmep-bench-concurrency-{uuid.uuid4().hex[:8]}"
    env = server_environment(workdir, os.environ["DATABASE_URL"], redis_url, prefix)
    try:
        prepare()
        survey = GapSurveyPage.objects.get(locale__language_code="nl", slug="gap-analyse-2026")
        course = CoursePage.objects.filter(locale__language_code="nl").order_by("pk").first()
        script, answers, ratings = survey_script(survey)
        print(f"Making {args.clients} learners ...", flush=True)
        cookies = session_cookies(ready_learners(course, args.clients), env["SECRET_KEY"])
        load = os.getloadavg()[0]
        with gunicorn(env, workdir, args.workers, args.threads) as server:
            print(f"{args.clients} respondents, then {args.clients} learners, at once ...", flush=True)
            surveyed = respondents_at_once(server.url, survey, script, args.clients)
            quizzed = learners_at_once(server.url, course.url + "quiz/", cookies, right_answers(course))
            exceptions = server.exceptions()
        counts = stored(survey, course, (answers, ratings))
    finally:
        if args.database == "postgres":
            forget_cache(redis_url, prefix)
            drop_database()
        shutil.rmtree(workdir, ignore_errors=True)
    outcomes = [("questionnaire review", surveyed), ("quiz, double click", quizzed)]
    print_figures(args, load, outcomes, counts, exceptions)
    errors = sum(len(outcome.errors) for _name, outcome in outcomes)
    if errors:
        raise SystemExit(f"{errors} requests did not answer what they should (see above)")


if __name__ == "__main__":
    main()
