"""The content security policy, with the one exception Wagtail's editor needs; who a login is for.

The public site runs no inline script, so its policy allows scripts from this site only.
Wagtail's admin still starts some form widgets (choosers, date pickers) with small inline
scripts, and shows the live preview of a page in a frame of its own origin; its pages may run
inline script and frame this site, and keep the rest of the policy (no plugins, no framing by
other sites, forms post here only).
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.shortcuts import render
from django.views.defaults import bad_request
from django_ratelimit.decorators import ratelimit

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def public_form_rate(group, request):
    return settings.PUBLIC_FORM_RATE


# For the public site's form views: one address may post PUBLIC_FORM_RATE times; then rate_limited.
limit_posts = ratelimit(key="ip", rate=public_form_rate, method="POST", block=True)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIXES) and parts.replace is None:
            frames = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]
            parts.replace = {"script-src": [SELF, UNSAFE_INLINE], "frame-src": [SELF, *frames]}
        return parts


def login_name(request, credentials=None):
    """The account a login attempt is for, whichever form sent it (the site's e-mail login, the admin's
    username), lower-cased so that case variations count as one account for the lock-out."""
    credentials = credentials or {}
    data = getattr(request, "POST", {}) if request is not None else {}
    name = (
        credentials.get("email") or credentials.get("username") or data.get("login") or data.get("username")
    )
    return str(name or "").strip().lower()[:254]


def client_address(request):
    """The visitor's address, as the rate limits see it (behind a proxy: RATELIMIT_IP_META_KEY)."""
    return request.META.get(settings.RATELIMIT_IP_META_KEY or "REMOTE_ADDR", "")


def locked_out(request, credentials=None, *args, **kwargs):
    """The lock-out page: says when to try again and offers a password reset, names no account."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "account/locked_out.html", {"cooloff_minutes": minutes}, status=429)


def _carries_nul(request):
    """True when the path, a query parameter, a cookie or a posted form field holds a NUL byte."""
    if "\x00" in request.path:
        return True
    parts = [request.GET, request.COOKIES]
    if request.method == "POST" and request.content_type in FORM_TYPES:
        parts.append(request.POST)
    return any(
        "\x00" in key or any("\x00" in value for value in _values(part, key))
        for part in parts
        for key in part
    )


def _values(mapping, key):
    return mapping.getlist(key) if hasattr(mapping, "getlist") else [mapping[key]]


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class RejectNulBytesMiddleware:
    """Answers 400 to a request carrying a NUL byte, before any middleware or view looks it up.

    No browser sends one. PostgreSQL refuses NUL in a string, so a NUL reaching a lookup (a token
    in the URL, a session key, a failed login's name kept by the lock-out) was a 500 there.
    Form fields already refuse NUL with a message; this guards what never passes a form.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _carries_nul(request):
            return bad_request(request, SuspiciousOperation("NUL byte in the request"))
        return self.get_response(request)
