"""Wagtail's page routing, remembered until published content changes.

To find the page for an address Wagtail looks up the site, the active locale, the
site's root page in that language, and then two rows per level of the tree (the
child with the next slug, then its specific row): seven queries before a news item's
view starts, most of an uncached request's time. Which page answers an address only
changes when a page is published, unpublished, moved or deleted or a site is edited,
and each of those starts a new page-cache generation (``cms.pagecache.purge``). So
the site and the page's type and id are kept under that generation, and a known
address costs one query: the page itself, which must still be live and still at
that address.

Routes are kept per page, under the page's own address, never under what follows it:
``/nl/nieuws/feed/`` is the news index's route replayed with ``feed/`` left over for
the page's own ``route`` (a routable page's sub-address), and a made-up address below
a page (a resume link's key, say) adds nothing to the cache. Privacy
(``before_serve_page``) and the page's own view run on every request as before.

Privacy costs two more queries per page (the page's ancestors, then their restrictions),
though few pages are private: ``may_be_restricted`` answers from the paths of the pages
that carry a restriction, kept under the same generation (saving or deleting a
restriction starts a new one), and pages elsewhere skip both queries.

The sites' root paths, which Wagtail reads from the cache to link to pages, are kept under
the generation too (a site or a page's address changes only with a new one), so an
uncached page asks the shared cache for nothing but the generation.
"""

import functools
import hashlib

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.db.models import Q
from django.http import Http404
from django.utils import translation
from wagtail.models import Page, Site

from cms.pagecache import MAX_CACHED_PATH, cached_fragment, generation

# Deeper addresses are routed by Wagtail alone (the pages of this site are at most five deep).
MAX_COMPONENTS = 12
NOT_FOUND = object()


def route_keys(request, parts):
    """Where the page at each address above the one made of ``parts`` (its path components) may be
    kept, by depth: ``keys[0]`` is the site's root, ``keys[-1]`` the whole address."""
    prefix = f"route:{generation()}:"
    where = (request._get_raw_host(), request.get_port(), translation.get_language())
    return [
        prefix + hashlib.sha256("|".join((*where, *parts[:depth])).encode()).hexdigest()
        for depth in range(len(parts) + 1)
    ]


def components(path):
    return [component for component in path.split("/") if component]


def reached_by(page, site, parts):
    """How many of the address's components the tree consumed to reach ``page`` from the site's
    root (the rest go to the page's own ``route``); None when the page's place in the tree does
    not match the address."""
    depth = page.depth - site.root_page.depth
    slugs = page.url_path.strip("/").split("/")[-depth:] if depth > 0 else []
    if depth < 0 or parts[: max(depth, 0)] != slugs:
        return None
    return depth


# Stands for the page's id while the query is compiled; no page has a negative id.
PK_PLACEHOLDER = -7_654_321


@functools.cache
def compiled_live_page(model, alias):
    """``filter(pk=..., live=True)`` on the page type's plain manager, compiled once per page type
    and database: its SQL, its parameters with the id's position among them, and how a row
    becomes a page.

    Django builds and compiles a query anew each time it runs; for a page type with many
    fields (a course: 43 columns over two tables) that took 1.6-2.3 ms here on every
    uncached request against 0.4 ms for the query itself.
    """
    queryset = model._base_manager.db_manager(alias).filter(pk=PK_PLACEHOLDER, live=True)
    compiler = queryset.query.get_compiler(using=alias)
    sql, params = compiler.as_sql()
    # The plain manager selects the model's own columns only (no joined models, no annotations),
    # so a row is the page's fields in the order of ``compiler.select``.
    assert not compiler.klass_info.get("related_klass_infos") and not compiler.annotation_col_map, model
    columns = [column[0] for column in compiler.select]
    fields = [column.target.attname for column in columns]
    params = list(params)
    return sql, params, params.index(PK_PLACEHOLDER), fields, compiler.get_converters(columns)


def live_page(model, pk, alias="default"):
    """The live page of type ``model`` with id ``pk``, or None: one query, compiled once (and on
    PostgreSQL prepared once per connection)."""
    sql, params, position, fields, converters = compiled_live_page(model, alias)
    params = params.copy()
    params[position] = pk
    connection = connections[alias]
    # On PostgreSQL a prepared statement, parsed and planned once per connection (cms/postgresql).
    prepared = getattr(connection, "prepared_cursor", connection.cursor)
    with prepared() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    row = list(row)
    for column, (functions, expression) in converters.items():
        for convert in functions:
            row[column] = convert(row[column], expression, connection)
    return model.from_db(alias, fields, row)


def replay(request, parts, depth, site, label, pk):
    """The route Wagtail would find from the page kept for ``parts[:depth]``: NOT_FOUND when the
    rest of the address finds nothing below it, None when the page is no longer live or no longer
    at that address (a change that started no new generation)."""
    try:
        page = live_page(apps.get_model(label), pk)
    except LookupError:  # a page type no longer installed
        return None
    if page is None or reached_by(page, site, parts) != depth:
        return None
    request._wagtail_site = site
    try:
        return page.route(request, parts[depth:])
    except Http404:
        return NOT_FOUND


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
        parts = components(view_args[0])
        if len(parts) > MAX_COMPONENTS:
            return None
        # Wagtail reads the sites' root paths from the shared cache for the page's links: keep them here.
        request._wagtail_cached_site_root_paths = cached_fragment("site-root-paths", Site.get_site_root_paths)
        # The longest part of the address that is a page's own address: the whole address when this
        # process holds its route, else one round trip to the shared cache for all of them.
        keys = route_keys(request, parts)
        routes = caches["template_fragments"]  # a copy in this process first (cms/localcache.py)
        whole = routes.local(keys[-1])
        kept = {keys[-1]: whole} if whole is not None else routes.get_many(keys)
        route = None
        for depth in reversed(range(len(keys))):
            if keys[depth] in kept:
                route = replay(request, parts, depth, *kept[keys[depth]])
                break
        if route is NOT_FOUND:
            request._wagtail_route_for_request = None
            return None
        if route is None:
            route = Page.route_for_request(request, view_args[0])
        else:
            request._wagtail_route_for_request = route
        site = getattr(request, "_wagtail_site", None)
        if route is not None and site is not None:
            page = route[0]
            depth = reached_by(page, site, parts)
            if depth is not None and keys[depth] not in kept:
                routes.set(keys[depth], (site, page._meta.label_lower, page.pk), settings.PAGE_CACHE_SECONDS)
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
