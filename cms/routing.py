"""Wagtail's page routing, remembered until published content changes.

To find the page for an address Wagtail looks up the site, the active locale, the
site's root page in that language, and then two rows per level of the tree (the
child with the next slug, then its specific row): seven queries before a news item's
view starts, most of an uncached request's time. Which page answers an address only
changes when a page is published, unpublished, moved or deleted or a site is edited,
and each of those starts a new page-cache generation (``cms.pagecache.purge``). So
the site and the page's type and id are kept under that generation, and a known
address costs one query: the page itself, which must still be live.

Only what routing found is kept: privacy (``before_serve_page``) and the page's own
view run on every request as before. Addresses that found no page are not kept.

Privacy costs two more queries per page (the page's ancestors, then their restrictions),
though few pages are private: ``may_be_restricted`` answers from the paths of the pages
that carry a restriction, kept under the same generation (saving or deleting a
restriction starts a new one), and pages elsewhere skip both queries.
"""

import hashlib

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.http import Http404
from django.utils import translation
from wagtail.models import Page

from cms.pagecache import MAX_CACHED_PATH, cached_fragment, generation


def route_key(request, path):
    where = f"{request._get_raw_host()}|{request.get_port()}|{translation.get_language()}|{path}"
    return f"route:{generation()}:{hashlib.sha256(where.encode()).hexdigest()}"


def components(path):
    return [component for component in path.split("/") if component]


def reached_by(page, site, path):
    """How many of the address's components the tree consumed to reach ``page`` from the site's
    root (the rest go to the page's own ``route``, as a routable page's sub-address); None when
    the page's place in the tree does not match the address."""
    depth = page.depth - site.root_page.depth
    consumed = components(path)[: max(depth, 0)]
    slugs = page.url_path.strip("/").split("/")[-depth:] if depth > 0 else []
    if depth < 0 or consumed != slugs:
        return None
    return depth


def replay(request, path, site, label, pk, depth):
    """The route Wagtail would find, from what was kept; None when the page is no longer live or
    no longer at that address (a change that started no new generation)."""
    try:
        model = apps.get_model(label)
    except LookupError:
        return None
    try:
        page = model.objects.get(pk=pk, live=True)
    except model.DoesNotExist:
        return None
    if reached_by(page, site, path) != depth:
        return None
    request._wagtail_site = site
    try:
        return page.route(request, components(path)[depth:])
    except Http404:
        return None  # Wagtail's own routing says so again


class RouteCacheMiddleware:
    """Hands Wagtail's page view the route remembered for this address, or remembers it."""

    def __init__(self, get_response):
        from wagtail import views  # needs the models loaded

        self.get_response = get_response
        self.wagtail_serve = views.serve

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not self.wagtail_serve or not view_args or len(view_args[0]) > MAX_CACHED_PATH:
            return None
        path = view_args[0]
        key = route_key(request, path)
        kept = cache.get(key)
        if kept is not None:
            route = replay(request, path, *kept)
            if route is not None:
                request._wagtail_route_for_request = route
                return None
        route = Page.route_for_request(request, path)
        site = getattr(request, "_wagtail_site", None)
        if route is not None and site is not None:
            page = route[0]
            depth = reached_by(page, site, path)
            if depth is not None:
                cache.set(key, (site, page._meta.label_lower, page.pk, depth), settings.PAGE_CACHE_SECONDS)
        return None


def restricted_paths():
    """Tree paths under which a page may have a view restriction: pages that carry one, and
    aliases (which take their source page's restrictions)."""
    return list(
        Page.objects.filter(Q(view_restrictions__isnull=False) | Q(alias_of__isnull=False))
        .values_list("path", flat=True)
        .distinct()
    )


def may_be_restricted(page):
    """False when neither ``page`` nor any page above it carries a view restriction."""
    paths = cached_fragment("restricted-paths", restricted_paths)
    return page.alias_of_id is not None or any(page.path.startswith(path) for path in paths)
