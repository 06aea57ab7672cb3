"""A page cache for anonymous visitors, emptied whenever published content changes.

Views opt in with ``allow_page_cache(response)``; the middleware stores only
such responses, and only when nothing on them belongs to one visitor: no
session, no CSRF token rendered into a form, no cookie set. Publishing,
unpublishing, moving or deleting a page, or saving a snippet a page shows,
starts a new cache generation, so every stored page is stale at once.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

GENERATION_KEY = "pagecache:generation"
MAX_CACHED_PATH = 512
# Cookies that mean the visitor may see something made for them alone.
PERSONAL_COOKIES = ("sessionid", "messages")


def allow_page_cache(response, seconds=None):
    """Mark a response as the same for every anonymous visitor, for at most ``seconds``
    (or PAGE_CACHE_SECONDS): a page that changes by itself at a known time says when."""
    response.page_cache_allowed = True
    response.page_cache_seconds = seconds
    return response


def seconds_until(*moments):
    """Seconds until the first of ``moments`` still ahead (None ones ignored): how long a page that
    changes at those moments stays fresh. None when none lies ahead."""
    now = timezone.now()
    ahead = [(moment - now).total_seconds() for moment in moments if moment is not None and moment > now]
    return max(int(min(ahead)), 1) if ahead else None


def purge(**kwargs):
    """Start a new generation: every cached page is stale from now on.

    Connected to Wagtail's publish signals and snippet saves (``kwargs`` are theirs).
    """
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def generation():
    """The current cache generation; fragments keyed on it go stale with the pages."""
    return cache.get_or_set(GENERATION_KEY, uuid.uuid4().hex, None)


def cached_fragment(name, compute):
    """``compute()``'s value, kept until published content changes."""
    key = f"fragment:{generation()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.PAGE_CACHE_SECONDS)
    return value


def cache_key(request):
    """The key of this request's page, or None when it must not come from the cache."""
    if request.method != "GET" or len(request.get_full_path()) > MAX_CACHED_PATH:
        return None
    cookies = (settings.SESSION_COOKIE_NAME, *PERSONAL_COOKIES)
    if any(name in request.COOKIES for name in cookies):
        return None
    where = f"{request.get_host()}{request.get_full_path()}".encode()
    return f"pagecache:{generation()}:{hashlib.sha256(where).hexdigest()}"


def storable(request, response):
    return (
        getattr(response, "page_cache_allowed", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_USED")
        and not request.user.is_authenticated
    )


class AnonymousPageCacheMiddleware:
    """Serve anonymous visitors a stored copy of pages that opted in."""

    header = "X-Page-Cache"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = cache_key(request)
        cached = cache.get(key) if key else None
        if cached is not None:
            cached[self.header] = "hit"
            return cached
        response = self.get_response(request)
        if key and storable(request, response):
            response[self.header] = "miss"
            seconds = min(
                response.page_cache_seconds or settings.PAGE_CACHE_SECONDS, settings.PAGE_CACHE_SECONDS
            )
            cache.set(key, response, seconds)
        return response
