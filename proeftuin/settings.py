"""Settings for Proeftuin, read from the environment (one module for every deployment)."""

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
# Local defaults (a development key, localhost, plain http, static files from the source tree)
# without Django's debug pages, so `make run` shows the error pages people will see.
DEVELOPMENT = env.bool("DEVELOPMENT", default=DEBUG)

# A development key only in development; production must set SECRET_KEY.
SECRET_KEY = env.str(
    "SECRET_KEY", default="django-insecure-development-only" if DEVELOPMENT else None
)
if not SECRET_KEY:
    raise environ.ImproperlyConfigured("Set SECRET_KEY (or DEVELOPMENT=1 on your own machine).")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEVELOPMENT else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "kern",
    "gemeenten",
    "casussen",
    "bijeenkomsten",
    "verbeteracties",
    "oogst.inhoud",
    "oogst.netwerk",
    "oogst.kennisbank",
    "oogst.logboek",
    "oogst",
    "programma",
    "demo",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django_htmx",
    "template_partials",
    "rules",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The write path's audit row names the request's session (kern.writes).
    "kern.current_request.CurrentRequestMiddleware",
    # One object per intent: a repeated POST of one rendered form does the work once.
    "kern.intents.IntentMiddleware",
    # Form input that is not UTF-8 is refused, not stored with U+FFFD (after the CSRF check).
    "kern.encoding.StrictUtf8Middleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "kern.sessions.AbsoluteSessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "kern.middleware.GemeenteMiddleware",
]

ROOT_URLCONF = "proeftuin.urls"
WSGI_APPLICATION = "proeftuin.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
            # kern.templatetags.intent: every {% csrf_token %} also writes an intent token.
            "builtins": [
                "template_partials.templatetags.partials",
                "kern.templatetags.intent",
                "kern.templatetags.live",
            ],
        },
    }
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'proeftuin.sqlite3'}")
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Row-level security (proeftuin/rls.py): DATABASE_URL is the application's role, which is not the
# owner of the tables; migrations run as the owner (DATABASE_URL=$DATABASE_OWNER_URL for
# `migrate`), which grants DATABASE_APP_ROLE what the application needs. The tests use both.
DATABASE_OWNER_URL = env.str("DATABASE_OWNER_URL", default="")
DATABASE_APP_ROLE = env.str("DATABASE_APP_ROLE", default="proeftuin_app")
# `make backup` connects as this role (BYPASSRLS, read-only); `migrate` grants it SELECT.
DATABASE_BACKUP_ROLE = env.str("DATABASE_BACKUP_ROLE", default="proeftuin_backup")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "proeftuin.User"
# The membership that lets a user into a gemeente (read by kern.tenancy, which imports no app).
TENANCY_MEMBERSHIP_MODEL = "gemeenten.Lidmaatschap"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# Accounts: e-mail only, no usernames, no open sign-up (accounts come from invitations).
ACCOUNT_ADAPTER = "kern.accounts.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
# Logging out takes a POST (a link or an image elsewhere cannot log anyone out); adding, removing
# or changing an e-mail address asks for the password again (changing the password asks for the
# old one; the MFA pages always ask again).
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Proeftuin] "
ACCOUNT_RATE_LIMITS = {
    "login_failed": env.str("LOGIN_FAILED_RATE_LIMIT", default="10/m/ip,5/5m/key"),
}
# Behind a reverse proxy every request comes from the proxy's address: the per-address limits
# must read the client's own from X-Forwarded-For, set by the proxies we run (their number).
# Without it, ten failed logins from anyone would lock everyone out (docs/deploy.md).
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Proeftuin"
# Facilitators see every gemeente they run: they must use a second factor in production.
MFA_REQUIRED_FOR_FACILITATORS = env.bool("MFA_REQUIRED_FOR_FACILITATORS", default=True)

# Invitations are signed links that expire.
INVITATION_MAX_AGE_DAYS = env.int("INVITATION_MAX_AGE_DAYS", default=14)
VERBETERACTIE_STIL_WEKEN = env.int("VERBETERACTIE_STIL_WEKEN", default=4)

# Cache: Redis when available (shared rate limits between workers), memory otherwise.
REDIS_URL = env.str("REDIS_URL", default="")


def _redis_db_of_test_worker(url, worker):
    """Each pytest-xdist process (gw0, gw1 …) gets its own Redis database, counting down from
    the one in REDIS_URL: a test empties the cache with FLUSHDB and a test worker's Celery
    broker must not hand its tasks to another's."""
    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{(base - 1 - int(worker.removeprefix('gw'))) % 16}"))


if REDIS_URL and os.environ.get("PYTEST_XDIST_WORKER"):
    REDIS_URL = _redis_db_of_test_worker(REDIS_URL, os.environ["PYTEST_XDIST_WORKER"])
if REDIS_URL:
    # kern.cache: while Redis is down, pages are served uncached instead of failing; a short
    # timeout keeps a request from waiting on it.
    CACHES = {
        "default": {
            "BACKEND": "kern.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Rendered page content (kern/fragments.py) can hold casus titles and other texts from the
# casussen: it stays in each web worker's own memory, never in Redis (which may write to disk,
# beyond the reach of row-level security and the retention purge). Its keys carry the
# gemeente's data stamp from the default cache, so every worker sees a change at once.
# Count the page cache's hits and misses in the shared cache (bench/mix.py reads them): one
# more round trip a page, so off unless a benchmark asks.
PAGE_CACHE_STATS = env.bool("PAGE_CACHE_STATS", default=False)
CACHES["fragmenten"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragmenten",
    "OPTIONS": {"MAX_ENTRIES": env.int("FRAGMENT_CACHE_ENTRIES", default=500)},
}

# Celery: Redis in production; without REDIS_URL tasks run in-process.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Europe/Amsterdam"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Logboek Oogst renders (oogst/logboek/services.py): attempts before a job fails, how often a
# render signs life, when a job without a sign of life counts as dead, how often the sweeper
# runs, and after how long a job handed to the broker but never started is handed over again.
# A render whose worker was killed is taken back within about a minute (three missed
# heartbeats, then the next sweep), not after minutes of "being made".
LOGBOEK_MAX_POGINGEN = env.int("LOGBOEK_MAX_POGINGEN", default=3)
LOGBOEK_HARTSLAG_INTERVAL = env.int("LOGBOEK_HARTSLAG_INTERVAL", default=10)
LOGBOEK_HARTSLAG_SECONDEN = env.int(
    "LOGBOEK_HARTSLAG_SECONDEN", default=3 * (LOGBOEK_HARTSLAG_INTERVAL or 10)
)
LOGBOEK_VEGEN_SECONDEN = env.int("LOGBOEK_VEGEN_SECONDEN", default=30)
LOGBOEK_WACHTRIJ_SECONDEN = env.int("LOGBOEK_WACHTRIJ_SECONDEN", default=900)

# E-mail: console locally, any SMTP server through EMAIL_URL in production.
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "localhost")
EMAIL_PORT = _email.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Proeftuin <noreply@proeftuin.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEVELOPMENT
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# In development WhiteNoise serves static files straight from the source folders.
WHITENOISE_USE_FINDERS = DEVELOPMENT
WHITENOISE_AUTOREFRESH = DEVELOPMENT
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")

# deduce's lookup cache for the anonymisation gate, built during set-up by
# `manage.py anonimisering_cache` (casussen/anonimisering/engine.py).
ANONIMISERING_CACHE_DIR = env.path("ANONIMISERING_CACHE_DIR", default=BASE_DIR / "var" / "deduce")
MEDIA_URL = "/media/"
# Uploads (the signed mandate statement) are served only through a view that checks membership.
MANDAAT_MAX_UPLOAD_MB = env.int("MANDAAT_MAX_UPLOAD_MB", default=10)
# Casus texts are purged this many months after the end of their proeftuin (casussen.tasks).
CASUS_BEWAARTERMIJN_MAANDEN = env.int("CASUS_BEWAARTERMIJN_MAANDEN", default=12)

# Security headers. A Content-Security-Policy without 'unsafe-inline' on every page.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEVELOPMENT
CSRF_COOKIE_SECURE = not DEVELOPMENT
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEVELOPMENT)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEVELOPMENT else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Only announces consent: the list itself needs a manual submission of the registrable domain.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEVELOPMENT)
# Sessions end after SESSION_INACTIVITY_SECONDS without a request (the cookie age, renewed by
# activity at most once per SESSION_TOUCH_SECONDS) and in any case SESSION_ABSOLUTE_SECONDS after
# login (proeftuin/sessions.py). Read through the cache (Redis in production), kept in the
# database, so a restart of Redis logs nobody out.
SESSION_INACTIVITY_SECONDS = env.int("SESSION_INACTIVITY_SECONDS", default=60 * 60 * 8)
SESSION_ABSOLUTE_SECONDS = env.int("SESSION_ABSOLUTE_SECONDS", default=60 * 60 * 12)
SESSION_TOUCH_SECONDS = env.int("SESSION_TOUCH_SECONDS", default=60)
SESSION_COOKIE_AGE = SESSION_INACTIVITY_SECONDS
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# The address people reach the app at, for links in e-mails sent in the background.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
