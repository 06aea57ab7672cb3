"""An editor on the Dutch admin narrows a course's competencies with the filter box and ticks one with
the keyboard, sees what each "+" of a questionnaire adds, and picks a date in a picker that keeps clear
of the save buttons and closes on the date; axe finds nothing serious on either form."""

import json
import re

from playwright.sync_api import expect

from .conftest import log_in_to_admin


def dutch_page(demo_site, app_label, model):
    rows = demo_site.query(
        "SELECT p.id FROM wagtailcore_page p JOIN django_content_type t ON t.id = p.content_type_id"
        " JOIN wagtailcore_locale l ON l.id = p.locale_id"
        " WHERE t.app_label = ? AND t.model = ? AND l.language_code = 'nl' ORDER BY p.path LIMIT 1",
        app_label,
        model,
    )
    return rows[0][0]


def competency_not_covered(demo_site, course):
    """The Dutch name of a competency the course does not cover yet, named by no other one."""
    names = [name for (name,) in demo_site.query("SELECT name_nl FROM home_competency ORDER BY id")]
    covered = demo_site.query(
        "SELECT c.name_nl FROM home_competency c JOIN learning_coursepage_competencies l"
        " ON l.competency_id = c.id WHERE l.coursepage_id = ?",
        course,
    )
    covered = {name for (name,) in covered}
    return next(
        name
        for name in names
        if name not in covered and not any(name.lower() in other.lower() for other in names if other != name)
    )


WAGTAILS_OWN = [
    # Draftail, Wagtail's rich-text editor, gives its text boxes (the forms' only ARIA text boxes) no
    # accessible name.
    re.compile(r"^aria-input-field-name \(serious\): "),
    # Wagtail draws the text inputs of a list block (the choices of a question) without a label.
    re.compile(r"^label \(critical\): .* at \[(\['#[\w-]+-choices-\d+-value'\](, )?)+\]$"),
]


def findings(axe, page):
    """axe's serious findings on an edit form, but for those of Wagtail's own widgets."""
    return [finding for finding in axe(page) if not any(known.match(finding) for known in WAGTAILS_OWN)]


def test_an_editor_filters_the_competencies_and_ticks_one_with_the_keyboard(page, demo_site, axe):
    course = dutch_page(demo_site, "learning", "coursepage")
    wanted = competency_not_covered(demo_site, course)
    log_in_to_admin(page, "editor", "nmep-demo-editor")
    page.goto(f"/admin/pages/{course}/edit/")

    page.get_by_label("Filter de lijst").focus()
    page.keyboard.type(wanted)
    page.keyboard.press("Tab")
    checkbox = page.get_by_role("checkbox", name=wanted, exact=True)
    expect(checkbox).to_be_focused()
    page.keyboard.press("Space")
    expect(checkbox).to_be_checked()
    # The list shows the competency alone; the others stay in the form, only out of sight.
    competencies = page.locator("#id_competencies")
    expect(competencies.get_by_role("checkbox")).to_have_count(1)
    assert findings(axe, page) == []

    page.get_by_role("button", name="Bewaar concept").click()
    expect(page.locator(".messages")).to_contain_text("gewijzigd")
    (content,) = demo_site.query(
        "SELECT content FROM wagtailcore_revision WHERE object_id = ? ORDER BY id DESC LIMIT 1", str(course)
    )[0]
    (wanted_id,) = demo_site.query("SELECT id FROM home_competency WHERE name_nl = ?", wanted)[0]
    assert wanted_id in json.loads(content)["competencies"]


def test_a_questionnaires_plus_buttons_say_what_they_add(page, demo_site, axe):
    survey = dutch_page(demo_site, "surveys", "gapsurveypage")
    log_in_to_admin(page, "editor", "nmep-demo-editor")
    page.goto(f"/admin/pages/{survey}/edit/")
    for label in ("Stap toevoegen", "Vraag toevoegen", "Keuze toevoegen"):
        expect(page.get_by_role("button", name=label).first).to_be_visible()
    page.get_by_role("button", name="Stap toevoegen").last.click()
    expect(page.get_by_role("button", name="Vraag toevoegen").last).to_be_visible()
    assert findings(axe, page) == []


def test_a_date_picker_keeps_clear_of_the_save_buttons_and_closes_on_the_date(page, demo_site):
    event = dutch_page(demo_site, "home", "eventpage")
    log_in_to_admin(page, "editor", "nmep-demo-editor")
    page.goto(f"/admin/pages/{event}/edit/")
    starts = page.get_by_label("Begint")
    picker = page.locator(".xdsoft_datetimepicker:visible")
    starts.click()
    height = picker.bounding_box()["height"]
    page.keyboard.press("Tab")
    expect(picker).to_have_count(0)
    # A window just so high that the picker, opened below the field, fits in it but covers the footer
    # with the save buttons.
    field = starts.bounding_box()
    page.set_viewport_size({"width": 1280, "height": round(field["y"] + field["height"] + height + 20)})
    footer = page.locator("footer.footer")
    starts.click()
    expect(picker).to_have_count(1)
    box = picker.bounding_box()
    assert box["y"] + box["height"] <= footer.bounding_box()["y"], (box, footer.bounding_box())

    picker.locator("td.xdsoft_date:not(.xdsoft_other_month)[data-date='15']").click()
    expect(picker).to_have_count(0)
    expect(starts).to_have_value(re.compile(r"^\d{4}-\d{2}-15 "))
