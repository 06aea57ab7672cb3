"""Editors and moderators see a page of every type before it goes live: in the preview panel beside the
editor, and in the preview in a new tab. The editor works on the Dutch pages, the moderator on the English."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import log_in_to_admin

PROJECT_APPS = ("home", "surveys", "learning", "committee")


def pages_of_every_type(demo_site, language):
    """{page type: id of one of its pages in ``language``} for every page type of the project."""
    types = demo_site.query(
        "SELECT id, model FROM django_content_type WHERE app_label IN (?, ?, ?, ?) AND model LIKE '%page'",
        *PROJECT_APPS,
    )
    found = {}
    for type_id, model in types:
        rows = demo_site.query(
            "SELECT p.id FROM wagtailcore_page p JOIN wagtailcore_locale l ON l.id = p.locale_id"
            " WHERE p.content_type_id = ? AND l.language_code = ? ORDER BY p.path LIMIT 1",
            type_id,
            language,
        )
        found[model] = rows[0][0] if rows else None
    return found


@pytest.mark.parametrize(("role", "language"), [("editor", "nl"), ("moderator", "en")])
def test_every_page_type_previews_in_the_panel_and_in_a_new_tab(browser, demo_site, axe, role, language):
    pages = pages_of_every_type(demo_site, language)
    assert len(pages) >= 15 and [model for model, pk in pages.items() if pk is None] == []
    context = browser.new_context(base_url=demo_site.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in_to_admin(page, role, f"nmep-demo-{role}")
    # Wagtail remembers an open side panel in the browser's storage: each editor opens it anew.
    page.add_init_script("window.localStorage.clear()")
    for model, pk in pages.items():
        page.goto(f"/admin/pages/{pk}/edit/")
        page.get_by_role("button", name="Toon/verberg voorvertoning").click()
        panel = page.frame_locator("#w-preview-iframe")
        # The panel renders the page after the editor's form is sent: the first one takes longest.
        expect(panel.locator("main#main"), model).to_be_visible(timeout=20_000)
        expect(panel.locator("body"), model).not_to_contain_text(re.compile("Server Error|Serverfout"))
        with context.expect_page() as opened:
            page.get_by_role("link", name="Voorbeeld in een nieuw tabblad").click()
        tab = opened.value
        tab.wait_for_load_state()
        expect(tab.locator("main#main"), model).to_be_visible()
        expect(tab.locator("body"), model).not_to_contain_text(re.compile("Server Error|Serverfout"))
        assert axe(tab) == [], model
        tab.close()
    context.close()
