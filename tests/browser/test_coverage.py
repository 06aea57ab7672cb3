"""A committee member opens the coverage matrix and turns a competency without a course into an action."""

import re

from playwright.sync_api import expect

from .conftest import log_in


def test_a_member_opens_the_matrix_and_makes_a_curriculum_action(browser, demo_site, axe):
    context = browser.new_context(base_url=demo_site.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, "member@example.org", "nmep-demo-member")
    page.goto("/nl/commissies/")
    page.get_by_role("link", name=re.compile("^Dekkingsmatrix")).click()
    expect(page.get_by_role("heading", level=1, name="Dekkingsmatrix")).to_be_visible()
    expect(page.get_by_text("curriculumprioriteit").first).to_be_visible()
    assert axe(page) == []

    page.get_by_role("link", name=re.compile("^Maak een actie")).first.click()
    expect(page.get_by_role("heading", level=1, name="Nieuwe curriculumactie")).to_be_visible()
    page.get_by_role("button", name="Maak de actie").click()  # no group, no date: refused on the fields
    expect(page.get_by_role("alert")).to_be_visible()
    assert axe(page) == []
    page.get_by_label(re.compile("^Actiegroep")).select_option(index=1)
    page.get_by_label(re.compile("^Uiterlijk")).fill("2027-06-30")
    page.get_by_role("button", name="Maak de actie").click()
    expect(page.get_by_role("status")).to_contain_text("De actie staat op de lijst van")
    # The demo's own action is in progress; the new one is open, and the matrix says which is which.
    expect(page.get_by_text("actie loopt: Actiegroep Opleiding en arbeidsmarkt")).to_be_visible()
    made = page.locator(".badge", has_text="Actiegroep Data en registratie")
    expect(made).to_be_visible()
    expect(made).not_to_contain_text("actie loopt")
    assert demo_site.query("SELECT status FROM committee_curriculumaction ORDER BY id DESC LIMIT 1") == [
        ("open",)
    ]
    context.close()


def test_the_matrix_scrolls_inside_its_box_on_a_phone(browser, demo_site, axe):
    context = browser.new_context(
        base_url=demo_site.url, locale="nl-NL", viewport={"width": 375, "height": 740}, is_mobile=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, "member@example.org", "nmep-demo-member")
    page.goto("/nl/commissies/coverage/")
    expect(page.get_by_role("heading", level=1, name="Dekkingsmatrix")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # the page itself does not
    table = page.get_by_role("region", name=re.compile("^Competenties met hun gap"))
    assert table.evaluate("box => box.scrollWidth > box.clientWidth")
    care = page.get_by_role("columnheader", name=re.compile("Zorgverlener"))
    care.scroll_into_view_if_needed()
    expect(care).to_be_in_viewport()
    assert table.evaluate("box => box.scrollLeft") > 0  # reached by scrolling the box
    expect(page.get_by_role("columnheader", name="Respondenten")).to_have_count(1)
    assert axe(page) == []
    context.close()


def test_a_visitor_reads_the_state_of_the_field(page, demo_site, axe):
    page.goto("/nl/stand-van-het-veld/")
    table = page.get_by_role("table", name="De grootste gaps van het veld en de cursussen die erin voorzien")
    expect(table).to_be_visible()
    assert table.get_by_role("row").count() == 11  # the header and the ten largest gaps
    expect(table.get_by_text("Nog geen cursus").first).to_be_visible()
    assert axe(page) == []
