"""The permission matrix: every URL pattern of the project, for every role, against a table kept here.

No page may show its visitor what their role may not see, and removing a protection must fail a test.
The module walks ``get_resolver().url_patterns`` (nested includes; the language prefix of
``i18n_patterns`` written ``<lang>/``) and finds each route's row: an exact route in ``ROWS``, else a
prefix in ``GLOBS``. A row says, per role, what the visitor gets: 200, a redirect to the right login
(allauth's ``account_login`` on the front end, Wagtail's for /admin/, Django's for /django-admin/),
Wagtail's refusal of signed-in staff (back to the dashboard with a message), another designed
redirect, 403, 404 or 405. An admin 404 reaches the visitor as LocaleMiddleware's redirect to the
same path under /nl/, which then 404s: that counts as 404.

Roles (ten): anonymous, learner (verified account, enrolled, certified), survey respondent (a
submitted response), committee member (a current seat), editor, moderator, survey analyst, course
administrator (the groups of the data migrations), staff (``is_staff`` with admin access and no
group) and superuser.

- A route without a row fails, naming the route; a row that matches no route fails too (stale).
  Globs cover only Django's, Wagtail's and allauth's own views: the project's views (home, learning,
  surveys, committee, cms), its modeladmin listings and the listing, editor and chooser of each of
  its snippets always need an exact row.
- Parameters are real objects, owned or not: the learner's certificate and another learner's, the
  analyst's job, a committee the member sits on and one they do not, minutes, unused and unknown
  tokens. Glob rows get a generic sample (an existing page id, ``1``, a made-up uuid) and are asked
  for the roles without admin (anonymous, learner, respondent, committee member; for Django's admin
  every role without ``is_staff``), anonymous and one other in turn: those are refused before any
  view runs, so the sample never matters. What staff may do there is Wagtail's and Django's own
  policy; its pages that matter to the project's groups (users, groups, sites, settings, pages,
  documents, ...) have exact rows.
- The page tree is the row of Wagtail's catch-all route: a case per kind of page whose answer
  depends on the visitor (members' areas, the coverage matrix, lessons and the quiz, invitation-only
  and closed questionnaires, private pages, drafts, ...) and a few public ones.
- A case that treats every role alike is asked as ``REPRESENTATIVES`` only; every other case is
  asked as every role it names, except that of the four roles Wagtail's admin gate sends to its
  login, anonymous and one other in turn are asked. POST cases are refusals or harmless.

To add a URL: add its row, with the outcome of each role and why. The data is built once per module
(in a transaction rolled back at the end); each test lists every mismatch (route, URL, role,
expected, got) in one assertion.
"""

import datetime
import json
import re
import uuid
from dataclasses import dataclass

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission, User
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import timezone, translation
from django_celery_results.models import TaskResult
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms import jobs
from committee.models import (
    KPI,
    CommitteePage,
    CurriculumAction,
    Meeting,
    Membership,
    Person,
    StateOfTheFieldPage,
    VacancyApplication,
)
from home.models import (
    Competency,
    CompetencyDomain,
    EventRegistration,
    NewsletterMailing,
    NewsletterSubscriber,
    StandardPage,
)
from learning import views as learning_views
from learning.models import Certificate, QuizAttempt
from surveys.models import GapSurveyPage, Invitation, Response

from .factories import (
    dutch_home,
    make_committee,
    make_event,
    make_event_index,
    make_news,
    make_news_index,
    make_organisation,
    make_organisation_index,
    make_standard_page,
    publish,
)
from .helpers import rolled_back
from .learning_factories import enrol, finish_lessons, make_course, make_learner, right_answers
from .survey_factories import make_survey
from .test_committee import vacancy as make_vacancy

pytestmark = pytest.mark.xdist_group("permission_matrix")  # one worker builds the world once

# Roles

ROLES = (
    "anonymous",
    "learner",
    "respondent",
    "committee_member",
    "editor",
    "moderator",
    "survey_analyst",
    "course_admin",
    "staff",
    "superuser",
)
NO_ADMIN = ("anonymous", "learner", "respondent", "committee_member")
# Who asks for a page that the table answers alike for every role: a visitor, an account, an editor
# (front-end pages show editors Wagtail's user bar) and a superuser.
REPRESENTATIVES = ("anonymous", "learner", "editor", "superuser")
STAFF_ROLES = ROLES[len(NO_ADMIN) :]
PROJECT_PACKAGES = {"home", "learning", "surveys", "committee", "cms"}
PROJECT_APPS = "home|learning|surveys|committee"

# Outcomes


def dutch(name):
    with translation.override("nl"):
        return reverse(name)


@dataclass(frozen=True)
class Outcome:
    """A status, and for a redirect its target: the whole of it, or its start when ``prefix``."""

    status: int
    location: str = ""
    prefix: bool = False

    def accepts(self, status, location, world):
        if status != self.status:
            return False
        target = self.location.format_map(world)
        return not target or (location.startswith(target) if self.prefix else location == target)

    def __str__(self):
        return (
            f"{self.status} → {self.location}{'…' if self.prefix else ''}"
            if self.location
            else str(self.status)
        )


def redirect(location, prefix=False):
    return Outcome(302, location, prefix)


OK = Outcome(200)
LOGIN = redirect(dutch("account_login") + "?next=", prefix=True)
ADMIN_LOGIN = redirect(reverse("wagtailadmin_login") + "?next=", prefix=True)
DJANGO_ADMIN_LOGIN = redirect(reverse("admin:login") + "?next=", prefix=True)
# Wagtail answers a signed-in user's PermissionDenied with a message on the dashboard.
DASHBOARD = redirect(reverse("wagtailadmin_home"))
DASHBOARD_OF_LEARNERS = redirect(dutch("learning_dashboard"))
FORBIDDEN = Outcome(403)
NOT_FOUND = Outcome(404)
NOT_ALLOWED = Outcome(405)


def expect(default, **outcomes):
    """{role: outcome} with ``default`` for every role not named; None: not asked."""
    unknown = set(outcomes) - set(ROLES)
    assert not unknown, f"no such roles: {unknown}"
    return {role: outcomes.get(role, default) for role in ROLES}


def everyone(outcome):
    return expect(outcome)


def signed_in(outcome=OK, **others):
    """A front-end view for accounts: anonymous visitors log in first."""
    return expect(outcome, **{"anonymous": LOGIN, **others})


def admin_view(*granted, outcome=OK, refused=DASHBOARD):
    """A view behind Wagtail's admin access: its login for those without it, ``outcome`` for the roles
    granted (and superusers), ``refused`` for the other staff."""
    return expect(
        refused, **dict.fromkeys(NO_ADMIN, ADMIN_LOGIN), **dict.fromkeys((*granted, "superuser"), outcome)
    )


NO_ADMIN_ACCESS = expect(None, **dict.fromkeys(NO_ADMIN, ADMIN_LOGIN))
NOBODY = admin_view(outcome=DASHBOARD)  # not even superusers: the view refuses everyone


@dataclass(frozen=True)
class Case:
    """One request: ``url`` is filled from the world (``{course.url}``); ``expected`` per role."""

    url: str
    expected: dict
    method: str = "get"


def case(url, expected, method="get"):
    return [Case(url, expected, method)]


@dataclass(frozen=True)
class Glob:
    """The routes under ``prefix`` served by Django's or Wagtail's own code, except ``excluding``;
    asked for the roles ``expected`` names, with a generic sample for each parameter."""

    prefix: str
    expected: dict
    excluding: str = r"^$"

    def matches(self, route, package):
        return (
            route.startswith(self.prefix)
            and package not in PROJECT_PACKAGES
            and package != "wagtail_modeladmin"
            and not re.search(self.excluding, route)
        )


# The table


def snippet_rows(app, model, key, *, see, add, change, delete, choose=STAFF_ROLES, results=False):
    """The listing, editor and chooser of one snippet model; ``key`` names an instance in the world.
    The roles come from the groups' permissions (data migrations); superusers may do everything.
    ``results``: the listing's own results view is the project's (a formula-safe export)."""
    base, chooser = f"admin/snippets/{app}/{model}/", f"admin/snippets/choose/{app}/{model}/"
    rows = {
        base: case(f"/{base}", admin_view(*see)),
        f"{base}add/": case(f"/{base}add/", admin_view(*add)),
        f"{base}edit/<int:pk>/": case(f"/{base}edit/{{{key}.pk}}/", admin_view(*change)),
        f"{base}delete/<int:pk>/": case(f"/{base}delete/{{{key}.pk}}/", admin_view(*delete)),
        chooser: case(f"/{chooser}", admin_view(*choose)),
    }
    if results:
        rows[f"{base}results/"] = case(f"/{base}results/", admin_view(*see))
    if choose != STAFF_ROLES:  # the project's own chooser views (cms/admin_access.py)
        rows[f"{chooser}results/"] = case(f"/{chooser}results/", admin_view(*choose))
        rows[f"{chooser}chosen/<str:pk>/"] = case(f"/{chooser}chosen/{{{key}.pk}}/", admin_view(*choose))
        rows[f"{chooser}chosen-multiple/"] = case(
            f"/{chooser}chosen-multiple/?id={{{key}.pk}}", admin_view(*choose)
        )
    return rows


def kept_by(roles, **others):
    """Who lists (``see``), adds, edits and deletes a snippet: ``roles``, unless ``others`` say otherwise."""
    return {"see": roles, "add": roles, "change": roles, "delete": roles, **others}


def modeladmin_rows(app, model, key, *, see, change):
    """A wagtail-modeladmin listing: who lists, inspects and reads the history of an object (``see``),
    who creates, edits and deletes (``change``); ``key`` names an instance in the world."""
    base = f"admin/{app}/{model}/"
    rows = {
        f"{base}$": case(f"/{base}", see),
        f"{base}create/$": case(f"/{base}create/", change),
    }
    for action, expected in (("edit", change), ("delete", change), ("inspect", see), ("history", see)):
        route = f"{base}{action}/(?P<instance_pk>[-\\w]+)/$"
        rows[route] = case(f"/{base}{action}/{{{key}.pk}}/", expected)
    return rows


EDITORS = ("editor", "moderator")
MODERATORS = ("moderator",)
MEMBERS_ONLY = expect(FORBIDDEN, anonymous=LOGIN, committee_member=OK, moderator=OK, superuser=OK)
COVERAGE = expect(FORBIDDEN, anonymous=LOGIN, committee_member=OK, editor=OK, moderator=OK, superuser=OK)
NOT_ENROLLED = redirect("{course.url}")

ROWS = {
    # Outside the language prefix.
    "sitemap.xml": case("/sitemap.xml", everyone(OK)),
    "robots.txt": case("/robots.txt", everyone(OK)),
    "healthz": case("/healthz", everyone(OK)),
    "documents/(\\d+)/(.*)$": [
        Case("{public_document.url}", everyone(OK)),
        # Minutes: for the members of the meeting's committee, and moderators (every members' area).
        Case("{minutes.url}", MEMBERS_ONLY),
        Case("/documents/999999/nothing.txt", everyone(NOT_FOUND)),
    ],
    "documents/authenticate_with_password/<int:restriction_id>/": [
        Case("/documents/authenticate_with_password/{collection_restriction.pk}/", everyone(OK)),
        Case("/documents/authenticate_with_password/999999/", everyone(NOT_FOUND)),
    ],
    # Django's admin: staff only; is_staff alone opens no records.
    "django-admin/": case("/django-admin/", expect(DJANGO_ADMIN_LOGIN, staff=OK, superuser=OK)),
    "django-admin/login/": case(
        "/django-admin/login/",
        expect(OK, staff=redirect("/django-admin/"), superuser=redirect("/django-admin/")),
    ),
    "django-admin/logout/": case(
        "/django-admin/logout/", expect(redirect("/django-admin/"), staff=NOT_ALLOWED, superuser=NOT_ALLOWED)
    ),
    "django-admin/auth/user/": case(
        "/django-admin/auth/user/", expect(DJANGO_ADMIN_LOGIN, staff=FORBIDDEN, superuser=OK)
    ),
    # Accounts (allauth).
    "<lang>/account/login/": case("/nl/account/login/", signed_in(DASHBOARD_OF_LEARNERS, anonymous=OK)),
    "<lang>/account/logout/": case("/nl/account/logout/", signed_in(anonymous=redirect("/"))),
    "<lang>/account/inactive/": case("/nl/account/inactive/", everyone(OK)),
    "<lang>/account/signup/": case("/nl/account/signup/", signed_in(DASHBOARD_OF_LEARNERS, anonymous=OK)),
    "<lang>/account/reauthenticate/": case("/nl/account/reauthenticate/", signed_in()),
    "<lang>/account/email/": case("/nl/account/email/", signed_in()),
    "<lang>/account/confirm-email/": case("/nl/account/confirm-email/", everyone(OK)),
    "<lang>/account/password/change/": case("/nl/account/password/change/", signed_in()),
    "<lang>/account/password/set/": case(
        "/nl/account/password/set/", signed_in(redirect(dutch("account_change_password")))
    ),
    "<lang>/account/password/reset/": case("/nl/account/password/reset/", everyone(OK)),
    "<lang>/account/login/code/confirm/": case(
        "/nl/account/login/code/confirm/",
        signed_in(DASHBOARD_OF_LEARNERS, anonymous=redirect(dutch("account_login"))),
    ),
    "<lang>/account/confirm-email/(?P<key>[-:\\w]+)/$": case(
        "/nl/account/confirm-email/no-such-key/", everyone(OK)
    ),
    "<lang>/account/password/reset/key/done/": case("/nl/account/password/reset/key/done/", everyone(OK)),
    "<lang>/account/password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": case(
        "/nl/account/password/reset/key/1-no-such-key/", everyone(OK)
    ),
    "<lang>/account/password/reset/done/": case("/nl/account/password/reset/done/", everyone(OK)),
    # The learner's pages.
    "<lang>/learning/": case("/nl/learning/", signed_in()),
    "<lang>/learning/profile/": case("/nl/learning/profile/", signed_in()),
    "<lang>/learning/portfolio/": case(
        "/nl/learning/portfolio/?start=2020-01-01&end=2099-12-31", signed_in()
    ),
    "<lang>/learning/my-data/": case("/nl/learning/my-data/", signed_in()),
    "<lang>/learning/certificates/<str:code>/pdf/": [
        # Its owner and the staff who may see results; to everyone else it does not exist.
        Case(
            "/nl/learning/certificates/{own_certificate.verification_code}/pdf/",
            signed_in(NOT_FOUND, learner=OK, course_admin=OK, superuser=OK),
        ),
        Case(
            "/nl/learning/certificates/{other_certificate.verification_code}/pdf/",
            signed_in(NOT_FOUND, course_admin=OK, superuser=OK),
        ),
        Case("/nl/learning/certificates/NO-SUCH-CODE/pdf/", signed_in(NOT_FOUND)),
    ],
    "<lang>/learning/verify/": case("/nl/learning/verify/", everyone(OK)),
    "<lang>/learning/verify/<str:code>/": [
        # The public check says valid, expired or revoked to anyone who has the code.
        Case("/nl/learning/verify/{own_certificate.verification_code}/", everyone(OK)),
        Case("/nl/learning/verify/NO-SUCH-CODE/", everyone(NOT_FOUND)),
    ],
    # Search and the newsletter.
    "<lang>/search/": case("/nl/search/?q=veld", everyone(OK)),
    "<lang>/newsletter/": case("/nl/newsletter/", everyone(OK)),
    "<lang>/newsletter/sent/": case("/nl/newsletter/sent/", everyone(OK)),
    "<lang>/newsletter/confirm/<str:token>/": [
        Case("/nl/newsletter/confirm/{subscriber.token}/", everyone(OK)),
        Case("/nl/newsletter/confirm/no-such-token/", everyone(NOT_FOUND)),
    ],
    "<lang>/newsletter/unsubscribe/<str:token>/": [
        Case("/nl/newsletter/unsubscribe/{subscriber.token}/", everyone(OK)),
        Case("/nl/newsletter/unsubscribe/no-such-token/", everyone(NOT_FOUND)),
    ],
    # Wagtail's front-end helpers for private pages.
    "<lang>/_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": case(
        "/nl/_util/authenticate_with_password/{password_restriction.pk}/{password_page.pk}/", everyone(OK)
    ),
    # Wagtail's own login would skip allauth's e-mail verification: it hands over to allauth.
    "<lang>/_util/login/": case("/nl/_util/login/?next=/nl/intranet/", everyone(LOGIN)),
    # The page tree.
    "<lang>/((?:[\\w\\-]+/)*)$": [
        Case("/nl/", everyone(OK)),
        Case("{standard_page.url}", everyone(OK)),
        Case("/nl/no-such-page/", everyone(NOT_FOUND)),
        Case("{draft.url}", everyone(NOT_FOUND)),
        # Wagtail's privacy: "logged-in users" and "these groups" (signed-in outsiders log in again).
        Case("{login_page.url}", signed_in()),
        Case("{group_page.url}", expect(LOGIN, editor=OK, superuser=OK)),
        Case("{password_page.url}", everyone(OK)),  # the password form, not the page
        Case("{news_index.url}", everyone(OK)),
        Case("{news_index.url}feed/", everyone(OK)),
        Case("{news_index.url}feed/atom/", everyone(OK)),
        Case("{news.url}", everyone(OK)),
        Case("{event.url}", everyone(OK)),
        Case("{event.url}register/", everyone(OK)),
        Case("{event.url}register/done/", everyone(OK)),
        Case("{event.url}ics/", everyone(OK)),
        Case("{organisations.url}", everyone(OK)),
        Case("{state_of_the_field.url}", everyone(OK)),
        # Committees: public pages; members' areas for the committee's members and moderators.
        Case("{committee_index.url}", everyone(OK)),
        Case("{committee.url}", everyone(OK)),
        Case("{committee.url}ics/", everyone(OK)),
        Case("{committee.url}members/", MEMBERS_ONLY),
        Case("{other_committee.url}members/", expect(FORBIDDEN, anonymous=LOGIN, moderator=OK, superuser=OK)),
        Case("{committee.url}members/actions/{action.pk}/close/", signed_in(FORBIDDEN)),  # POST only
        Case(
            "{committee.url}members/actions/{action.pk}/close/",
            expect(
                FORBIDDEN,
                anonymous=LOGIN,
                **dict.fromkeys(
                    ("committee_member", "moderator", "superuser"), redirect("{committee.url}members/")
                ),
            ),
            method="post",
        ),
        Case("{vacancy.url}", everyone(OK)),
        # The coverage matrix: editors (a permission) and committee members.
        Case("{committee_index.url}coverage/", COVERAGE),
        Case("{committee_index.url}coverage/action/{competency.pk}/", COVERAGE),
        Case(
            "{committee_index.url}coverage/action/999999/",
            {**COVERAGE, **{role: NOT_FOUND for role, seen in COVERAGE.items() if seen == OK}},
        ),
        # Courses are public; lessons and the quiz are for enrolled learners.
        Case("{catalogue.url}", everyone(OK)),
        Case("{course.url}", everyone(OK)),
        Case("{course.url}enrol/", everyone(NOT_ALLOWED)),
        Case("{course.url}enrol/", expect(None, anonymous=LOGIN), method="post"),
        Case("{course.url}retake/", everyone(NOT_ALLOWED)),
        Case("{course.url}quiz/", signed_in(NOT_ENROLLED)),  # the learner has passed it already
        Case("{lesson.url}", signed_in(NOT_ENROLLED, learner=OK)),
        # Questionnaires answer every role alike: open to all, closed to all, or by invitation.
        Case("{survey.url}", everyone(OK)),
        Case("{survey.url}answer/", everyone(OK)),
        Case("{survey.url}thanks/", everyone(OK)),
        Case("{survey.url}resume-link/", everyone(NOT_ALLOWED)),
        Case("{survey.url}resume/no-such-key/", everyone(redirect("{survey.url}answer/"))),
        Case("{invitation_survey.url}answer/", everyone(FORBIDDEN)),
        Case("{invitation_survey.url}invitation/no-such-token/", everyone(FORBIDDEN)),
        Case(
            "{invitation_survey.url}invitation/{invitation.token}/",
            everyone(redirect("{invitation_survey.url}answer/")),
        ),
        Case("{closed_survey.url}answer/", everyone(FORBIDDEN)),
    ],
    # The project's admin views (register_admin_urls).
    "admin/newsletter/mailings/<int:pk>/send/": [
        Case("/admin/newsletter/mailings/{mailing.pk}/send/", admin_view("moderator")),
        Case("/admin/newsletter/mailings/999999/send/", admin_view("moderator", outcome=NOT_FOUND)),
    ],
    "admin/two-factor/": case("/admin/two-factor/", admin_view(*STAFF_ROLES)),  # every admin user's own
    "admin/personal-data/": case("/admin/personal-data/", admin_view()),  # superusers only
    # Background jobs: each for whoever started it (and superusers); to others they do not exist.
    "admin/jobs/": case("/admin/jobs/", admin_view(refused=NOT_FOUND)),
    "admin/jobs/<uuid:job_id>/": case("/admin/jobs/{job}/", admin_view("survey_analyst", refused=NOT_FOUND)),
    "admin/jobs/<uuid:job_id>/file/": case(
        "/admin/jobs/{job}/file/", admin_view("survey_analyst", refused=NOT_FOUND)
    ),
    "admin/gap-reports/": case("/admin/gap-reports/", admin_view("survey_analyst")),
    "admin/gap-reports/<int:page_id>/": [
        Case("/admin/gap-reports/{survey.pk}/", admin_view("survey_analyst")),
        Case("/admin/gap-reports/999999/", admin_view("survey_analyst", outcome=NOT_FOUND)),
    ],
    "admin/gap-reports/<int:page_id>/invitations/": case(
        "/admin/gap-reports/{invitation_survey.pk}/invitations/", admin_view("moderator", "survey_analyst")
    ),
    "admin/gap-reports/<int:page_id>/export/<str:what>/": [
        Case("/admin/gap-reports/{survey.pk}/export/responses/", admin_view("survey_analyst")),
        Case("/admin/gap-reports/{survey.pk}/export/gaps/?format=csv", admin_view("survey_analyst")),
    ],
    "admin/course-statistics/": case("/admin/course-statistics/", admin_view("course_admin")),
    "admin/certificates/<int:pk>/revoke/": case(
        "/admin/certificates/{own_certificate.pk}/revoke/", admin_view("course_admin")
    ),
    "admin/certificates/issue-owed/": [
        Case("/admin/certificates/issue-owed/", admin_view(*STAFF_ROLES, outcome=NOT_ALLOWED)),
        Case(
            "/admin/certificates/issue-owed/",
            admin_view("course_admin", outcome=redirect("/admin/jobs/", prefix=True)),
            method="post",
        ),
    ],
    # Responses for analysts; results are read, never made or edited by hand (not even by superusers).
    **modeladmin_rows(
        "surveys", "response", "response", see=admin_view("survey_analyst"), change=admin_view()
    ),
    **modeladmin_rows("learning", "enrolment", "enrolment", see=admin_view("course_admin"), change=NOBODY),
    **modeladmin_rows(
        "learning", "certificate", "own_certificate", see=admin_view("course_admin"), change=NOBODY
    ),
    # Snippets of the project's models: who lists, adds, edits, deletes and chooses them.
    **snippet_rows("home", "competencydomain", "domain", **kept_by(MODERATORS, see=EDITORS)),
    **snippet_rows("home", "organisation", "organisation", **kept_by(EDITORS)),
    **snippet_rows("home", "newslettermailing", "mailing", **kept_by(EDITORS, delete=MODERATORS)),
    **snippet_rows("committee", "person", "person", **kept_by(MODERATORS)),
    **snippet_rows("committee", "membership", "membership", **kept_by(MODERATORS)),
    **snippet_rows("committee", "meeting", "meeting", **kept_by(EDITORS, delete=MODERATORS)),
    **snippet_rows("committee", "kpi", "kpi", **kept_by(EDITORS, delete=MODERATORS)),
    # Personal records and the committees' internal work: for moderators only, not even chosen by other
    # staff (editors draft mailings without reading the subscribers' addresses).
    **snippet_rows(
        "home",
        "eventregistration",
        "registration",
        **kept_by(MODERATORS, add=(), choose=MODERATORS),
        results=True,
    ),
    **snippet_rows(
        "home",
        "newslettersubscriber",
        "subscriber",
        **kept_by(MODERATORS, add=(), choose=MODERATORS),
        results=True,
    ),
    **snippet_rows(
        "committee",
        "vacancyapplication",
        "application",
        **kept_by(MODERATORS, choose=MODERATORS),
        results=True,
    ),
    **snippet_rows("committee", "curriculumaction", "action", **kept_by(MODERATORS, choose=MODERATORS)),
    # Wagtail's own admin, where it matters to the project's groups.
    "admin/": case("/admin/", admin_view(*STAFF_ROLES)),
    "admin/login/": case("/admin/login/", expect(DASHBOARD, **dict.fromkeys(NO_ADMIN, OK))),
    "admin/logout/": case("/admin/logout/", admin_view(*STAFF_ROLES, outcome=NOT_ALLOWED)),
    "admin/sprite/": case("/admin/sprite/", everyone(OK)),
    "admin/jsi18n/": case("/admin/jsi18n/", everyone(OK)),
    "admin/password_reset/": case("/admin/password_reset/", everyone(OK)),
    "admin/password_reset/done/": case("/admin/password_reset/done/", everyone(OK)),
    "admin/password_reset/confirm/<uidb64>/<token>/": case(
        "/admin/password_reset/confirm/MQ/no-such-token/", everyone(OK)
    ),
    "admin/password_reset/complete/": case("/admin/password_reset/complete/", everyone(OK)),
    "admin/pages/": case("/admin/pages/", admin_view(*EDITORS)),
    "admin/pages/<int:page_id>/edit/": case("/admin/pages/{standard_page.pk}/edit/", admin_view(*EDITORS)),
    "admin/pages/<int:page_id>/privacy/": case(
        "/admin/pages/{standard_page.pk}/privacy/", admin_view("moderator")
    ),
    "admin/documents/": case("/admin/documents/", admin_view(*EDITORS)),
    "admin/images/": case("/admin/images/", admin_view(*EDITORS)),
    "admin/forms/": case("/admin/forms/", admin_view(*EDITORS)),
    "admin/redirects/": case("/admin/redirects/", admin_view("moderator")),
    "admin/settings/<slug:app_name>/<slug:model_name>/": [
        Case(
            "/admin/settings/home/sitesettings/",
            admin_view("moderator", outcome=redirect("/admin/settings/home/sitesettings/", prefix=True)),
        ),
        Case(
            "/admin/settings/committee/coveragesettings/",
            admin_view(
                "moderator", outcome=redirect("/admin/settings/committee/coveragesettings/", prefix=True)
            ),
        ),
    ],
    "admin/users/": case("/admin/users/", admin_view()),
    "admin/groups/": case("/admin/groups/", admin_view()),
    "admin/sites/": case("/admin/sites/", admin_view()),
    "admin/locales/": case("/admin/locales/", admin_view()),
    "admin/collections/": case("/admin/collections/", admin_view()),
    "admin/workflows/list/": case("/admin/workflows/list/", admin_view()),
    "admin/snippets/": case("/admin/snippets/", NOBODY),  # every snippet has its own menu item
}

# Whole families of Django's, Wagtail's and allauth's routes, for the roles the rows name.
GLOBS = [
    # Wagtail's admin: nobody without admin access gets past its login.
    Glob(
        "admin/",
        NO_ADMIN_ACCESS,
        excluding=(
            rf"^admin/snippets/(({PROJECT_APPS})/\w+/(add/|(edit|delete)/<int:pk>/)?"
            rf"|choose/({PROJECT_APPS})/\w+/)$"
        ),
    ),
    # Django's admin: staff only (is_staff; neither learners nor Wagtail's editors have it).
    Glob("django-admin/", expect(None, **dict.fromkeys(ROLES[:8], DJANGO_ADMIN_LOGIN))),
]


# Walking the URL patterns


def join(first, second):
    """Routes joined the way Django's resolver joins them (ResolverMatch.route)."""
    return first + second.removeprefix("^") if first else second


def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            part = "<lang>/" if isinstance(pattern.pattern, LocalePrefixPattern) else str(pattern.pattern)
            yield from walk(pattern.url_patterns, join(prefix, part))
        else:
            yield join(prefix, str(pattern.pattern)), pattern


def project_routes():
    """{route: the package of its view}, for every URL pattern of the project (of two patterns with
    one route, the first: it is the one that answers)."""
    routes = {}
    for route, pattern in walk(get_resolver().url_patterns):
        routes.setdefault(route, getattr(pattern.callback, "__module__", "").split(".")[0])
    return routes


def row_of(route, package):
    """The exact row of a route, else the glob that covers it, else None."""
    if route in ROWS:
        return ROWS[route]
    return next((glob for glob in GLOBS if glob.matches(route, package)), None)


SAMPLES = {"page_id": "{home.pk}", "parent_page_id": "{home.pk}", "page_to_move_id": "{home.pk}"}


def sample(converter, name):
    if converter == "uuid":
        return str(uuid.UUID(int=1))
    return SAMPLES.get(name, "1" if converter == "int" else "home")


def sample_url(route):
    """A URL that reaches ``route``, with a sample for each parameter (for glob rows)."""
    url = route.replace("<lang>/", "nl/")
    url = re.sub(
        r"\(\?P<\w+>([^)]*)\)", lambda m: m[1].split("|")[0] if re.fullmatch(r"[\w|]+", m[1]) else "1", url
    )
    url = re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: sample(m[1], m[2]), url)
    return "/" + url.replace(".*", "nowhere").replace("\\.", ".").removesuffix("$")


def reaches(url, route):
    with translation.override("nl"):
        return resolve(url.split("?")[0]).route == route.replace("<lang>/", "nl/")


# The world: one of every kind of thing a role may or may not see


def verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def account(name, *groups, **fields):
    user = User.objects.create_user(name, f"{name}@example.org", "Isotopes-for-Everyone-2026", **fields)
    user.groups.add(*(Group.objects.get(name=group) for group in groups))
    return verified(user)


def certified(user, course):
    enrolment = enrol(user, course)
    finish_lessons(enrolment)
    QuizAttempt.start(enrolment).submit(right_answers(course))
    return enrolment.complete()


def roles():
    """A user per signed-in role, made the way the project makes them (groups from the migrations)."""
    staff = account("staff", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    superuser = User.objects.create_superuser("root", "root@example.org", "Isotopes-for-Everyone-2026")
    return {
        "learner": verified(make_learner("learner@example.org")),
        "respondent": account("respondent"),
        "committee_member": account("member"),
        "editor": account("editor", "Editors"),
        "moderator": account("moderator", "Moderators"),
        "survey_analyst": account("analyst", "Survey analysts"),
        "course_admin": account("courses", "Course administrators"),
        "staff": staff,
        "superuser": verified(superuser),
    }


def learning(world, users):
    course = make_course()
    world.update(
        course=course,
        catalogue=course.get_parent().specific,
        lesson=course.lessons().first(),
        own_certificate=certified(users["learner"], course),
        other_certificate=certified(make_learner("other@example.org"), course),
    )
    world["enrolment"] = world["own_certificate"].enrolment


def surveys(world, users):
    now = timezone.now()
    survey = make_survey()
    response = Response.start(survey, "nl")
    response.submit({"stakeholder_group": "company"}, [], [], respondent=users["respondent"])
    invitation_survey = make_survey(access=GapSurveyPage.Access.INVITATION)
    world.update(
        survey=survey,
        response=response,
        invitation_survey=invitation_survey,
        invitation=Invitation.objects.create(survey=invitation_survey, email="invited@example.org"),
        closed_survey=make_survey(
            opens_at=now - datetime.timedelta(days=60), closes_at=now - datetime.timedelta(days=30)
        ),
        domain=CompetencyDomain.objects.first(),
        competency=Competency.objects.first(),
    )


def committees(world, users):
    now = timezone.now()
    committee = make_committee()
    person = Person.objects.create(name="Lid", user=users["committee_member"])
    minutes = Document.objects.create(title="Notulen", file=ContentFile(b"secret", name="notulen.txt"))
    meeting = Meeting.objects.create(
        committee=committee,
        starts_at=now - datetime.timedelta(days=3),
        ends_at=now - datetime.timedelta(days=2),
        minutes=minutes,
    )
    vacancy = make_vacancy(committee, timezone.localdate() + datetime.timedelta(days=10), title="Zetel")
    world.update(
        committee=committee,
        committee_index=committee.get_parent().specific,
        other_committee=make_committee("action_group", "Actiegroep", "actiegroep", committee.get_parent()),
        person=person,
        membership=Membership.objects.create(
            committee=committee,
            person=person,
            seat_category="academia",
            stakeholder_group="research",
            term_start=timezone.localdate() - datetime.timedelta(days=100),
        ),
        meeting=meeting,
        minutes=minutes,
        kpi=KPI.objects.create(
            committee=committee, name="Opgeleid", unit="%", baseline=1, target=2, target_date="2030-01-01"
        ),
        action=CurriculumAction.objects.create(
            committee=committee,
            competency=world["competency"],
            description="Cursus",
            due_date=timezone.localdate(),
        ),
        vacancy=vacancy,
        application=VacancyApplication.objects.create(
            vacancy=vacancy,
            name="Kandidaat",
            email="kandidaat@example.org",
            organisation="Isotopen BV",
            motivation="Ervaring.",
        ),
    )


def pages(world):
    home = dutch_home()
    draft = StandardPage(title="Concept", slug="concept", live=False)
    home.add_child(instance=draft)
    draft.save_revision()
    world.update(
        home=home,
        draft=draft,
        standard_page=make_standard_page(),
        login_page=make_standard_page(title="Intranet", slug="intranet"),
        group_page=make_standard_page(title="Redactie", slug="redactie"),
        password_page=make_standard_page(title="Wachtwoord", slug="wachtwoord"),
        state_of_the_field=publish(
            home, StateOfTheFieldPage(title="Stand van het veld", slug="stand-van-het-veld")
        ),
        news_index=make_news_index(),
        organisations=make_organisation_index(),
        organisation=make_organisation(),
        public_document=Document.objects.create(
            title="Jaarplan", file=ContentFile(b"plan", name="jaarplan.txt")
        ),
    )
    PageViewRestriction.objects.create(page=world["login_page"], restriction_type=PageViewRestriction.LOGIN)
    restriction = PageViewRestriction.objects.create(
        page=world["group_page"], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Editors"))
    world["password_restriction"] = PageViewRestriction.objects.create(
        page=world["password_page"], restriction_type=PageViewRestriction.PASSWORD, password="isotoop"
    )
    world["news"] = make_news(world["news_index"])
    world["event"] = make_event(make_event_index(), registration_enabled=True)
    world["registration"] = EventRegistration.objects.create(
        event=world["event"], name="Bezoeker", email="bezoeker@example.org"
    )
    world["subscriber"] = NewsletterSubscriber.objects.create(email="lezer@example.org")
    world["mailing"] = NewsletterMailing.objects.create(subject="Nieuws", body="<p>Hallo</p>")
    collection = Collection.get_first_root_node().add_child(name="Besloten")
    world["collection_restriction"] = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="isotoop"
    )


def finished_job(user):
    """A background job the user started, finished, with its result file."""
    job = str(uuid.uuid4())
    path = default_storage.save(f"jobs/{job}/responses.csv", ContentFile(b"a,b\n"))
    TaskResult.objects.create(
        task_id=job,
        task_name="surveys.tasks.export_responses",
        status="SUCCESS",
        task_kwargs=json.dumps({"started_by": user.pk}),
        result=json.dumps({"file": path, "name": "responses.csv"}),
    )
    return job


def browser(user=None, n=1):
    """A test client of its own address (rate limits are per address), signed in as ``user``."""
    client = Client(HTTP_HOST="localhost", REMOTE_ADDR=f"10.0.0.{n}", raise_request_exception=False)
    client.user = user
    if user:
        client.force_login(user)
    return client


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Everything the table refers to, and a browser per role; rolled back after the module."""
    with rolled_back(django_db_blocker):
        users = roles()
        world = {}
        pages(world)
        learning(world, users)
        surveys(world, users)
        committees(world, users)
        world["job"] = finished_job(users["survey_analyst"])
        world["browsers"] = {"anonymous": browser()} | {
            role: browser(user, n) for n, (role, user) in enumerate(users.items(), start=2)
        }
        yield world


# Asking


def answer(client, case_, url):
    """(status, location) as the visitor meets it; an admin 404 comes as a redirect to /nl/… first."""
    if client.user and not getattr(client.cookies.get("sessionid"), "value", ""):
        client.force_login(client.user)  # Wagtail's logout view drops the cookie even when it refuses GET
    response = getattr(client, case_.method)(url)
    location = response.get("Location", "")
    if response.status_code == 302 and location == "/nl" + url:
        again = client.get(location)
        if again.status_code == 404:
            return 404, ""
    return response.status_code, location


def asked(expected, turn):
    """The roles a case is asked as: the representatives when it treats every role alike; else all it
    names, except that of the roles Wagtail's admin gate sends to its login, anonymous and one other
    (in turn, route by route) are asked: the same gate refuses them all."""
    if None not in expected.values() and len(set(expected.values())) == 1:
        return {role: expected[role] for role in REPRESENTATIVES}
    roles = {role: outcome for role, outcome in expected.items() if outcome is not None}
    if all(roles.get(role) == ADMIN_LOGIN for role in NO_ADMIN):
        roles = {role: outcome for role, outcome in roles.items() if role not in NO_ADMIN[1:]}
        roles[NO_ADMIN[1 + turn % (len(NO_ADMIN) - 1)]] = ADMIN_LOGIN
    return roles


def asked_in_turn(expected, turn):
    """A glob's route is asked as its first role (anonymous) and, in turn, one of the others: the
    same gate (Wagtail's admin access, Django's is_staff) refuses them all."""
    roles = [role for role, outcome in expected.items() if outcome is not None]
    return {role: expected[role] for role in (roles[0], roles[1 + turn % (len(roles) - 1)])}


def mismatches(world, routes):
    """Every (route, URL, role, expected, got) where the site and the table disagree."""
    found = []
    for turn, (route, package) in enumerate(routes.items()):
        row = row_of(route, package)
        cases = row if isinstance(row, list) else [Case(sample_url(route), row.expected)]
        for each in cases:
            url = each.url.format_map(world)
            if not reaches(url, route):
                found.append(f"{route}: {url} does not reach this route")
                continue
            roles = asked(each.expected, turn) if isinstance(row, list) else asked_in_turn(row.expected, turn)
            for role, expected in roles.items():
                status, location = answer(world["browsers"][role], each, url)
                if not expected.accepts(status, location, world):
                    got = f"{status} → {location}" if location else str(status)
                    found.append(
                        f"{route}: {each.method.upper()} {url} as {role}: expected {expected}, got {got}"
                    )
    return found


def report(found):
    return f"{len(found)} mismatches:\n" + "\n".join(found)


# The tests


def test_every_url_pattern_has_a_row_in_the_table():
    """A new URL is a decision about who may open it: without a row here, this fails."""
    missing = [route for route, package in project_routes().items() if row_of(route, package) is None]
    assert not missing, "URL patterns without a row in the permission matrix:\n" + "\n".join(missing)


def test_every_row_of_the_table_matches_a_url_pattern():
    """A row for a URL that no longer exists says nothing: the table is kept current."""
    routes = project_routes()
    stale = [route for route in ROWS if route not in routes]
    stale += [
        glob.prefix
        for glob in GLOBS
        if not any(route not in ROWS and glob.matches(route, p) for route, p in routes.items())
    ]
    assert not stale, "Rows of the permission matrix that match no URL pattern:\n" + "\n".join(stale)


def routes_where(condition):
    return {route: package for route, package in project_routes().items() if condition(route)}


@pytest.mark.django_db
def test_the_front_end_answers_every_role_as_the_table_says(world):
    """The site outside the admins: accounts, the learner's pages, search, newsletter, documents."""
    found = mismatches(world, routes_where(lambda r: not r.startswith(("admin/", "django-admin/"))))
    assert not found, report(found)


@pytest.mark.django_db
def test_the_admin_answers_every_role_as_the_table_says(world):
    """Wagtail's admin with the project's own views, and Django's admin."""
    found = mismatches(world, routes_where(lambda r: r.startswith(("admin/", "django-admin/"))))
    assert not found, report(found)


def without_owner_check(request, code):
    certificate = Certificate.objects.filter(verification_code=code).first()
    if certificate is None:
        raise Http404
    return certificate


def without_owner_of_job(request, job_id):
    return TaskResult.objects.filter(task_id=str(job_id)).first()


@pytest.mark.django_db
def test_the_matrix_names_whoever_sees_too_much_once_a_protection_is_gone(world, monkeypatch):
    """The matrix can fail: with the owner check of certificate downloads, the membership check of
    the minutes and the owner check of background jobs taken away, it names each leak."""
    monkeypatch.setattr(learning_views, "owned_certificate", without_owner_check)
    monkeypatch.setattr(CommitteePage, "has_member", lambda committee, user: user.is_authenticated)
    monkeypatch.setattr(jobs, "job_for", without_owner_of_job)
    routes = project_routes()
    checked = (
        "<lang>/learning/certificates/<str:code>/pdf/",
        "documents/(\\d+)/(.*)$",
        "admin/jobs/<uuid:job_id>/",
    )
    found = mismatches(world, {route: routes[route] for route in checked})
    leaks = [
        f"/nl/learning/certificates/{world['other_certificate'].verification_code}/pdf/ as learner: "
        "expected 404, got 200",
        f"{world['minutes'].url} as survey_analyst: expected 403, got 200",
        f"/admin/jobs/{world['job']}/ as editor: expected 404, got 200",
    ]
    assert all(any(leak in line for line in found) for leak in leaks), report(found)
