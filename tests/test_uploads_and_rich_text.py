"""Hostile content from the admin: scripts and javascript: links in rich text, unsafe uploads, |safe."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import StandardPage

from .factories import dutch_home

pytestmark = pytest.mark.django_db


def contentstate(text, url):
    """What Draftail posts: a paragraph with a link; a hostile editor can post anything here."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "text": text,
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 5, "key": 0}],
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("root", "root@example.org", "x" * 12))
    return client


def test_scripts_and_javascript_links_never_reach_a_published_page(admin_client):
    home = dutch_home()
    data = nested_form_data(
        {
            "title": "Hostile",
            "slug": "hostile",
            "introduction": "<script>alert('intro')</script>",
            "body": streamfield(
                [("paragraph", contentstate("Click <script>alert('body')</script>", "javascript:alert(1)"))]
            ),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(f"/admin/pages/add/home/standardpage/{home.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = StandardPage.objects.get(slug="hostile")
    assert page.live
    html = admin_client.get(page.url).content.decode()
    assert "Click" in html
    assert "<script>alert" not in html and "javascript:" not in html
    assert "&lt;script&gt;alert(&#x27;body&#x27;)" in html or "&lt;script&gt;alert('body')" in html


@pytest.mark.parametrize("name", ["page.html", "drawing.svg", "tool.exe", "macro.docm"])
def test_documents_of_unsafe_kinds_are_refused_with_a_form_error(admin_client, name):
    upload = SimpleUploadedFile(name, b"<html><script>alert(1)</script></html>")
    response = admin_client.post("/admin/documents/multiple/add/", {"files[]": upload})
    assert not Document.objects.exists()
    assert response.status_code in (200, 400)
    assert "extension" in response.content.decode().lower() or "extensie" in response.content.decode().lower()


def test_svg_images_are_refused(admin_client):
    svg = SimpleUploadedFile(
        "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    admin_client.post("/admin/images/multiple/add/", {"files[]": svg})
    assert not Image.objects.exists()


def test_an_oversized_document_gets_a_clear_form_error(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    upload = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4\n" + b"x" * 2048)
    response = admin_client.post("/admin/documents/multiple/add/", {"files[]": upload})
    assert not Document.objects.exists()
    text = response.content.decode()
    assert "1,0\\u00a0KB" in text or "1.0\\u00a0KB" in text or "1,0 KB" in text or "1.0 KB" in text, text[
        :500
    ]


def test_documents_that_are_not_safe_inline_are_downloaded_as_attachments(client):
    document = Document.objects.create(
        title="Agenda", file=SimpleUploadedFile("agenda.docx", b"PK\x03\x04 not really a docx")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


SAFE_FILTER = re.compile(r"\|\s*safe\b|\{%\s*autoescape\s+off")


def test_no_template_turns_off_escaping():
    """What editors and users type is escaped everywhere: no |safe, no autoescape off, in any template."""
    offenders = [
        str(path.relative_to(settings.BASE_DIR))
        for path in Path(settings.BASE_DIR, "templates").rglob("*.html")
        if SAFE_FILTER.search(path.read_text())
    ]
    assert offenders == []
