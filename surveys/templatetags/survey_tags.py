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
