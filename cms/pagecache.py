"""A page cache for anonymous visitors, made stale at once whenever published content changes.

Views opt in with ``allow_page_cache(response)``; ``AnonymousPageCacheMiddleware`` stores only such
responses, and only when nothing on them belongs to one visitor: no session or messages cookie on
the request, no CSRF token rendered into a form, no cookie set, nobody logged in.

Publishing, unpublishing, moving or deleting a page, or saving a snippet or setting a page shows
(``purge``, connected in ``cms.apps``) starts a new cache generation. A stored page keeps the
generation it was made in and is read together with the current one, in one request to the cache;
one of an older generation is stale. Logged-in visitors never get a stored page, but the parts of a
page that are the same for everyone (menus, footer, a page's body) are Wagtail's template fragments
(``{% wagtailpagecache %}``, ``{% wagtailcache %}``) keyed on the generation, which
``fragment_context`` hands to every template, and ``cached_fragment`` keeps computed values the
same way. A request reads the generation once and renders the content of that one generation.
"""

import hashlib
import uuid
from contextlib import contextmanager

from asgiref.local import Local
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

GENERATION_KEY = "pagecache:generation"
MAX_CACHED_PATH = 512
# Cookies that mean the visitor may see something made for them alone.
PERSONAL_COOKIES = ("sessionid", "messages")
# The generation the request being answered has seen: None until it asks, absent outside a request.
_request = Local()
OUTSIDE = object()


def allow_page_cache(response, seconds=None):
    """Mark a response as the same for every anonymous visitor, for at most ``seconds``
    (or PAGE_CACHE_SECONDS): a page that changes by itself at a known time says when.
    ``seconds`` may be a function, asked only when the response is stored."""
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
    """Start a new generation: every cached page and fragment is stale from now on.

    Connected to Wagtail's publish signals and snippet saves (``kwargs`` are theirs).
    """
    new_generation()
    # A page rendered while the change was being committed read the old content and may have
    # been stored under the new generation: start another one once the change is committed.
    transaction.on_commit(new_generation)


def purge_when_changed(*models):
    """Purge when a row of one of ``models`` (what pages show) is saved or deleted."""
    for model in models:
        post_save.connect(purge, sender=model, dispatch_uid=f"pagecache-save-{model._meta.label}")
        post_delete.connect(purge, sender=model, dispatch_uid=f"pagecache-del-{model._meta.label}")


def new_generation():
    value = uuid.uuid4().hex
    cache.set(GENERATION_KEY, value, None)
    if hasattr(_request, "generation"):
        _request.generation = value  # what this request renders after the change is new too


def generation():
    """The current cache generation. In a request (``one_generation``) read once and kept for the
    rest of it; outside one (a job, a command) read every time."""
    value = getattr(_request, "generation", None)
    if value is None:
        value = cache.get_or_set(GENERATION_KEY, lambda: uuid.uuid4().hex, None)
        if hasattr(_request, "generation"):
            _request.generation = value
    return value


@contextmanager
def one_generation():
    """While a request is answered, ``generation()`` gives one value. A request answered inside
    another (Wagtail renders a preview through the middleware again) sees the outer one's."""
    outer = getattr(_request, "generation", OUTSIDE)
    _request.generation = None if outer is OUTSIDE else outer
    try:
        yield
    finally:
        if outer is OUTSIDE:
            del _request.generation
        else:
            _request.generation = outer


def fragment_context(request):
    """Template context for cached fragments: ``page_cache_generation`` and ``page_cache_host`` to key
    them on (looked up only when a fragment is rendered) and ``page_cache_seconds``, the longest they
    are kept."""
    return {
        "page_cache_generation": SimpleLazyObject(generation),
        "page_cache_seconds": settings.PAGE_CACHE_SECONDS,
        "page_cache_host": SimpleLazyObject(lambda: allowed_host(request)),
    }


def allowed_host(request):
    """The site's host to key a fragment on; none on the error page of a request for a host not
    allowed (asking again would raise while that page is rendered)."""
    try:
        return request.get_host()
    except DisallowedHost:
        return ""


def cached_fragment(name, compute):
    """``compute()``'s value, kept until published content changes."""
    return cache.get_or_set(f"fragment:{generation()}:{name}", compute, settings.PAGE_CACHE_SECONDS)


def cache_key(request):
    """The key of this request's page, or None when it must not come from the cache."""
    if request.method != "GET" or len(request.get_full_path()) > MAX_CACHED_PATH:
        return None
    cookies = (settings.SESSION_COOKIE_NAME, *PERSONAL_COOKIES)
    if any(name in request.COOKIES for name in cookies):
        return None
    where = f"{request.get_host()}{request.get_full_path()}".encode()
    return f"pagecache:{hashlib.sha256(where).hexdigest()}"


def stored_page(key):
    """The page kept under ``key`` if it was made in the current generation, else None. The page and
    the generation come in one request to the cache; the generation is this request's from then on."""
    found = cache.get_many([GENERATION_KEY, key])
    current = found.get(GENERATION_KEY)
    if current is not None and hasattr(_request, "generation"):
        _request.generation = current
    made_in, page = found.get(key, (None, None))
    return page if current is not None and made_in == current else None


def storable(request, response):
    return (
        getattr(response, "page_cache_allowed", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        # Set by Django's get_token(): the page carries a form token (the CSRF middleware, outside
        # this one, sets its cookie only after the page would have been stored).
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.user.is_authenticated
    )


class AnonymousPageCacheMiddleware:
    """Serve anonymous visitors a stored copy of pages that opted in."""

    header = "X-Page-Cache"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with one_generation():
            return self.answer(request)

    def answer(self, request):
        # A preview or a moderator's view of a draft is rendered through the middleware too: never
        # answered from the cache, never stored.
        if getattr(request, "is_dummy", False):
            return self.get_response(request)
        key = cache_key(request)
        cached = stored_page(key) if key else None
        if cached is not None:
            cached[self.header] = "hit"
            return cached
        response = self.get_response(request)
        if key and storable(request, response):
            response[self.header] = "miss"
            # A number, not the page's own method, is stored with the response.
            response.page_cache_seconds = stored_seconds(response)
            cache.set(key, (generation(), response), response.page_cache_seconds)
        return response


def stored_seconds(response):
    """How long a stored page stays: what the view said, at most PAGE_CACHE_SECONDS."""
    seconds = response.page_cache_seconds
    seconds = seconds() if callable(seconds) else seconds
    return min(seconds or settings.PAGE_CACHE_SECONDS, settings.PAGE_CACHE_SECONDS)
