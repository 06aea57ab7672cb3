"""Curriculum actions: a competency no course covers enough, taken on by an action group."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from learning.reach import courses_covering

from .base import ActionStatus, Overdue
from .people import Person


class CurriculumAction(Overdue, models.Model):
    """A curriculum priority taken on by an action group: make a course for a competency that has none."""

    committee = models.ForeignKey(
        "committee.CommitteePage", verbose_name=_("action group"), on_delete=models.CASCADE, related_name="+"
    )
    competency = models.ForeignKey(
        "home.Competency", verbose_name=_("competency"), on_delete=models.CASCADE, related_name="+"
    )
    description = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(
        Person, verbose_name=_("owner"), null=True, blank=True, on_delete=models.SET_NULL
    )
    due_date = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=16, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    course = models.ForeignKey(
        "learning.CoursePage",
        verbose_name=_("course that answers it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    wagtail_reference_index_ignore = True
    panels = [
        FieldRowPanel([FieldPanel("committee"), FieldPanel("competency")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("owner"), FieldPanel("due_date"), FieldPanel("status")]),
        FieldPanel("course"),
    ]

    class Meta:
        verbose_name = _("curriculum action")
        verbose_name_plural = _("curriculum actions")
        ordering = ["due_date"]

    def __str__(self):
        return self.description

    def start(self):
        """In progress: the action group works on it. False when it was not open (in progress or done
        already), which stays as it is."""
        if self.status != ActionStatus.OPEN:
            return False
        self.status = ActionStatus.IN_PROGRESS
        self.save(update_fields=["status"])
        return True

    def close_with(self, course):
        """Done: a course that covers the competency is published."""
        if not courses_covering([self.competency_id], language=None).filter(pk=course.pk).exists():
            raise ValidationError(_("Choose a published course that covers this competency."))
        self.course, self.status = course, ActionStatus.DONE
        self.save(update_fields=["course", "status"])
