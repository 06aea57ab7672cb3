"""Everything the platform holds about one person: the export (GDPR art. 15 and 20) and erasure (art. 17).

Each app declares what it keeps about people in its own ``privacy.py``: a class per kind of record,
registered with ``@personal_data(Model, ...)``, that can ``export(subject)`` those records as plain
data and ``erase(subject, dry_run)`` them, returning what went. This module finds a person's
records across the apps, in one order, and is the only entry point:

- ``Subject.for_email(address)``: the person, by any of their addresses (with or without an account);
- ``export(subject)``: ``{section: [records]}``, ready for JSON or the readable HTML page;
- ``erase(subject, dry_run=False)``: deletes, or anonymises where deleting would break aggregates,
  in one transaction, and lists what went;
- ``purge_expired(dry_run=False)``: the retention periods (``RETENTION_DAYS``): a handler with an
  ``expired(now)`` method names the records whose time is up; they are deleted on a schedule.

Models that link to a user or hold a name or address but are not a person's own data (editorial
authorship, revision history) are listed in ``NOT_PERSONAL`` with the reason; a test fails when a
model is in neither.
"""

import datetime
import decimal
import json
import uuid
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils.module_loading import autodiscover_modules

HANDLERS = []

# Who wrote or changed content is the editorial record of the site, not data about a person's own
# use of it: these keep their rows, and deleting the account sets their user link to empty.
NOT_PERSONAL = {
    "wagtailcore.Page": "owner and lock of a page: editorial authorship",
    "wagtailcore.Revision": "who saved a revision of content",
    "wagtailcore.PageLogEntry": "audit trail of content changes",
    "wagtailcore.ModelLogEntry": "audit trail of changes and sensitive actions",
    "wagtailcore.WorkflowState": "who asked for moderation",
    "wagtailcore.TaskState": "who finished a moderation task",
    "wagtailcore.Comment": "editors' comments on a draft",
    "wagtailcore.CommentReply": "editors' replies on a draft",
    "wagtailcore.PageSubscription": "an editor's comment notifications",
    "wagtailcore.UploadedFile": "a file an editor is uploading",
    "wagtailcore.APIToken": "an editor's API token (named by the editor)",
    "wagtailcore.Collection": "a named folder of documents",
    "wagtailcore.Workflow": "a named moderation workflow",
    "wagtailcore.Task": "a named moderation task",
    "wagtailcore.GroupApprovalTask": "a named moderation task",
    "wagtaildocs.Document": "who uploaded a document",
    "wagtailimages.Image": "who uploaded an image",
    "wagtailadmin.EditingSession": "an editor's open editing session",
    "wagtailadmin.FormState": "an editor's unsaved form",
    "wagtailusers.UserProfile": "an admin user's interface preferences",
    "admin.LogEntry": "audit trail of Django admin changes",
    "cms.AuditLogEntry": "audit trail of exports, revocations and rights changes (accounts by number)",
    "auth.Permission": "a permission's name",
    "auth.Group": "a group's name",
    "taggit.Tag": "a tag's name",
    "home.SiteSettings": "the programme's own contact address",
    "home.Organisation": "an organisation's name",
    "home.EventPage": "the programme's contact address for an event",
    "learning.CourseSignatory": "a signatory printed on certificates, entered by editors",
    "committee.KPI": "a KPI's name",
    "committee.VacancyPage": "the programme's contact address for a vacancy",
    "committee.CurriculumAction": "who created a curriculum action: committee work",
}


@dataclass
class Subject:
    """A person, by the addresses they are known by, and their account if they have one."""

    emails: set = field(default_factory=set)
    user: object = None

    @classmethod
    def for_email(cls, address):
        from allauth.account.models import EmailAddress

        address = address.strip().lower()
        User = get_user_model()
        user = (
            User.objects.filter(email__iexact=address).first()
            or User.objects.filter(emailaddress__email__iexact=address).first()
        )
        emails = {address}
        if user is not None:
            emails |= {user.email.lower()} | {
                e.lower() for e in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
            }
        return cls(emails={e for e in emails if e}, user=user)

    @classmethod
    def for_user(cls, user):
        return cls.for_email(user.email) if user.email else cls(user=user)

    def email_filter(self, field_name="email"):
        """A Q-like filter for the records kept under any of this person's addresses."""
        from django.db.models import Q

        query = Q(pk__in=[])
        for address in self.emails:
            query |= Q(**{f"{field_name}__iexact": address})
        return query


def personal_data(*models, order=50):
    """Register a handler for ``models``; lower ``order`` erases first (the account goes last)."""

    def register(cls):
        cls.models = models
        cls.order = order
        HANDLERS.append(cls())
        HANDLERS.sort(key=lambda handler: handler.order)
        return cls

    return register


def handlers():
    autodiscover_modules("privacy")
    return HANDLERS


def covered_models():
    return {model._meta.label for handler in handlers() for model in handler.models}


def export(subject):
    """Every record about the person, per section; empty sections are left out."""
    bundle = {}
    for handler in handlers():
        records = handler.export(subject)
        if records:
            bundle[str(handler.section)] = records
    return bundle


def export_response(subject, file_format="json"):
    """The bundle as a download: JSON for machines (art. 20), or a page a person can read (art. 15)."""
    from django.http import HttpResponse
    from django.template.loader import render_to_string
    from django.utils import timezone

    bundle = export(subject)
    stamp = timezone.localdate().isoformat()
    if file_format == "html":
        content = render_to_string("privacy/export.html", {"bundle": bundle, "date": stamp})
        response = HttpResponse(content, content_type="text/html; charset=utf-8")
        name = f"personal-data-{stamp}.html"
    else:
        content = json.dumps(
            {"exported_on": stamp, **bundle}, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False
        )
        response = HttpResponse(content, content_type="application/json; charset=utf-8")
        name = f"personal-data-{stamp}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


def purge_expired(dry_run=False):
    """Delete what has outlived its retention period; returns {what: how many}."""
    from django.utils import timezone

    now = timezone.now()
    counts = {}
    with transaction.atomic():
        for handler in handlers():
            for what, rows in getattr(handler, "expired", lambda now: [])(now):
                counts[what] = rows.count()
                if not dry_run and counts[what]:
                    rows.delete()
    return counts


def erase(subject, dry_run=False):
    """Erase the person's records; ``dry_run`` only lists what would go. Returns lines per section."""
    report = {}
    with transaction.atomic():
        for handler in handlers():
            gone = handler.erase(subject, dry_run=dry_run)
            if gone:
                report[str(handler.section)] = gone
        if dry_run:
            transaction.set_rollback(True)  # and the files stay: their deletion waited for a commit
    return report


def delete_file(file):
    """Delete a stored file once the erasure is committed (a dry run or a failure keeps it)."""
    if file:
        storage, name = file.storage, file.name
        transaction.on_commit(lambda: storage.delete(name))


def plain(value):
    """A value as JSON can hold it."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if hasattr(value, "name") and hasattr(value, "storage"):
        return value.name or ""
    return value


def records(rows, fields, **computed):
    """``rows`` as dicts of ``fields`` and ``computed`` values (``name=lambda row: ...``).

    Only the fields named are listed: secrets such as tokens and resume keys never are.
    """
    return [
        {
            **{name: plain(getattr(row, name)) for name in fields},
            **{name: plain(compute(row)) for name, compute in computed.items()},
        }
        for row in rows
    ]
