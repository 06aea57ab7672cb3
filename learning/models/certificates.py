"""Certificates: what a learner completed, copied at issue, with a code anyone can verify."""

import secrets

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from home.models import (
    Record,
)

from .profiles import LearnerProfile

CERTIFICATE_VALID_FOR = relativedelta(years=2)  # an e-learning accreditation counts for two years


def new_verification_code():
    # 120 random bits in a form that reads aloud and types well: XXXX-XXXX-XXXX-XXXX-XXXX-XXXX.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(24))
    return "-".join(raw[i : i + 4] for i in range(0, 24, 4))


class Certificate(Record):
    """Proof that a learner completed a course, with what an accreditation register needs.

    What it says is copied at issue, so that editing the course or the profile
    later never changes a certificate already given.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="certificates"
    )
    course = models.ForeignKey("learning.CoursePage", null=True, on_delete=models.SET_NULL, related_name="+")
    course_key = models.UUIDField()
    enrolment = models.ForeignKey(
        "learning.Enrolment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
        editable=False,
    )
    round = models.PositiveSmallIntegerField(default=1, editable=False)
    verification_code = models.CharField(
        max_length=32, unique=True, default=new_verification_code, editable=False
    )
    learner_name = models.CharField(_("learner"), max_length=120)
    register_number = models.CharField(_("BIG or register number"), max_length=20, blank=True)
    course_title = models.CharField(_("course"), max_length=255)
    competencies = models.JSONField(default=list, blank=True)
    points = models.DecimalField(_("points"), max_digits=4, decimal_places=1, default=0)
    accrediting_body = models.CharField(_("accrediting body"), max_length=16, blank=True)
    activity_id = models.CharField(_("activity id"), max_length=40, blank=True)
    language = models.CharField(max_length=8, default="nl")
    completed_on = models.DateField(_("completed on"))
    expires_on = models.DateField(_("valid until"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.CharField(_("reason for revocation"), max_length=300, blank=True)
    # The rendered PDF, kept once made (a random name: the path says nothing about its owner).
    pdf = models.FileField(upload_to="certificates/", blank=True, editable=False)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-completed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "round"], name="one_certificate_per_round")
        ]

    def __str__(self):
        return f"{self.learner_name} – {self.course_title} ({self.completed_on})"

    @classmethod
    def issue(cls, enrolment, language=None):
        """A certificate for the enrolment's round, in ``language`` when the course has that translation."""
        profile = LearnerProfile.for_user(enrolment.user)
        course = enrolment.course
        locale = Locale.objects.filter(language_code=language).first() if language else None
        shown = (course.get_translation_or_none(locale) if locale else None) or course
        language = shown.locale.language_code
        with translation.override(language):
            competencies = [c.name for c in shown.competencies.all()]
        today = timezone.localdate()
        return cls.objects.create(
            user=enrolment.user,
            course=course,
            course_key=course.translation_key,
            enrolment=enrolment,
            round=enrolment.round,
            learner_name=profile.certificate_name,
            register_number=profile.register_number,
            course_title=shown.title,
            competencies=competencies,
            points=course.points if course.accredited_on(today) else 0,
            accrediting_body=course.accrediting_body,
            activity_id=course.activity_id,
            language=language,
            completed_on=today,
            expires_on=today + CERTIFICATE_VALID_FOR,
        )

    STATUS_LABELS = {"valid": _("valid"), "expired": _("expired"), "revoked": _("revoked")}

    def status_label(self):
        return self.STATUS_LABELS[self.status()]

    status_label.short_description = _("status")

    def status(self, today=None):
        """'revoked', 'expired' or 'valid'."""
        if self.revoked_at:
            return "revoked"
        return "expired" if (today or timezone.localdate()) >= self.expires_on else "valid"

    def revoke(self, reason):
        self.revoked_at = timezone.now()
        self.revoked_reason = reason[:300]
        self.save(update_fields=["revoked_at", "revoked_reason"])
