from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def course_progress(context, course):
    """The visitor's progress on a course, or None when they are not enrolled."""
    enrolment = course.enrolment_for(context["request"].user)
    if enrolment is None:
        return None
    lessons = list(course.lessons())
    done_keys = enrolment.done_keys()
    return {
        "done": sum(1 for lesson in lessons if lesson.translation_key in done_keys),
        "total": len(lessons),
        "done_keys": done_keys,
        "next": enrolment.next_lesson(),
        "attempts_left": enrolment.attempts_left(),
        "certificate": enrolment.certificate(),
        "can_retake": enrolment.can_retake(),
    }
