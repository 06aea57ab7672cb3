from django import template

from committee.charts import kpi_chart as chart_of

register = template.Library()


@register.simple_tag
def kpi_chart(kpi):
    return chart_of(kpi)
