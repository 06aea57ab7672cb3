"""What the committee's models share: kinds of committee, roles, seat categories, the action plan's
domains."""

import datetime
import itertools

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import npgettext_lazy

# Bodies whose seats are meant to span academia, societal partners and industry.
SEATED_KINDS = ("field_committee", "steering_group", "operational_steering_group")


TERM_ENDING_SOON = datetime.timedelta(days=91)  # "within three months"


BASIC_TEXT = ["bold", "italic", "ul", "ol", "link"]


class CommitteeKind(models.TextChoices):
    FIELD_COMMITTEE = "field_committee", _("Field committee")
    STEERING_GROUP = "steering_group", _("Steering group")
    OPERATIONAL_STEERING_GROUP = "operational_steering_group", _("Operational steering group")
    ACTION_GROUP = "action_group", _("Action group")
    THEME_GROUP = "theme_group", _("Theme group")


class ActionDomain(models.TextChoices):
    """The six domains of the action plan (seed 002)."""

    GOVERNANCE = "governance", _("Governance")
    REGULATION = "regulation", _("Regulation and reimbursement")
    NEEDS = "needs", _("Needs")
    SERVICES = "services", _("Services")
    INFORMATION = "information", _("Information and data")
    RESEARCH = "research", _("Research, development and innovation")


class Cadence(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    TWICE_A_YEAR = "twice_a_year", _("Twice a year")
    YEARLY = "yearly", _("Yearly")
    AS_NEEDED = "as_needed", _("As needed")


class SeatCategory(models.TextChoices):
    """The three kinds of seat on the field committee (seed 000)."""

    ACADEMIA = "academia", _("Academia")
    SOCIETAL_PARTNER = "societal_partner", _("Societal partner")
    INDUSTRY = "industry", _("Industry")


class Role(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")
    LEADER = "leader", _("Leader")
    CO_LEADER = "co_leader", _("Co-leader")
    SECRETARY = "secretary", _("Secretary")
    MEMBER = "member", _("Member")


# The headings of a committee page's members, one per role: singular for one person, plural for more.
ROLE_HEADINGS = {
    Role.CHAIR: npgettext_lazy("members of a role", "Chair", "Chairs", "count"),
    Role.VICE_CHAIR: npgettext_lazy("members of a role", "Vice-chair", "Vice-chairs", "count"),
    Role.LEADER: npgettext_lazy("members of a role", "Leader", "Leaders", "count"),
    Role.CO_LEADER: npgettext_lazy("members of a role", "Co-leader", "Co-leaders", "count"),
    Role.SECRETARY: npgettext_lazy("members of a role", "Secretary", "Secretaries", "count"),
    Role.MEMBER: npgettext_lazy("members of a role", "Member", "Members", "count"),
}


def by_role(memberships):
    """Memberships (in role order) under their role's heading: [(heading, [membership, ...]), ...]."""
    groups = [(role, list(rows)) for role, rows in itertools.groupby(memberships, key=lambda m: m.role)]
    return [(ROLE_HEADINGS[role] % {"count": len(rows)}, rows) for role, rows in groups]


class MeetingKind(models.TextChoices):
    QUARTERLY_STEERING = "quarterly_steering", _("Quarterly steering meeting")
    MONTHLY_OPERATIONAL = "monthly_operational", _("Monthly operational meeting")
    ACTION_GROUP = "action_group", _("Action group meeting")
    COMMITTEE = "committee", _("Committee meeting")
    ROUND_TABLE = "round_table", _("Round table")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class Overdue:
    """For actions with a status and a due date: overdue is derived, never stored."""

    def is_overdue(self, today=None):
        return (
            self.status != ActionStatus.DONE
            and self.due_date is not None
            and self.due_date < (today or timezone.localdate())
        )

    def status_label(self, today=None):
        return _("Overdue") if self.is_overdue(today) else self.get_status_display()
