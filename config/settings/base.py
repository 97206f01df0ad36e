"""Settings shared by every environment; everything that differs between machines comes from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from corsheaders.defaults import default_headers as default_cors_headers
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "insecure-development-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "django_countries",
    "tracker",
    "countries",
    "commitments",
    "releases",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # Before any middleware that answers with words (a 414, a 503), so that each answer is in its request's language.
    "tracker.languages.LanguageMiddleware",
    "tracker.limits.URILengthMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "tracker.unavailable.DatabaseUnavailableMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "tracker.history.ChangeReasonMiddleware",
    "axes.middleware.AxesMiddleware",
]

# A Server-Timing header on every answer: the time spent in SQL and in the app (tracker/timing.py).
SERVER_TIMING = env_bool("SERVER_TIMING", False)
if SERVER_TIMING:
    MIDDLEWARE.insert(1, "tracker.timing.ServerTimingMiddleware")
# A JSON file of SQL statements that `/benchmark/floors/<name>` runs as given, for the benchmark only
# (tracker/benchmark.py); unset, the route does not exist.
BENCHMARK_FLOORS = os.environ.get("BENCHMARK_FLOORS", "")

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The project's overrides of other apps' templates (the admin's base_site.html).
        "DIRS": [BASE_DIR / "config" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
# A database that is down or does not answer fails fast (a 503) instead of holding the request.
DATABASE_CONNECT_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
DATABASE_STATEMENT_TIMEOUT = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "15"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT compiling a query costs about 100 ms, more than any of the service's queries takes to run.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=DATABASE_CONNECT_TIMEOUT,
        options=f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT * 1000} -c jit=off",
    )
# A read replica: safe requests read from it, except a client's reads just after its own writes (tracker/routing.py).
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
DATABASE_REPLICA_PIN_SECONDS = int(os.environ.get("DATABASE_REPLICA_PIN_SECONDS", "10"))
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = {
        **dj_database_url.parse(DATABASE_REPLICA_URL, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"]),
        "OPTIONS": dict(DATABASES["default"].get("OPTIONS", {})),
        "CONN_HEALTH_CHECKS": True,
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["tracker.routing.ReplicaRouter"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
        "tracker.routing.ReplicaReadsMiddleware",
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite's timeout is how long a statement waits for another writer's lock.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = DATABASE_STATEMENT_TIMEOUT
# A dead persistent connection is dropped before it is used, so the service recovers with the database.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has no row locks: a write transaction takes the database's write lock as it begins, so that
    # concurrent writes check their If-Match preconditions in turn.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Axes comes first: it refuses a locked-out user or address before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English unless a request asks for Indonesian: `?lang=`, then the admin's language cookie, then Accept-Language
# (tracker/languages.py). The names are each language's own; the project's translations are in locale/.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("id", "Bahasa Indonesia")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# What one request may ask of the service; each limit is checked before any work is done on the request.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("API_MAX_BODY_BYTES", str(1024 * 1024)))
API_MAX_BODY_DEPTH = int(os.environ.get("API_MAX_BODY_DEPTH", "32"))
# Lists count their results exactly up to this many; beyond, the count is the database's estimate
# (`count_exact: false`), which costs no rows (tracker/pagination.py).
API_EXACT_COUNT_LIMIT = int(os.environ.get("API_EXACT_COUNT_LIMIT", "1000"))
# Pages by number reach this many results deep; beyond, a 400 points to the cursor, which walks on at the same cost.
API_PAGE_DEPTH = int(os.environ.get("API_PAGE_DEPTH", "10000"))
API_MAX_LIST_ITEMS = int(os.environ.get("API_MAX_LIST_ITEMS", "100"))
# An export (`format=csv|jsonl`) reads and shapes its rows this many at a time (tracker/exports.py).
API_EXPORT_BATCH_SIZE = int(os.environ.get("API_EXPORT_BATCH_SIZE", "500"))
API_MAX_SEARCH_TERMS = int(os.environ.get("API_MAX_SEARCH_TERMS", "10"))
API_MAX_SEARCH_TERM_LENGTH = int(os.environ.get("API_MAX_SEARCH_TERM_LENGTH", "200"))
API_MAX_URI_LENGTH = int(os.environ.get("API_MAX_URI_LENGTH", "4096"))
# Whole answers of anonymous JSON reads are kept in the "answers" cache under the change feed's position
# (tracker/answer_cache.py): this long at most (0 keeps none), and none over this many bytes.
API_ANSWER_CACHE_SECONDS = int(os.environ.get("API_ANSWER_CACHE_SECONDS", "300"))
API_ANSWER_CACHE_MAX_BYTES = int(os.environ.get("API_ANSWER_CACHE_MAX_BYTES", str(1024 * 1024)))

STATIC_URL = "static/"
STATIC_ROOT: Path | None = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/(api|healthz).*$"
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After", "Location", "Tracker-As-Of", "Tracker-Feed-Position"]
CORS_ALLOW_HEADERS = (*default_cors_headers, "if-match", "if-none-match", "x-change-reason")

TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))

REST_FRAMEWORK = {
    "DEFAULT_VERSIONING_CLASS": "rest_framework.versioning.NamespaceVersioning",
    "DEFAULT_VERSION": "v1",
    "ALLOWED_VERSIONS": ["v1"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["tracker.permissions.ModelPermissionsOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "tracker.pagination.PageOrCursorPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": [
        "tracker.filters.StrictFilterBackend",
        "tracker.filters.TrackerSearchFilter",
        "tracker.filters.TrackerOrderingFilter",
    ],
    # An unknown `format` is a 400 naming it, rather than DRF's 404.
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "tracker.renderers.TrackerContentNegotiation",
    "DEFAULT_RENDERER_CLASSES": [
        "tracker.renderers.FastJSONRenderer",
        "tracker.renderers.TrackerBrowsableAPIRenderer",
    ],
    # JSON only: the write shapes nest objects (a quantity, a party, condition links) that a form cannot carry.
    "DEFAULT_PARSER_CLASSES": ["tracker.parsers.LimitedJSONParser"],
    "DEFAULT_THROTTLE_CLASSES": [
        "tracker.throttles.AnonRateThrottle",
        "tracker.throttles.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_THROTTLE_ANON", "120/min"),
        "user": os.environ.get("API_THROTTLE_USER", "1200/min"),
    },
    "EXCEPTION_HANDLER": "tracker.exceptions.problem_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "tracker.schema.TrackerAutoSchema",
    "DATETIME_FORMAT": "%Y-%m-%dT%H:%M:%S.%fZ",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # The client is the socket's peer, unless that many reverse proxies in front of us append X-Forwarded-For.
    "NUM_PROXIES": TRUSTED_PROXIES,
}


def shared_cache(redis_url, cache_dir, key_prefix, max_entries=10000):
    """Redis when configured, else files in one directory: either way every worker and process counts together.

    Files rather than the database's cache table: that would write the database twice on every request (each
    throttle's count), and on SQLite take its one write lock even for reads.
    """
    if redis_url:
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": key_prefix,
        }
    return {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": cache_dir,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {"MAX_ENTRIES": max_entries},
    }


REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_DIR = os.environ.get("CACHE_DIR", str(BASE_DIR / ".cache"))
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "")
CACHES = {
    "default": shared_cache(REDIS_URL, CACHE_DIR, CACHE_KEY_PREFIX),
    # Whole answers, apart from the throttles' counts: a file cache full of answers culls entries at random, and must
    # never cull a count. Fewer of them, since each may be up to API_ANSWER_CACHE_MAX_BYTES.
    "answers": shared_cache(REDIS_URL, os.path.join(CACHE_DIR, "answers"), CACHE_KEY_PREFIX, max_entries=2000),
}

AXES_FAILURE_LIMIT = int(os.environ.get("ADMIN_LOGIN_FAILURE_LIMIT", "5"))
ADMIN_LOGIN_COOLOFF_MINUTES = int(os.environ.get("ADMIN_LOGIN_COOLOFF_MINUTES", "15"))
AXES_COOLOFF_TIME = timedelta(minutes=ADMIN_LOGIN_COOLOFF_MINUTES)
# Either is enough to lock: one user's failures from many addresses, or one address guessing many users.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "tracker.clients.client_address"
AXES_VERBOSE = False
# In the language of the request that is refused (locale/).
AXES_COOLOFF_MESSAGE = format_lazy(
    gettext_lazy(
        "Too many failed sign-in attempts: sign-in is locked for {minutes} minutes. "
        "Try again later, or ask an administrator to unlock the account."
    ),
    minutes=ADMIN_LOGIN_COOLOFF_MINUTES,
)

SPECTACULAR_SETTINGS = {
    "TITLE": "Diplomatic Commitment Tracker API",
    "DESCRIPTION": (
        "Who pledged what (troops, police, staff officers, money) to which international effort, the conditions "
        "attached, and the sourced statements that show where every party stands. Reading needs no "
        "authentication; writing needs a token (`Authorization: Token <key>`) or a session, and the matching "
        "model permission."
    ),
    "VERSION": "v1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "/favicon.ico",
    # Swagger UI would otherwise fetch a validity badge from validator.swagger.io.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "OrganizationKindEnum": "commitments.choices.OrganizationKind",
        "PledgeStatusEnum": "commitments.choices.PledgeStatus",
        "PledgeKindEnum": "commitments.choices.PledgeKind",
        "QuantityQualifierEnum": "commitments.choices.QuantityQualifier",
        "ConditionStatusEnum": "commitments.choices.ConditionStatus",
        "InitiativeStatusEnum": "commitments.choices.InitiativeStatus",
        "StatementKindEnum": "commitments.choices.StatementKind",
        "StanceEnum": "commitments.choices.Stance",
        "TranslationByEnum": "commitments.choices.TranslationBy",
        "SourceKindEnum": "commitments.choices.SourceKind",
        "PartyTypeEnum": "commitments.choices.PartyType",
        "DatePrecisionEnum": "tracker.dates.DatePrecision",
        "RegionLevelEnum": "countries.models.Region.Level",
        "OrganizationEditorSuppliedEnum": "commitments.models.Organization.editor_suppliable",
        "PersonEditorSuppliedEnum": "commitments.models.Person.editor_suppliable",
        "InitiativeEditorSuppliedEnum": "commitments.models.Initiative.editor_suppliable",
        "ConditionEditorSuppliedEnum": "commitments.models.Condition.editor_suppliable",
        "PledgeEditorSuppliedEnum": "commitments.models.Pledge.editor_suppliable",
        "CountryGroupEditorSuppliedEnum": "countries.models.CountryGroup.editor_suppliable",
    },
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "DISABLE_ERRORS_AND_WARNINGS": False,
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "tracker.schema.document_list_limits"],
}

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
SIMPLE_HISTORY_REVERT_DISABLED = False
# as_of reads look up the latest version of each record before an instant: index (history_date, id).
SIMPLE_HISTORY_DATE_INDEX = "composite"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# What every release's data package says of itself (releases.package); its citation names the release's address
# under PUBLIC_URL, where the service is served.
PUBLIC_URL = os.environ.get("PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
RELEASE_PACKAGE = {
    "name": "diplomatic-commitment-tracker",
    "title": "Diplomatic Commitment Tracker",
    "author": "Diplomatic Commitment Tracker editors",
    "licenses": [
        {
            "name": "CC-BY-4.0",
            "title": "Creative Commons Attribution 4.0 International",
            "path": "https://creativecommons.org/licenses/by/4.0/",
        }
    ],
    "sources": [
        {
            "title": (
                "Reuters, 24 October 2025: US troops begin monitoring Gaza ceasefire from Kiryat Gat coordination "
                "centre (held in an Indonesian translation)"
            )
        }
    ],
}
