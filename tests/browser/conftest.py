"""Playwright driving Debian's chromium against the demo site, served as `make run` serves it.

Never a downloaded browser build: the tests launch /usr/bin/chromium. When it is
missing, CI fails (a skipped browser test would hide a gap); elsewhere the
browser tests are skipped with the reason.
"""

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # One test worker serves the demo site and drives the browser for all of them.
            item.add_marker(pytest.mark.xdist_group("browser"))


def require(path, what):
    if path.exists():
        return
    message = f"{what} is missing at {path}: run `make test`, which installs it."
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser():
    """Chromium for one module's tests. Not for the session: while Playwright runs, its event loop
    is running in the test worker's thread, and Django refuses the database to the tests that
    worker runs after the browser tests ("You cannot call this from an async context")."""
    require(CHROMIUM, "Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def axe():
    """Run axe-core in the page; returns the serious and critical violations."""
    require(AXE, "axe-core (npm)")

    def check(page):
        # Evaluated through the DevTools protocol: the page's content security policy, which
        # refuses inline scripts, does not apply to the test's own instrument.
        page.evaluate(AXE.read_text() + "\n;window.axe = axe;")
        result = page.evaluate("async () => await axe.run(document)")
        serious = [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        # axe files text in the colour of its own background under "incomplete":
        # invisible text is a failure all the same.
        invisible = [
            f"invisible text at {node['target']}"
            for v in result["incomplete"]
            if v["id"] == "color-contrast"
            for node in v["nodes"]
            for item in node["any"]
            if (item.get("data") or {}).get("messageKey") == "equalRatio"
        ]
        return serious + invisible

    return check


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory):
    """The site exactly as `make run` serves it: migrated, demo content loaded by its own
    command, served by Django on 127.0.0.1 from a database of its own. Mail goes to files."""
    workdir = tmp_path_factory.mktemp("demo-site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir / 'demo.sqlite3'}",
        "REDIS_URL": "",
        "MEDIA_ROOT": str(workdir / "media"),
        "EMAIL_URL": f"filemail:///{workdir / 'mail'}",  # three slashes and an absolute path
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    # The same commands as `make run`.
    for command in (["migrate", "--noinput"], ["load_demo"]):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    site = DemoSite(f"http://127.0.0.1:{port}", workdir)
    wait_for(site.url + "/nl/")
    yield site
    server.terminate()
    server.wait(timeout=10)


class DemoSite:
    """Where the demo site answers, and what it stored and sent."""

    def __init__(self, url, workdir):
        self.url = url
        self.workdir = workdir

    def query(self, sql, *params):
        with sqlite3.connect(self.workdir / "demo.sqlite3") as connection:
            return connection.execute(sql, params).fetchall()

    def mails(self):
        folder = self.workdir / "mail"
        return [path.read_text() for path in sorted(folder.glob("*"))] if folder.exists() else []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.fixture
def page(browser, demo_site):
    context = browser.new_context(base_url=demo_site.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    yield page
    context.close()
    assert blocked == [], "the content security policy blocked something the page needs"


def log_in(page, email, password):
    """Log in on the site's own login page, as a visitor would (the demo logins of the README)."""
    import re

    page.goto("/nl/account/login/")
    page.get_by_label(re.compile("^E-mail")).fill(email)
    page.get_by_label(re.compile(r"^Wachtwoord\W*$")).fill(password)
    page.get_by_label(re.compile(r"^Wachtwoord\W*$")).press("Enter")
    page.wait_for_url(lambda url: "/account/login/" not in url)


def log_in_to_admin(page, username, password):
    """Log in to Wagtail's admin as a member of staff does (the demo logins of the README)."""
    import re

    page.goto("/admin/login/")
    page.get_by_label(re.compile("Gebruikersnaam|Username")).fill(username)
    page.get_by_label(re.compile("Wachtwoord|Password")).fill(password)
    page.get_by_role("button", name=re.compile("Aanmelden|Inloggen|Sign in")).click()
    page.wait_for_url(lambda url: "/admin/login/" not in url)
