"""Settings for the test suite only: the app's settings with a fast password hasher.

Production keeps Django's strong default; tests create hundreds of users and must not spend a
second on each (STYLE.md, habit 9).
"""

from samordna.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Plain static names: the tests never run collectstatic (samordna serve does, see test_serve.py).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True  # the files from the package, looked up per request (no .static/)

# The threads some tests start (the live server, two writers at once) would otherwise keep their
# PostgreSQL connections for SAMORDNA_POSTGRES_CONN_MAX_AGE seconds, and the test database could
# not be dropped at the end ("being accessed by other users"). The app's own setting is tested
# in tests/web/test_database_connections.py.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
