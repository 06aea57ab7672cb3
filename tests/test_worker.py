"""A real Celery worker, started as production starts it, takes a job from Redis and issues a certificate."""

import os
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings
from django.db import connection
from django_celery_results.models import TaskResult

from cms.celery import app
from learning.models import Certificate, QuizAttempt

from .learning_factories import enrol, finish_lessons, make_course, make_learner, right_answers

BROKER_URL = os.environ.get("TEST_BROKER_URL", "redis://127.0.0.1:6379/10")

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # The test process keeps eager jobs for the rest of the suite; send_task goes to Redis regardless.
    pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored"),
]


def database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(queue):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": BROKER_URL,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    command = [sys.executable, "-m", "celery", "-A", "cms", "worker", "--pool", "solo", "-Q", queue]
    command += ["--without-heartbeat", "--without-gossip", "--without-mingle", "--loglevel", "INFO"]
    return subprocess.Popen(
        command, cwd=settings.BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return False


def test_a_worker_issues_and_renders_a_certificate_sent_through_redis():
    enrolment = enrol(make_learner(), make_course())
    finish_lessons(enrolment)
    QuizAttempt.start(enrolment).submit(right_answers(enrolment.course))  # owed, not yet issued
    queue = f"test-{uuid.uuid4().hex[:8]}"  # this run's own queue: no other worker takes the job
    worker = start_worker(queue)
    try:
        with app.connection_for_write(BROKER_URL) as broker:
            job = app.send_task(
                "learning.tasks.issue_certificates", kwargs={}, queue=queue, connection=broker
            )
        finished = wait_for(
            lambda: TaskResult.objects.filter(task_id=job.id, status__in=["SUCCESS", "FAILURE"]).exists()
        )
    finally:
        worker.terminate()
        log = worker.communicate(timeout=30)[0]
    assert finished, log[-3000:]
    result = TaskResult.objects.get(task_id=job.id)
    assert result.status == "SUCCESS", result.traceback
    assert result.worker  # done by the worker process, not in-process
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.pdf.read().startswith(b"%PDF")
    assert "learning.tasks.issue_certificates" in log
