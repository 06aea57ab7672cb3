"""A stakeholder answers the gap-analysis questionnaire with the keyboard alone, leaves,
resumes from the private link and submits; an analyst sees the response in the report."""

import re

from playwright.sync_api import expect

LEVEL_KEYS = ["G", "Bew", "W", "Bek", "E"]  # type-ahead for Geen, Bewustzijn, Werkkennis, Bekwaam, Expert


def tab_to(page, locator, limit=400):
    """Press Tab until ``locator`` has the focus, as a keyboard user would. The element is found
    once, not again by its role and name (a search of the whole page) after every key."""
    target = locator.element_handle()
    for _ in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{locator} never received the focus")


def press_next(page, name="Volgende"):
    tab_to(page, page.get_by_role("button", name=name))
    page.keyboard.press("Enter")


def choose(page, select, text):
    tab_to(page, select)
    page.keyboard.type(text)


def fill_matrix_step(page, axe):
    selects = page.locator(".matrix__table select")
    expect(selects.first).to_be_visible()
    count = selects.count()
    for n in range(count):
        current, now, later = (n // 3) % 3, 2 + (n // 3) % 2, 4
        tab_to(page, selects.nth(n))  # past the scrollable table's own tab stop
        page.keyboard.type(LEVEL_KEYS[[current, now, later][n % 3]])
    assert axe(page) == []
    press_next(page)


def answer_first_steps(page, axe):
    page.goto("/nl/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Gap-analyse 2026").click()
    assert axe(page) == []
    tab_to(page, page.get_by_role("link", name="Begin aan de vragenlijst"))
    page.keyboard.press("Enter")

    expect(page.get_by_text("Stap 1 van")).to_be_visible()
    assert axe(page) == []
    tab_to(page, page.get_by_label(re.compile("privacyverklaring gelezen")))
    page.keyboard.press("Space")
    press_next(page)

    expect(page.get_by_role("heading", name="Over u")).to_be_visible()
    for label, text in [
        ("Stakeholdergroep", "Zorg"),
        ("Beroep", "Klinisch"),
        ("Soort organisatie", "Uni"),
        ("Jaren ervaring in het vakgebied", "5"),
        ("Regio", "Oost"),
    ]:
        choose(page, page.get_by_label(label), text)
    assert axe(page) == []
    press_next(page)


def answer_work_step(page, axe):
    expect(page.get_by_role("heading", name="Uw werk en scholing")).to_be_visible()
    tab_to(page, page.get_by_label("Universitair medisch centrum"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_label("PET/CT"))
    page.keyboard.press("Space")
    # Tab reaches a radio group once; the arrow keys choose within it.
    tab_to(page, page.get_by_label(re.compile("^1 – ")))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label(re.compile("^3$"))).to_be_checked()
    tab_to(page, page.get_by_label(re.compile("Hoeveel uur")))
    page.keyboard.type("999")  # out of range: refused with a message on the field
    press_next(page)
    expect(page.locator(".field--error")).to_have_count(1)
    assert axe(page) == []
    tab_to(page, page.get_by_label(re.compile("Hoeveel uur")))
    page.keyboard.press("Control+A")
    page.keyboard.type("24")
    press_next(page)


def submitted_2026(demo_site):
    """Submitted responses to the demo's current wave (all its translations), as its report counts them."""
    return demo_site.query(
        "SELECT count(*) FROM surveys_response r JOIN wagtailcore_page p ON r.survey_id = p.id "
        "WHERE r.status = 'submitted' AND p.translation_key = "
        "(SELECT translation_key FROM wagtailcore_page WHERE slug = 'gap-analyse-2026')"
    )[0][0]


def test_stakeholder_answers_with_the_keyboard_leaves_resumes_and_an_analyst_sees_it(browser, demo_site, axe):
    submitted_before = submitted_2026(demo_site)
    context = browser.new_context(base_url=demo_site.url, locale="nl-NL")
    page = context.new_page()
    answer_first_steps(page, axe)
    answer_work_step(page, axe)
    fill_matrix_step(page, axe)
    expect(page.get_by_role("heading", name="Veiligheid en kliniek")).to_be_visible()
    resume_url = page.locator(".resume__link").inner_text()
    context.close()  # the respondent leaves

    context = browser.new_context(base_url=demo_site.url, locale="nl-NL")
    page = context.new_page()
    page.goto(resume_url)
    expect(page.get_by_role("heading", name="Veiligheid en kliniek")).to_be_visible()
    fill_matrix_step(page, axe)
    expect(page.get_by_role("heading", name="Regels, data en samenwerking")).to_be_visible()
    fill_matrix_step(page, axe)
    expect(page.get_by_role("heading", name="Tot slot")).to_be_visible()
    press_next(page)
    expect(page.get_by_role("heading", name="Controleer uw antwoorden")).to_be_visible()
    assert axe(page) == []
    press_next(page, name="Verstuur mijn antwoorden")
    expect(page.get_by_role("heading", name="Dank u wel")).to_be_visible()
    context.close()

    submitted = submitted_2026(demo_site)
    assert submitted == submitted_before + 1
    analyst = browser.new_context(base_url=demo_site.url, locale="nl-NL").new_page()
    analyst.goto("/admin/login/")
    analyst.get_by_label(re.compile("Gebruikersnaam|Username")).fill("analyst")
    analyst.get_by_label(re.compile("Wachtwoord|Password")).fill("nmep-demo-analyst")
    analyst.get_by_role("button", name=re.compile("Aanmelden|Inloggen|Sign in")).click()
    analyst.goto("/admin/gap-reports/")
    analyst.get_by_role("link", name="Gap-analyse 2026").click()
    expect(analyst.get_by_text(f"{submitted} ingediend van")).to_be_visible()
    # The demo's earlier wave of the same series: the gaps then and now, side by side.
    expect(analyst.get_by_role("heading", name=re.compile("Vergeleken met de vorige ronde"))).to_be_visible()
    assert axe(analyst) == []


def answer_opening_steps(page):
    """Consent, profile and the first questions with the mouse, up to the first competency matrix."""
    page.goto("/nl/gap-analyse-2026/answer/")
    page.get_by_label(re.compile("privacyverklaring gelezen")).check()
    page.get_by_role("button", name="Volgende").click()
    for label, value in [
        ("Stakeholdergroep", "care_provider"),
        ("Beroep", "clinical_physicist"),
        ("Soort organisatie", "university_hospital"),
        ("Jaren ervaring in het vakgebied", "5-10"),
        ("Regio", "east"),
    ]:
        page.get_by_label(label).select_option(value)
    page.get_by_role("button", name="Volgende").click()
    page.get_by_label("Universitair medisch centrum").check()
    page.get_by_label("PET/CT").check()
    page.get_by_label("3", exact=True).check()
    page.get_by_label(re.compile("Hoeveel uur")).fill("10")
    page.get_by_role("button", name="Volgende").click()


def test_the_matrix_fits_a_phone_screen(browser, demo_site):
    context = browser.new_context(base_url=demo_site.url, viewport={"width": 375, "height": 800})
    page = context.new_page()
    answer_opening_steps(page)
    select = page.locator(".matrix__table select").first
    expect(select).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scrolling
    box = select.bounding_box()
    assert box["x"] + box["width"] <= 375 and box["height"] >= 24  # on screen, big enough to tap
    context.close()
