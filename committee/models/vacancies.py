"""Applications for an open seat."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VacancyApplication(models.Model):
    """An application for an open seat, kept for the committee's secretary."""

    vacancy = models.ForeignKey(
        "committee.VacancyPage",
        verbose_name=_("vacancy"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail address"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200)
    motivation = models.TextField(_("motivation"), max_length=3000)
    language = models.CharField(max_length=8, default="nl")
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["vacancy", "email"], name="one_application_per_address")
        ]

    def __str__(self):
        return f"{self.name} – {self.vacancy}"
