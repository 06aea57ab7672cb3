"""The audit trail's table (see cms.audit)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import BaseLogEntry
from wagtail.models.audit_log import ModelLogEntryManager


class AuditLogEntryManager(ModelLogEntryManager):
    def viewable_by_user(self, user):
        # Wagtail shows a log entry to whoever may see the object it is about (an editor sees a
        # questionnaire page); who exported or revoked what is for superusers to review.
        return self.all() if user.is_superuser else self.none()


class AuditLogEntry(BaseLogEntry):
    """The audit trail of sensitive actions (see cms.audit): Wagtail log entries in a table of their
    own, shown in the site history report to superusers only."""

    object_id = models.CharField(max_length=255, db_index=True)

    objects = AuditLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log entries")
