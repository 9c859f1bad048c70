"""The WSGI application, wrapped once for the trusted reverse proxies (samordna.proxy)."""

import os

from django.core.wsgi import get_wsgi_application

from samordna.proxy import TrustedProxy

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samordna.settings")
application = TrustedProxy(get_wsgi_application(), None)
