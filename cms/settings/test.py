"""The test suite: fast hashing, mail kept in memory, services only when named."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import CACHES, env

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Every test process gets its own keys in a shared Redis, so parallel workers never meet.
if "KEY_PREFIX" in CACHES["default"]:
    worker = env("PYTEST_XDIST_WORKER", default="main")
    CACHES["default"]["KEY_PREFIX"] = env("CACHE_KEY_PREFIX", default=f"nmep-test-{worker}")
PUBLIC_FORM_RATE = "1000/m"
# Uploads made by tests never land in the project's own media folder.
MEDIA_ROOT = Path(tempfile.gettempdir()) / "nmep-test-media"
# Jobs run in-process; the worker test starts a real worker against Redis.
CELERY_TASK_ALWAYS_EAGER = True
# Tests that open the admin log in with force_login; tests/test_two_factor.py turns this on.
STAFF_TWO_FACTOR = False
