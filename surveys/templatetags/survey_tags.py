"""Template filters for rendering the questionnaire's generated forms."""

from django import template
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def get_field(form, name):
    return form[name]


@register.filter
def matrix_rows(form, question):
    return form.matrix_rows(question)


@register.filter
def labelled_by(field, ids):
    """A matrix select named by its row and column headers, and its error when there is one.

    Written out directly: a questionnaire step has over a hundred of these, and Django's
    template-based widget rendering of each was most of a step's time (bench/surveys.py).
    """
    value = field.value()
    selected = "" if value is None else str(value)
    options = "".join(
        f'<option value="{key}" selected>{label}</option>'
        if key == selected
        else f'<option value="{key}">{label}</option>'
        for key, label in escaped_choices(field.field.choices)
    )
    invalid = (
        format_html(' aria-invalid="true" aria-describedby="{}_error"', field.auto_id) if field.errors else ""
    )
    return format_html(
        '<select name="{}" id="{}" aria-labelledby="{}"{}>{}</select>',
        field.html_name,
        field.auto_id,
        ids,
        invalid,
        mark_safe(options),
    )


def escaped_choices(choices):
    """(value, label) pairs escaped once per request language, not once per select."""
    key = (translation.get_language(), tuple((str(v), str(label)) for v, label in choices))
    if key not in _escaped:
        _escaped[key] = [(escape(value), escape(label)) for value, label in key[1]]
    return _escaped[key]


_escaped = {}


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
