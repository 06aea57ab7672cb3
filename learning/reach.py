"""What the courses reach per competency: the entry point through which other apps (the committee's
coverage matrix and curriculum actions, the recommendations) read which live courses teach a competency,
and how many learners enrolled in and completed them.

Enrolments and certificates belong to a course in every language (its translation key); a revoked
certificate is no completion.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count

from .models import Certificate, CoursePage, Enrolment


def courses_covering(competency_ids, language="nl"):
    """The live courses in ``language`` (None: any language) that teach any of the competencies."""
    courses = CoursePage.objects.live().filter(competencies__in=list(competency_ids)).distinct()
    return courses.filter(locale__language_code=language) if language else courses


def courses_by_competency(competency_ids, language="nl"):
    """{competency id: [live courses in ``language`` that teach it, by title]}, in two queries."""
    links = CoursePage.competencies.through.objects.filter(
        competency_id__in=list(competency_ids), coursepage__live=True
    )
    if language:
        links = links.filter(coursepage__locale__language_code=language)
    pairs = list(links.values_list("competency_id", "coursepage_id"))
    courses = CoursePage.objects.in_bulk({course_id for _competency, course_id in pairs})
    found = defaultdict(list)
    for competency_id, course_id in pairs:
        found[competency_id].append(courses[course_id])
    return {pk: sorted(taught, key=lambda course: course.title) for pk, taught in found.items()}


@dataclass
class Reach:
    courses: list = field(default_factory=list)
    enrolments: int = 0
    completions: int = 0


def reach(competency_ids, language="nl"):
    """{competency id: Reach} for every given competency: the live courses in ``language`` that teach
    it, with the enrolments in and completions of those courses added up."""
    ids = list(competency_ids)
    by_competency = courses_by_competency(ids, language)
    keys = {course.translation_key for taught in by_competency.values() for course in taught}
    enrolled = counts(Enrolment.objects.filter(course_key__in=keys))
    completed = counts(Certificate.objects.filter(course_key__in=keys, revoked_at__isnull=True))
    found = {}
    for pk in ids:
        taught = by_competency.get(pk, [])
        found[pk] = Reach(
            taught,
            sum(enrolled.get(course.translation_key, 0) for course in taught),
            sum(completed.get(course.translation_key, 0) for course in taught),
        )
    return found


def counts(rows):
    return dict(rows.values_list("course_key").annotate(n=Count("pk")).order_by())
