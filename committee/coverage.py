"""The coverage matrix: for every competency, the field's gap (latest questionnaire) against the courses
that teach it, their enrolments and completions, and a status. Where a large gap meets no course, the
programme has a curriculum priority.

This module is where the three apps meet, each through its entry point: the gaps come from
``surveys.gaps.wave_gaps``, the courses with their enrolments and completions from
``learning.reach.reach``.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from home.models import Competency, StakeholderGroup
from learning.reach import reach
from surveys.gaps import latest_wave, wave_gaps


@dataclass
class CoverageRow:
    competency: Competency
    gap_now: float | None = None
    gap_future: float | None = None
    respondents: int = 0
    group_gaps: dict = field(default_factory=dict)  # stakeholder group -> surveys.gaps.GroupGap
    courses: list = field(default_factory=list)
    actions: list = field(default_factory=list)  # curriculum actions not done yet
    enrolments: int = 0
    completions: int = 0
    status: str = "none"

    @property
    def priority(self):
        """A large gap (a level or more, now or in five years) and no course: what to teach next."""
        largest = max((g for g in (self.gap_now, self.gap_future) if g is not None), default=None)
        return self.status == "none" and largest is not None and largest >= 1

    def group_columns(self):
        """The gap per stakeholder group, in the groups' order (None: nobody of the group answered)."""
        return [self.group_gaps.get(value) for value in StakeholderGroup.values]

    def may_get_action(self):
        """Whether the matrix offers a new curriculum action (see ``action_refusal``)."""
        return self.status != "covered" and not self.actions


STATUS_LABELS = {"covered": _("Covered"), "weak": _("Weakly covered"), "none": _("No course yet")}


def latest_survey():
    return latest_wave()


def coverage(survey=None, stakeholder_group="", domain="", settings=None):
    """One row per competency of the framework (optionally one domain); gaps from ``survey`` (None:
    the latest wave)."""
    settings = settings or Thresholds()
    competencies = [c for c in Competency.framework() if not domain or c.domain.code == domain]
    rows = {c.pk: CoverageRow(c) for c in competencies}
    for pk, gaps in wave_gaps(survey, stakeholder_group).competencies.items():
        row = rows.get(pk)
        if row:
            row.gap_now, row.gap_future, row.respondents = gaps.gap_now, gaps.gap_future, gaps.respondents
            row.group_gaps = gaps.groups
    for pk, found in reach(rows).items():
        row = rows[pk]
        row.courses, row.enrolments, row.completions = found.courses, found.enrolments, found.completions
    for action in open_actions(rows):
        rows[action.competency_id].actions.append(action)
    for row in rows.values():
        row.status = settings.status(len(row.courses), row.completions)
    return list(rows.values())


def open_actions(competency_ids):
    """The curriculum actions not done yet (open or in progress) for these competencies."""
    from .models import ActionStatus, CurriculumAction

    actions = CurriculumAction.objects.filter(competency_id__in=list(competency_ids))
    return actions.exclude(status=ActionStatus.DONE).select_related("committee")


def action_refusal(competency, thresholds):
    """Why no new curriculum action may be made for ``competency``, or None. A covered competency
    needs none; a weakly covered one may get one (a better course, or more learners); one at a time."""
    action = open_actions([competency.pk]).first()
    if action is not None:
        return gettext("%(group)s already has an action for “%(competency)s” that is not done yet.") % {
            "group": action.committee.title,
            "competency": competency.name,
        }
    found = reach([competency.pk])[competency.pk]
    if thresholds.status(len(found.courses), found.completions) == "covered":
        message = gettext(
            "“%(competency)s” is covered already (courses: %(courses)d, completions: %(completions)d): "
            "it needs no new action."
        )
        return message % {
            "competency": competency.name,
            "courses": len(found.courses),
            "completions": found.completions,
        }
    return None


@dataclass
class Thresholds:
    """When a competency counts as covered: enough live courses and enough completions of them."""

    min_courses: int = 2
    min_completions: int = 10

    def status(self, courses, completions):
        if courses == 0:
            return "none"
        if courses >= self.min_courses and completions >= self.min_completions:
            return "covered"
        return "weak"


SORTS = {
    "gap": lambda r: (r.gap_future is None, -(r.gap_future or 0), -(r.gap_now or 0)),
    "courses": lambda r: (len(r.courses), -(r.gap_future or 0)),
    "completions": lambda r: (r.completions, -(r.gap_future or 0)),
    "competency": lambda r: (r.competency.domain.sort_order, r.competency.sort_order),
}


def sorted_rows(rows, sort):
    return sorted(rows, key=SORTS.get(sort, SORTS["gap"]))
