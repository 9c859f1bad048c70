"""Django settings. SQLite in the project folder unless DATABASE_URL says otherwise."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent


def _project_dir() -> Path:
    if os.environ.get("SAMORDNA_HOME"):
        return Path(os.environ["SAMORDNA_HOME"]).resolve()
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


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("SAMORDNA_DEBUG", "") == "1"
ALLOWED_HOSTS = os.environ.get("SAMORDNA_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(
    ","
)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "samordna.associations",
    "samordna.economy",
    "samordna.budgets",
    "samordna.actuals",
    "samordna.interventions",
    "samordna.followup",
    "samordna.documents",
    "auditlog",
    "samordna.audit",
    "samordna.privacy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "samordna.table_export.TableDownloadMiddleware",
    "samordna.responsive.TableRegionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "samordna.audit.middleware.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "samordna.privacy.middleware.IdentityGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{PROJECT_DIR / 'samordna.sqlite3'}", conn_max_age=0
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# The trail of every change (django-auditlog with Samordna's own entry model, samordna.audit).
AUDITLOG_LOGENTRY_MODEL = "audit.Change"
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

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django": {"handlers": ["console"], "level": "WARNING"}},
}
