"""Django settings. SQLite in the project folder unless DATABASE_URL says otherwise."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent


def _project_dir() -> Path:
    if os.environ.get("SAMORDNA_HOME"):
        home = Path(os.environ["SAMORDNA_HOME"]).resolve()
        if not home.is_dir():
            raise ImproperlyConfigured(
                f"SAMORDNA_HOME pekar på {home}, som inte finns eller inte är en mapp. "
                "Skapa mappen eller ändra SAMORDNA_HOME (se docs/drift.md)."
            )
        return home
    checkout = PACKAGE_DIR.parents[1]
    return checkout if (checkout / "pyproject.toml").exists() else Path.cwd()


PROJECT_DIR = _project_dir()


def _secret_key() -> str:
    if os.environ.get("SAMORDNA_SECRET_KEY"):
        return os.environ["SAMORDNA_SECRET_KEY"]
    path = PROJECT_DIR / ".samordna-secret"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


PRODUCTION = os.environ.get("SAMORDNA_ENV", "") == "production"


def _required_in_production(name: str) -> None:
    if PRODUCTION and not os.environ.get(name, "").strip():
        raise ImproperlyConfigured(
            f"{name} måste vara satt när SAMORDNA_ENV=production (se docs/drift.md)."
        )


def _listed(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


_required_in_production("SAMORDNA_SECRET_KEY")
_required_in_production("SAMORDNA_ALLOWED_HOSTS")
SECRET_KEY = _secret_key()
DEBUG = os.environ.get("SAMORDNA_DEBUG", "") == "1" and not PRODUCTION
ALLOWED_HOSTS = _listed("SAMORDNA_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = _listed("SAMORDNA_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "samordna.associations",
    "samordna.economy",
    "samordna.budgets",
    "samordna.actuals",
    "samordna.closing",
    "samordna.interventions",
    "samordna.followup",
    "samordna.control",
    "samordna.documents",
    "samordna.accounts",
    "samordna.population",
    "samordna.network",
    "samordna.api",
    "auditlog",
    "samordna.audit",
    "samordna.privacy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "samordna.session_touch.SessionTouchMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "samordna.table_export.TableDownloadMiddleware",
    "samordna.responsive.TableRegionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "samordna.audit.middleware.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "samordna.privacy.middleware.IdentityGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "samordna.busy.BusyDatabaseMiddleware",
    "csp.middleware.CSPMiddleware",
    "samordna.accounts.middleware.SignInMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "samordna.urls"
WSGI_APPLICATION = "samordna.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "samordna.associations.context.navigation",
            ],
            "builtins": [
                "samordna.templatetags.samordna",
                "samordna.audit.templatetags.audit_tags",
            ],
        },
    }
]

FORM_RENDERER = "samordna.form_renderer.FormRenderer"  # lists' options without an include each

POSTGRES_CONN_MAX_AGE = int(os.environ.get("SAMORDNA_POSTGRES_CONN_MAX_AGE", "300"))
SQLITE_BUSY_SECONDS = float(os.environ.get("SAMORDNA_SQLITE_BUSY_SECONDS", "20"))


ENGINES = ("django.db.backends.sqlite3", "django.db.backends.postgresql")


def _database_from_url() -> dict:
    """The database DATABASE_URL names; an empty one (as env files write it) means the SQLite
    file, and one Samordna cannot use stops with a Swedish message instead of a traceback."""
    url = os.environ.get("DATABASE_URL", "").strip()
    unusable = ImproperlyConfigured(
        f"DATABASE_URL ”{url.split('@')[-1]}” går inte att använda: skriv postgres://… för "
        "PostgreSQL eller låt den vara tom för SQLite-filen (se docs/drift.md)."
    )
    try:
        database = dj_database_url.parse(url, conn_max_age=0) if url else None
    except ValueError as error:
        raise unusable from error
    if database is None:
        return dict(dj_database_url.parse(f"sqlite:///{PROJECT_DIR / 'samordna.sqlite3'}"))
    if database.get("ENGINE") not in ENGINES:
        raise unusable
    return dict(database)


def _database() -> dict:
    """DATABASE_URL or the SQLite file. SQLite runs in WAL mode with a busy timeout and
    BEGIN IMMEDIATE, so readers never wait for a writer and writers queue instead of failing."""
    database = _database_from_url()
    if database["ENGINE"] == "django.db.backends.postgresql":
        # A new PostgreSQL connection per request costs a server process and a login, which on
        # a loaded machine took longer than the page's queries; each worker thread keeps its
        # connection for a while instead, checked before it is reused after a request.
        database.update({"CONN_MAX_AGE": POSTGRES_CONN_MAX_AGE, "CONN_HEALTH_CHECKS": True})
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("OPTIONS", {}).update(
            {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": SQLITE_BUSY_SECONDS,
            }
        )
    return dict(database)


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Argon2 first: new and changed passwords are stored with it; older hashes still work.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "samordna.accounts.backends.EmailOrUsernameBackend",
    "samordna.accounts.oidc.Backend",  # answers only when SAMORDNA_OIDC_CLIENT_ID is set
]
# The trail of every change (django-auditlog with Samordna's own entry model, samordna.audit).
AUDITLOG_LOGENTRY_MODEL = "audit.Change"
# auditlog's own LogEntry is swapped for audit.Change, but its migrations would still create its
# table, whose key to django_content_type stops PostgreSQL from emptying the database between
# tests (TRUNCATE). Without its migrations the swapped model gets no table at all.
MIGRATION_MODULES = {"auditlog": None}
AUDITLOG_DISABLE_REMOTE_ADDR = False

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False
# Dates are typed as the app prints them: ÅÅÅÅ-MM-DD, or ÅÅÅÅMMDD (samordna/formats/sv).
FORMAT_MODULE_PATH = ["samordna.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = PROJECT_DIR / ".static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "samordna.staticfiles.HashedStaticStorage"},
}
WHITENOISE_USE_FINDERS = True
# Looking files up on every request is for development; `samordna serve` collects them once.
WHITENOISE_AUTOREFRESH = DEBUG

# Reverse proxies whose X-Forwarded-* headers are believed (samordna.proxy, which wraps the WSGI
# application once): the client address, scheme and host then come from them, so rate limits
# and the lock-out key on the real client. SAMORDNA_TRUSTED_PROXY is the older, deprecated name.
TRUSTED_PROXIES = _listed("SAMORDNA_TRUSTED_PROXIES") + _listed("SAMORDNA_TRUSTED_PROXY")

# Sessions end at browser close, after SAMORDNA_SESSION_IDLE_MINUTES without a request and
# SAMORDNA_SESSION_MAX_HOURS after signing in (samordna.accounts.middleware). The idle clock is
# moved at most once a minute (samordna.session_touch), not with a database write on every page.
SESSION_COOKIE_AGE = int(os.environ.get("SAMORDNA_SESSION_IDLE_MINUTES", "30")) * 60
SESSION_MAX_AGE = int(os.environ.get("SAMORDNA_SESSION_MAX_HOURS", "10")) * 3600
SESSION_TOUCH_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Production: HTTPS only. Behind a TLS-terminating proxy the app trusts the proxies named in
# SAMORDNA_TRUSTED_PROXIES (scheme, host and client address come from their headers).
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SAMORDNA_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
if os.environ.get("SAMORDNA_PROXY_SSL_HEADER"):
    # For another WSGI server behind a proxy: the header the proxy sets to "https".
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + os.environ["SAMORDNA_PROXY_SSL_HEADER"].upper().replace("-", "_"),
        "https",
    )

# Content-Security-Policy: no inline script; a script needs the page's nonce. Inline style is
# allowed only because the document preview embeds matplotlib's SVG charts, which style
# their shapes with style attributes (no template has a style attribute of its own).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Sign-in lock-out (django-axes): per account and per client address.
AXES_FAILURE_LIMIT = int(os.environ.get("SAMORDNA_LOCKOUT_FAILURES", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SAMORDNA_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "samordna.accounts.lockout.locked_out"
AXES_CLIENT_IP_CALLABLE = "samordna.accounts.lockout.client_ip"
AXES_USERNAME_CALLABLE = "samordna.accounts.lockout.username"
AXES_VERBOSE = False
# No second log of every sign-in and sign-out with address and browser (axes' AccessLog, which no
# page shows and nothing clears): the history keeps the förbund's sign-ins, failed ones too.
AXES_DISABLE_ACCESS_LOG = True

# Single sign-on with OpenID Connect (samordna.accounts.oidc), off without a client id. The
# endpoints are the provider's (its /.well-known/openid-configuration lists them).
SAMORDNA_OIDC_NAME = os.environ.get("SAMORDNA_OIDC_NAME", "kommunens inloggning")
SAMORDNA_OIDC_ISSUER = os.environ.get("SAMORDNA_OIDC_ISSUER", "")
OIDC_RP_CLIENT_ID = os.environ.get("SAMORDNA_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("SAMORDNA_OIDC_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("SAMORDNA_OIDC_AUTHORIZATION_URL", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("SAMORDNA_OIDC_TOKEN_URL", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("SAMORDNA_OIDC_USERINFO_URL", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("SAMORDNA_OIDC_JWKS_URL", "")
OIDC_RP_SIGN_ALGO = os.environ.get("SAMORDNA_OIDC_SIGN_ALGORITHM", "RS256")
OIDC_RP_SCOPES = "openid email profile"
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_CREATE_USER = True  # only for an open invitation (samordna.accounts.oidc.Backend)
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_authentication_callback"
LOGIN_REDIRECT_URL_FAILURE = "/logga-in/"

# Two-factor sign-in (django-otp): the name shown in the authenticator app.
OTP_TOTP_ISSUER = "Samordna"

# E-mail: printed on the console unless SAMORDNA_EMAIL_HOST names an SMTP server.
if os.environ.get("SAMORDNA_EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["SAMORDNA_EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("SAMORDNA_EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("SAMORDNA_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("SAMORDNA_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = os.environ.get("SAMORDNA_EMAIL_TLS", "1") == "1"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("SAMORDNA_EMAIL_FROM", "Samordna <samordna@localhost>")
# The address links in e-mails and in `samordna user create` start with.
BASE_URL = os.environ.get("SAMORDNA_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
INVITATION_DAYS = int(os.environ.get("SAMORDNA_INVITATION_DAYS", "7"))
PASSWORD_RESET_TIMEOUT = INVITATION_DAYS * 24 * 3600

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django": {"handlers": ["console"], "level": "WARNING"}},
}
