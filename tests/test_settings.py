"""Settings: nothing needed by default, production refuses to start half-configured."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-" + "k" * 40,
    "ALLOWED_HOSTS": "nuclear-medicine.example.org",
}


def printed(result):
    """What the shell command printed, without the log lines production writes to stdout too."""
    return [line for line in result.stdout.splitlines() if not line.startswith("{")][-1].split()


def manage(*args, without=(), **env):
    # A clean production environment: nothing from the test run leaks in.
    leaking = ("SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE", "DEBUG")
    clean = {k: v for k, v in os.environ.items() if k not in (*leaking, *without)}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_production_settings_and_a_secret():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = manage("check", **env)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr


def test_the_embedded_default_needs_no_services():
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'], s.MAIL_BACKEND,"
        " s.CELERY_TASK_ALWAYS_EAGER, s.STORAGES['default']['BACKEND'])"
    )
    result = manage(
        "shell",
        "-v",
        "0",
        "-c",
        code,
        without=("DATABASE_URL", "REDIS_URL", "EMAIL_URL", "CELERY_BROKER_URL", "AWS_STORAGE_BUCKET_NAME"),
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
    )
    assert printed(result) == [
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.mail.backends.console.EmailBackend",
        "True",  # jobs run in-process: no worker needed
        "django.core.files.storage.FileSystemStorage",
    ], result.stderr


def test_database_and_cache_urls_switch_to_real_services():
    env = {
        **PRODUCTION,
        "DATABASE_URL": "postgres://nmep:pw@db.internal:5432/nmep",
        "REDIS_URL": "redis://cache.internal:6379/0",
    }
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['HOST'],"
        " s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION'])"
    )
    result = manage("shell", "-v", "0", "-c", code, **env)
    assert printed(result) == [
        "django.db.backends.postgresql",
        "db.internal",
        "django_redis.cache.RedisCache",
        "redis://cache.internal:6379/0",
    ], result.stderr


def test_production_logs_one_json_object_per_line_to_stdout():
    code = "import logging; logging.getLogger('nmep.test').warning('certificate batch %s done', 7)"
    result = manage("shell", "-v", "0", "-c", code, **PRODUCTION)
    [line] = [line for line in result.stdout.splitlines() if "nmep.test" in line]
    record = json.loads(line)
    assert (record["level"], record["logger"], record["message"]) == (
        "WARNING",
        "nmep.test",
        "certificate batch 7 done",
    )


def test_object_storage_and_a_search_cluster_are_chosen_by_the_environment():
    env = {
        **PRODUCTION,
        "AWS_STORAGE_BUCKET_NAME": "nmep-media",
        "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
        "SEARCH_URL": "https://search.internal:9200",
        "REDIS_URL": "redis://cache.internal:6379/0",
    }
    code = (
        "from django.conf import settings as s; from django.core.files.storage import storages;"
        "d = storages['default'];"
        "print(type(d).__name__, d.bucket_name, s.WAGTAILSEARCH_BACKENDS['default']['BACKEND'],"
        " s.SESSION_ENGINE, s.CELERY_BROKER_URL, s.CELERY_TASK_ALWAYS_EAGER)"
    )
    result = manage("shell", "-v", "0", "-c", code, **env)
    assert printed(result) == [
        "S3Storage",
        "nmep-media",
        "wagtail.search.backends.opensearch2",
        "django.contrib.sessions.backends.cached_db",
        "redis://cache.internal:6379/0",
        "False",
    ], result.stderr


@pytest.mark.django_db
def test_public_pages_allow_scripts_from_the_site_only_and_the_admin_its_inline_widgets(client):
    from django.contrib.auth.models import User

    from .factories import dutch_home

    dutch_home()
    public = client.get("/nl/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in public.split(";"))
    assert directives["script-src"] == "'self'"
    assert "object-src 'none'" in public and "frame-ancestors 'self'" in public
    client.force_login(User.objects.create_superuser("root", "root@example.org", "x" * 12))
    admin = client.get("/admin/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in admin and "object-src 'none'" in admin
    # The admin frames the site itself for the live preview; the public site frames only the video hosts.
    admin_directives = dict(part.strip().split(" ", 1) for part in admin.split(";"))
    assert admin_directives["frame-src"].startswith("'self' ") and "'self'" not in directives["frame-src"]
