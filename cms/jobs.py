"""Background jobs: progress an admin can watch, result files, and e-mail that leaves through a job.

Each app keeps its Celery tasks in its own ``tasks.py`` and uses these entry points:

- ``launch(task, user, **kwargs)`` starts a job for an admin user and returns its id; the job
  page (``job_url``) shows its state and progress, and its result file when there is one.
- ``report(task, done, total)`` records how far a running job is.
- ``keep_file(task, name, content)`` stores a job's result file (in the media storage, which is
  object storage in production) for the person who started the job.

Job states live in the database through django-celery-results, so every web process sees them.
Without a broker the same tasks run in-process (``CELERY_TASK_ALWAYS_EAGER``).
"""

import base64
import json
from functools import partial

from celery import states
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django_celery_results.models import TaskResult

from .tasks import send_mail_batch

PROGRESS = "PROGRESS"
MAIL_BATCH = 100


def launch(task, user, **kwargs):
    """Start ``task`` on behalf of ``user``; only they (and superusers) may follow it."""
    return task.apply_async(kwargs={**kwargs, "started_by": user.pk}).id


def job_url(job_id):
    return reverse("job_status", args=[job_id])


def report(task, done, total):
    """Store progress now and then (every 2 %), not on every step of a long loop."""
    if done == total or done % max(total // 50, 1) == 0:
        task.update_state(state=PROGRESS, meta={"done": done, "total": total})


def keep_file(task, name, content):
    """Store a job's result file under the job's id; the job page offers it for download."""
    path = default_storage.save(f"jobs/{task.request.id}/{name}", ContentFile(content))
    return {"file": path, "name": name}


def started_by(result):
    """The user id a job was launched for, from the arguments django-celery-results keeps."""
    kwargs = result.task_kwargs or "{}"
    while isinstance(kwargs, str):  # stored JSON-encoded, sometimes twice
        try:
            kwargs = json.loads(kwargs)
        except ValueError:
            return None
    return kwargs.get("started_by") if isinstance(kwargs, dict) else None


def progress(result):
    """(done, total) of a job, from its last report or its end."""
    if result.status == states.SUCCESS:
        return (1, 1)
    try:
        meta = json.loads(result.result or "{}")
    except ValueError:
        return (0, 0)
    if isinstance(meta, dict) and "done" in meta:
        return (meta["done"], meta["total"])
    return (0, 0)


def job_for(request, job_id):
    """The job, if the visitor started it or is a superuser; otherwise as if it did not exist."""
    result = TaskResult.objects.filter(task_id=str(job_id)).first()
    if result is None:
        return None
    if not (request.user.is_superuser or started_by(result) == request.user.pk):
        raise Http404
    return result


def job_status(request, job_id):
    """A job's state and progress; refreshes itself while the job runs, offers its file at the end."""
    result = job_for(request, job_id)
    done, total = progress(result) if result else (0, 0)
    outcome = json.loads(result.result or "null") if result and result.status == states.SUCCESS else None
    context = {
        "job_id": job_id,
        "result": result,
        "done": done,
        "total": total,
        "running": result is None or result.status in states.UNREADY_STATES | {PROGRESS},
        "file": outcome.get("name") if isinstance(outcome, dict) and outcome.get("file") else None,
    }
    return TemplateResponse(request, "jobs/status.html", context)


def job_file(request, job_id):
    result = job_for(request, job_id)
    if result is None or result.status != states.SUCCESS:
        raise Http404
    outcome = json.loads(result.result or "null")
    if not isinstance(outcome, dict) or not default_storage.exists(outcome.get("file", "")):
        raise Http404
    return FileResponse(default_storage.open(outcome["file"]), as_attachment=True, filename=outcome["name"])


def job_list(request):
    """The latest jobs, for superusers: what ran, when, and how it ended."""
    if not request.user.is_superuser:
        raise Http404
    results = TaskResult.objects.exclude(task_name=send_mail_batch.name).order_by("-date_created")[:100]
    return TemplateResponse(request, "jobs/list.html", {"results": results})


class QueuedEmailBackend(BaseEmailBackend):
    """Hands messages to a job, which sends them with ``MAIL_BACKEND`` (SMTP in production).

    Messages are queued when the surrounding transaction commits: work that is rolled back sends
    nothing. Without a broker the job runs at once, so the embedded default behaves as before.
    """

    def send_messages(self, email_messages):
        payloads = [serialise(message) for message in email_messages]
        for start in range(0, len(payloads), MAIL_BATCH):
            batch = payloads[start : start + MAIL_BATCH]
            transaction.on_commit(partial(send_mail_batch.delay, batch))
        return len(payloads)


def serialise(message):
    alternatives = getattr(message, "alternatives", [])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [[str(content), mimetype] for content, mimetype in alternatives],
        "attachments": [
            [
                name,
                base64.b64encode(content if isinstance(content, bytes) else content.encode()).decode(),
                kind,
            ]
            for name, content, kind in message.attachments
        ],
    }
