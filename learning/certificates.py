"""Certificates as PDF files, made with xhtml2pdf from a template of the project's own.

The renderer may read only the project's certificate assets: static files and
media (logos, signatures). A strict link callback maps ``/static/…`` and
``/media/…`` to files under those folders, lets the images embedded as data URIs
through, and turns every other address into an empty one, so that it never
reaches xhtml2pdf's fetchers; xhtml2pdf's resource access policy forbids the
network and any file outside those folders as a second line. A name like
``<img src="/etc/passwd">`` prints as text and fetches nothing. The QR code is
drawn in memory (segno) and the signatories' images are read through the media
storage (local or object storage), both embedded as data URIs.

A certificate is rendered once: the PDF is kept in the media storage (``Certificate.pdf``) and
served from there, and ``issue_owed`` issues and renders in batches (a background job).
"""

import base64
import io
import mimetypes
import uuid
from pathlib import Path

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import Exists, OuterRef
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from xhtml2pdf import pisa
from xhtml2pdf.config.resources import ResourceAccessPolicy

from .models import AccreditingBody, Certificate, Enrolment, QuizAttempt


class UnsafeResource(Exception):
    """A certificate template asked for something outside the project's assets."""


def asset_roots():
    roots = [Path(settings.MEDIA_ROOT).resolve()]
    roots += [Path(folder).resolve() for folder in settings.STATICFILES_DIRS]
    if settings.STATIC_ROOT:
        roots.append(Path(settings.STATIC_ROOT).resolve())
    return tuple(roots)


# xhtml2pdf keeps the original address when a link callback answers with something empty, so a
# refusal has to be an address of its own: an empty data URI, which holds nothing and fetches nothing.
NO_RESOURCE = "data:,"
EMBEDDED_IMAGES = tuple(f"data:image/{kind};base64," for kind in ("png", "jpeg", "gif", "webp"))


def link_callback(uri, rel):
    """Map a static or media URL to its file, keep an embedded image; anything else becomes no resource."""
    if isinstance(uri, str) and uri.startswith(EMBEDDED_IMAGES):
        return uri  # the QR code and the signatories' images, drawn or read by us
    path = asset_path(uri) if isinstance(uri, str) else None
    return str(path) if path else NO_RESOURCE


def asset_path(uri):
    """The file of a static or media URL, if it is one of the project's assets."""
    try:
        if uri.startswith(settings.STATIC_URL):
            found = finders.find(uri[len(settings.STATIC_URL) :])
            path = Path(found).resolve() if found else None
        elif uri.startswith(settings.MEDIA_URL):
            path = Path(default_storage.path(uri[len(settings.MEDIA_URL) :])).resolve()
        else:
            path = None
    except (SuspiciousFileOperation, NotImplementedError):  # a path out of its folder; storage without files
        path = None
    if path is None or not any(path.is_relative_to(root) for root in asset_roots()) or not path.is_file():
        return None
    return path


def policy():
    return ResourceAccessPolicy.server(
        base_dir=settings.MEDIA_ROOT,
        extra_roots=asset_roots(),
        allow_remote=False,
        max_render_seconds=30,
    )


def verification_url(request, certificate):
    with translation.override(certificate.language):
        path = reverse("certificate_verify_code", args=[certificate.verification_code])
    return request.build_absolute_uri(path) if request else settings.WAGTAILADMIN_BASE_URL + path


def qr_code(url):
    # A fixed mask pattern (any of the eight is valid) spares segno scoring all of them.
    return segno.make_qr(url, error="m", mask=2).png_data_uri(scale=4, border=1)


def certificate_html(request, certificate):
    course = certificate.course
    signatories = list(course.signatories.select_related("signature", "logo")) if course else []
    url = verification_url(request, certificate)
    context = {
        "certificate": certificate,
        "signatories": [signatory_assets(s) for s in signatories],
        "verification_url": url,
        "qr_code": qr_code(url),
        "accrediting_body": certificate_body_label(certificate),
    }
    with translation.override(certificate.language):
        return render_to_string("learning/certificate_pdf.html", context)


def signatory_assets(signatory):
    return {
        "name": signatory.name,
        "title": signatory.title,
        "signature": embedded(signatory.signature, "max-300x100"),
        "logo": embedded(signatory.logo, "max-240x80"),
    }


def embedded(image, spec):
    """An image as a data URI, read through the media storage: local folder or object storage alike."""
    if image is None:
        return ""
    rendition = image.get_rendition(spec)
    kind = mimetypes.guess_type(rendition.file.name)[0] or "image/png"
    with rendition.file.open("rb") as file:
        return f"data:{kind};base64,{base64.b64encode(file.read()).decode()}"


def certificate_body_label(certificate):
    return dict(AccreditingBody.choices).get(certificate.accrediting_body, certificate.accrediting_body)


def render_pdf(html):
    """PDF bytes of a certificate's HTML, under the strict resource rules."""
    output = io.BytesIO()
    result = pisa.CreatePDF(html, dest=output, link_callback=link_callback, resource_policy=policy())
    if result.err:
        raise UnsafeResource("The certificate could not be rendered.")
    return output.getvalue()


def filename(certificate):
    # Only letters, digits and dashes: nothing from the learner's name can break the header.
    parts = ["certificate", slugify(certificate.course_title)[:60], str(certificate.completed_on)]
    return "-".join(part for part in parts if part) + ".pdf"


def stored_pdf(request, certificate):
    """The certificate's PDF: rendered once, then kept in the media storage and served from there."""
    if certificate.pdf:
        try:
            with certificate.pdf.open("rb") as file:
                return file.read()
        except FileNotFoundError:
            pass  # lost from the storage: render it again
    content = render_pdf(certificate_html(request, certificate))
    certificate.pdf.save(f"{uuid.uuid4().hex}.pdf", ContentFile(content), save=False)
    Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
    return content


def owed():
    """Enrolments whose current round has a passed quiz and no certificate yet."""
    passed = QuizAttempt.objects.filter(enrolment=OuterRef("pk"), round=OuterRef("round"), passed=True)
    issued = Certificate.objects.filter(enrolment=OuterRef("pk"), round=OuterRef("round"))
    return (
        Enrolment.objects.filter(Exists(passed), ~Exists(issued))
        .select_related("user__learner", "course")
        .order_by("pk")
    )


def issue_owed(render=True, report=None):
    """Issue every owed certificate (and keep its PDF when ``render``); ``report(done, total)`` as it goes.

    Returns the certificates issued and how many enrolments were owed one; an enrolment with a
    lesson still open gets none.
    """
    enrolments = list(owed())
    issued = []
    for done, enrolment in enumerate(enrolments, 1):
        certificate = enrolment.complete()
        if certificate is not None:
            issued.append(certificate)
            if render:
                stored_pdf(None, certificate)
        if report:
            report(done, len(enrolments))
    return issued, len(enrolments)


def certificate_response(request, certificate):
    response = HttpResponse(stored_pdf(request, certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename(certificate)}"'
    response["Cache-Control"] = "private, no-store"
    return response


def portfolio_response(profile, certificates, start, end):
    """A CPD portfolio PDF, in the visitor's language, for re-registration."""
    certificates = list(certificates)
    context = {
        "profile": profile,
        "certificates": certificates,
        "start": start,
        "end": end,
        "total": sum(c.points for c in certificates),
        "bodies": dict(AccreditingBody.choices),
    }
    html = render_to_string("learning/portfolio_pdf.html", context)
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="cpd-portfolio-{start:%Y%m%d}-{end:%Y%m%d}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
