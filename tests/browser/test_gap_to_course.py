"""Closing the loop: a logged-in learner answers the gap analysis, sees courses for their own
largest gaps on the thank-you page, and enrols in one from there."""

import re

from playwright.sync_api import expect

from .conftest import log_in
from .test_questionnaire import answer_opening_steps


def covered_competencies(demo_site):
    return {
        pk for (pk,) in demo_site.query("SELECT DISTINCT competency_id FROM learning_coursepage_competencies")
    }


def fill_matrix(page, covered):
    """Large gaps (none now, expert in five years) on the competencies a course covers; none elsewhere."""
    selects = page.locator(".matrix__table select")
    expect(selects.first).to_be_visible()
    for n in range(selects.count()):
        select = selects.nth(n)
        competency, aspect = re.search(
            r"_(\d+)_(current|required_now|required_future)$", select.get_attribute("name")
        ).groups()
        levels = {"current": "0", "required_now": "3", "required_future": "4"}
        select.select_option(levels[aspect] if int(competency) in covered else "2")


def test_a_learner_answers_the_gap_analysis_and_enrols_from_the_thank_you_page(browser, demo_site, axe):
    covered = covered_competencies(demo_site)
    context = browser.new_context(base_url=demo_site.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, "learner@example.org", "nmep-demo-learner")
    expect(page.get_by_role("heading", level=1, name="Mijn leeromgeving")).to_be_visible()

    answer_opening_steps(page)
    while page.locator(".matrix__table").count():
        fill_matrix(page, covered)
        page.get_by_role("button", name="Volgende").click()
    while not page.get_by_role("button", name="Verstuur mijn antwoorden").count():
        page.get_by_role("button", name="Volgende").click()
    page.get_by_role("button", name="Verstuur mijn antwoorden").click()

    expect(page.get_by_role("heading", name="Uw grootste gaps, en cursussen die helpen")).to_be_visible()
    assert axe(page) == []
    enrol = page.get_by_role("button", name=re.compile("^Inschrijven voor Introductie in PET"))
    expect(enrol.first).to_be_visible()
    # The demo learner completed the radiation protection course: it is not offered again.
    expect(
        page.get_by_role("button", name=re.compile("^Inschrijven voor Stralingsbescherming"))
    ).to_have_count(0)
    enrol.first.click()
    expect(page.get_by_role("button", name="Markeer als gedaan en ga verder")).to_be_visible()

    page.goto("/nl/learning/")
    expect(page.get_by_role("heading", name="Aanbevolen voor u")).to_be_visible()
    assert axe(page) == []
    context.close()
