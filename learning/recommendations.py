"""Courses for a respondent's largest gaps: the entry point surveys and the dashboard use."""

from wagtail.models import Locale

from home.models import Competency

from .models import Certificate, CoursePage

LIMIT = 5


def recommend(gaps, user=None, limit=LIMIT, only_with_courses=False):
    """For the ``limit`` largest gaps: (competency, gap, [live courses in the active language that
    cover it, minus those ``user`` completed]). ``gaps``: surveys.profile.Gap, largest first."""
    completed = set()
    if user is not None and user.is_authenticated:
        completed = set(
            Certificate.objects.filter(user=user, revoked_at__isnull=True).values_list(
                "course_key", flat=True
            )
        )
    ids = [gap.competency_id for gap in gaps]
    covering = CoursePage.competencies.through.objects.filter(
        competency_id__in=ids, coursepage__live=True, coursepage__locale=Locale.get_active()
    ).values_list("competency_id", "coursepage_id")
    courses = CoursePage.objects.in_bulk({course_id for _competency, course_id in covering})
    by_competency = {}
    for competency_id, course_id in covering:
        course = courses[course_id]
        if course.translation_key not in completed:
            by_competency.setdefault(competency_id, []).append(course)
    competencies = Competency.objects.in_bulk(ids)
    rows = []
    for gap in gaps:
        found = sorted(by_competency.get(gap.competency_id, []), key=lambda c: c.title)
        if gap.competency_id in competencies and (found or not only_with_courses):
            rows.append((competencies[gap.competency_id], gap, found))
        if len(rows) == limit:
            break
    return rows
