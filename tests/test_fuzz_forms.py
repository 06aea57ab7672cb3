"""Fuzzed forms: every public form answers whatever a browser, or a script, can post.

Hypothesis throws hostile input at each form: any Unicode text, control characters and NUL
bytes (which PostgreSQL refuses in text columns), megabyte strings, lists where one value is
expected, numbers as text, out-of-range numbers, unknown choices and missing fields. Whatever
comes in, the site answers without a server error (the test client re-raises what a view lets
through), stores nothing for an invalid post and exactly one complete record for a valid one,
and shows what was typed back escaped.

Each test decides on its own what is valid (small oracles below), so a validation that goes
missing from a form shows up as a record stored that should not have been, or one that breaks
its model's rules. Data made by a fixture persists across the examples of one test, so every
example counts rows relative to its own start.
"""

import datetime
import json
import re
from contextlib import contextmanager
from urllib.parse import quote

import hypothesis
import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from home.models import EventRegistration, NewsletterSubscriber, Profession

from . import factories
from .helpers import empty

pytestmark = pytest.mark.django_db

MARKER = "<script>fuzz()</script>"
MISSING = object()
EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Huge(str):
    """A megabyte of text that prints short in a falsifying example."""

    def __repr__(self):
        return f"Huge({len(self)})"


HUGE = Huge("x" * 1_000_000)
HUGE_MARKED = Huge(MARKER + "y" * 1_000_000)

UNICODE = st.characters(blacklist_categories=("Cs",))
CONTROL = st.characters(max_codepoint=0x1F) | st.sampled_from("\x7f\x85\u2028\u2029\u200b\ufeff")
ODD = [
    "",
    " ",
    "\t\r\n",
    "0",
    "-1",
    "1e999",
    "9" * 40,
    "9" * 5000,
    "NaN",
    "٣",
    "²",
    "İ" * 130,
    "true",
    "null",
    "[]",
    "{{ 7*7 }}",
    "'; DROP TABLE x; --",
    HUGE,
    HUGE_MARKED,
]
LIMITS = [20, 120, 200, 254, 255, 1000, 3000, 5000]  # every max_length of the forms
NASTY = ["\x00", MARKER, '"', "'", "\\", "%", "&", "\r\n", "\u202e", "\ufeff", "\U0001f600"]


def around(middle):
    """Random text on either side of something nasty."""
    return st.builds(
        "{}{}{}".format, st.text(UNICODE, max_size=20), middle, st.text(UNICODE | CONTROL, max_size=20)
    )


TEXT = st.one_of(
    st.text(UNICODE, max_size=60),
    st.text(UNICODE | CONTROL, max_size=60),
    st.binary(max_size=60).map(lambda raw: raw.decode("utf-8", "replace")),
    around(st.just("\x00")),
    around(st.sampled_from(NASTY)),
    st.sampled_from(LIMITS).flatmap(lambda limit: st.sampled_from(["é" * limit, "é" * (limit + 1)])),
    st.integers().map(str),
    st.floats().map(str),
    st.sampled_from(ODD),
)
ANYTHING = st.one_of(TEXT, st.lists(TEXT, max_size=4), st.integers(), st.just(MISSING))
SMALL_TEXT = TEXT.filter(lambda text: len(text) < 1000)


def typed_text(max_length):
    """What a person types into a text field of this length: letters, digits, punctuation and symbols
    (markup too), up to the limit, or one character over it."""
    typed = st.text(st.characters(categories=("L", "N", "Zs", "P", "S")), min_size=1, max_size=max_length)
    at_limit = st.sampled_from(["é" * max_length, "é" * (max_length + 1)])
    return st.one_of(typed.filter(str.strip), st.just(f"Jan {MARKER}"), at_limit)


EMAILS = st.one_of(
    st.emails(),
    st.builds(
        "{}@{}".format,
        st.text("abcXYZ09.+_-İıſ\u212a", min_size=1, max_size=240),
        st.sampled_from(["example.org", "Example.ORG", "radboudumc.nl"]),
    ),
    st.just("İ" * 200 + "@example.org"),
)


def maybe(typed, fuzz=ANYTHING):
    """A value as a person types it, or anything at all (missing included)."""
    return st.one_of(typed, fuzz)


def without_missing(data):
    return {name: value for name, value in data.items() if value is not MISSING}


def form_data(fuzz=ANYTHING, **typed):
    """A post: every field as a person types it, one field anything at all, or every field anything at all."""
    one_off = st.sampled_from(sorted(typed)).flatmap(
        lambda name: st.fixed_dictionaries({**typed, name: fuzz})
    )
    anything = st.fixed_dictionaries({name: maybe(strategy, fuzz) for name, strategy in typed.items()})
    return st.one_of(st.fixed_dictionaries(typed), one_off, anything).map(without_missing)


# What a form field makes of a posted value: the oracles.


def sent(data, name):
    """The value a single-value widget reads: the last of a list, a number as text."""
    value = data.get(name, MISSING)
    if isinstance(value, list):
        return str(value[-1]) if value else MISSING
    return MISSING if value is MISSING else str(value)


def text_ok(data, name, max_length, required=True):
    value = sent(data, name)
    if value is MISSING:
        return not required
    value = value.strip()
    return "\x00" not in value and len(value) <= max_length and bool(value or not required)


def choice_ok(data, name, choices, required=True):
    value = sent(data, name)
    if value in (MISSING, ""):
        return not required
    return value in choices


def email_ok(data, name):
    value = sent(data, name)
    if value is MISSING:
        return False
    value = value.strip()
    if not value or "\x00" in value or len(value) > 254:
        return False
    try:
        validate_email(value)
        validate_email(value.lower())  # stored and mailed to lower-cased
    except ValidationError:
        return False
    return len(value.lower()) <= 254 and value.lower().rpartition("@")[0].isascii()


def certificate_name_ok(data, name="certificate_name"):
    if not text_ok(data, name, 120):
        return False
    value = " ".join(sent(data, name).split())
    return not re.search(r"[<>{}\[\]\\\x00-\x1f]", value)


def register_number_ok(data, name="register_number"):
    if not text_ok(data, name, 20, required=False):
        return False
    value = sent(data, name)
    value = "" if value is MISSING else value.strip()
    return not value or re.fullmatch(r"[0-9A-Za-z.\- ]{4,20}", value) is not None


# What every answer must be.


def carries_nul(data):
    """Whether a name or a value holds a NUL byte: the site answers 400 before any form or lookup."""
    items = [
        (name, item)
        for name, value in data.items()
        for item in (value if isinstance(value, list) else [value])
    ]
    return any("\x00" in name or "\x00" in str(item) for name, item in items)


def refused_outright(data):
    """Whether a post is a 400 before any form sees it: larger than DATA_UPLOAD_MAX_MEMORY_SIZE
    (counted Django's way), or carrying a NUL byte (cms.security)."""
    size = 0
    for name, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            size += len(str(item).encode()) + len(name) + 2
    return carries_nul(data) or size > django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def outcome(data, valid, stored=302, refused=200):
    """The status a post must get: refused as too large, stored (and redirected) or shown again."""
    if refused_outright(data):
        return 400
    return stored if valid else refused


def answered(response, *statuses):
    """No server error, the expected status, and no typed markup that comes back unescaped."""
    hypothesis.event(f"status {response.status_code}")
    assert response.status_code in statuses, response.status_code
    body = response.content.decode(errors="replace").lower()
    assert MARKER.lower() not in body
    return body


def shown_escaped(body, data, *names):
    """Text typed into the named fields is shown again, escaped, when the form comes back with errors."""
    if refused_outright(data):
        return
    for name in names:
        value = sent(data, name)
        if value is not MISSING and MARKER in value:
            assert escape(value).lower() in body, name


def counts(*models):
    return [model.objects.count() for model in models]


def stored_in_full(record, *stripped):
    """A stored record keeps its model's rules, with text as the form cleaned it."""
    record.full_clean(validate_unique=False, validate_constraints=False)
    for name in stripped:
        value = getattr(record, name)
        assert value == value.strip() and "\x00" not in value, name


@contextmanager
def new_visitor(client):
    """Each example is a new visitor (no session, no rate limit used, no mail yet) whose rows go
    when it ends, so that a failing example fails again the same way when Hypothesis replays it."""
    empty(cache)
    client.cookies.clear()
    mail.outbox.clear()
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


# The public site: event registration, newsletter, search.


@pytest.fixture
def event():
    return factories.make_event(
        factories.make_event_index(),
        registration_enabled=True,
        registration_deadline=timezone.now() + datetime.timedelta(days=10),
    )


REGISTRATION = form_data(
    name=typed_text(200),
    email=EMAILS,
    organisation=typed_text(200),
    notes=typed_text(1000),
)


@EXAMPLES
@given(data=REGISTRATION)
def test_event_registration(client, event, data):
    """One registration per valid post (a second post of it adds none), none for anything else."""
    valid = not refused_outright(data) and (
        text_ok(data, "name", 200)
        and email_ok(data, "email")
        and text_ok(data, "organisation", 200, required=False)
        and text_ok(data, "notes", 1000, required=False)
    )
    with new_visitor(client):
        before = counts(EventRegistration)
        body = answered(client.post(event.url + "register/", data), outcome(data, valid))
        assert counts(EventRegistration) == [before[0] + valid]
        if valid:
            registration = EventRegistration.objects.latest("pk")
            stored_in_full(registration, "name", "email", "organisation", "notes")
            assert registration.email == registration.email.lower() and len(mail.outbox) == 1
            answered(client.post(event.url + "register/", data), 302)
            assert counts(EventRegistration) == [before[0] + 1]
        else:
            shown_escaped(body, data, "name", "email", "organisation", "notes")


@EXAMPLES
@given(data=form_data(email=EMAILS))
def test_newsletter_signup(client, data):
    """A pending subscriber and one confirmation e-mail per valid address, nothing for anything else."""
    valid = not refused_outright(data) and email_ok(data, "email")
    with new_visitor(client):
        before = counts(NewsletterSubscriber)
        body = answered(client.post("/nl/newsletter/", data), outcome(data, valid))
        assert counts(NewsletterSubscriber) == [before[0] + valid]
        if valid:
            subscriber = NewsletterSubscriber.objects.latest("pk")
            stored_in_full(subscriber, "email")
            assert subscriber.status == "pending" and len(mail.outbox) == 1
            answered(client.post("/nl/newsletter/", data), 302)
            assert counts(NewsletterSubscriber) == [before[0] + 1]
        else:
            shown_escaped(body, data, "email")


@EXAMPLES
@given(query=ANYTHING, page=ANYTHING)
@example(query='"', page=MISSING)
@example(query="a\x00b", page="\x00")
def test_site_search(client, query, page):
    """Any query and page number: a results page that shows the query escaped, and nothing stored."""
    params = {name: value for name, value in {"q": query, "page": page}.items() if value is not MISSING}
    with new_visitor(client):
        before = counts(NewsletterSubscriber, EventRegistration)
        body = answered(client.get("/nl/search/", params), 400 if carries_nul(params) else 200)
        assert counts(NewsletterSubscriber, EventRegistration) == before
    looked_up = sent(params, "q")
    if looked_up is not MISSING and MARKER in looked_up.strip()[:200]:
        assert escape(MARKER).lower() in body


# Committees: applying for a vacancy, and a member closing a curriculum action.


@pytest.fixture
def vacancy():
    from .test_committee import make_committee
    from .test_committee import vacancy as make_vacancy

    return make_vacancy(make_committee(), timezone.localdate() + datetime.timedelta(days=10))


APPLICATION = form_data(
    name=typed_text(120),
    email=EMAILS,
    organisation=typed_text(200),
    motivation=typed_text(3000),
)


@EXAMPLES
@given(data=APPLICATION)
def test_vacancy_application(client, vacancy, data):
    """One application per valid post (a second post of it adds none), none for anything else."""
    from committee.models import VacancyApplication

    valid = not refused_outright(data) and (
        text_ok(data, "name", 120)
        and email_ok(data, "email")
        and text_ok(data, "organisation", 200)
        and text_ok(data, "motivation", 3000)
    )
    with new_visitor(client):
        before = counts(VacancyApplication)
        body = answered(client.post(vacancy.url, data), outcome(data, valid))
        assert counts(VacancyApplication) == [before[0] + valid]
        if valid:
            application = VacancyApplication.objects.latest("pk")
            stored_in_full(application, "name", "email", "organisation", "motivation")
            assert application.email == application.email.lower()
            # The applicant's confirmation, and a note to the secretary when the vacancy names one.
            assert [m.to for m in mail.outbox] == [
                [application.email],
                *([[vacancy.contact_email]] * bool(vacancy.contact_email)),
            ]
            answered(client.post(vacancy.url, data), 302)
            assert counts(VacancyApplication) == [before[0] + 1]
        else:
            shown_escaped(body, data, "name", "email", "organisation", "motivation")


@pytest.fixture
def open_action(client):
    """A member of an action group, the group's curriculum action, and a course that may close it."""
    from committee.models import CurriculumAction
    from home.models import Competency

    from .learning_factories import make_course
    from .survey_factories import load_framework
    from .test_committee import make_committee, seat

    load_framework()
    group = make_committee("action_group", "Actiegroep", "actiegroep")
    member = User.objects.create_user("member", "member@example.org", "x")
    seat(group, "Member", user=member)
    competency = Competency.objects.get(code="patient-dosimetry")
    course = make_course()
    course.competencies.set([competency])
    course.save_revision().publish()
    action = CurriculumAction.objects.create(
        committee=group, competency=competency, description="Cursus dosimetrie", due_date="2030-01-31"
    )
    return member, action, course


@EXAMPLES
@given(course=st.one_of(ANYTHING, st.sampled_from(["COURSE", " COURSE ", "COURSE.0", "0", "-1"])))
@example(course="9" * 19)
@example(course="-" + "9" * 30)
def test_closing_a_curriculum_action(client, open_action, course):
    """A member closes an action only with the published course that covers it; nothing else changes."""
    from committee.models import CurriculumAction

    member, action, covering = open_action
    if isinstance(course, str):
        course = course.replace("COURSE", str(covering.pk))
    data = {} if course is MISSING else {"course": course}
    chosen = sent(data, "course") == str(covering.pk) and not refused_outright(data)
    with new_visitor(client):
        client.force_login(member)
        before = counts(CurriculumAction)
        url = action.committee.url + f"members/actions/{action.pk}/close/"
        answered(client.post(url, data), 400 if refused_outright(data) else 302)
        assert counts(CurriculumAction) == before
        action.refresh_from_db()
        if chosen or action.status == "done":  # Django also reads " 12 " as 12
            assert (action.status, action.course) == ("done", covering)
        else:
            assert action.course is None


def date_ok(data, name):
    """A date as the Dutch site reads one (ISO or day-month-year): Django's own parsing is the oracle."""
    from django import forms
    from django.utils import translation

    value = sent(data, name)
    if value is MISSING:
        return False
    try:
        with translation.override("nl"):
            return forms.DateField().clean(value) is not None
    except ValidationError:
        return False


@EXAMPLES
@given(
    data=form_data(
        committee=st.sampled_from(["GROUP", "GROUP ", "0", "9" * 19, "-" + "9" * 30]),
        description=typed_text(300),
        owner=st.sampled_from(["", "OWNER", "9" * 25]),
        due_date=st.sampled_from(["2030-01-31", "2030-02-30", "31-01-2030", "99999-01-01", ""]),
    )
)
@example(data={"committee": "GROUP", "description": "Cursus", "owner": "9" * 25, "due_date": "2030-01-31"})
@example(data={"committee": "-" + "9" * 30, "description": "Cursus", "due_date": "2030-01-31"})
def test_making_a_curriculum_action_from_the_matrix(client, open_action, data):
    """A member turns a competency into an action only for a real action group, owner and date."""
    from committee.models import CurriculumAction
    from home.models import Competency

    member, action, _ = open_action
    # A competency without a course or an action (the fixture's has both, which is refused).
    competency = Competency.objects.get(code="radiation-protection")
    owner = action.committee.memberships()[0].person
    data = {
        name: value.replace("GROUP", str(action.committee.pk)).replace("OWNER", str(owner.pk))
        if isinstance(value, str) and not isinstance(value, Huge)
        else value
        for name, value in data.items()
    }
    valid = (
        str(sent(data, "committee")).strip() == str(action.committee.pk)
        and text_ok(data, "description", 300)
        and sent(data, "owner") in (MISSING, "", str(owner.pk))
        and date_ok(data, "due_date")
    )
    with new_visitor(client):
        client.force_login(member)
        before = counts(CurriculumAction)
        matrix = action.committee.get_parent().url + "coverage/"
        body = answered(
            client.post(f"{matrix}action/{competency.pk}/", data), outcome(data, valid, refused=400)
        )
        if not valid:
            shown_escaped(body, data, "description")
        assert counts(CurriculumAction) == [before[0] + (1 if valid and not refused_outright(data) else 0)]
        if valid and not refused_outright(data):
            stored_in_full(CurriculumAction.objects.latest("pk"), "description")


# Learning: sign-up, the profile, the quiz, checking a certificate.

PASSWORD = "Isotopes-for-Everyone-2026"
PROFESSIONS = ["", *Profession.values]
REGISTER_NUMBERS = [
    "",
    "19012345601",
    "AB-12.34",
    " 1234 ",
    "123",
    "1" * 21,
    "12; DROP TABLE",
    "12/34",
    "1234\n",
]
SIGNUP = form_data(
    email=EMAILS,
    password1=st.just(PASSWORD),
    password2=st.just(PASSWORD),
    certificate_name=typed_text(120),
    profession=st.sampled_from(PROFESSIONS),
    register_number=st.sampled_from(REGISTER_NUMBERS),
)


def learner_rows():
    from allauth.account.models import EmailAddress

    from learning.models import LearnerProfile

    return counts(User, EmailAddress, LearnerProfile)


SIGNED_UP = {
    "email": "fysicus@example.org",
    "password1": PASSWORD,
    "password2": PASSWORD,
    "certificate_name": "dr. J.A. de Vries",
    "register_number": "19012345601",
}


@EXAMPLES
@given(data=SIGNUP)
@example(data={**SIGNED_UP, "register_number": "12; DROP TABLE"})
@example(data={**SIGNED_UP, "certificate_name": "<b>Jansen</b>"})
@example(data={**SIGNED_UP, "email": "İ" * 60 + "@example.org"})
def test_account_signup(client, data):
    """A sign-up makes the account, its address and its learner profile together, or none of them."""
    from learning.models import LearnerProfile

    sure = (
        not refused_outright(data)
        and email_ok(data, "email")
        and data.get("password1") == data.get("password2") == PASSWORD
        and certificate_name_ok(data)
        and choice_ok(data, "profession", PROFESSIONS, required=False)
        and register_number_ok(data)
    )
    refused = refused_outright(data) or not (
        certificate_name_ok(data)
        and choice_ok(data, "profession", PROFESSIONS, required=False)
        and register_number_ok(data)
    )
    with new_visitor(client):
        before = learner_rows()
        response = client.post("/nl/account/signup/", data)
        body = answered(response, *([302] if sure else [400] if refused_outright(data) else [200, 302]))
        added = {after - earlier for after, earlier in zip(learner_rows(), before, strict=True)}
        assert added == {response.status_code == 302}
        if refused:
            assert response.status_code != 302
        if added == {1}:
            profile = LearnerProfile.objects.latest("pk")
            stored_in_full(profile, "certificate_name", "register_number")
            assert certificate_name_ok({"certificate_name": profile.certificate_name})
        if response.status_code == 200:
            shown_escaped(body, data, "email", "certificate_name", "register_number")


PROFILE = form_data(
    certificate_name=typed_text(120),
    profession=st.sampled_from(PROFESSIONS),
    register_number=st.sampled_from(REGISTER_NUMBERS),
)


@pytest.fixture
def learner(client):
    from .learning_factories import make_learner

    user = make_learner()
    client.force_login(user)
    return user


@EXAMPLES
@given(data=PROFILE)
@example(data={"certificate_name": "Jan\x00Jansen", "register_number": "12; DROP TABLE"})
@example(data={"certificate_name": "J" * 121})
def test_learner_profile_edit(client, learner, data):
    """A valid post changes the profile as typed; anything else changes nothing and is shown again."""
    from learning.models import LearnerProfile

    valid = not refused_outright(data) and (
        certificate_name_ok(data)
        and choice_ok(data, "profession", PROFESSIONS, required=False)
        and register_number_ok(data)
    )
    with new_visitor(client):
        client.force_login(learner)
        before = LearnerProfile.objects.get(user=learner)
        rows = counts(LearnerProfile)
        body = answered(client.post("/nl/learning/profile/", data), outcome(data, valid))
        assert counts(LearnerProfile) == rows
        after = LearnerProfile.objects.get(user=learner)
        if valid:
            stored_in_full(after, "certificate_name", "register_number")
            assert after.certificate_name == " ".join(sent(data, "certificate_name").split())
        else:
            assert (after.certificate_name, after.profession, after.register_number) == (
                before.certificate_name,
                before.profession,
                before.register_number,
            )
            shown_escaped(body, data, "certificate_name", "register_number")


@pytest.fixture
def course():
    from .learning_factories import make_course

    return make_course()


def ready_for_the_quiz(course):
    """A new learner who read every lesson, with a quiz attempt open."""
    from learning.models import QuizAttempt

    from .learning_factories import enrol, finish_lessons, make_learner

    enrolment = enrol(make_learner(), course)
    finish_lessons(enrolment)
    return QuizAttempt.start(enrolment)


NUMBERS_AS_TEXT = ["-1", "3", "1.0", " 1", "+1", "01", "²", "٣", "１", "9" * 30, "9" * 5000, "0x1"]
CHOICE = st.one_of(st.sampled_from(NUMBERS_AS_TEXT), TEXT, st.integers().map(str))
CHOSEN = st.lists(st.sampled_from("012"), min_size=1, max_size=3)
QUIZ_POST = form_data(
    fuzz=st.one_of(CHOICE, st.lists(st.one_of(CHOICE, st.sampled_from("012")), max_size=10), ANYTHING),
    first=CHOSEN,
    second=CHOSEN,
    attempt=st.just("TOKEN"),
    elsewhere=st.just(MISSING),
)


@EXAMPLES
@given(post=QUIZ_POST)
@example(post={"first": ["0"], "second": ["1"], "attempt": "TOKEN\x00"})
@example(post={"first": ["²"], "second": ["1"], "attempt": "TOKEN"})
@example(post={"first": ["0", "9" * 5000], "second": ["1"], "attempt": "TOKEN"})
@example(post={"first": ["0"], "second": ["0"], "attempt": "TOKEN", "elsewhere": "-1"})
def test_quiz_answers(client, course, post):
    """A quiz is scored once, from the choices it showed; anything else is refused and stores nothing."""
    from learning.models import Certificate, QuizAttempt

    with new_visitor(client):
        attempt = ready_for_the_quiz(course)
        client.force_login(attempt.enrolment.user)
        first, second = (f"q-{question_id}" for question_id, _order in attempt.order)
        names = {"first": first, "second": second, "attempt": "attempt", "elsewhere": "q-of-another-quiz"}
        data = {names[name]: value for name, value in post.items()}
        if data.get("attempt") == "TOKEN":
            data["attempt"] = attempt.token
        # Answers to a question this attempt did not ask (another quiz's) are refused, not ignored.
        valid = (
            data.get("attempt") == attempt.token
            and "q-of-another-quiz" not in data
            and all(
                every_value(data, name) and set(every_value(data, name)) <= {"0", "1", "2"}
                for name in (first, second)
            )
        )
        before = counts(QuizAttempt, Certificate)
        response = client.post(course.url + "quiz/", data)
        answered(response, *([400] if refused_outright(data) else [200] if valid else [200, 400]))
        attempt.refresh_from_db()
        if response.status_code == 200:
            assert attempt.submitted_at is not None
            assert attempt.answers == {
                name[2:]: sorted({int(value) for value in every_value(data, name)[:8]})
                for name in (first, second)
            }
            assert counts(QuizAttempt, Certificate) == [before[0], before[1] + attempt.passed]
        else:
            assert attempt.submitted_at is None and counts(QuizAttempt, Certificate) == before


@pytest.fixture
def certificate(course):
    from .learning_factories import right_answers

    attempt = ready_for_the_quiz(course)
    attempt.submit(right_answers(course))
    return attempt.enrolment.complete()


CODES = st.one_of(st.just("CODE"), st.just(" code "), TEXT)


def real_code(code, certificate):
    if isinstance(code, list):
        return [real_code(item, certificate) for item in code]
    return code.replace("CODE", certificate.verification_code).replace(
        "code", certificate.verification_code.lower()
    )


@EXAMPLES
@given(code=st.one_of(CODES, st.lists(CODES, max_size=3)), in_path=st.booleans())
@example(code="CODE\x00", in_path=False)
@example(code="\x00CODE", in_path=True)
def test_certificate_verification(client, certificate, settings, code, in_path):
    """Anyone checks a code, in the query or the path: found, or not, and nothing is stored."""
    from learning.models import Certificate

    settings.VERIFY_FAILURE_RATE = "100000/h"
    typed = real_code(code, certificate)
    shown = sent({"code": typed}, "code")
    with new_visitor(client):
        before = counts(Certificate)
        if in_path and shown is not MISSING:
            response = client.get("/nl/learning/verify/" + quote(shown, safe="") + "/")
        else:
            response = client.get("/nl/learning/verify/", {"code": typed})
        if carries_nul({"code": shown if in_path and shown is not MISSING else typed}):
            answered(response, 400)
            return
        body = answered(response, 200, 404)
        assert counts(Certificate) == before
        found = shown is not MISSING and shown.strip().upper() == certificate.verification_code
        if found:
            assert response.status_code == 200 and certificate.learner_name.lower() in body
        elif shown is not MISSING and shown.strip() and "/" not in shown:
            assert response.status_code == 404


# The questionnaire: every question type, step by step, and the resume-later link.

WORK = ["single", "multiple", "likert", "number", "short", "long"]
LEVELS = "01234"
ASPECTS = ("current", "required_now", "required_future")


@pytest.fixture
def survey():
    from .survey_factories import make_survey

    return make_survey()


class Wizard:
    """The questionnaire as a browser answers it: its steps, their fields and what each must hold.

    Step one asks one question of every type but the matrix, step two only companies, step three
    is a competency matrix.
    """

    def __init__(self, survey):
        from home.models import Competency, StakeholderGroup
        from surveys.models import Experience, OrganisationType, Region

        self.survey = survey
        self.url = survey.url + "answer/"
        self.steps = [name for name, _block in survey.step_blocks()]
        ids = [[block.id.replace("-", "") for block in step.value["questions"]] for step in survey.steps]
        self.work = dict(zip(WORK, ids[0], strict=True))
        self.industry = ids[1][0]
        competencies = Competency.objects.filter(domain__code="dosimetry-protection")
        self.matrix = {c.pk: [f"{ids[2][0]}_{c.pk}_{aspect}" for aspect in ASPECTS] for c in competencies}
        self.profile = {
            "stakeholder_group": StakeholderGroup.values,
            "profession": Profession.values,
            "organisation_type": OrganisationType.values,
            "experience": Experience.values,
            "region": Region.values,
        }

    def post(self, client, step, data, junk=None):
        fields = {f"{step}-{name}": value for name, value in data.items()}
        return client.post(
            self.url, {**(junk or {}), **fields, f"survey-{self.survey.pk}-current_step": step}
        )

    def current_step(self, client):
        return client.session.get(f"wizard_survey-{self.survey.pk}", {}).get("step") or "consent"

    def valid_answers(self):
        """Per step, a valid value for each field."""
        work = {
            "single": st.sampled_from("012"),
            "multiple": st.lists(st.sampled_from("012"), min_size=1, max_size=4),
            "likert": st.sampled_from("12345"),
            "number": st.integers(0, 60).map(str),
            "short": typed_text(255),
            "long": st.one_of(st.just(MISSING), typed_text(5000)),
        }
        matrix = [name for names in self.matrix.values() for name in names]
        return {
            "consent": {"consent": st.just("on")},
            "profile": {name: st.sampled_from(values) for name, values in self.profile.items()},
            self.steps[0]: {self.work[kind]: strategy for kind, strategy in work.items()},
            self.steps[1]: {self.industry: typed_text(255)},
            self.steps[2]: dict.fromkeys(matrix, st.sampled_from(LEVELS)),
            "review": {},
        }

    def valid(self, step, data):
        """Whether a step must go through (True), must be refused (False), or may do either (None)."""
        if step == "consent":
            consent = sent(data, "consent")
            return consent not in (MISSING, "") and consent.lower() != "false"
        if step == "profile":
            return all(choice_ok(data, name, values) for name, values in self.profile.items())
        if step == self.steps[0]:
            return self.work_valid(data)
        if step == self.steps[1]:
            return text_ok(data, self.industry, 255)
        if step == self.steps[2]:
            return all(choice_ok(data, name, LEVELS) for names in self.matrix.values() for name in names)
        return True

    def work_valid(self, data):
        ids = self.work
        chosen = every_value(data, ids["multiple"])
        others = (
            choice_ok(data, ids["single"], "012")
            and chosen
            and set(chosen) <= {"0", "1", "2"}
            and choice_ok(data, ids["likert"], "12345")
            and text_ok(data, ids["short"], 255)
            and text_ok(data, ids["long"], 5000, required=False)
        )
        number = sent(data, ids["number"])
        if number is MISSING or not number.strip():
            return False
        if re.fullmatch(r"[0-9]{1,4}", number):
            return bool(others) and int(number) <= 60
        return False if not others else None  # Django reads " 7", "7.0", "+7" and "٧" as 7

    def expected_answers(self, data):
        """(question, number, text) of every answer the first step must leave, the number question aside:
        one row per chosen option, however often it was posted."""
        ids = self.work
        rows = [
            (ids["single"], int(sent(data, ids["single"])), ""),
            (ids["likert"], int(sent(data, ids["likert"])), ""),
            (ids["short"], None, sent(data, ids["short"]).strip()),
        ]
        rows += [(ids["multiple"], int(value), "") for value in set(every_value(data, ids["multiple"]))]
        long = sent(data, ids["long"])
        if long is not MISSING and long.strip():
            rows.append((ids["long"], None, long.strip()))
        return sorted(rows, key=repr)

    def expected_ratings(self, data):
        return {(pk, *(int(sent(data, name)) for name in names)) for pk, names in self.matrix.items()}


def every_value(data, name):
    """The values a multiple-choice widget reads: every one posted under the name."""
    value = data.get(name, MISSING)
    if value is MISSING:
        return []
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


def survey_rows():
    from surveys.models import Answer, CompetencyRating, Response

    return counts(Response, Answer, CompetencyRating) + [Response.objects.submitted().count()]


JUNK = st.dictionaries(
    st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters='"\r\n'), min_size=1, max_size=12
    ),
    st.one_of(SMALL_TEXT, st.lists(SMALL_TEXT, max_size=3)),
    max_size=3,
)


PROFILE_ANSWERS = {
    "stakeholder_group": "care_provider",
    "profession": "other",
    "organisation_type": "other",
    "experience": "0-2",
    "region": "east",
}


@pytest.fixture
def wizard(survey):
    return Wizard(survey)


def draw_answers(data, wizard):
    """Valid answers to every step but one, which gets anything at all (or none does); mostly the step that
    asks a question of every type."""
    valid = wizard.valid_answers()
    steps = wizard.steps
    fuzzed = data.draw(st.sampled_from([steps[0], steps[0], steps[0], steps[2], "consent", "profile", None]))
    return {
        step: data.draw(form_data(**fields) if step == fuzzed else valid_form(fields), label=step)
        for step, fields in valid.items()
    }


def valid_form(fields):
    return st.fixed_dictionaries(fields).map(without_missing)


def check_submitted(wizard, answers, start):
    """The one submitted Response, with every answer as given and no draft left behind."""
    from surveys.models import CompetencyRating, Response

    response = Response.objects.submitted().latest("pk")
    assert survey_rows() == [start[0] + 1, start[1] + response.answers.count(), start[2] + 5, start[3] + 1]
    number, industry = wizard.work["number"], wizard.industry
    stored = [
        (a.question, a.number, a.text) for a in response.answers.exclude(question__in=[number, industry])
    ]
    assert sorted(stored, key=repr) == wizard.expected_answers(answers[wizard.steps[0]])
    industry_answers = [a.text for a in response.answers.filter(question=industry)]
    shown_to_company = [sent(answers[wizard.steps[1]], industry).strip()]
    assert industry_answers == (shown_to_company if response.stakeholder_group == "company" else [])
    (number,) = response.answers.filter(question=number)
    assert number.number == int(number.number) and 0 <= number.number <= 60
    ratings = CompetencyRating.objects.filter(response=response)
    levels = {(r.competency_id, r.current, r.required_now, r.required_future) for r in ratings}
    assert levels == wizard.expected_ratings(answers[wizard.steps[2]])
    assert (response.progress, response.resume_key) == ({}, None)
    assert all(getattr(response, name) == sent(answers["profile"], name) for name in wizard.profile)


def draft_keeps_only_answers(answers, junk):
    """The draft holds the fields of the steps answered so far, none of the junk posted with them."""
    from surveys.models import Response

    draft = Response.objects.filter(status="draft").latest("pk")
    for step, kept in draft.progress["step_data"].items():
        assert set(kept) <= {f"{step}-{name}" for name in answers[step]} and not set(kept) & set(junk)
        assert "\x00" not in json.dumps(kept)


@settings(EXAMPLES, max_examples=30)
@given(data=st.data(), junk=JUNK)
def test_every_survey_question_type(client, wizard, data, junk):
    """Step by step: a step goes through only when its answers are valid, the draft made at consent keeps
    only the questionnaire's own fields, and the Response is submitted once, at the end, with every answer."""
    answers = draw_answers(data, wizard)
    with new_visitor(client):
        start, step, drafted = survey_rows(), "consent", 0
        while step != "done":
            posted = answers[step]
            if refused_outright({**junk, **posted}):
                answered(wizard.post(client, step, posted, junk), 400)
                break
            response = wizard.post(client, step, posted, junk)
            body = answered(response, 302 if step == "review" else 200)
            reached = wizard.current_step(client) if response.status_code == 200 else "done"
            if wizard.valid(step, posted) is not None:
                assert (reached != step) == wizard.valid(step, posted), (step, reached)
            if reached == "done":
                check_submitted(wizard, answers, start)
                break
            drafted = drafted or reached != "consent"
            assert survey_rows() == [start[0] + drafted, *start[1:]]
            if drafted:
                draft_keeps_only_answers(answers, junk)
            if reached == step:
                shown = {f"{step}-{name}": value for name, value in posted.items()}
                texts = [wizard.work["short"], wizard.work["long"]] if step == wizard.steps[0] else []
                shown_escaped(body, shown, *(f"{step}-{name}" for name in texts))
                break
            step = reached


@EXAMPLES
@given(data=form_data(email=EMAILS), with_draft=st.booleans())
def test_resume_link_form(client, wizard, data, with_draft):
    """Mailing the resume link stores nothing: not the address, not a second draft."""
    from surveys.models import Response

    valid = not refused_outright(data) and email_ok(data, "email")
    with new_visitor(client):
        if with_draft:
            wizard.post(client, "consent", {"consent": "on"})
        before = counts(Response)
        response = client.post(wizard.survey.url + "resume-link/", data)
        answered(response, 400 if refused_outright(data) else 302)
        assert counts(Response) == before
        assert len(mail.outbox) == int(with_draft and valid)
        typed = sent(data, "email")
        for draft in Response.objects.filter(status="draft"):
            assert typed is MISSING or not typed.strip() or typed.strip() not in str(draft.progress)


@EXAMPLES
@given(key=st.one_of(st.just("KEY"), TEXT.filter(bool)), link=st.sampled_from(["resume", "invitation"]))
@example(key="KEY\x00", link="resume")
@example(key="\x00", link="invitation")
def test_private_links_of_a_questionnaire(client, wizard, key, link):
    """A resume or invitation link with any key at all: back to the questionnaire or refused."""
    from surveys.models import Invitation, Response

    with new_visitor(client):
        wizard.post(client, "consent", {"consent": "on"})
        draft = Response.objects.filter(status="draft").latest("pk")
        wizard.post(client, "profile", PROFILE_ANSWERS)
        client.cookies.clear()
        typed = key.replace("KEY", draft.resume_key)
        before = counts(Response, Invitation)
        response = client.get(f"{wizard.survey.url}{link}/{quote(typed, safe='')}/")
        answered(response, *([400] if "\x00" in typed else [302, 403, 404]))
        assert counts(Response, Invitation) == before
        if link == "resume" and typed == draft.resume_key:
            assert response.status_code == 302 and wizard.current_step(client) == wizard.steps[0]
