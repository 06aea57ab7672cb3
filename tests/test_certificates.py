"""Certificates: the PDF, who may download it, what xhtml2pdf may fetch, and public verification."""

import base64
import datetime
import io
import socket
import urllib.request
from decimal import Decimal

import pytest
from dateutil.relativedelta import relativedelta
from django.contrib.auth.models import Permission
from django.test import override_settings
from django.utils import formats, timezone, translation
from django.utils.text import slugify
from PIL import Image as PillowImage
from pypdf import PdfReader

from learning.certificates import link_callback, qr_code, render_pdf
from learning.models import Certificate, CourseSignatory, QuizAttempt
from learning.views import points_per_year

from .helpers import main_content
from .learning_factories import enrol, finish_lessons, make_course, make_learner, right_answers

pytestmark = pytest.mark.django_db


def complete(user, course):
    enrolment = enrol(user, course)
    finish_lessons(enrolment)
    QuizAttempt.start(enrolment).submit(right_answers(course))
    return enrolment.complete()


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(b"".join(response)))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def course():
    return make_course()


@pytest.fixture
def owner(client):
    user = make_learner()
    client.force_login(user)
    return user


def test_the_pdf_carries_name_course_date_points_and_code(client, course, owner):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    signature = Image.objects.create(title="Signature", file=get_test_image_file(size=(300, 100)))
    CourseSignatory.objects.create(
        page=course, name="prof. dr. M. Jansen", title="Programme director", signature=signature
    )
    certificate = complete(owner, course)
    response = client.get(f"/nl/learning/certificates/{certificate.verification_code}/pdf/")
    assert response.status_code == 200
    text = pdf_text(response)
    date = timezone.localdate()
    dutch_months = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ]
    for expected in [
        "dr. J.A. de Vries",
        course.title,
        f"{date.day} {dutch_months[date.month - 1]} {date.year}",
        "4,0",
        "GAIA",
        course.activity_id,
        "19012345601",
        certificate.verification_code,
        "prof. dr. M. Jansen",
        "Certificaat",
    ]:
        assert expected in text, expected
    assert f"/verify/{certificate.verification_code}/" in text


def pdf_page(response):
    (page,) = PdfReader(io.BytesIO(b"".join(response))).pages
    return page, " ".join(page.extract_text().split())


def test_the_pdf_is_one_a4_landscape_page_with_competencies_qr_code_and_verification_url(client, owner):
    from home.models import Competency

    from .survey_factories import load_framework

    load_framework()
    course = make_course()
    course.competencies.add(*Competency.objects.order_by("pk")[:2])
    course.save()
    certificate = complete(owner, course)
    page, text = pdf_page(client.get(f"/nl/learning/certificates/{certificate.verification_code}/pdf/"))
    assert float(page.mediabox.width) == pytest.approx(841.9, abs=1)
    assert float(page.mediabox.height) == pytest.approx(595.3, abs=1)
    assert len(certificate.competencies) == 2
    for competency in certificate.competencies:
        assert competency in text
    assert "BIG- of registratienummer 19012345601" in text
    assert "Accrediterende instantie GAIA (KNMG / RGS)" in text and "(GAIA (" not in text
    url = f"http://localhost/nl/learning/verify/{certificate.verification_code}/"  # the client's host
    assert url in text
    (image,) = page.images  # no signatories here: the one image is the QR code of that address
    drawn = PillowImage.open(io.BytesIO(base64.b64decode(qr_code(url).split(",", 1)[1])))
    assert image.image.convert("L").tobytes() == drawn.convert("L").tobytes()


def test_no_register_number_prints_no_register_line(client, course):
    learner = make_learner(register_number="")
    client.force_login(learner)
    certificate = complete(learner, course)
    _page, text = pdf_page(client.get(f"/nl/learning/certificates/{certificate.verification_code}/pdf/"))
    assert "dr. J.A. de Vries" in text and "registratienummer" not in text


def test_a_name_with_markup_prints_literally_and_reads_no_file(client, course):
    learner = make_learner(name='<img src="/etc/passwd">')
    client.force_login(learner)
    certificate = complete(learner, course)
    response = client.get(f"/nl/learning/certificates/{certificate.verification_code}/pdf/")
    text = pdf_text(response)
    assert '<img src="/etc/passwd">' in text
    assert "root:" not in text


HOSTILE_ADDRESSES = [
    "/etc/passwd",
    "file:///etc/passwd",
    "http://127.0.0.1:9/x.png",
    "https://example.org/logo.png",
    "/static/../../etc/hostname",
    "/media/../../../etc/passwd",
    "//example.org/x.png",
    "data:text/plain,hi",
]


def test_a_refused_address_never_reaches_xhtml2pdfs_fetchers(monkeypatch):
    """Even with xhtml2pdf's resource policy lifted, only what the link callback allows is fetched."""
    from xhtml2pdf import files
    from xhtml2pdf.config.resources import PERMISSIVE_POLICY

    from learning import certificates

    fetched = []
    get_manager = files.FileNetworkManager.get_manager

    def spy(uri, basepath=None, policy=None):
        fetched.append(uri)
        return get_manager(uri, basepath=basepath, policy=policy)

    def refuse(*args, **kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(files.FileNetworkManager, "get_manager", staticmethod(spy))
    monkeypatch.setattr(certificates, "policy", lambda: PERMISSIVE_POLICY)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    qr = certificates.qr_code("https://example.org/nl/learning/verify/AAAA/")
    css = " ".join(f'@import url("{uri}");' for uri in HOSTILE_ADDRESSES)
    body = "".join(
        f'<img src="{uri}"><p style="background-image: url({uri})">x</p>'
        f'<ul style="list-style-image: url({uri})"><li>y</li></ul>'
        for uri in HOSTILE_ADDRESSES
    )
    html = f'<html><head><style>{css}</style></head><body>{body}<img src="{qr}"></body></html>'
    assert render_pdf(html).startswith(b"%PDF")
    assert qr in fetched  # our own QR code goes through as it is
    assert set(fetched) == {certificates.NO_RESOURCE, qr}


def test_the_link_callback_finds_a_static_file():
    assert link_callback("/static/css/site.css", None).endswith("css/site.css")


def test_rendering_never_touches_the_network(monkeypatch, course, owner, client):
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    html = (
        '<html><body><p>Remote</p><img src="http://example.org/a.png">'
        '<img src="https://example.org/b.png"><img src="file:///etc/passwd"></body></html>'
    )
    assert render_pdf(html).startswith(b"%PDF")
    certificate = complete(owner, course)
    response = client.get(f"/nl/learning/certificates/{certificate.verification_code}/pdf/")
    assert response.status_code == 200
    assert calls == []


def test_only_the_owner_and_staff_with_the_permission_may_download(client, course, owner):
    certificate = complete(owner, course)
    url = f"/nl/learning/certificates/{certificate.verification_code}/pdf/"
    client.logout()
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/account/login/" in anonymous["Location"]
    client.force_login(make_learner())
    assert client.get(url).status_code == 404
    staff = make_learner()
    staff.user_permissions.add(Permission.objects.get(codename="view_learning_results"))
    client.force_login(staff)
    assert client.get(url).status_code == 200
    client.force_login(owner)
    assert client.get("/nl/learning/certificates/AAAA-BBBB/pdf/").status_code == 404


def test_the_file_name_carries_nothing_from_the_name_or_a_hostile_title(client, owner):
    course = make_course(title='Dosimetry "advanced"\r\nX-Evil: 1')
    Certificate.objects.all().delete()
    certificate = complete(owner, course)
    response = client.get(f"/nl/learning/certificates/{certificate.verification_code}/pdf/")
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="certificate-dosimetry-advanced')
    assert disposition.count('"') == 2 and "\n" not in disposition and "\r" not in disposition
    assert response["Cache-Control"] == "private, no-store"


def test_a_hostile_learner_name_never_reaches_the_download_header(client, course):
    learner = make_learner(name='Jan "x"\r\nEvil; filename=..')
    client.force_login(learner)
    certificate = complete(learner, course)
    response = client.get(f"/nl/learning/certificates/{certificate.verification_code}/pdf/")
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    expected = f"certificate-{slugify(course.title)}-{certificate.completed_on.isoformat()}.pdf"
    assert disposition == f'attachment; filename="{expected}"'
    assert disposition.count('"') == 2 and "\r" not in disposition and "\n" not in disposition
    assert "Jan" not in disposition and "Evil" not in disposition


def test_a_revoked_certificate_is_explained_to_its_owner_and_still_served_to_staff(client, course, owner):
    certificate = complete(owner, course)
    kept = complete(owner, make_course(title="Still valid"))
    certificate.revoke("Quiz answers were shared by a colleague")
    url = f"/nl/learning/certificates/{certificate.verification_code}/pdf/"
    response = client.get(url)
    assert response.status_code == 410 and response["Content-Type"].startswith("text/html")
    page = main_content(response)
    with translation.override("nl"):
        revoked_on = formats.date_format(timezone.localtime(certificate.revoked_at), "j F Y")
    assert "Ingetrokken certificaat" in page and course.title in page and revoked_on in page
    assert "Quiz answers were shared by a colleague" in page
    dashboard = main_content(client.get("/nl/learning/"))
    assert url not in dashboard and "ingetrokken" in dashboard and revoked_on in dashboard
    assert f"/nl/learning/certificates/{kept.verification_code}/pdf/" in dashboard
    staff = make_learner()
    staff.user_permissions.add(Permission.objects.get(codename="view_learning_results"))
    client.force_login(staff)
    assert pdf_text(client.get(url))  # staff still get the PDF, e.g. to see what was revoked


# Public verification


def verify(client, code):
    response = client.get(f"/nl/learning/verify/{code}/")
    return response, main_content(response)


def test_a_valid_certificate_shows_name_course_date_points_and_nothing_else(client, course, owner):
    certificate = complete(owner, course)
    client.logout()
    response, page = verify(client, certificate.verification_code)
    assert response.status_code == 200
    assert "Geldig certificaat" in page
    for shown in ["dr. J.A. de Vries", course.title, "4,0"]:
        assert shown in page
    for hidden in [owner.email, "19012345601"]:
        assert hidden not in page


def test_a_revoked_certificate_says_so_without_the_reason(client, course, owner):
    certificate = complete(owner, course)
    certificate.revoke("Quiz answers were shared by a colleague")
    _response, page = verify(client, certificate.verification_code)
    assert "Ingetrokken certificaat" in page
    assert "colleague" not in page


def test_an_expired_certificate_says_so(client, course, owner):
    certificate = complete(owner, course)
    Certificate.objects.filter(pk=certificate.pk).update(
        completed_on=datetime.date(2023, 1, 5), expires_on=datetime.date(2025, 1, 5)
    )
    _response, page = verify(client, certificate.verification_code)
    assert "Verlopen certificaat" in page and "5 januari 2023" in page


def test_an_unknown_code_says_so_and_markup_in_it_is_escaped(client):
    response = client.get("/nl/learning/verify/", {"code": "<script>alert(1)</script>"})
    assert response.status_code == 404
    page = main_content(response)
    assert "Geen enkel certificaat heeft deze code" in page
    assert "<script>alert" not in page and "&lt;SCRIPT&gt;" in page


def test_codes_are_long_random_and_distinct(course):
    codes = {complete(make_learner(), course).verification_code for _ in range(20)}
    assert len(codes) == 20
    for code in codes:
        assert len(code.replace("-", "")) == 24 and code.count("-") == 5


@override_settings(VERIFY_FAILURE_RATE="3/h")
def test_repeated_failed_lookups_from_one_address_are_refused(client, course, owner):
    certificate = complete(owner, course)
    for n in range(3):
        assert verify(client, f"AAAA-BBBB-CCCC-DDDD-EEEE-FFF{n}")[0].status_code == 404
    assert verify(client, "AAAA-BBBB-CCCC-DDDD-EEEE-FFF3")[0].status_code == 429
    response, page = verify(client, certificate.verification_code)
    assert response.status_code == 429 and "dr. J.A. de Vries" not in page
    other_address = client.get(
        f"/nl/learning/verify/{certificate.verification_code}/", REMOTE_ADDR="10.1.2.3"
    )
    assert other_address.status_code == 200


# The CPD portfolio


def test_the_portfolio_lists_the_periods_certificates_with_their_total(client, owner):
    first, second, third = (make_course(title=f"Portfolio course {n}") for n in range(3))
    in_period = complete(owner, first)
    also = complete(owner, second)
    Certificate.objects.filter(pk=also.pk).update(completed_on=datetime.date(2024, 6, 1), points=2.5)
    before = complete(owner, third)
    Certificate.objects.filter(pk=before.pk).update(completed_on=datetime.date(2019, 6, 1))
    someone_else = complete(make_learner(), make_course(title="Not mine"))
    today = timezone.localdate()
    response = client.get("/nl/learning/portfolio/", {"start": "2021-01-01", "end": today.isoformat()})
    assert response["Content-Disposition"] == (
        f'attachment; filename="cpd-portfolio-20210101-{today:%Y%m%d}.pdf"'
    )
    text = pdf_text(response)
    assert "Portfolio course 0" in text and "Portfolio course 1" in text
    assert "Portfolio course 2" not in text and "Not mine" not in text
    assert in_period.verification_code in text and someone_else.verification_code not in text
    assert "6,5" in text and "dr. J.A. de Vries" in text and "19012345601" in text


def test_the_dashboard_totals_points_per_year_leaving_out_revoked_certificates(client, owner):
    earned = [  # (completed on, points): hand-computed totals 2025: 3.0, 2024: 4.0 + 2.5 = 6.5
        (datetime.date(2024, 3, 1), Decimal("4.0")),  # expired since 2026-03-01: still earned in 2024
        (datetime.date(2024, 11, 20), Decimal("2.5")),
        (datetime.date(2025, 6, 1), Decimal("3.0")),
        (datetime.date(2025, 9, 1), Decimal("5.0")),  # revoked below: left out
    ]
    certificates = [complete(owner, make_course(title=f"Points course {n}")) for n in range(len(earned))]
    for certificate, (day, points) in zip(certificates, earned, strict=True):
        Certificate.objects.filter(pk=certificate.pk).update(
            completed_on=day, expires_on=day + relativedelta(years=2), points=points
        )
    certificates[-1].revoke("Issued by mistake")
    mine = Certificate.objects.filter(user=owner)
    assert mine.get(pk=certificates[0].pk).status(datetime.date(2026, 12, 1)) == "expired"
    assert points_per_year(mine) == [(2025, Decimal("3.0")), (2024, Decimal("6.5"))]
    page = main_content(client.get("/nl/learning/"))
    assert "<li>2025: 3,0</li>" in page and "<li>2024: 6,5</li>" in page


def test_a_bad_portfolio_period_is_refused_on_the_dashboard(client, owner):
    response = client.get("/nl/learning/portfolio/", {"start": "2026-05-01", "end": "<b>x</b>"})
    assert response.status_code == 400
    page = main_content(response)
    assert "Voer een geldige datum in." in page  # the error is shown next to the field
    assert "<b>x</b>" not in page
    client.logout()
    assert "/account/login/" in client.get("/nl/learning/portfolio/")["Location"]
