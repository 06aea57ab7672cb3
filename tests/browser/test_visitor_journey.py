"""A visitor of the field reads the news, switches language, searches and registers."""

import re

import pytest
from playwright.sync_api import expect


def test_visitor_reads_news_switches_language_searches_and_registers(page, demo_site):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/nl/$"))
    news = page.get_by_role("region", name="Laatste nieuws").get_by_role("link").first
    title = news.inner_text()
    news.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    page.get_by_role("navigation", name="Taal").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/news/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_label("Search the site").fill("symposium")
    page.get_by_label("Search the site").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Search")
    expect(page.locator(".search-results li").first).to_be_visible()

    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Events").click()
    page.get_by_role("region", name="Upcoming events").get_by_role("link").first.click()
    page.get_by_role("link", name="Register").click()
    page.get_by_label("Name").fill("Marie <b>Curie</b>")
    page.get_by_label("E-mail").fill("not-an-address")
    page.get_by_role("button", name="Register").click()
    expect(page.locator("#id_email_error")).to_be_visible()
    expect(page.get_by_label("Name")).to_have_value("Marie <b>Curie</b>")

    page.get_by_label("E-mail").fill("marie.curie@example.org")
    page.get_by_label("Organisation").fill("Radboudumc")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are registered")
    stored = demo_site.query(
        "SELECT name, organisation FROM home_eventregistration WHERE email = ?", "marie.curie@example.org"
    )
    assert stored == [("Marie <b>Curie</b>", "Radboudumc")]
    assert any("marie.curie@example.org" in mail for mail in demo_site.mails())


def test_the_menu_works_with_the_keyboard_on_a_phone(browser, demo_site):
    context = browser.new_context(base_url=demo_site.url, viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto("/nl/")
    menu_button = page.get_by_role("button", name="Menu")
    expect(menu_button).to_be_visible()
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_hidden()
    menu_button.focus()
    page.keyboard.press("Enter")
    expect(menu_button).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
    context.close()


@pytest.mark.parametrize("path", ["/nl/", "/en/", "/nl/nieuws/", "/en/news/", "/nl/evenementen/"])
def test_pages_have_no_serious_accessibility_violations(page, demo_site, axe, path):
    page.goto(path)
    assert axe(page) == []


def test_article_event_and_registration_pages_have_no_serious_accessibility_violations(page, demo_site, axe):
    page.goto("/nl/nieuws/")
    page.locator(".news-list .card__title a").first.click()
    assert axe(page) == []
    page.goto("/en/events/")
    page.get_by_role("region", name="Past events").get_by_role("link").first.click()
    assert axe(page) == []
    page.goto("/en/events/")
    page.get_by_role("region", name="Upcoming events").get_by_role("link").first.click()
    assert axe(page) == []
    page.get_by_role("link", name="Register").click()
    page.get_by_role("button", name="Register").click()  # empty: the errors must be accessible too
    expect(page.locator("#id_name_error")).to_be_visible()
    assert axe(page) == []
