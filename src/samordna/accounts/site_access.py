"""Who may open the site administrator's pages (the förbund list, networks)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse


def site_admin(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Only site administrators; anyone else is told the page does not exist."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_superuser:
            raise Http404("Sidan finns inte.")
        return view(request, *args, **kwargs)

    return wrapper
