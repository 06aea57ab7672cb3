"""A learner's profile: the name on certificates, profession and register number."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from home.models import (
    Profession,
    Record,
)

register_number = RegexValidator(
    r"^[0-9A-Za-z.\- ]{4,20}$",
    _("Give the number as on your registration: 4 to 20 letters, digits, dots or dashes."),
)


class LearnerProfile(Record):
    """What a certificate needs to know about its holder, kept with the platform-wide account."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learner")
    certificate_name = models.CharField(
        _("name on certificates"),
        max_length=120,
        help_text=_("Exactly as it must appear on your certificates, e.g. dr. J.A. de Vries."),
    )
    profession = models.CharField(_("profession"), max_length=32, choices=Profession.choices, blank=True)
    register_number = models.CharField(
        _("BIG or register number"),
        max_length=20,
        blank=True,
        validators=[register_number],
        help_text=_("Optional. Printed on certificates for GAIA or PE-online."),
    )

    class Meta:
        verbose_name = _("learner profile")
        verbose_name_plural = _("learner profiles")

    def __str__(self):
        return self.certificate_name

    @classmethod
    def for_user(cls, user):
        """The profile of an account, made on first use (e.g. for accounts made in the admin)."""
        profile, _created = cls.objects.get_or_create(
            user=user, defaults={"certificate_name": user.get_full_name() or user.email}
        )
        return profile


def display_name(user):
    """How an account is named on the site: its certificate name, else its e-mail address."""
    profile = getattr(user, "learner", None)
    return profile.certificate_name if profile else user.email
