"""The site's own answers outside the page tree: robots.txt, and the page of a refused rate."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from .pagecache import allow_page_cache


def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /django-admin/"]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return allow_page_cache(HttpResponse("\n".join(lines) + "\n", content_type="text/plain"))


def rate_limited(request, exception):
    """RATELIMIT_VIEW: a form posted too often."""
    message = _("You have sent this form too often. Please wait a minute and try again.")
    return render(request, "429.html", {"message": message}, status=429)
