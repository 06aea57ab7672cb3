"""A visitor browses the committees and their KPI progress and applies for an open seat;
a committee member logs in and opens the minutes, which stay closed to others."""

import re

from playwright.sync_api import expect

from .conftest import log_in


def test_a_visitor_browses_committees_and_kpi_progress(page, demo_site, axe):
    page.goto("/nl/")
    featured = page.locator(".feature--committee")  # the home page features an action group's progress
    expect(featured.get_by_role("link", name="Actiegroep Isotopenvoorziening").first).to_be_visible()
    expect(featured.locator("progress").first).to_be_visible()
    assert axe(page) == []
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Commissies").click()
    expect(page.get_by_role("heading", level=1, name="Commissies")).to_be_visible()
    assert axe(page) == []

    page.get_by_role("heading", name="Veldcommissie", exact=True).get_by_role("link").click()
    expect(page.get_by_role("heading", name="Vertegenwoordiging")).to_be_visible()
    roles = page.locator("#members-heading ~ h3[id^='role-']")  # the members under their roles' headings
    expect(roles.first).to_be_visible()
    assert roles.count() >= 3
    for category in ("Academie", "Maatschappelijke partner", "Industrie"):
        expect(page.get_by_role("rowheader", name=category)).to_be_visible()
    assert axe(page) == []

    page.get_by_role("link", name="Commissies").first.click()
    page.get_by_role("heading", name="Actiegroep Isotopenvoorziening").get_by_role("link").click()
    expect(page.get_by_role("heading", name="Voortgang op onze doelen")).to_be_visible()
    chart = page.get_by_role("img").filter(has=page.locator("polyline")).first
    expect(chart).to_be_visible()
    summary = page.locator(".kpi p").first.inner_text()
    assert re.search(r"Van [\d,.]+ tot [\d,.]+ .* op .*Nu [\d,.]+ .*: [\d,]+% van de weg", summary, re.S), (
        summary
    )
    legend = page.locator(".kpi__legend").first  # which line is the target, which the baseline, in words
    expect(legend).to_be_visible()
    expect(legend).to_contain_text("99")
    expect(chart.locator("text")).to_have_count(2)  # the dates of the first measurement and the target
    assert axe(page) == []


def test_a_visitor_applies_for_an_open_seat(page, demo_site, axe):
    page.goto("/nl/commissies/")
    page.get_by_role("region", name="Vacatures").get_by_role("link").first.click()
    expect(page.get_by_role("heading", name="Solliciteren")).to_be_visible()
    assert axe(page) == []
    page.get_by_role("button", name="Verstuur mijn sollicitatie").click()
    expect(page.get_by_role("alert")).to_contain_text("Verbeter")
    assert axe(page) == []  # the errors are announced and linked to their fields

    page.get_by_label(re.compile("^Naam")).fill("Dr. I. van Industrie")
    page.get_by_label(re.compile("^E-mailadres")).fill("kandidaat@example.org")
    page.get_by_label(re.compile("^Organisatie")).fill("Isotopen BV")
    page.get_by_label(re.compile("^Motivatie")).fill("Twintig jaar productie van radiofarmaca.")
    page.get_by_role("button", name="Verstuur mijn sollicitatie").click()
    expect(page.get_by_role("status").or_(page.locator(".messages"))).to_contain_text(
        "sollicitatie is ontvangen"
    )
    assert demo_site.query(
        "SELECT COUNT(*) FROM committee_vacancyapplication WHERE email = ?", "kandidaat@example.org"
    ) == [(1,)]
    assert any("kandidaat@example.org" in mail for mail in demo_site.mails())


def test_the_secretary_reads_the_applications_in_the_members_area(page, demo_site, axe):
    # An application the secretary will read, sent as a visitor does.
    page.goto("/nl/commissies/")
    page.get_by_role("region", name="Vacatures").get_by_role("link").first.click()
    page.get_by_label(re.compile("^Naam")).fill("Drs. <b>S.</b> Ollicitant")
    page.get_by_label(re.compile("^E-mailadres")).fill("ollicitant@example.org")
    page.get_by_label(re.compile("^Organisatie")).fill("Radiofarmacie Noord")
    page.get_by_label(re.compile("^Motivatie")).fill("Tien jaar hotlab.")
    page.get_by_role("button", name="Verstuur mijn sollicitatie").click()
    expect(page.locator(".messages")).to_contain_text("sollicitatie is ontvangen")

    log_in(page, "secretary@example.org", "nmep-demo-secretary")
    page.goto("/nl/commissies/veldcommissie/")
    page.get_by_role("link", name=re.compile("Ledenomgeving")).click()
    applications = page.get_by_role("region", name="Sollicitaties op vacatures")
    expect(applications.get_by_role("heading", name=re.compile("Ollicitant"))).to_contain_text(
        "Drs. <b>S.</b> Ollicitant"  # the markup typed is shown as text
    )
    application = applications.locator("article").filter(has_text="Ollicitant")
    application.locator("summary").focus()
    page.keyboard.press("Enter")  # the motivation opens with the keyboard
    expect(application.get_by_text("Tien jaar hotlab.")).to_be_visible()
    assert axe(page) == []


def test_a_member_opens_the_minutes_that_stay_closed_to_others(browser, demo_site, axe):
    (minutes_url,) = [
        f"/documents/{pk}/{name.rsplit('/', 1)[-1]}"
        for pk, name in demo_site.query(
            "SELECT d.id, d.file FROM wagtaildocs_document d "
            "JOIN committee_meeting m ON m.minutes_id = d.id LIMIT 1"
        )
    ]
    stranger = browser.new_context(base_url=demo_site.url)
    refused = stranger.request.get(minutes_url, max_redirects=0)
    assert refused.status == 302 and "/account/login/" in refused.headers["location"]
    (raw,) = demo_site.query(
        "SELECT d.file FROM wagtaildocs_document d JOIN committee_meeting m ON m.minutes_id = d.id"
    )
    assert stranger.request.get(f"/media/{raw[0]}", max_redirects=0).status == 404  # never the raw file
    stranger.close()

    # On a phone: the members' area and its tables fit the screen.
    context = browser.new_context(
        base_url=demo_site.url, locale="nl-NL", viewport={"width": 375, "height": 800}
    )
    page = context.new_page()
    log_in(page, "member@example.org", "nmep-demo-member")
    page.goto("/nl/commissies/veldcommissie/")
    page.get_by_role("link", name=re.compile("Ledenomgeving")).click()
    expect(page.get_by_role("heading", level=1, name="Ledenomgeving")).to_be_visible()
    expect(page.get_by_text("Te laat").first).to_be_visible()  # an overdue action item
    assert axe(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    link = page.get_by_role("link", name=re.compile("^Notulen")).first
    href = link.get_attribute("href")
    opened = context.request.get(href)
    assert opened.status == 200 and len(opened.body()) > 0
    context.close()


def test_committee_pages_fit_a_phone(browser, demo_site):
    context = browser.new_context(
        base_url=demo_site.url, locale="nl-NL", viewport={"width": 375, "height": 800}
    )
    page = context.new_page()
    for path in (
        "/nl/",
        "/nl/commissies/",
        "/nl/commissies/veldcommissie/",
        "/nl/commissies/isotopenvoorziening/",
    ):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
    context.close()
