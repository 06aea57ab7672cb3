"""The field's gaps per competency in the latest wave, overall and per stakeholder group: the entry point
through which other apps (the committee's coverage matrix) read the gap analysis.

The figures are ``surveys.report``'s (a gap is a required level minus the current one, means over the
competency's ratings): one grouped query over the ratings, kept by ``report.wave_cells`` in the cache
until a response of the wave is added or removed. A figure resting on fewer respondents than
SURVEY_MIN_CELL_SIZE is withheld (None).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from . import report
from .models import GapSurveyPage, Response


@dataclass(frozen=True)
class GroupGap:
    """One stakeholder group's mean gap now (required now minus current) for one competency."""

    respondents: int
    gap: float | None  # None: withheld, fewer respondents than the minimum cell size

    @property
    def withheld(self):
        return self.gap is None


@dataclass
class CompetencyGaps:
    """One competency's gaps in a wave: over every respondent, and per stakeholder group."""

    respondents: int = 0
    gap_now: float | None = None
    gap_future: float | None = None
    groups: dict = field(default_factory=dict)  # stakeholder group -> GroupGap (no key: nobody answered)


@dataclass
class WaveGaps:
    survey: GapSurveyPage | None
    competencies: dict  # competency id -> CompetencyGaps (rated competencies only)


def latest_wave():
    """The newest questionnaire (by opening date) that has submitted responses, in the default language."""
    answered = Response.objects.submitted().values("survey__translation_key")
    return (
        GapSurveyPage.objects.filter(translation_key__in=answered, locale__language_code="nl")
        .order_by("-opens_at")
        .first()
    )


def wave_gaps(survey=None, stakeholder_group=""):
    """``survey``'s gaps (None: the latest wave's), optionally of one stakeholder group's respondents."""
    survey = survey or latest_wave()
    if survey is None:
        return WaveGaps(None, {})
    # The latest wave is usually still open: its figures are kept until the next submission.
    cells = report.wave_cells(report.submitted(survey, stakeholder_group), open_too=True)
    totals, groups = defaultdict(report.Cell), defaultdict(dict)
    for (competency_id, group), cell in cells.items():
        totals[competency_id].add(cell)  # a response has one group: respondents add up
        groups[competency_id][group] = group_gap(cell)
    return WaveGaps(survey, {pk: competency_gaps(total, groups[pk]) for pk, total in totals.items()})


def competency_gaps(total, groups):
    if total.respondents < report.min_cell_size():
        return CompetencyGaps(total.respondents, groups=groups)
    current = total.mean("current")
    now, future = total.mean("required_now") - current, total.mean("required_future") - current
    return CompetencyGaps(total.respondents, now, future, groups)


def group_gap(cell):
    heat = report.heat_cell(cell)
    return GroupGap(heat["respondents"], heat["gap"])
