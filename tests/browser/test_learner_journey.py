"""A visitor signs up, verifies the e-mail address, enrols, reads the lessons, fails the quiz,
passes it, downloads the certificate and checks it where anyone can."""

import io
import json
import re

from playwright.sync_api import expect
from pypdf import PdfReader

from .conftest import log_in

COURSE = "Introductie in PET/CT-kwantificering (SUV, kalibratie, EARL)"
PASSWORD = "Isotopes-for-Everyone-2026"


def quiz_key(demo_site, title):
    """{question text: set of right answer texts}, read from the demo site's database."""
    (stream,) = demo_site.query(
        "SELECT quiz FROM learning_coursepage JOIN wagtailcore_page ON page_ptr_id = id WHERE title = ?",
        title,
    )[0]
    return {
        block["value"]["question"]: {c["text"] for c in block["value"]["choices"] if c["correct"]}
        for block in json.loads(stream)
    }


def answer_quiz(page, key, right):
    questions = page.locator("fieldset.question")
    for n in range(questions.count()):
        question = questions.nth(n)
        text = re.sub(r"^\d+\.\s*", "", question.locator("legend").inner_text()).strip()
        correct = key[text]
        choices = question.locator(".choice")
        for m in range(choices.count()):
            label = choices.nth(m).locator("label").inner_text().strip()
            if (label in correct) == right:
                choices.nth(m).locator("input").check()
                if not right:
                    break  # one wrong answer per question is enough
    page.get_by_role("button", name="Verstuur mijn antwoorden").click()


def confirmation_link(demo_site, email):
    for mail in reversed(demo_site.mails()):
        if email in mail:
            match = re.search(r"https?://\S+/account/confirm-email/\S+/", mail)
            if match:
                return match.group(0)
    raise AssertionError(f"no confirmation mail to {email}")


def test_a_visitor_signs_up_completes_a_course_and_verifies_the_certificate(
    browser, demo_site, axe, tmp_path
):
    context = browser.new_context(base_url=demo_site.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)

    page.goto("/nl/cursussen/")
    assert axe(page) == []
    page.get_by_role("link", name=COURSE).click()
    expect(page.get_by_role("heading", level=1, name=COURSE)).to_be_visible()
    assert axe(page) == []
    page.get_by_role("link", name=re.compile("Nog geen account")).click()

    email = "nieuwe.fysicus@example.org"
    page.get_by_label(re.compile("^E-mail")).fill(email)
    page.get_by_label(re.compile(r"^Wachtwoord\W*$")).fill(PASSWORD)
    page.get_by_label("Wachtwoord (bevestigen)").fill(PASSWORD)
    page.get_by_label(re.compile("Naam op certificaten")).fill("ir. P. Fysicus")
    page.get_by_label(re.compile("BIG- of registratienummer")).fill("29012345602")
    page.get_by_role("button", name="Registreren").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(re.compile("e-mail", re.I))

    page.goto(confirmation_link(demo_site, email))
    page.get_by_role("button", name=re.compile("Bevestig")).click()
    # Logged in, and back on the course the visitor came from.
    expect(page.get_by_role("heading", level=1, name=COURSE)).to_be_visible()
    page.get_by_role("button", name="Schrijf u in voor deze cursus").click()
    lessons = 0
    while page.get_by_role("button", name="Markeer als gedaan en ga verder").count():
        lessons += 1
        if lessons == 1:
            assert axe(page) == []
        page.get_by_role("button", name="Markeer als gedaan en ga verder").click()
    assert lessons == 3
    expect(page.get_by_text("3 van 3 lessen gedaan")).to_be_visible()

    key = quiz_key(demo_site, COURSE)
    page.get_by_role("link", name="Maak de toets").click()
    expect(page.get_by_role("heading", level=1, name="Toets")).to_be_visible()
    assert axe(page) == []
    answer_quiz(page, key, right=False)
    expect(page.get_by_role("heading", level=1, name="Nog niet gehaald")).to_be_visible()
    assert axe(page) == []

    page.get_by_role("link", name="Probeer het opnieuw").click()
    answer_quiz(page, key, right=True)
    expect(page.get_by_role("heading", level=1, name="U bent geslaagd")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name="Download uw certificaat (PDF)").click()
    pdf = download.value.path().read_bytes()
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "ir. P. Fysicus" in text and COURSE in text and "29012345602" in text
    url = re.search(r"https?://\S+/verify/[A-Z0-9-]+/", text).group(0)

    stranger = browser.new_context(locale="nl-NL").new_page()
    stranger.goto(url)
    expect(stranger.get_by_role("heading", name="Geldig certificaat")).to_be_visible()
    expect(stranger.get_by_text("ir. P. Fysicus")).to_be_visible()
    assert "29012345602" not in stranger.content()
    stranger.context.close()

    page.goto("/nl/learning/")
    expect(page.get_by_role("cell", name="3,0")).to_be_visible()
    assert axe(page) == []
    context.close()


def test_the_demo_learner_uses_the_courses_on_a_phone_with_the_keyboard(browser, demo_site, axe):
    context = browser.new_context(
        base_url=demo_site.url, locale="nl-NL", viewport={"width": 375, "height": 800}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, "learner@example.org", "nmep-demo-learner")
    expect(page.get_by_role("heading", level=1, name="Mijn leeromgeving")).to_be_visible()

    def fits():
        return page.evaluate("document.documentElement.scrollWidth") <= 375

    assert fits()  # the certificates table scrolls inside its own region
    page.get_by_role("link", name=re.compile("Radionuclidetherapie")).first.click()
    assert fits()
    continue_link = page.get_by_role("link", name="Ga verder waar u gebleven was")
    continue_link.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Markeer als gedaan en ga verder")).to_be_visible()
    assert fits() and axe(page) == []
    page.keyboard.press("Tab")  # from the top of the page, the keyboard reaches the button
    for _ in range(200):
        if page.evaluate("document.activeElement.textContent.trim()") == "Markeer als gedaan en ga verder":
            break
        page.keyboard.press("Tab")
    lesson_url = page.url
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != lesson_url)
    (done,) = demo_site.query(
        "SELECT COUNT(*) FROM learning_lessonprogress JOIN learning_enrolment e ON enrolment_id = e.id "
        "JOIN auth_user u ON e.user_id = u.id JOIN wagtailcore_page p ON e.course_id = p.id "
        "WHERE u.email = ? AND p.slug = ?",
        "learner@example.org",
        "radionuclidetherapie-met-177lu-psma",
    )[0]
    assert done == 2
    context.close()
