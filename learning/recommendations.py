"""Courses for a respondent's largest gaps: the entry point surveys and the dashboard use."""

from wagtail.models import Locale

from home.models import Competency
from surveys.profile import SHOWN

from .models import Certificate
from .reach import courses_by_competency


def recommend(gaps, user=None, limit=SHOWN, only_with_courses=False):
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
    covering = courses_by_competency(ids, Locale.get_active().language_code)
    competencies = {c.pk: c for c in Competency.framework().filter(pk__in=ids)}
    rows = []
    for gap in gaps:
        found = [c for c in covering.get(gap.competency_id, []) if c.translation_key not in completed]
        if gap.competency_id in competencies and (found or not only_with_courses):
            rows.append((competencies[gap.competency_id], gap, found))
        if len(rows) == limit:
            break
    return rows
