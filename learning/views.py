"""The learner's pages: enrolment, the quiz, the dashboard, certificates and their public check."""

import re

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from cms import privacy
from surveys.profile import latest_profile

from .forms import PortfolioForm, ProfileForm
from .models import Certificate, Enrolment, LearnerProfile, QuizAttempt
from .recommendations import recommend

MAX_ANSWERS_PER_QUESTION = 8


@login_required
def dashboard(request, portfolio_form=None):
    enrolments = Enrolment.objects.filter(user=request.user).select_related("course")
    courses = [{"enrolment": enrolment, **enrolment.summary()} for enrolment in enrolments]
    certificates = Certificate.objects.filter(user=request.user)
    today = timezone.localdate()
    context = {
        "portfolio_form": portfolio_form
        or PortfolioForm(initial={"start": today - relativedelta(years=5), "end": today}),
        "profile": LearnerProfile.for_user(request.user),
        "courses": courses,
        "certificates": certificates,
        "points_per_year": points_per_year(certificates),
        "recommendations": recommend(latest_profile(request.user), request.user, only_with_courses=True),
    }
    return render(request, "learning/dashboard.html", context, status=400 if portfolio_form else 200)


@login_required
def portfolio(request):
    """The CPD portfolio: every certificate (not revoked) of a chosen period, as a PDF."""
    from .certificates import portfolio_response

    form = PortfolioForm(request.GET)
    if not form.is_valid():
        return dashboard(request, portfolio_form=form)
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    certificates = Certificate.objects.filter(
        user=request.user, revoked_at__isnull=True, completed_on__range=(start, end)
    ).order_by("completed_on")
    return portfolio_response(LearnerProfile.for_user(request.user), certificates, start, end)


def points_per_year(certificates):
    totals = {}
    for certificate in certificates:
        if certificate.status() != "revoked":
            year = certificate.completed_on.year
            totals[year] = totals.get(year, 0) + certificate.points
    return sorted(totals.items(), reverse=True)


@login_required
def edit_profile(request):
    form = ProfileForm(request.POST or None, instance=LearnerProfile.for_user(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("learning_dashboard")
    return render(request, "learning/profile.html", {"form": form})


@require_POST
def enrol(request, course):
    if not request.user.is_authenticated:
        return redirect_to_login(course.get_url(request))
    Enrolment.objects.get_or_create(
        user=request.user, course_key=course.translation_key, defaults={"course": course}
    )
    first = course.lessons().first()
    return redirect((first or course).get_url(request))


@require_POST
def retake(request, course):
    enrolment = course.enrolment_for(request.user)
    if enrolment is None or not enrolment.retake():
        return refusal(request, _("This course cannot be taken again yet."), course)
    first = course.lessons().first()
    return redirect((first or course).get_url(request))


def take_quiz(request, course):
    """The course's quiz: a shuffled attempt on GET, scored once on POST."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    enrolment = course.enrolment_for(request.user)
    refusal = quiz_refusal(enrolment)
    if refusal:
        messages.info(request, refusal)
        return redirect(course.get_url(request))
    if request.method == "POST":
        return submit_quiz(request, course, enrolment)
    attempt = QuizAttempt.start(enrolment)
    if attempt is None:
        messages.info(request, _("You have used all your attempts at this quiz."))
        return redirect(course.get_url(request))
    return render(request, "learning/quiz.html", quiz_context(course, enrolment, attempt))


def refusal(request, message, course=None):
    """A request refused as malformed (status 400), explained in the site's layout."""
    context = {"message": message, "course_url": course.get_url(request) if course else None}
    return render(request, "400.html", context, status=400)


def quiz_refusal(enrolment):
    if enrolment is None:
        return _("Enrol in the course first.")
    if not enrolment.all_lessons_done():
        return _("Finish every lesson before you take the quiz.")
    if enrolment.passed():
        return _("You have passed this quiz already.")
    return None


def quiz_context(course, enrolment, attempt, chosen=None, error=None):
    blocks = course.question_blocks()
    questions = [
        {
            "id": question_id,
            "value": blocks[question_id],
            "choices": [(i, blocks[question_id]["choices"][i]["text"]) for i in order],
            "chosen": (chosen or {}).get(question_id, []),
        }
        for question_id, order in attempt.order
        if question_id in blocks
    ]
    return {
        "page": course,
        "attempt": attempt,
        "questions": questions,
        "error": error,
        "attempts_left": enrolment.attempts_left(),
    }


def foreign_answers(request, attempt):
    """Whether answers were posted for questions the attempt did not ask (another course's, made up)."""
    asked = {question_id for question_id, _order in attempt.order}
    return any(name.startswith("q-") and name[2:] not in asked for name in request.POST)


def posted_answers(request, attempt):
    """{question id: [choice index]} for the attempt's own questions; None when something was made up."""
    answers = {}
    blocks = attempt.enrolment.course.question_blocks()
    for question_id, _order in attempt.order:
        values = request.POST.getlist(f"q-{question_id}")[:MAX_ANSWERS_PER_QUESTION]
        shown = {str(index) for index in range(len(blocks.get(question_id, {}).get("choices", [])))}
        if not all(value in shown for value in values):
            return None
        answers[question_id] = sorted({int(value) for value in values})
    return answers


def submit_quiz(request, course, enrolment):
    token = request.POST.get("attempt", "")[:40]
    # A token is URL-safe base64; anything else (a NUL byte, which PostgreSQL refuses) is no attempt.
    token_shape = re.fullmatch(r"[A-Za-z0-9_-]+", token) is not None
    attempt = enrolment.quiz_attempts.filter(token=token).first() if token_shape else None
    if attempt is None:
        return refusal(request, _("This quiz attempt is not valid. Please start the quiz again."), course)
    if attempt.submitted_at is None:
        if enrolment.attempts_left() == 0:  # an attempt left open beside the last one allowed
            return refusal(request, _("You have used all your attempts at this quiz."), course)
        if foreign_answers(request, attempt):
            return refusal(
                request,
                _("Answers were sent for questions that are not in this quiz. Nothing was saved."),
                course,
            )
        answers = posted_answers(request, attempt)
        if answers is None:
            return refusal(request, _("Only the answers shown can be chosen."), course)
        if not all(answers.values()):
            context = quiz_context(course, enrolment, attempt, answers, _("Answer every question."))
            return render(request, "learning/quiz.html", context, status=400)
        attempt = attempt.submit(answers)
    certificate = enrolment.complete(translation.get_language()) if attempt.passed else None
    return render(
        request, "learning/quiz_result.html", result_context(course, enrolment, attempt, certificate)
    )


def result_context(course, enrolment, attempt, certificate):
    blocks = course.question_blocks()
    questions = []
    for question_id, order in attempt.order:
        value = blocks.get(question_id)
        if value is None:
            continue
        correct = {i for i, choice in enumerate(value["choices"]) if choice["correct"]}
        given = set(attempt.answers.get(question_id, []))
        questions.append(
            {
                "value": value,
                "right": given == correct,
                "choices": [(value["choices"][i]["text"], i in correct, i in given) for i in order],
            }
        )
    return {
        "page": course,
        "attempt": attempt,
        "questions": questions,
        "certificate": certificate,
        "attempts_left": enrolment.attempts_left(),
    }


def owned_certificate(request, code):
    """A certificate its owner (or staff who may see results) may download; others get 404."""
    certificate = Certificate.objects.filter(verification_code=code[:32]).first()
    allowed = certificate and (
        certificate.user_id == request.user.id or request.user.has_perm("learning.view_learning_results")
    )
    if not allowed:
        raise Http404
    return certificate


@login_required
def my_data(request):
    """The learner's own GDPR export: JSON, or ?format=html for a page to read."""
    file_format = "html" if request.GET.get("format") == "html" else "json"
    return privacy.export_response(privacy.Subject.for_user(request.user), file_format)


@login_required
def download_certificate(request, code):
    """The certificate's PDF; a revoked one only for staff, its owner learns why it is gone (410)."""
    from .certificates import certificate_response

    certificate = owned_certificate(request, code)
    if certificate.revoked_at and not request.user.has_perm("learning.view_learning_results"):
        return render(request, "learning/certificate_revoked.html", {"certificate": certificate}, status=410)
    return certificate_response(request, certificate)


def verify(request, code=""):
    """Anyone checks a certificate by its code; failed look-ups from one address are limited."""
    code = (code or request.GET.get("code", "")).strip().upper()[:40]
    # Codes are letters, digits and dashes: anything else (a NUL byte, which PostgreSQL refuses) is unknown.
    known_shape = re.fullmatch(r"[A-Z0-9-]+", code) is not None
    if code and is_ratelimited(
        request, group="verify", key="ip", rate=settings.VERIFY_FAILURE_RATE, increment=False
    ):
        return render(request, "learning/verify.html", {"code": code, "throttled": True}, status=429)
    certificate = Certificate.objects.filter(verification_code=code).first() if known_shape else None
    if (
        code
        and certificate is None
        and is_ratelimited(
            request, group="verify", key="ip", rate=settings.VERIFY_FAILURE_RATE, increment=True
        )
    ):
        return render(request, "learning/verify.html", {"code": code, "throttled": True}, status=429)
    context = {
        "code": code,
        "certificate": certificate,
        "status": certificate.status() if certificate else None,
    }
    return render(request, "learning/verify.html", context, status=404 if code and not certificate else 200)
