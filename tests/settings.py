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
