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
    expect(page.get_by_text(re.compile("^actie loopt:")).first).to_be_visible()
    assert demo_site.query("SELECT COUNT(*) FROM committee_curriculumaction")[0][0] >= 1
    context.close()


def test_a_visitor_reads_the_state_of_the_field(page, demo_site, axe):
    page.goto("/nl/stand-van-het-veld/")
    table = page.get_by_role("table", name="De grootste gaps van het veld en de cursussen die erin voorzien")
    expect(table).to_be_visible()
    assert table.get_by_role("row").count() == 11  # the header and the ten largest gaps
    expect(table.get_by_text("Nog geen cursus").first).to_be_visible()
    assert axe(page) == []
