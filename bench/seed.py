"""Realistic volume for the benchmarks, loaded fast, and the requests the load test sends.

Every benchmark needs the same things: many pages, surveys full of responses, learners
with enrolments and certificates. They live here once, and ``bench/run.py`` calls this
module as a script to build its whole throw-away database in one process:

    python bench/seed.py --targets FILE [--news 1000] [--surveys 3] [--responses 10000] ...

Speed matters more than going through every save(): treebeard's ``add_child`` cleans,
saves, indexes and commits a page at a time (about 50 ms each on a 2-core machine), so
pages are inserted in bulk with their tree fields computed here; people, enrolments and
certificates go in with ``bulk_create``. Survey responses come from the project's own
``generate_survey_responses``, which already inserts in bulk. Pages inserted in bulk
have no revisions and are not in the search index: no benchmarked request needs either.

The targets file lists every request of the load test: its path, the cookie of the
visitor (an anonymous one, a learner, a survey analyst who has given the second factor,
a respondent halfway through the questionnaire), the texts that only the page meant
shows (checked here and by bench/run.py before it times a request) and the SQL queries
it costs, counted here with Django's test client.
"""

import argparse
import datetime
import json
import os
import random
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import PDF, WrongAnswer, check_response, load_demo, page_marker  # noqa: E402

PARAGRAPH = (
    "<p>The Netherlands produces a large share of the world's medical isotopes; "
    "the field needs qualified people for every step from reactor to patient.</p>"
)
HOST = "127.0.0.1"
BENCH_LEARNER = "learner0@example.org"
COMPLETED_SHARE = 0.4  # of the enrolments: lessons done, quiz passed, certificate issued
PROFILE = {  # a respondent's answers to the profile step
    "stakeholder_group": "research",
    "profession": "researcher",
    "organisation_type": "university",
    "experience": "5-10",
    "region": "west",
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--targets", type=Path, required=True, help="Where to write the requests (JSON).")
    parser.add_argument("--news", type=int, default=1000, help="News items (default 1000).")
    parser.add_argument("--surveys", type=int, default=3, help="Questionnaire waves (default 3).")
    parser.add_argument("--responses", type=int, default=10_000, help="Responses per wave (default 10,000).")
    parser.add_argument("--courses", type=int, default=50, help="Live courses (default 50).")
    parser.add_argument("--learners", type=int, default=5000, help="Learners (default 5000).")
    parser.add_argument("--enrolments", type=int, default=20_000, help="Enrolments (default 20,000).")
    parser.add_argument("--sessions", type=int, default=16, help="Respondents to POST as (default 16).")
    return parser.parse_args()


# Pages in bulk.


def bulk_add_pages(parent, pages):
    """Add ``pages`` (unsaved, all of one page type) live under ``parent``, after its last child.

    The tree fields are computed as treebeard would; the pages' own table is filled with
    Django's internal ``_insert``, as ``save()`` does, because ``bulk_create`` refuses a
    model whose rows start in a parent table (wagtailcore_page).
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Page

    model = type(pages[0])
    assert list(model._meta.parents) == [Page], "one level below Page only"
    last = parent.get_last_child()
    first_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    for step, page in enumerate(pages, start=first_step):
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth, page.numchild = parent.depth + 1, 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id, page.content_type = parent.locale_id, content_type
        page.draft_title, page.live, page.has_unpublished_changes = page.title, True, False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.last_published_at or now
    base_fields = [f.attname for f in Page._meta.concrete_fields if not f.primary_key]
    rows = Page.objects.bulk_create(
        [Page(**{name: getattr(page, name) for name in base_fields}) for page in pages], batch_size=500
    )
    for page, row in zip(pages, rows, strict=True):
        page.page_ptr_id = page.id = row.pk
    own_fields = model._meta.local_concrete_fields
    batch = connection.ops.bulk_batch_size(own_fields, pages) or len(pages)
    for start in range(0, len(pages), batch):
        model._base_manager._insert(pages[start : start + batch], fields=own_fields)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


def seed_news(count):
    """``count`` live news items under the Dutch news index."""
    from home.models import NewsIndexPage, NewsPage

    if count <= 0:
        return []
    index = NewsIndexPage.objects.get(locale__language_code="nl")
    pages = [
        NewsPage(
            title=f"Benchmark news item {n}",
            slug=f"benchmark-news-{n}",
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n % 700),
            introduction=f"Item {n} about isotopes, education and the field.",
            body=[{"type": "paragraph", "value": PARAGRAPH}],
        )
        for n in range(count)
    ]
    return bulk_add_pages(index, pages)


def seed_courses(count, seed=2026):
    """Live Dutch courses up to ``count`` in all, the new ones covering three competencies each."""
    from home.models import Competency
    from learning.models import CourseIndexPage, CoursePage

    catalogue = CourseIndexPage.objects.filter(locale__language_code="nl").first()
    missing = count - CoursePage.objects.filter(locale__language_code="nl").count()
    if missing <= 0:
        return []
    courses = bulk_add_pages(
        catalogue,
        [
            CoursePage(
                title=f"Benchmark course {n}",
                slug=f"benchmark-course-{n}",
                summary="For the benchmark.",
                learning_objectives="<p>Objectives.</p>",
            )
            for n in range(missing)
        ],
    )
    competencies = list(Competency.objects.values_list("pk", flat=True))
    rng = random.Random(seed)
    covers = CoursePage._meta.get_field("competencies").remote_field.through
    covers.objects.bulk_create(
        [
            covers(coursepage_id=course.pk, competency_id=competency)
            for course in courses
            for competency in rng.sample(competencies, 3)
        ]
    )
    return courses


# Questionnaires.


def wave_fields(years_back):
    """load_demo_survey's fields for the wave ``years_back`` years before the open one."""
    from surveys.management.commands.load_demo_survey import earlier_fields

    def fields(language, ids):
        earlier = earlier_fields(language, ids)
        shift = datetime.timedelta(days=365 * (years_back - 1))
        year = str(2026 - years_back)
        return {
            **earlier,
            "title": earlier["title"].replace("2025", year),
            "slug": earlier["slug"].replace("2025", year),
            "opens_at": earlier["opens_at"] - shift,
            "closes_at": earlier["closes_at"] - shift,
        }

    return fields


def seed_surveys(waves, responses):
    """The demo questionnaire and ``waves - 1`` earlier waves, each with ``responses`` responses."""
    from django.core.management import call_command
    from django.db import transaction
    from wagtail.models import Site

    from surveys.management.commands.load_demo_survey import SERIES, TAUGHT_SINCE, create_survey
    from surveys.models import GapSurveyPage

    quiet = open(os.devnull, "w")
    call_command("load_demo_survey", responses=responses, stdout=quiet)
    home = Site.objects.get(is_default_site=True).root_page
    for years_back in range(2, waves):
        with transaction.atomic():
            create_survey(home, wave_fields(years_back))
    earlier = GapSurveyPage.objects.filter(series=SERIES, locale__language_code="nl").order_by("-opens_at")
    for n, survey in enumerate(earlier[1:waves]):
        call_command(
            "generate_survey_responses",
            survey=survey.pk,
            responses=responses,
            seed=2025 - n,
            behind=TAUGHT_SINCE,
            stdout=quiet,
        )


def open_survey():
    from surveys.management.commands.load_demo_survey import SLUG
    from surveys.models import GapSurveyPage

    return GapSurveyPage.objects.get(locale__language_code="nl", slug=SLUG["nl"])


def first_step_post(client, survey):
    """Walk ``client`` through consent and profile; return the answer URL, the POST data of the
    first question step, and the name of the step that POST shows next."""
    url = survey.url + "answer/"
    prefix = f"survey-{survey.pk}-current_step"
    client.get(url)
    client.post(url, {prefix: "consent", "consent-consent": "on"})
    client.post(url, {prefix: "profile", **{f"profile-{k}": v for k, v in PROFILE.items()}})
    (name, step), (following, _step) = survey.step_blocks()[:2]
    ids = [block.id.replace("-", "") for block in step.value["questions"]]
    answers = {ids[0]: "1", ids[1]: ["0", "2"], ids[2]: "3", ids[3]: "24", ids[4]: "Physicist"}
    return url, {prefix: name, **{f"{name}-{k}": v for k, v in answers.items()}}, following


# Learners.


def right_answers(course):
    from learning.management.commands.load_demo_courses import right_answers as answers

    return answers(course)


def new_learners(count, prefix="learner"):
    """``count`` learners, each with a verified address and a learner profile."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import User

    from learning.models import LearnerProfile

    password = make_password("x" * 20)  # hashing is slow on purpose: once for all
    users = User.objects.bulk_create(
        [
            User(username=f"{prefix}{n}@example.org", email=f"{prefix}{n}@example.org", password=password)
            for n in range(count)
        ],
        batch_size=1000,
    )
    profiles = LearnerProfile.objects.bulk_create(
        [LearnerProfile(user=u, certificate_name=f"Learner {n}") for n, u in enumerate(users)],
        batch_size=1000,
    )
    for user, profile in zip(users, profiles, strict=True):
        user.learner = profile
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users], batch_size=1000
    )
    return users


def enrol(pairs):
    """An enrolment for each (user, course)."""
    from learning.models import Enrolment

    return Enrolment.objects.bulk_create(
        [Enrolment(user=user, course=course, course_key=course.translation_key) for user, course in pairs],
        batch_size=1000,
    )


def do_lessons(enrolments, first=None):
    """Lessons done for each enrolment: all of its course's, or its ``first`` few."""
    from learning.models import LessonProgress

    courses = {e.course_id: e.course for e in enrolments}
    lessons = {pk: [lesson.translation_key for lesson in c.lessons()] for pk, c in courses.items()}
    LessonProgress.objects.bulk_create(
        [
            LessonProgress(enrolment=e, lesson_key=key)
            for e in enrolments
            for key in lessons[e.course_id][:first]
        ],
        batch_size=2000,
    )


def pass_quizzes(enrolments):
    """A submitted quiz attempt with every answer right for each enrolment."""
    from learning.models import QuizAttempt

    answers = {e.course_id: right_answers(e.course) for e in enrolments}
    QuizAttempt.objects.bulk_create(
        [
            QuizAttempt(
                enrolment=e,
                token=f"bench-{e.pk}",
                order=[[q, [0]] for q in answers[e.course_id]],
                answers=answers[e.course_id],
                score=100,
                passed=True,
                submitted_at=e.enrolled_at,
            )
            for e in enrolments
        ],
        batch_size=1000,
    )


def pass_courses(enrolments):
    """Every lesson done and the quiz passed: owed a certificate."""
    do_lessons(enrolments)
    pass_quizzes(enrolments)


def certify(enrolments, rng):
    """The certificate each (passed) enrolment earned, as ``Certificate.issue`` fills it in, completed
    on a day in the last twenty months."""
    from django.utils import timezone

    from learning.models import CERTIFICATE_VALID_FOR, Certificate

    courses = {e.course_id: e.course for e in enrolments}
    competencies = {pk: [c.name for c in course.competencies.all()] for pk, course in courses.items()}
    today = timezone.localdate()
    certificates = []
    for e in enrolments:
        course, completed = courses[e.course_id], today - datetime.timedelta(days=rng.randrange(600))
        certificates.append(
            Certificate(
                user_id=e.user_id,
                course=course,
                course_key=course.translation_key,
                enrolment=e,
                learner_name=e.user.learner.certificate_name,
                course_title=course.title,
                competencies=competencies[e.course_id],
                points=course.points if course.accredited_on(completed) else 0,
                accrediting_body=course.accrediting_body,
                activity_id=course.activity_id,
                completed_on=completed,
                expires_on=completed + CERTIFICATE_VALID_FOR,
            )
        )
    return Certificate.objects.bulk_create(certificates, batch_size=1000)


def seed_learners(count, enrolments, seed=2026):
    """``count`` learners with ``enrolments`` enrolments between them, spread over the live Dutch
    courses; a share completed with a certificate, the rest on their first lesson. The first learner
    completed the first demo course (which has lessons): the benchmark's learner."""
    from learning.models import CoursePage

    rng = random.Random(seed)
    courses = list(CoursePage.objects.live().filter(locale__language_code="nl").order_by("pk"))
    users = new_learners(count)
    per_learner = min(max(enrolments // max(count, 1), 1), len(courses))
    pairs = [(users[0], courses[0])] + [(users[0], c) for c in rng.sample(courses[1:], per_learner - 1)]
    pairs += [(user, course) for user in users[1:] for course in rng.sample(courses, per_learner)]
    enrolled = enrol(pairs)
    done, started = [enrolled[0]], []
    for enrolment in enrolled[1:]:
        (done if rng.random() < COMPLETED_SHARE else started).append(enrolment)
    pass_courses(done)
    do_lessons(started, first=1)
    certify(done, rng)
    return len(enrolled), len(done)


def survey_analyst(username="analyst@example.org"):
    """An analyst with an authenticator app, as production asks of everyone who opens the admin."""
    from django.contrib.auth.models import Group, User
    from django_otp.plugins.otp_totp.models import TOTPDevice

    analyst = User.objects.create_user(username, username, "x" * 20)
    analyst.groups.add(Group.objects.get(name="Survey analysts"))
    TOTPDevice.objects.create(user=analyst, name="authenticator", confirmed=True)
    return analyst


def give_second_factor(client, user):
    """Pass the admin's two-factor check in ``client``'s session as ``user`` does after the password: the
    current code of their authenticator app, given on the project's two-factor page (cms/two_factor.py).
    A code counts once: one call per device every 30 seconds."""
    from django.urls import reverse
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user=user, confirmed=True)
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    response = client.post(f"{reverse('two_factor')}?next=/admin/", {"code": f"{code:0{device.digits}d}"})
    check_response("the two-factor page, given the current code", response, expect=302)
    if response["Location"] != "/admin/":
        raise WrongAnswer(f"the two-factor page sent the analyst to {response['Location']}, not /admin/")


# The requests of the load test, with their SQL queries.


def session_cookie(user):
    """The Cookie header of a browser in which ``user`` has logged in (and that holds a CSRF cookie);
    with an authenticator app, they have also given its code."""
    from django.conf import settings
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        give_second_factor(client, user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return f"{settings.CSRF_COOKIE_NAME}={'c' * 32}; {settings.SESSION_COOKIE_NAME}={session}"


def count_queries(method, path, cookie="", body="", expect=200, markers=()):
    """The SQL queries of one request, after one to warm the caches (and render what it renders once);
    refuses an answer that is not the page meant: another status, or without ``markers``."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    def send():
        # A new client each time: a response may set cookies that change the next request.
        client = Client(HTTP_HOST=HOST, HTTP_COOKIE=cookie)
        if method == "POST":
            return client.post(path, body, content_type="application/x-www-form-urlencoded")
        return client.get(path)

    send()
    with CaptureQueriesContext(connection) as captured:
        response = send()
    check_response(f"{method} {path} ({cookie[:20] or 'no cookie'})", response, markers, expect)
    return len(captured)


def target(name, mode, path, cookie="", markers=()):
    """A GET of ``path`` with ``cookie`` (the Cookie header), what only its page shows, its SQL queries."""
    queries = count_queries("GET", path, cookie, markers=markers)
    return {
        "name": name,
        "mode": mode,
        "method": "GET",
        "path": path,
        "cookie": cookie,
        "sql": queries,
        "markers": list(markers),
    }


def post_target(name, mode, path, sessions, marker):
    """POSTs of ``path``, each from one of ``sessions`` ({cookie, body}) in turn; a 200 that shows
    ``marker`` is the answer expected."""
    first = sessions[0]
    queries = count_queries("POST", path, first["cookie"], first["body"], markers=[marker])
    return {
        "name": name,
        "mode": mode,
        "method": "POST",
        "path": path,
        "cookie": first["cookie"],
        "body": first["body"],
        "sql": queries,
        "sessions": sessions,
        "marker": marker,
        "markers": [marker],
    }


def respondents(survey, count):
    """``count`` browsers at the first question step: their Cookie header and the body they POST."""
    from django.conf import settings
    from django.test import Client

    names = settings.CSRF_COOKIE_NAME, settings.SESSION_COOKIE_NAME
    sessions = []
    for _ in range(count):
        client = Client(HTTP_HOST=HOST)
        url, data, following = first_step_post(client, survey)
        csrf, session = (client.cookies[name].value for name in names)
        body = urlencode({"csrfmiddlewaretoken": csrf, **data}, doseq=True)
        sessions.append({"cookie": f"{names[0]}={csrf}; {names[1]}={session}", "body": body})
    prefix = f"survey-{survey.pk}-current_step"
    return url, sessions, f'name="{prefix}" value="{following}"'


ROBOTS = ("User-agent: *", "Sitemap: ")


def anonymous_pages():
    """(name, path, markers) of each page an anonymous visitor reads: markers are what only it shows."""
    from django.urls import reverse

    from committee.models import CommitteePage
    from home.models import EventPage, HomePage, NewsIndexPage, NewsPage
    from learning.models import CoursePage

    def dutch(model):
        return model.objects.live().filter(locale__language_code="nl")

    pages = [
        ("home", dutch(HomePage).first()),
        ("news index", dutch(NewsIndexPage).first()),
        ("news page", dutch(NewsPage).order_by("-date").first()),
        ("event page", dutch(EventPage).order_by("-start").first()),
        ("course page", dutch(CoursePage).order_by("pk").first()),
        ("committee", dutch(CommitteePage).order_by("path").first()),
    ]
    robots = [("robots.txt", reverse("robots_txt"), ROBOTS)]
    return robots + [(name, page.url, (page_marker(page),)) for name, page in pages]


def report_markers(survey):
    """What only the gap report of ``survey`` shows: its title, the headings of its figures, and the
    competency with the largest gap heading the ranking."""
    from django.utils.html import escape

    from surveys import report

    gaps = report.competency_gaps(report.submitted(survey))
    assert gaps, f"{survey.title}: no competency gaps to report"
    return (
        escape(survey.title),
        'id="gaps-heading"',
        'id="heatmap-heading"',
        f'<th scope="row">{escape(gaps[0].competency.name)}</th>',
    )


# The pages a logged-in learner reads: each renders for them alone, never from the page cache.
LEARNER_PAGES = ("home", "news page", "event page", "course page", "committee")


def targets(sessions):
    """Every request of the load test, in the order of the table."""
    from django.contrib.auth.models import User
    from django.urls import reverse
    from django.utils import translation

    from learning.models import Certificate, CoursePage

    rows = []
    learner = User.objects.get(username=BENCH_LEARNER)
    learner_cookie = session_cookie(learner)
    for name, path, markers in anonymous_pages():
        rows.append(target(name, "cached", path, markers=markers))
        rows.append(target(name, "uncached", path, "sessionid=bench", markers))
        if name in LEARNER_PAGES:
            rows.append(target(name, "learner", path, learner_cookie, markers))
    course = CoursePage.objects.live().filter(locale__language_code="nl").order_by("pk").first()
    lesson = course.lessons().first()
    rows.append(target("lesson page", "learner", lesson.url, learner_cookie, [page_marker(lesson)]))
    survey = open_survey()
    url, posts, marker = respondents(survey, sessions)
    rows.append(post_target("survey step", "respondent", url, posts, marker))
    report = reverse("survey_report", args=[survey.pk])
    analyst = session_cookie(survey_analyst())
    rows.append(target("gap report", "analyst", report, analyst, report_markers(survey)))
    certificate = Certificate.objects.filter(user=learner).order_by("pk").first()
    with translation.override("nl"):
        download = reverse("certificate_download", args=[certificate.verification_code])
    rows.append(target("certificate", "owner", download, learner_cookie, [PDF]))
    return rows


# The whole database for bench/run.py.


def stage(label, function, *args):
    """Run one stage of the seeding and say how long it took."""
    start = time.perf_counter()
    print(f"  {label} ...", end=" ", flush=True)
    result = function(*args)
    print(f"{time.perf_counter() - start:.1f} s", flush=True)
    return result


def demo_site():
    load_demo()


def analyse():
    """Fresh planner statistics, as autovacuum would have them a minute after a bulk load."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def main():
    args = parse_args()
    import django

    django.setup()
    start = time.perf_counter()
    print("Seeding:", flush=True)
    stage("migrate, static files, demo site, courses and committees", demo_site)
    stage(f"{args.news} news items", seed_news, args.news)
    stage(
        f"{args.surveys} questionnaire waves x {args.responses} responses",
        seed_surveys,
        args.surveys,
        args.responses,
    )
    stage(f"courses up to {args.courses}", seed_courses, args.courses)
    stage(
        f"{args.learners} learners, {args.enrolments} enrolments",
        seed_learners,
        args.learners,
        args.enrolments,
    )
    stage("ANALYZE", analyse)
    seconds = time.perf_counter() - start
    rows = stage("sessions and SQL queries per request", targets, args.sessions)
    args.targets.write_text(json.dumps({"seconds": seconds, "volume": volume(), "targets": rows}))
    print(f"Seeded in {seconds:.0f} s", flush=True)


def volume():
    """What the database holds, for the line above the table."""
    from home.models import NewsPage
    from learning.models import Certificate, CoursePage, Enrolment, LearnerProfile
    from surveys.models import GapSurveyPage, Response

    return (
        f"{NewsPage.objects.count()} news items, "
        f"{GapSurveyPage.objects.filter(locale__language_code='nl').count()} questionnaires with "
        f"{Response.objects.submitted().count()} responses, "
        f"{CoursePage.objects.filter(locale__language_code='nl').count()} courses, "
        f"{LearnerProfile.objects.count()} learners, {Enrolment.objects.count()} enrolments, "
        f"{Certificate.objects.count()} certificates"
    )


if __name__ == "__main__":
    main()
