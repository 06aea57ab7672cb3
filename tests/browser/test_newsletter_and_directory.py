"""A visitor subscribes to the newsletter, and browses the organisations of the field."""

import re

import pytest
from playwright.sync_api import expect


def test_visitor_subscribes_with_double_opt_in_and_can_unsubscribe(page, demo_site, axe):
    page.goto("/en/")
    page.get_by_role("link", name="Subscribe to the newsletter").click()
    assert axe(page) == []
    page.get_by_label("E-mail address").fill("radiochemist@example.org")
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")
    assert demo_site.query(
        "SELECT status FROM home_newslettersubscriber WHERE email = ?", "radiochemist@example.org"
    ) == [("pending",)]

    [mail] = [m for m in demo_site.mails() if "radiochemist@example.org" in m]
    confirm_url = re.search(r"http://\S+/newsletter/confirm/\S+/", mail).group(0)
    page.goto(confirm_url)
    page.get_by_role("button", name="Confirm my subscription").click()
    expect(page.get_by_role("status")).to_contain_text("your subscription is confirmed")
    assert axe(page) == []

    [(token,)] = demo_site.query(
        "SELECT token FROM home_newslettersubscriber WHERE email = ?", "radiochemist@example.org"
    )
    page.goto(f"/en/newsletter/unsubscribe/{token}/")
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("status")).to_contain_text("You are unsubscribed")


def test_visitor_filters_the_organisations_by_stakeholder_group(page, demo_site, axe):
    page.goto("/nl/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Organisaties").click()
    assert axe(page) == []
    page.get_by_role("navigation", name="Filter op stakeholdergroep").get_by_role(
        "link", name="Isotopenproductie"
    ).click()
    titles = page.locator(".organisation-list .card__title")
    # Wait for the filtered page: reading the list right after the click can see the old page unloading.
    expect(page).to_have_url(re.compile(r"group=isotope_production"))
    expect(titles.filter(has_text="PALLAS")).to_have_count(1)
    expect(titles.filter(has_text="TU Delft")).to_have_count(0)


@pytest.mark.parametrize("path", ["/nl/over-het-programma/", "/en/objectives/gap-analysis/", "/en/missing/"])
def test_programme_and_error_pages_have_no_serious_accessibility_violations(page, demo_site, axe, path):
    page.goto(path)
    assert axe(page) == []
