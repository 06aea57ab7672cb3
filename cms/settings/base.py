"""Settings shared by every environment; each value can come from the environment.

The defaults need nothing installed: SQLite, local media, an in-process cache and
e-mail printed to the console. ``DATABASE_URL`` and ``REDIS_URL`` switch to real
services. See README.md for the table of variables.
"""

import datetime
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "cms"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "home",
    "surveys",
    "learning",
    "committee",
    "cms",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.simple_translation",
    "wagtail_modeladmin",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "formtools",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "django_celery_results",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    # First: a load balancer's health check is answered before host checks, HTTPS redirects or the cache.
    "cms.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cms.security.ContentSecurityPolicyMiddleware",
    # Before anything looks up a session, a page or a token: a NUL byte is a 400, never a database error.
    "cms.security.RejectNulBytesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Staff prove a second factor (an authenticator app's code) before the admin opens.
    "cms.two_factor.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.pagecache.AnonymousPageCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    # Last: counts failed logins and answers a locked-out login with the lock-out page.
    "axes.middleware.AxesMiddleware",
]

# Wagtail's live preview shows the page in a frame of the admin: same origin only (Django's default,
# DENY, leaves the preview panel empty).
X_FRAME_OPTIONS = "SAMEORIGIN"

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                # What cached template fragments are keyed on (cms/pagecache.py).
                "cms.pagecache.fragment_context",
            ],
        },
    },
]
# Form widgets' templates are looked up like every other template, so the project's own widgets keep
# theirs in templates/ (templates/cms/widgets/); Django's own come from the django.forms app.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Databases: SQLite in the project folder unless DATABASE_URL names another.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Connections are kept between requests for CONN_MAX_AGE seconds and checked before a request reuses
# them, so a database restart costs no request an error.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue for the lock from the start of their transaction instead of failing with
    # "database is locked" when two submits meet; WAL lets readers go on while one writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: in-process unless REDIS_URL is set.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="nmep"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # An unreachable Redis fails a request in seconds instead of hanging it.
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 2,
            },
        }
    }
    # Sessions read from Redis and written through to the database: a restarted or full Redis
    # logs nobody out, and every web process sees every session.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "nmep",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }
# Seconds an anonymous visitor's page stays in the cache; publishing purges sooner.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)

# Accounts for the whole platform (learners, respondents, committee members), by
# django-allauth: e-mail as login, verified before use, no account enumeration.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Nuclear Medicine Education Program] "
# Account e-mails greet from the programme, not from the host and port they were asked on.
ACCOUNT_ADAPTER = "cms.accounts.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "learning.forms.SignupForm"
ACCOUNT_USER_DISPLAY = "learning.models.display_name"
LOGIN_URL = "account_login"
# Private pages send their visitors to the same login (Wagtail's own would skip e-mail verification).
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
LOGIN_REDIRECT_URL = "learning_dashboard"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"

# Failed logins (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one account from one
# address, that pair waits AXES_COOLOFF_MINUTES. Per pair, so nobody can lock someone else out from
# elsewhere and one hospital's shared address is not locked for one person's typos.
# allauth's own failed-login limit counts per account from anywhere; django-axes takes that over, so
# allauth keeps only its per-address limit (10 failures a minute).
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip"}
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "cms.security.login_name"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.security.locked_out"
AXES_CLIENT_IP_CALLABLE = "cms.security.client_address"
# Two-factor authentication for staff (django-otp, TOTP): on unless STAFF_TWO_FACTOR=false; the
# development server leaves it off so the demo logins of the README work as they are.
STAFF_TWO_FACTOR = env.bool("STAFF_TWO_FACTOR", default=not DEBUG)
OTP_TOTP_ISSUER = "Nuclear Medicine Education Program"
# A session lasts SESSION_HOURS from the last request (sliding), then the visitor logs in again.
SESSION_COOKIE_AGE = env.int("SESSION_HOURS", default=12) * 60 * 60
SESSION_SAVE_EVERY_REQUEST = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Dutch first and default, English second; URLs carry the prefix.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env("TIME_ZONE", default="Europe/Amsterdam")
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static")
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Media on S3-compatible object storage (django-storages) when a bucket is named. The bucket stays
# private: documents go through Wagtail's serve view, other files through signed URLs.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "access_key": env("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default=None),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
            # Files read back (backups, certificate assets) spill to disk above 10 MB.
            "max_memory_size": 10 * 1024 * 1024,
        },
    }

# E-mail: printed to the console unless EMAIL_URL names an SMTP server.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# Messages leave through a background job (cms.jobs), which hands them to this backend: a mailing
# or a batch of invitations never holds up a request, and a failing mail server is retried.
MAIL_BACKEND = EMAIL_CONFIG["EMAIL_BACKEND"]
EMAIL_BACKEND = "cms.jobs.QueuedEmailBackend"
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default="Nuclear Medicine Education Program <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Page editors can build complex pages; Wagtail's default advice.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Nuclear Medicine Education Program"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# The admin's login form, its password field labelled in the admin's language.
WAGTAILADMIN_USER_LOGIN_FORM = "cms.two_factor.AdminLoginForm"
# The admin shows its own avatar for accounts without a photo: nothing is fetched from Gravatar (the
# content security policy would refuse it, and no one's address hash leaves the site).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Search: the database backend, or OpenSearch / Elasticsearch when SEARCH_URL names a cluster
# (SEARCH_BACKEND picks the client: opensearch2, opensearch3, elasticsearch8, elasticsearch9).
SEARCH_URL = env("SEARCH_URL", default="")
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends." + env("SEARCH_BACKEND", default="opensearch2"),
            "URLS": [SEARCH_URL],
            "INDEX": env("SEARCH_INDEX", default="nmep"),
            "TIMEOUT": env.int("SEARCH_TIMEOUT", default=5),
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Days a questionnaire draft is kept after its last save; purge_survey_drafts removes older ones.
SURVEY_DRAFT_DAYS = env.int("SURVEY_DRAFT_DAYS", default=30)
# How long personal records are kept once their purpose is over (days); purged every six hours by
# celery beat, or by `manage.py purge_expired_records [--dry-run]`. Drafts: SURVEY_DRAFT_DAYS.
RETENTION_DAYS = {
    "unconfirmed_accounts": env.int("RETENTION_UNCONFIRMED_ACCOUNT_DAYS", default=14),
    "event_registrations": env.int("RETENTION_EVENT_REGISTRATION_DAYS", default=90),
    "vacancy_applications": env.int("RETENTION_APPLICATION_DAYS", default=180),
    "login_records": env.int("RETENTION_LOGIN_RECORD_DAYS", default=30),
}
# A responses export larger than this is made by a background job, offered on the job's page.
SURVEY_EXPORT_INLINE_LIMIT = env.int("SURVEY_EXPORT_INLINE_LIMIT", default=2000)
# Report figures resting on fewer respondents than this are withheld.
SURVEY_MIN_CELL_SIZE = env.int("SURVEY_MIN_CELL_SIZE", default=5)

# Failed certificate look-ups one address may make before it has to wait.
VERIFY_FAILURE_RATE = env("VERIFY_FAILURE_RATE", default="20/h")

# Longest search query we look up; longer ones are shortened with a notice.
SEARCH_QUERY_MAX_LENGTH = 200
NEWS_PER_PAGE = 10
SEARCH_RESULTS_PER_PAGE = 10

# Form posts from the public site: one address may try this often.
PUBLIC_FORM_RATE = env("PUBLIC_FORM_RATE", default="20/m")
RATELIMIT_VIEW = "cms.views.rate_limited"
# Behind a proxy, the header that carries the visitor's address (e.g. HTTP_X_REAL_IP).
RATELIMIT_IP_META_KEY = env("RATELIMIT_IP_META_KEY", default=None)

# Background jobs (Celery). With a broker (CELERY_BROKER_URL, else REDIS_URL) they go to the
# workers; without one they run in-process as they are asked for, so a new user needs no worker.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = True
# Job states and progress live in the database (django-celery-results), where the admin reads them.
CELERY_RESULT_BACKEND = "django-db"
CELERY_RESULT_EXTENDED = True
CELERY_TASK_STORE_EAGER_RESULT = True
CELERY_TASK_TRACK_STARTED = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = env("CELERY_BEAT_SCHEDULE_FILENAME", default="celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    "purge-expired-records": {"task": "cms.tasks.purge_expired_records", "schedule": 60 * 60 * 6},
}

# Content security policy (django-csp): scripts from this site only, video frames from the two
# video hosts. Wagtail's admin may also run inline script (cms.security).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", *env.list("CSP_IMG_HOSTS", default=[])],
        "frame-src": [
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
        "report-uri": env("CSP_REPORT_URI", default=None),
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
