"""Template filters for rendering the questionnaire's generated forms."""

from django import template

register = template.Library()


@register.filter
def get_field(form, name):
    return form[name]


@register.filter
def matrix_rows(form, question):
    return form.matrix_rows(question)


@register.filter
def labelled_by(field, ids):
    """Render a matrix select named by its row and column headers, and its error when there is one."""
    attrs = {"aria-labelledby": ids}
    if field.errors:
        attrs.update({"aria-invalid": "true", "aria-describedby": f"{field.auto_id}_error"})
    return field.as_widget(attrs=attrs)


@register.filter
def answer_summary(form):
    return form.summary()


HEAT_STEPS = (0, 0.5, 1, 1.5, 2)


@register.filter
def heat_class(gap):
    """The colour class of a gap: heat-0 (none) to heat-5 (more than two levels)."""
    if gap is None:
        return "heat-empty"
    return f"heat-{sum(1 for step in HEAT_STEPS if gap > step)}"


@register.filter
def percentage(fraction):
    return f"{fraction * 100:.0f}%"


@register.filter
def total(distribution):
    return sum(count for _label, count in distribution) or 1
