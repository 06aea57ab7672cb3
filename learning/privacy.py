"""What the learning platform and the accounts keep about a person (see cms.privacy).

A certificate counts for someone's registration and may have been shown to others, so it is not
deleted: it is revoked, its personal fields are blanked and its PDF deleted, and the public check
then says it was withdrawn. The account itself goes last, with its addresses and login records.
"""

import datetime

from allauth.account.models import EmailAddress
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms import audit
from cms.privacy import delete_file, personal_data, records

from .models import Certificate, Enrolment, LearnerProfile, QuizAttempt

WITHDRAWN = "Withdrawn at the holder's request (erasure of personal data)."


@personal_data(Certificate, order=10)
class Certificates:
    section = _("Certificates")

    def rows(self, subject):
        return Certificate.objects.filter(user=subject.user) if subject.user else Certificate.objects.none()

    def export(self, subject):
        fields = ["verification_code", "learner_name", "register_number", "course_title", "competencies"]
        fields += ["points", "accrediting_body", "activity_id", "language", "completed_on", "expires_on"]
        fields += ["revoked_at"]
        return records(self.rows(subject), fields)

    def erase(self, subject, dry_run=False):
        rows = list(self.rows(subject))
        if not dry_run:
            for row in rows:
                delete_file(row.pdf)
            self.rows(subject).update(
                user=None,
                enrolment=None,
                learner_name="",
                register_number="",
                pdf="",
                revoked_at=timezone.now(),
                revoked_reason=WITHDRAWN,
            )
            for row in rows:
                if row.revoked_at is None:  # one revoked before keeps its own entry
                    row.revoked_reason = WITHDRAWN
                    audit.record_revocation(row)
        return [
            f"certificate {row.verification_code} withdrawn, name and number blanked, PDF deleted"
            for row in rows
        ]


@personal_data(Enrolment, QuizAttempt, order=20)
class Enrolments:
    section = _("Courses")

    def rows(self, subject):
        if subject.user is None:
            return Enrolment.objects.none()
        return Enrolment.objects.filter(user=subject.user).select_related("course")

    def export(self, subject):
        return records(
            self.rows(subject),
            ["round", "enrolled_at"],
            course=lambda enrolment: enrolment.course.title if enrolment.course else "",
            lessons_done=lambda enrolment: enrolment.progress()[0],
            quiz_attempts=lambda enrolment: records(
                enrolment.quiz_attempts.all(), ["round", "started_at", "submitted_at", "score", "passed"]
            ),
        )

    def erase(self, subject, dry_run=False):
        rows = list(self.rows(subject))
        if not dry_run:
            Enrolment.objects.filter(pk__in=[row.pk for row in rows]).delete()
        return [
            f"enrolment in {row.course.title if row.course else '?'} and its quiz attempts deleted"
            for row in rows
        ]


@personal_data(LearnerProfile, order=30)
class Profile:
    section = _("Profile")

    def rows(self, subject):
        return (
            LearnerProfile.objects.filter(user=subject.user)
            if subject.user
            else LearnerProfile.objects.none()
        )

    def export(self, subject):
        return records(self.rows(subject), ["certificate_name", "profession", "register_number"])

    def erase(self, subject, dry_run=False):
        count = self.rows(subject).count()
        if not dry_run:
            self.rows(subject).delete()
        return ["profile (name on certificates, profession, register number) deleted"] if count else []


@personal_data(
    get_user_model(), EmailAddress, TOTPDevice, AccessAttempt, AccessLog, AccessFailureLog, order=90
)
class Account:
    section = _("Account")

    def login_records(self, subject):
        names = set(subject.emails)
        if subject.user is not None:
            names.add(subject.user.get_username().lower())
        return [
            model.objects.filter(username__in=names) for model in (AccessAttempt, AccessLog, AccessFailureLog)
        ]

    def export(self, subject):
        users = [subject.user] if subject.user is not None else []
        exported = records(
            users,
            ["username", "email", "first_name", "last_name", "date_joined", "last_login"],
            two_factor_devices=lambda user: records(
                TOTPDevice.objects.filter(user=user), ["name", "confirmed"]
            ),
            addresses=lambda user: records(
                EmailAddress.objects.filter(user=user), ["email", "verified", "primary"]
            ),
        )
        logins = [
            record for rows in self.login_records(subject) for record in records(rows, login_fields(rows))
        ]
        return exported + ([{"failed_or_recorded_logins": logins}] if logins else [])

    def expired(self, now):
        days = settings.RETENTION_DAYS["unconfirmed_accounts"]
        # Sign-ups whose address was never confirmed; accounts staff made have no address rows to confirm.
        verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
        unverified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=False)
        yield (
            "accounts whose address was never confirmed",
            get_user_model().objects.filter(
                Exists(unverified),
                ~Exists(verified),
                is_staff=False,
                is_superuser=False,
                last_login__isnull=True,
                date_joined__lt=now - datetime.timedelta(days=days),
            ),
        )
        since = now - datetime.timedelta(days=settings.RETENTION_DAYS["login_records"])
        for model in (AccessAttempt, AccessLog, AccessFailureLog):
            yield (
                f"login records ({model._meta.verbose_name_plural})",
                model.objects.filter(attempt_time__lt=since),
            )

    def erase(self, subject, dry_run=False):
        gone = []
        login_rows = sum(rows.count() for rows in self.login_records(subject))
        if login_rows:
            gone.append(f"{login_rows} login records deleted")
        if subject.user is not None:
            gone.append(f"account {subject.user.get_username()} and its e-mail addresses deleted")
        if not dry_run:
            for rows in self.login_records(subject):
                rows.delete()
            if subject.user is not None:
                subject.user.delete()
        return gone


def login_fields(rows):
    return [
        name
        for name in ("username", "ip_address", "attempt_time", "failures_since_start")
        if hasattr(rows.model, name)
    ]
