"""Every block of the shared library renders on a page, accessibly and escaped."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from . import factories
from .helpers import main_content

pytestmark = pytest.mark.django_db

VIDEO = "https://www.youtube.com/watch?v=nuclear-medicine"


@pytest.fixture
def media():
    image = Image.objects.create(title="PET/CT scanner", file=get_test_image_file())
    document = Document.objects.create(
        title="Jaarplan 2026", file=ContentFile(b"%PDF-1.4 plan", name="jaarplan.pdf")
    )
    # A stored embed: the test never asks YouTube.
    Embed.objects.create(
        url=VIDEO,
        max_width=800,
        hash=get_embed_hash(VIDEO, 800),
        type="video",
        html='<iframe title="Lecture" src="https://www.youtube.com/embed/x"></iframe>',
    )
    return image, document


def test_every_block_renders(client, media):
    image, document = media
    target = factories.make_standard_page(title="Leerplatform")
    page = factories.make_standard_page(
        body=[
            {"type": "heading", "value": {"text": "Dosimetrie", "level": "h3"}},
            {"type": "paragraph", "value": '<p>Zie <a href="https://example.org">de bron</a>.</p>'},
            {
                "type": "image",
                "value": {
                    "image": {"image": image.pk, "alt_text": "A PET/CT scanner", "decorative": False},
                    "caption": "De scanner in Nijmegen",
                    "credit": "Radboudumc",
                },
            },
            {"type": "quote", "value": {"quote": "Leren houdt nooit op.", "attribution": "NVNG"}},
            {
                "type": "call_to_action",
                "value": {
                    "title": "Doe mee",
                    "text": "",
                    "button_label": "Naar het leerplatform",
                    "page": target.pk,
                    "url": "",
                },
            },
            {"type": "documents", "value": {"heading": "Stukken", "documents": [document.pk]}},
            {
                "type": "table",
                "value": {
                    "data": [["Beroep", "Leden"], ["Nucleair geneeskundigen", "240"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Leden per beroep",
                },
            },
            {"type": "embed", "value": VIDEO},
        ]
    )
    content = main_content(client.get(page.url))
    assert "<h3>Dosimetrie</h3>" in content
    assert '<a href="https://example.org">de bron</a>' in content
    assert 'alt="A PET/CT scanner"' in content and "De scanner in Nijmegen" in content
    assert "<blockquote><p>Leren houdt nooit op.</p></blockquote>" in content
    assert f'href="{target.url}"' in content and "Naar het leerplatform" in content
    assert document.url in content and "Jaarplan 2026" in content and "PDF" in content
    assert '<th scope="col"' in content and "Leden per beroep" in content
    assert 'title="Lecture"' in content


def test_editor_text_in_blocks_is_escaped(client):
    page = factories.make_standard_page(
        body=[
            {"type": "quote", "value": {"quote": "<script>alert(1)</script>", "attribution": ""}},
            {"type": "heading", "value": {"text": "<img src=x onerror=alert(1)>", "level": "h2"}},
        ]
    )
    content = main_content(client.get(page.url))
    assert "<script>alert(1)</script>" not in content
    assert "<img src=x" not in content
    assert "&lt;script&gt;" in content


def test_a_call_to_action_needs_a_page_or_a_link_not_both():
    from wagtail.blocks import StructBlockValidationError

    from home.blocks import CallToActionBlock

    block = CallToActionBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"title": "x", "button_label": "y", "page": None, "url": ""}))


# A page featured on the home page.


def feature_on_home(page, home=None):
    home = home or factories.dutch_home()
    home.body = [{"type": "featured_page", "value": {"page": page.pk}}]
    home.save_revision().publish()
    return home


def test_a_featured_committee_shows_its_summary_members_and_kpi_progress(client):
    import datetime

    from committee.models import KPI, Measurement, Membership, Person

    committee = factories.make_committee()
    for name, category in (("Academic", "academia"), ("Partner", "societal_partner"), ("Maker", "industry")):
        Membership.objects.create(
            committee=committee,
            person=Person.objects.create(name=name),
            seat_category=category,
            stakeholder_group="research",
            term_start=datetime.date(2024, 1, 1),
        )
    kpi = KPI.objects.create(
        committee=committee,
        name="Professionals trained",
        unit="professionals",
        baseline=40,
        target=120,
        target_date=datetime.date(2030, 12, 31),
    )
    Measurement.objects.create(kpi=kpi, measured_on=datetime.date(2026, 1, 1), value=90)
    feature_on_home(committee)
    content = main_content(client.get("/nl/"))
    card = content.split('class="card feature feature--committee"')[1].split("</section>")[0]
    assert f'href="{committee.url}"' in card and "Veldcommissie" in card
    assert "Steers the programme." in card  # the assignment in short
    assert "<p>3 " in card and "academie 1" in card and "industrie 1" in card  # members and balance
    assert "Professionals trained" in card and "62,5%" in card and 'value="62.5"' in card


def test_a_featured_page_of_another_type_gets_a_plain_card(client):
    page = factories.make_standard_page(
        title="Over het programma", introduction="Wie we zijn en wat we doen."
    )
    feature_on_home(page)
    card = main_content(client.get("/nl/")).split('class="card feature"')[1].split("</section>")[0]
    assert f'<a href="{page.url}">Over het programma</a>' in card and "Wie we zijn en wat we doen." in card


def test_a_featured_page_is_shown_in_the_visitors_language_and_not_once_unpublished(client):
    page = factories.make_standard_page(title="Over het programma")
    english_home = factories.english_home()
    english = factories.translate(page, "en", title="About the programme", slug="about")
    feature_on_home(page, english_home)  # the Dutch page, chosen on the English home page
    assert "About the programme" in main_content(client.get("/en/"))
    english.unpublish()
    page.unpublish()
    assert 'class="card feature"' not in main_content(client.get("/en/"))
