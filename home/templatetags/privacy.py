"""Render a personal-data export readably: records as definition lists, lists as lists, all escaped."""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()


@register.simple_tag
def record(value):
    if isinstance(value, dict):
        items = ((name.replace("_", " "), record(item)) for name, item in value.items())
        return format_html("<dl>{}</dl>", format_html_join("", "<dt>{}</dt><dd>{}</dd>", items))
    if isinstance(value, list):
        if not value:
            return "–"
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((record(v),) for v in value)))
    if value is None or value == "":
        return "–"
    return format_html("{}", value)
