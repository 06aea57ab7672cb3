"""iCalendar downloads (events, committee meetings): one calendar shape and one response for all."""

from django.http import HttpResponse
from django.utils.text import slugify


def new_calendar(kind, name=""):
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", f"-//Nuclear Medicine Education Program//{kind}//EN")
    calendar.add("version", "2.0")
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def ics_response(calendar, slug, fallback):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(slug) or fallback}.ics"'
    return response
