"""``/healthz``: can this process reach its database and its cache?

Load balancers and container orchestrators ask this before sending a process
traffic and take it out of rotation on anything but 200. The answer names the
service that failed so that whoever is paged knows where to look, but only by
the exception's class: the page is public, and a driver's error message can carry
a host name, a user or a password.

Reached through the URL configuration, the view runs behind every middleware:
the page cache reads the cache first, plain HTTP is redirected to HTTPS, and the
Host must be an allowed one. A load balancer asks over plain HTTP with the
backend's address as host, and a cache outage should come back as this view's
503, so ``HealthCheckMiddleware``, first in MIDDLEWARE, answers ``/healthz``
before all of that.
"""

import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


class CacheLostValue(Exception):
    """The cache accepted a value and did not give it back."""


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise CacheLostValue
    cache.delete(key)


CHECKS = {"database": check_database, "cache": check_cache}


def outcome(check):
    try:
        check()
    except Exception as error:
        return f"failed: {type(error).__name__}"
    return "ok"


@require_safe
@never_cache
def healthz(request):
    """200 when every check passes, 503 otherwise; never cached by anyone."""
    results = {name: outcome(check) for name, check in CHECKS.items()}
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse(results, status=200 if healthy else 503)


class HealthCheckMiddleware:
    """Answer ``/healthz`` before any other middleware can redirect, refuse or fail it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            return healthz(request)
        return self.get_response(request)
