from django import template
from django.utils.translation import ngettext

from ..recommendations import recommend

register = template.Library()


@register.simple_tag(takes_context=True)
def course_progress(context, course):
    """The visitor's progress on a course, or None when they are not enrolled."""
    enrolment = course.enrolment_for(context["request"].user)
    if enrolment is None:
        return None
    certificate = enrolment.certificate()
    return {
        # The page's own list of lessons: looked up once for the progress and the list.
        **enrolment.summary(course, context.get("lessons")),
        "attempts_left": enrolment.attempts_left(),
        "certificate": certificate,
        # Without a certificate there is nothing to take again (and no need to look it up twice).
        "can_retake": certificate is not None and enrolment.can_retake(certificate),
    }


@register.simple_tag(takes_context=True)
def recommended_courses(context, gaps):
    """Courses for a respondent's largest ``gaps`` (surveys.profile.Gap), minus what the visitor completed:
    what the questionnaire's thank-you page offers."""
    return recommend(gaps, context["request"].user) if gaps else []


@register.filter
def levels(count):
    """A gap counted in proficiency levels, in the singular or the plural: "1 niveau", "2 niveaus"."""
    return ngettext("%(count)s level", "%(count)s levels", count) % {"count": count}
