"""Course results in the Wagtail admin: statistics, the attendance export and revocation."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cms import audit, jobs
from cms.exports import spreadsheet_response

from . import tasks
from .certificates import certificate_body_label, owed
from .models import Certificate, CoursePage, Enrolment, QuizAttempt

RESULTS_PERMISSION = "learning.view_learning_results"
REVOKE_PERMISSION = "learning.revoke_certificate"


def may_view_results(user):
    return user.has_perm(RESULTS_PERMISSION)


def require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def courses_by_key():
    """One course per translation key (the default language's, else the first)."""
    courses = {}
    for course in CoursePage.objects.select_related("locale").order_by("locale__id", "title"):
        courses.setdefault(course.translation_key, course)
    return courses


def statistics():
    """Per course, across its translations: enrolled, completed, rates and the mean quiz score."""
    enrolled = dict(Enrolment.objects.values_list("course_key").annotate(n=Count("pk")).order_by())
    completed = dict(
        Certificate.objects.filter(enrolment__isnull=False)
        .values_list("course_key")
        .annotate(n=Count("enrolment", distinct=True))
        .order_by()
    )
    attempts = {
        row["enrolment__course_key"]: row
        for row in QuizAttempt.objects.filter(submitted_at__isnull=False)
        .values("enrolment__course_key")
        .annotate(n=Count("pk"), passed=Count("pk", filter=Q(passed=True)), mean=Avg("score"))
        .order_by()
    }
    rows = []
    for key, course in courses_by_key().items():
        tried = attempts.get(key, {"n": 0, "passed": 0, "mean": None})
        n_enrolled, n_completed = enrolled.get(key, 0), completed.get(key, 0)
        rows.append(
            {
                "course": course,
                "enrolled": n_enrolled,
                "completed": n_completed,
                "completion_rate": percentage(n_completed, n_enrolled),
                "attempts": tried["n"],
                "pass_rate": percentage(tried["passed"], tried["n"]),
                "mean_score": round(tried["mean"], 1) if tried["mean"] is not None else None,
            }
        )
    return rows


def percentage(part, whole):
    return round(100 * part / whole, 1) if whole else None


class AttendanceForm(forms.Form):
    """Which course and period an accreditation registry's attendance list covers."""

    course = forms.TypedChoiceField(label=gettext_lazy("Course"), coerce=str)
    start = forms.DateField(label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=gettext_lazy("Until"), widget=forms.DateInput(attrs={"type": "date"}))
    file_format = forms.ChoiceField(
        label=gettext_lazy("Format"), choices=[("xlsx", "Excel (XLSX)"), ("csv", "CSV")], initial="xlsx"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].choices = [(str(key), course.title) for key, course in courses_by_key().items()]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The period cannot end before it starts."))
        if start and end and (end - start) > datetime.timedelta(days=3660):
            self.add_error("end", _("Choose a period of at most ten years."))
        return cleaned


ATTENDANCE_HEADER = [
    gettext_lazy("Register number"),
    gettext_lazy("Name"),
    gettext_lazy("Activity id"),
    gettext_lazy("Accrediting body"),
    gettext_lazy("Date"),
    gettext_lazy("Points"),
    gettext_lazy("Course"),
    gettext_lazy("Verification code"),
]


def attendance_rows(course_key, start, end):
    """Valid (not revoked) completions of a course in a period, in the registry's columns."""
    certificates = Certificate.objects.filter(
        course_key=course_key, completed_on__range=(start, end), revoked_at__isnull=True
    ).order_by("completed_on", "learner_name")
    return [
        [
            c.register_number,
            c.learner_name,
            c.activity_id,
            str(certificate_body_label(c)),  # by name, as on the certificate
            c.completed_on.isoformat(),
            float(c.points),
            c.course_title,
            c.verification_code,
        ]
        for c in certificates
    ]


def course_statistics(request):
    require(request, RESULTS_PERMISSION)
    form = AttendanceForm(request.GET or None)
    if request.GET and form.is_valid():
        data = form.cleaned_data
        rows = attendance_rows(data["course"], data["start"], data["end"])
        name = f"attendance-{data['start']:%Y%m%d}-{data['end']:%Y%m%d}"
        return spreadsheet_response(name, [str(h) for h in ATTENDANCE_HEADER], rows, data["file_format"])
    context = {
        "rows": statistics(),
        "form": form,
        "may_issue": request.user.has_perm(REVOKE_PERMISSION),
        "owed": owed().count(),
    }
    return TemplateResponse(request, "learning/admin/statistics.html", context)


@require_POST
def issue_owed_certificates(request):
    """Certificate generation in a batch: a background job whose progress the admin can watch."""
    require(request, REVOKE_PERMISSION)
    return redirect(jobs.job_url(jobs.launch(tasks.issue_certificates, request.user)))


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Kept with the certificate for staff; the public check says only that it is revoked."
        ),
    )


def revoke_certificate(request, pk):
    require(request, REVOKE_PERMISSION)
    certificate = get_object_or_404(Certificate, pk=pk)
    if certificate.revoked_at:
        messages.warning(request, _("This certificate was revoked already."))
        return redirect("learning_certificate_modeladmin_inspect", instance_pk=certificate.pk)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        certificate.revoke(form.cleaned_data["reason"])
        audit.record_revocation(certificate)
        messages.success(request, _("The certificate is revoked."))
        return redirect("learning_certificate_modeladmin_index")
    return TemplateResponse(request, "learning/admin/revoke.html", {"certificate": certificate, "form": form})
