"""Meetings with their papers, minutes, decisions and action items."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from .base import BASIC_TEXT, ActionStatus, MeetingKind, Overdue
from .people import Person


class Meeting(ClusterableModel):
    """A meeting with its agenda, minutes (members only), decisions and action items."""

    committee = models.ForeignKey(
        "committee.CommitteePage", verbose_name=_("committee"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(
        _("kind"), max_length=24, choices=MeetingKind.choices, default=MeetingKind.COMMITTEE
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True, help_text=_("Shown to members only."))
    agenda = RichTextField(_("agenda"), features=BASIC_TEXT, blank=True)
    minutes = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("minutes"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Upload minutes to a private collection: only the committee's members can open them."),
    )

    wagtail_reference_index_ignore = True
    panels = [
        FieldRowPanel([FieldPanel("committee"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("location"), FieldPanel("online_url")]),
        FieldPanel("agenda"),
        FieldPanel("minutes"),
        InlinePanel("papers", heading=_("Meeting papers and drafts (members only)"), label=_("paper")),
        InlinePanel("decisions", heading=_("Decisions"), label=_("decision")),
        InlinePanel("action_items", heading=_("Action items"), label=_("action item")),
    ]

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]

    def __str__(self):
        return f"{self.committee} {timezone.localtime(self.starts_at):%Y-%m-%d}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A meeting ends after it starts.")})

    def save(self, *args, **kwargs):
        # Runs for every save, the admin's too (its papers are saved with it, by MeetingPaper.save):
        # the minutes stay the committee's when they are replaced or the meeting is deleted.
        super().save(*args, **kwargs)
        MeetingDocument.keep(self.committee, self.minutes_id)


class MeetingPaper(Orderable):
    """A draft or paper for a meeting: like the minutes, for the committee's members only."""

    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    def save(self, *args, **kwargs):
        # Runs when the meeting's papers are saved with it, and for a paper added on its own.
        super().save(*args, **kwargs)
        MeetingDocument.keep(self.meeting.committee, self.document_id)


class MeetingDocument(models.Model):
    """A document once handed to a committee's meeting, as its minutes or a paper. It stays for the
    committee's members after it is detached (a corrected version replaces it, the paper is removed,
    the meeting is deleted): its address is still known to whoever had it, and easily guessed."""

    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    # The committee's translation key, not its page: the record outlives a deleted committee page.
    committee_key = models.UUIDField(db_index=True)

    wagtail_reference_index_ignore = True

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "committee_key"], name="one_record_per_committee")
        ]

    def __str__(self):
        return f"{self.document} ({self.committee_key})"

    @classmethod
    def keep(cls, committee, document_id):
        if document_id:
            cls.objects.get_or_create(document_id=document_id, committee_key=committee.translation_key)


def members_only_committees(document):
    """The translation keys of the committees whose members alone may open ``document``: the meetings
    it is attached to and those it ever was (as minutes or a paper); empty: public."""
    meetings = Meeting.objects.filter(models.Q(minutes=document) | models.Q(papers__document=document))
    attached = meetings.values_list("committee__translation_key", flat=True)
    kept = MeetingDocument.objects.filter(document=document).values_list("committee_key", flat=True)
    return set(attached) | set(kept)


class Decision(Orderable):
    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"), max_length=1000)
    public = models.BooleanField(
        _("public"), default=False, help_text=_("Reported on the committee's public page.")
    )

    panels = [FieldPanel("text"), FieldPanel("public")]


class ActionItem(Overdue, Orderable):
    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="action_items")
    description = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(
        Person, verbose_name=_("owner"), null=True, blank=True, on_delete=models.SET_NULL
    )
    due_date = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )

    panels = [
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("owner"), FieldPanel("due_date"), FieldPanel("status")]),
    ]
