"""The coverage matrix: for every competency, the field's gap (latest questionnaire) against the courses
that teach it, their enrolments and completions, and a status. Where a large gap meets no course, the
programme has a curriculum priority.

It reads the gap analysis through ``surveys.report`` and the courses through ``learning.models``' course
pages, enrolments and certificates: this module is where the three apps meet.
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from home.models import Competency, StakeholderGroup


@dataclass
class CoverageRow:
    competency: Competency
    gap_now: float | None = None
    gap_future: float | None = None
    respondents: int = 0
    group_gaps: dict = field(default_factory=dict)  # stakeholder group -> gap now (None: too few)
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


STATUS_LABELS = {"covered": _("Covered"), "weak": _("Weakly covered"), "none": _("No course yet")}


def latest_survey():
    """The newest questionnaire (by opening date) that has submitted responses, in the default language."""
    from surveys.models import GapSurveyPage, Response

    answered = Response.objects.submitted().values("survey__translation_key")
    return (
        GapSurveyPage.objects.filter(translation_key__in=answered, locale__language_code="nl")
        .order_by("-opens_at")
        .first()
    )


def coverage(survey=None, stakeholder_group="", domain="", settings=None):
    """One row per competency of the framework (optionally one domain)."""
    from learning.models import Certificate, CoursePage, Enrolment
    from surveys import report

    settings = settings or Thresholds()
    competencies = [c for c in Competency.framework() if not domain or c.domain.code == domain]
    rows = {c.pk: CoverageRow(c) for c in competencies}
    if survey is not None:
        selection = report.submitted(survey, stakeholder_group)
        cells = report.rating_cells(selection)
        for gap in report.competency_gaps(selection, cells):
            row = rows.get(gap.competency.pk)
            if row:
                row.gap_now, row.gap_future, row.respondents = gap.gap_now, gap.gap_future, gap.respondents
        for competency, cells_by_group in report.heatmap(selection, cells).rows:
            if competency.pk in rows:
                groups = [value for value, _label in StakeholderGroup.choices]
                rows[competency.pk].group_gaps = dict(
                    zip(groups, [c["gap"] for c in cells_by_group], strict=True)
                )
    courses = CoursePage.objects.live().filter(locale__language_code="nl", competencies__in=rows).distinct()
    links = CoursePage.competencies.through.objects.filter(coursepage__in=courses, competency_id__in=rows)
    by_course = {course.pk: course for course in courses}
    enrolled = dict(Enrolment.objects.values_list("course_key").annotate(n=Count("pk")).order_by())
    completed = dict(
        Certificate.objects.filter(revoked_at__isnull=True)
        .values_list("course_key")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for competency_id, course_id in links.values_list("competency_id", "coursepage_id"):
        row, course = rows[competency_id], by_course[course_id]
        row.courses.append(course)
        row.enrolments += enrolled.get(course.translation_key, 0)
        row.completions += completed.get(course.translation_key, 0)
    from .models import ActionStatus, CurriculumAction

    open_actions = CurriculumAction.objects.filter(competency_id__in=rows).exclude(status=ActionStatus.DONE)
    for action in open_actions.select_related("committee"):
        rows[action.competency_id].actions.append(action)
    for row in rows.values():
        row.status = settings.status(len(row.courses), row.completions)
    return list(rows.values())


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
