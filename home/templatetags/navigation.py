"""Menus, breadcrumbs and the language switcher, all from the page tree."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

register = template.Library()

MAX_KEPT_QUERY = 300


def site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


def home_pages(request):
    """The site's home page in each language that has one, by language code (cached per request)."""
    if not hasattr(request, "_home_pages"):
        root = site_root(request)
        homes = root.get_translations(inclusive=True).live().select_related("locale") if root else []
        request._home_pages = {home.locale.language_code: home for home in homes}
    return request._home_pages


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    home = home_pages(request).get(translation.get_language())
    items = home.get_children().live().public().in_menu() if home else Page.objects.none()
    current = context.get("page")
    current_path = current.url_path if isinstance(current, Page) else ""
    return {
        "home": home,
        "request": request,
        "items": [(item, current_path.startswith(item.url_path)) for item in items],
    }


def translated_path(request, language_code):
    """This view's address in another language, keeping a query string of sane length."""
    url = translate_url(request.path, language_code)
    query = request.META.get("QUERY_STRING", "")
    return f"{url}?{query}" if query and len(query) <= MAX_KEPT_QUERY else url


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language: its translation, or that language's home page."""
    request = context["request"]
    page = context.get("page")
    translations = {}
    if isinstance(page, Page) and page.pk:
        for other in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[other.locale.language_code] = other
    homes = home_pages(request)
    current = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request)
        elif isinstance(page, Page) and code in homes:
            url = homes[code].get_url(request)
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
