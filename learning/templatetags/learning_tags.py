from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def course_progress(context, course):
    """The visitor's progress on a course, or None when they are not enrolled."""
    enrolment = course.enrolment_for(context["request"].user)
    if enrolment is None:
        return None
    certificate = enrolment.certificate()
    return {
        **enrolment.summary(course),
        "attempts_left": enrolment.attempts_left(),
        "certificate": certificate,
        "can_retake": enrolment.can_retake(certificate),
    }
