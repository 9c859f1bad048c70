"""Where "Avbryt" and "Tillbaka" lead: back where the user came from, never into a 404.

The page the user came from (the Referer on the first visit, then carried in the form as
`tillbaka`) is used when it is a page of the same förbund; otherwise the nearest page above
the current one that exists.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.http import HttpRequest
from django.urls import Resolver404, resolve

FIELD = "tillbaka"


def back_url(request: HttpRequest, slug: str) -> str:
    home = f"/forbund/{slug}/"
    came_from = request.POST.get(FIELD) if request.method == "POST" else None
    came_from = came_from or request.META.get("HTTP_REFERER", "")
    parts = urlsplit(came_from)
    local = not parts.netloc or parts.netloc == request.get_host()
    if local and parts.path.startswith(home) and parts.path != request.path:
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return _nearest_page_above(request.path, home)


def _nearest_page_above(path: str, home: str) -> str:
    parts = path.rstrip("/").split("/")
    while len(parts) > 1:
        parts.pop()
        candidate = "/".join(parts) + "/"
        if not candidate.startswith(home):
            break
        try:
            resolve(candidate)
        except Resolver404:
            continue
        return candidate
    return home
