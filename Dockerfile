# The platform's image: one image for every process (web, worker, beat, migrate); the command decides
# which. See docs/deployment.md and docker-compose.yml.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app \
    DJANGO_SETTINGS_MODULE=cms.settings.production

WORKDIR /app

# pg_dump and pg_restore for manage.py backup / restore (docs/backup.md).
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*

# Dependencies first: this layer is rebuilt only when requirements.txt changes.
COPY requirements.txt ./
RUN pip install -r requirements.txt

# Only what the site runs on: no local database, media, virtualenv, tests or benchmark.
COPY manage.py gunicorn.conf.py ./
COPY cms/ cms/
COPY home/ home/
COPY surveys/ surveys/
COPY learning/ learning/
COPY committee/ committee/
COPY templates/ templates/
COPY locale/ locale/

# Static files with hashed names, built into the image; the key is a placeholder that signs nothing.
RUN SECRET_KEY=collectstatic-only-not-a-secret ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput

# The code stays root's and read-only; the processes run as nmep, which may write only media and
# its own state directory (celery beat's schedule file).
RUN useradd --system --uid 10001 --home-dir /var/lib/nmep --create-home nmep \
    && mkdir -p /app/media \
    && chown nmep /app/media /var/lib/nmep
USER nmep

EXPOSE 8000
CMD ["gunicorn", "cms.wsgi", "-c", "gunicorn.conf.py"]
