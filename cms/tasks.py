"""The infrastructure's background jobs: e-mail that leaves through a job, and the scheduled purge of
records whose retention period is over (see cms.jobs and cms.privacy)."""

import base64

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection

from .privacy import purge_expired


@shared_task(autoretry_for=(OSError,), retry_backoff=30, max_retries=5, ignore_result=True)
def send_mail_batch(payloads):
    connection = get_connection(settings.MAIL_BACKEND)
    return connection.send_messages([deserialise(payload) for payload in payloads])


def deserialise(payload):
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
        cc=payload["cc"],
        bcc=payload["bcc"],
        reply_to=payload["reply_to"],
        headers=payload["headers"],
    )
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    for name, content, kind in payload["attachments"]:
        message.attach(name, base64.b64decode(content), kind)
    return message


@shared_task
def purge_expired_records():
    """Scheduled by celery beat: the retention periods, applied."""
    return purge_expired()
