"""Invitations for invitation-only questionnaires: from a CSV of addresses or as bare tokens."""

import csv
import io

from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Invitation

MAX_CSV_BYTES = 1024 * 1024
MAX_TOKENS = 1000


def addresses_from_csv(upload):
    """(valid addresses, problems) from an uploaded CSV: any cell holding one address counts."""
    if upload.size > MAX_CSV_BYTES:
        return [], [_("The file is larger than 1 MB.")]
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [_("The file is not UTF-8 text (save it as CSV UTF-8).")]
    found, problems = [], []
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [cell.strip() for cell in row if "@" in cell]
        if not cells:
            continue
        try:
            validate_email(cells[0])
            found.append(cells[0].lower())
        except ValidationError:
            problems.append(
                _("Line %(line)d: “%(value)s” is not an e-mail address.")
                % {"line": number, "value": cells[0][:80]}
            )
    return list(dict.fromkeys(found)), problems


def invite_addresses(survey, addresses):
    """Create invitations for addresses not yet invited; returns how many were new."""
    known = set(Invitation.objects.filter(survey=survey, email__in=addresses).values_list("email", flat=True))
    new = [Invitation(survey=survey, email=address) for address in addresses if address not in known]
    Invitation.objects.bulk_create(new)
    return len(new)


def create_tokens(survey, count):
    Invitation.objects.bulk_create([Invitation(survey=survey) for _ in range(count)])
    return count


def send(request, invitations, reminder=False):
    """Send the invitations (or their one reminder); returns how many e-mails went out."""
    invitations = list(invitations)
    get_connection().send_messages([invitation.message(request, reminder) for invitation in invitations])
    field = "reminded_at" if reminder else "sent_at"
    Invitation.objects.filter(pk__in=[i.pk for i in invitations]).update(**{field: timezone.now()})
    return len(invitations)


def unsent(survey):
    return Invitation.objects.filter(survey=survey, sent_at__isnull=True).exclude(email="")


def due_for_reminder(survey):
    return Invitation.objects.filter(
        survey=survey, sent_at__isnull=False, reminded_at__isnull=True, used=False
    ).exclude(email="")
