"""The field committee and its groups: people and seats, meetings with decisions and action items, KPIs,
vacancies and curriculum actions, by topic in this package.

Committees are pages (public: assignment, members, public decisions, KPI progress); what belongs to a
committee (memberships, meetings, KPIs) is kept once per committee, not per translation: rows point at
the committee's page in any language and are looked up by its translation key."""

from .actions import CurriculumAction
from .base import (
    BASIC_TEXT,
    ROLE_HEADINGS,
    SEATED_KINDS,
    TERM_ENDING_SOON,
    ActionDomain,
    ActionStatus,
    Cadence,
    CommitteeKind,
    MeetingKind,
    Overdue,
    Role,
    SeatCategory,
    by_role,
)
from .kpis import KPI, PERCENT_UNITS, KPIForm, Measurement, NumberInUnit, is_percentage
from .meetings import ActionItem, Decision, Meeting, MeetingDocument, MeetingPaper, members_only_committees
from .pages import (
    CommitteeIndexPage,
    CommitteePage,
    CoverageSettings,
    StateOfTheFieldPage,
    VacancyPage,
    next_meeting_start,
)
from .people import (
    Membership,
    MembershipQuerySet,
    Person,
    committee_warnings,
    is_committee_member,
    representation_balance,
)
from .vacancies import VacancyApplication

__all__ = [
    "SEATED_KINDS",
    "TERM_ENDING_SOON",
    "BASIC_TEXT",
    "CommitteeKind",
    "ActionDomain",
    "Cadence",
    "SeatCategory",
    "Role",
    "ROLE_HEADINGS",
    "by_role",
    "MeetingKind",
    "ActionStatus",
    "Overdue",
    "Person",
    "is_committee_member",
    "MembershipQuerySet",
    "Membership",
    "representation_balance",
    "committee_warnings",
    "Meeting",
    "MeetingPaper",
    "MeetingDocument",
    "members_only_committees",
    "Decision",
    "ActionItem",
    "PERCENT_UNITS",
    "is_percentage",
    "NumberInUnit",
    "KPIForm",
    "KPI",
    "Measurement",
    "VacancyApplication",
    "CurriculumAction",
    "CommitteeIndexPage",
    "CoverageSettings",
    "next_meeting_start",
    "CommitteePage",
    "VacancyPage",
    "StateOfTheFieldPage",
]
