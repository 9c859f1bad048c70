"""The address of the person asking, also behind a reverse proxy.

`REMOTE_ADDR` is the proxy when Samordna runs behind one, so everyone would look the same.
When the request comes from an address listed in TRUSTED_PROXIES (SAMORDNA_TRUSTED_PROXIES,
comma-separated), the client is the last address in X-Forwarded-For that is not itself a
trusted proxy; otherwise X-Forwarded-For is ignored, as anyone can write it.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = set(getattr(settings, "TRUSTED_PROXIES", ()))
    if remote not in trusted:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if hop not in trusted:
            return hop
    return remote
