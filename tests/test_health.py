"""/healthz, the gunicorn configuration and the reference deployment (Procfile, docker-compose.yml)."""

import json
import os
import re
import runpy
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from redis.exceptions import ConnectionError as RedisConnectionError

from cms import health

ROOT = settings.BASE_DIR
SECRET_TEXT = ("db.internal", "cache.internal", "hunter2")
DATABASE_DOWN = OperationalError('connection to server at "db.internal" failed: password "hunter2"')
CACHE_DOWN = RedisConnectionError("Error connecting to redis://:hunter2@cache.internal:6379/0")


def healthz(client):
    response = client.get("/healthz")
    return response, response.json()


@pytest.mark.django_db
def test_healthy_when_database_and_cache_answer(client):
    response, body = healthz(client)
    assert response.status_code == 200
    assert body == {"database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_needs_no_login_and_no_language_prefix(client):
    assert reverse("healthz") == "/healthz"
    response = client.get("/healthz", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "sessionid" not in response.cookies


@pytest.mark.django_db
def test_answers_head_but_refuses_other_methods(client):
    assert client.head("/healthz").status_code == 200
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/healthz").status_code == 405


@pytest.mark.django_db
def test_a_failing_database_is_named_without_its_error_message(client):
    with mock.patch.object(connection, "cursor", side_effect=DATABASE_DOWN):
        response, body = healthz(client)
    assert response.status_code == 503
    assert body == {"database": "failed: OperationalError", "cache": "ok"}
    assert not any(text in response.text for text in SECRET_TEXT)
    assert "no-store" in response["Cache-Control"]


@contextmanager
def cache_down():
    with (
        mock.patch.object(cache, "set", side_effect=CACHE_DOWN),
        mock.patch.object(cache, "get", side_effect=CACHE_DOWN),
    ):
        yield


@pytest.mark.django_db
def test_a_failing_cache_is_named_without_its_error_message(rf):
    with cache_down():
        response = health.healthz(rf.get("/healthz"))
    assert response.status_code == 503
    assert json.loads(response.content) == {"database": "ok", "cache": "failed: ConnectionError"}
    assert not any(text.encode() in response.content for text in SECRET_TEXT)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_failing_cache_is_named_through_the_whole_middleware_stack(client):
    with cache_down():
        response, body = healthz(client)
    assert response.status_code == 503
    assert body == {"database": "ok", "cache": "failed: ConnectionError"}


@pytest.fixture
def health_middleware_first(settings):
    settings.MIDDLEWARE = ["cms.health.HealthCheckMiddleware", *settings.MIDDLEWARE]


@pytest.mark.django_db
def test_the_middleware_answers_before_the_page_cache_reads_the_cache(client, health_middleware_first):
    with cache_down():
        response, body = healthz(client)
    assert response.status_code == 503
    assert body == {"database": "ok", "cache": "failed: ConnectionError"}
    assert not any(text in response.text for text in SECRET_TEXT)


@pytest.mark.django_db
def test_the_middleware_answers_a_load_balancer_on_plain_http_with_any_host(
    client, settings, health_middleware_first
):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["nmep.example.org"]
    response = client.get("/healthz", HTTP_HOST="10.0.3.7:8000")
    assert (response.status_code, response.json()) == (200, {"database": "ok", "cache": "ok"})
    assert client.post("/healthz", HTTP_HOST="10.0.3.7:8000").status_code == 405
    assert client.get("/nl/", HTTP_HOST="10.0.3.7:8000").status_code == 400


@pytest.mark.django_db
def test_a_cache_that_loses_values_is_unhealthy(client):
    with mock.patch.object(cache, "set"):
        response, body = healthz(client)
    assert response.status_code == 503
    assert body["cache"] == "failed: CacheLostValue"


@pytest.mark.django_db
def test_never_served_from_the_page_cache(client):
    with CaptureQueriesContext(connection) as queries:
        first, _ = healthz(client)
        second, _ = healthz(client)
    assert [query["sql"] for query in queries.captured_queries].count("SELECT 1") == 2
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    with mock.patch.object(connection, "cursor", side_effect=DATABASE_DOWN):
        assert client.get("/healthz").status_code == 503


# gunicorn.conf.py


def gunicorn_config(**env):
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("GUNICORN_", "WEB_CONCURRENCY", "PORT"))}
    with mock.patch.dict(os.environ, {**keep, **env}, clear=True):
        return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def test_gunicorn_defaults_scale_with_the_machine():
    config = gunicorn_config()
    assert config["bind"] == "0.0.0.0:8000"
    assert config["workers"] == 2 * os.cpu_count() + 1
    assert config["threads"] == 1
    assert config["timeout"] == 30
    assert config["preload_app"] is False


def test_gunicorn_reads_the_environment():
    config = gunicorn_config(
        GUNICORN_BIND="127.0.0.1:9000", WEB_CONCURRENCY="3", GUNICORN_THREADS="4", GUNICORN_TIMEOUT="60"
    )
    assert (config["bind"], config["workers"], config["threads"], config["timeout"]) == (
        "127.0.0.1:9000",
        3,
        4,
        60,
    )
    assert gunicorn_config(PORT="5000")["bind"] == "0.0.0.0:5000"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, None
    except OSError:
        return None, None


def test_gunicorn_serves_healthz_with_production_settings(tmp_path):
    port = free_port()
    outside = (
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DEBUG",
        "DATABASE_URL",
        "REDIS_URL",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    )
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in outside and not k.startswith(("GUNICORN_", "WEB_CONCURRENCY", "CELERY_"))
    }
    env = {
        **clean,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "a-long-random-production-secret-" + "g" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    log = tmp_path / "gunicorn.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "cms.wsgi", "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            answer = (None, None)
            deadline = time.monotonic() + 60
            while answer[0] != 200 and server.poll() is None and time.monotonic() < deadline:
                time.sleep(0.2)
                answer = get_json(f"http://127.0.0.1:{port}/healthz")
        finally:
            server.terminate()
            server.wait(timeout=30)
    assert answer == (200, {"database": "ok", "cache": "ok"}), log.read_text()


# The reference deployment: Procfile, docker-compose.yml, docs/deployment.md


def procfile():
    lines = (ROOT / "Procfile").read_text().splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip() and not line.startswith("#"))


def compose_lines():
    return (ROOT / "docker-compose.yml").read_text().splitlines()


def indent(line):
    return len(line) - len(line.lstrip())


def compose_commands():
    """Each service's ``command:`` (the file writes them as one-line strings)."""
    commands, service, in_services = {}, None, False
    for line in compose_lines():
        if line and indent(line) == 0:
            in_services = line.startswith("services:")
        elif in_services and indent(line) == 2 and line.rstrip().endswith(":"):
            service = line.strip()[:-1]
        elif in_services and (match := re.match(r"\s+command: (.+)$", line)):
            commands[service] = match.group(1).strip().strip("\"'")
    return commands


def compose_environment():
    """Every variable set in an ``environment:`` block or the ``x-environment`` anchor."""
    names, block = set(), None
    for line in compose_lines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if block is not None and indent(line) <= block:
            block = None
        if re.match(r"\s*(x-)?environment:", line):
            block = indent(line)
        elif block is not None and (match := re.match(r"\s+([A-Z][A-Z0-9_]*):", line)):
            names.add(match.group(1))
    return names


def test_procfile_names_the_four_processes():
    assert procfile() == {
        "web": "gunicorn cms.wsgi -c gunicorn.conf.py",
        "worker": "celery -A cms worker --loglevel INFO",
        "beat": "celery -A cms beat --loglevel INFO",
        "release": "python manage.py migrate --noinput && python manage.py collectstatic --noinput",
    }


def test_compose_runs_the_procfile_commands():
    commands, processes = compose_commands(), procfile()
    for name in ("web", "worker", "beat"):
        assert commands[name] == processes[name], name
    assert commands["migrate"] in processes["release"]


def test_every_variable_the_compose_file_sets_is_documented():
    names = compose_environment()
    assert {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "SECRET_KEY"} <= names
    documented = (ROOT / "docs" / "deployment.md").read_text()
    assert [name for name in sorted(names) if f"`{name}`" not in documented] == []


def test_the_image_holds_every_project_app():
    dockerfile = (ROOT / "Dockerfile").read_text()
    copied = {
        word.strip("/")
        for line in dockerfile.splitlines()
        if line.startswith("COPY")
        for word in line.split()
    }
    local_apps = {app.split(".")[0] for app in settings.INSTALLED_APPS if (ROOT / app.split(".")[0]).is_dir()}
    assert {"cms", "manage.py", "gunicorn.conf.py", "templates", "locale", *local_apps} <= copied


def test_every_variable_the_settings_and_gunicorn_read_is_documented():
    sources = [ROOT / "cms" / "settings" / "base.py", ROOT / "cms" / "settings" / "production.py"]
    sources.append(ROOT / "gunicorn.conf.py")
    names = {
        name
        for path in sources
        for name in re.findall(r"env(?:\.\w+)?\(['\"]([A-Z][A-Z0-9_]*)", path.read_text())
    }
    assert {"SECRET_KEY", "DATABASE_URL", "GUNICORN_BIND", "PORT"} <= names
    documented = (ROOT / "docs" / "deployment.md").read_text()
    assert [name for name in sorted(names) if f"`{name}`" not in documented] == []
