"""Menus, breadcrumbs, the language switcher and Wagtail's user bar, around the page tree.

The menu and the links between translations change only when pages are
published or moved, so they are kept in the cache until then (see
``cms.pagecache``): a page costs no queries for them once they are warm.
"""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils import translation
from django.utils.encoding import iri_to_uri
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Locale, Page, Site

from cms.pagecache import cached_fragment

register = template.Library()

MAX_KEPT_QUERY = 300
# How long the answer to "may this account open the admin?" is kept for the user bar.
USERBAR_SECONDS = 60


@register.simple_tag(takes_context=True)
def userbar(context):
    """Wagtail's user bar, for accounts that may open the admin.

    Wagtail asks the database for the account's rights on every page (two queries). Whether to
    show the bar is kept per account for a minute instead. Only the "no" saves anything: for a
    "yes" Wagtail asks again before drawing the bar, so a right taken away shows at once and a
    right given within a minute (the admin itself checks the rights on every request).
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    key = f"may-open-admin:{user.pk}"
    may = cache.get(key)
    if may is None:
        may = user.has_perm("wagtailadmin.access_admin")
        cache.set(key, may, USERBAR_SECONDS)
    return wagtailuserbar(context) if may else ""


def home_urls(request):
    """The site's home page URL in each language that has one (cached per request too)."""
    if not hasattr(request, "_home_urls"):
        site = Site.find_for_request(request)

        def compute():
            if site is None:
                return {}
            homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
            return {home.locale.language_code: home.get_url(request) for home in homes}

        request._home_urls = cached_fragment(f"homes:{site.pk if site else 0}", compute)
    return request._home_urls


def menu_items(request, language):
    """(title, url, url_path) of the pages in the main menu of this language."""
    site = Site.find_for_request(request)

    def compute():
        root = site.root_page.get_translation_or_none(translation_locale(language)) if site else None
        if root is None:
            return []
        children = root.get_children().live().public().in_menu()
        return [(page.title, page.get_url(request), page.url_path) for page in children]

    return cached_fragment(f"menu:{site.pk if site else 0}:{language}", compute)


def translation_locale(language):
    return Locale.objects.filter(language_code=language).first()


def translation_urls(request, page):
    """The URL of this page in each language it was translated to."""

    def compute():
        pages = page.get_translations(inclusive=True).live().select_related("locale")
        return {other.locale.language_code: other.get_url(request) for other in pages}

    return cached_fragment(f"translations:{page.translation_key}", compute)


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    current = context.get("page")
    current_path = current.url_path if isinstance(current, Page) else ""
    items = menu_items(request, translation.get_language())
    return {"items": [(title, url, current_path.startswith(path)) for title, url, path in items]}


def translated_path(request, language_code):
    """This view's address in another language, keeping a query string of sane length.

    Percent-encoded: the path of an error page can hold anything a visitor typed."""
    url = iri_to_uri(translate_url(request.path, language_code))
    query = request.META.get("QUERY_STRING", "")
    return f"{url}?{query}" if query and len(query) <= MAX_KEPT_QUERY else url


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language: its translation, or that language's home page."""
    request = context["request"]
    page = context.get("page")
    is_page = isinstance(page, Page) and page.pk
    translations = translation_urls(request, page) if is_page else {}
    homes = home_urls(request)
    current = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code]
        elif is_page and code in homes:
            url = homes[code]
        else:
            url = translated_path(request, code)
        with translation.override(code):
            label = translation.gettext(name)
        links.append({"code": code, "name": label, "url": url, "current": code == current})
    return {"links": links}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": []}
    return {
        "ancestors": page.get_ancestors().filter(depth__gt=1),
        "page": page,
        "request": context["request"],
    }


@register.inclusion_tag("includes/privacy_link.html", takes_context=True)
def privacy_link(context):
    """The privacy statement in the visitor's language, as chosen in the site settings."""
    request = context["request"]
    site = Site.find_for_request(request)
    language = translation.get_language()

    def compute():
        from home.models import SiteSettings

        page = SiteSettings.for_site(site).privacy_page if site else None
        page = page.localized if page else None
        return {"title": page.title, "url": page.get_url(request)} if page else {}

    return {"link": cached_fragment(f"privacy:{site.pk if site else 0}:{language}", compute)}
