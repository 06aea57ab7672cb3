"""Dutch by default, English alongside: pages, the language switcher and the UI."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

from . import factories
from .helpers import main_content

pytestmark = pytest.mark.django_db


@pytest.fixture
def about_pages():
    dutch = factories.make_standard_page(title="Over het programma", slug="over-het-programma")
    factories.english_home()
    english = factories.translate(dutch, "en", title="About the programme", slug="about")
    return dutch, english


def test_the_same_page_in_dutch_and_english(client, about_pages):
    dutch, english = about_pages
    assert dutch.url == "/nl/over-het-programma/"
    assert english.url == "/en/about/"
    assert "Over het programma" in client.get(dutch.url).text
    assert "About the programme" in client.get(english.url).text
    assert dutch.translation_key == english.translation_key


def test_language_switcher_goes_to_the_translation(client, about_pages):
    dutch, english = about_pages
    response = client.get(dutch.url)
    assert f'href="{english.url}" hreflang="en"' in response.text
    back = client.get(english.url)
    assert f'href="{dutch.url}" hreflang="nl"' in back.text


def test_language_switcher_falls_back_to_the_translated_home_page(client):
    untranslated = factories.make_standard_page(title="Alleen Nederlands")
    english_home = factories.english_home()
    response = client.get(untranslated.url)
    assert f'href="{english_home.url}" hreflang="en"' in response.text


def test_language_switcher_on_a_non_page_view_keeps_the_view(client):
    response = client.get("/nl/search/")
    assert 'href="/en/search/" hreflang="en"' in response.text


def test_ui_strings_follow_the_language(client, about_pages):
    dutch, english = about_pages
    assert "Direct naar de inhoud" in client.get(dutch.url).text
    assert "Skip to content" in client.get(english.url).text
    assert '<html lang="nl">' in client.get(dutch.url).text
    assert '<html lang="en">' in client.get(english.url).text


def test_the_root_redirects_to_dutch(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/nl/"


def test_unknown_pages_get_a_translated_404(client):
    factories.english_home()
    dutch = client.get("/nl/bestaat-niet/")
    english = client.get("/en/does-not-exist/")
    assert dutch.status_code == english.status_code == 404
    assert "Pagina niet gevonden" in main_content(dutch)
    assert "Page not found" in main_content(english)


def test_every_dutch_ui_string_is_translated_and_compiled():
    po_path = Path(settings.BASE_DIR) / "locale/nl/LC_MESSAGES/django.po"
    catalogue = polib.pofile(str(po_path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []
    compiled = polib.mofile(str(po_path.with_suffix(".mo")))
    assert {e.msgid for e in compiled} >= {e.msgid for e in catalogue if not e.msgid_plural}


def test_the_catalogue_holds_every_string_marked_for_translation(tmp_path):
    """makemessages on a copy of the code finds nothing the committed catalogue lacks."""
    root = Path(settings.BASE_DIR)
    skipped = {".venv", ".git", "tests", "bench", "media", "static", "node_modules"}
    for folder in root.iterdir():
        if folder.is_dir() and folder.name not in skipped and not folder.name.startswith("."):
            shutil.copytree(folder, tmp_path / folder.name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(root / "manage.py", tmp_path)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "nl"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "cms.settings.dev"},
    )
    found = {e.msgid for e in polib.pofile(str(tmp_path / "locale/nl/LC_MESSAGES/django.po"))}
    committed = {e.msgid for e in polib.pofile(str(root / "locale/nl/LC_MESSAGES/django.po"))}
    assert sorted(found - committed) == []
