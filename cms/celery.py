"""The Celery application: background jobs for every app, configured from Django's settings.

Workers start with ``celery -A cms worker``, the schedule with ``celery -A cms beat``. Each app
keeps its jobs in its own ``tasks.py``; without a broker they run in-process (see settings).
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

app = Celery("cms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
