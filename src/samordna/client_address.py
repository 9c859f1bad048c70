"""The address of the person asking, also behind a reverse proxy.

`samordna.wsgi` has already put the real client into REMOTE_ADDR when the request came
through a trusted proxy (samordna.proxy, SAMORDNA_TRUSTED_PROXIES); X-Forwarded-For is never
read here, as anyone can write it.
"""

from __future__ import annotations

from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))
