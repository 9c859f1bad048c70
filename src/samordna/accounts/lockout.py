"""django-axes hooks: which client and which account a failed sign-in counts against.

The client address is REMOTE_ADDR: `samordna.wsgi` replaces it with the address a trusted
proxy reports (SAMORDNA_TRUSTED_PROXIES), so nobody else can choose it with a header.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone


def client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR")


def username(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    """The same account however its address is written."""
    value = (credentials or {}).get("username") or request.POST.get("username")
    return value.strip().lower() if value else None


def locked_out(request: HttpRequest, response: Any, credentials: Any = None) -> HttpResponse:
    """The lock-out page: how long, and the time (Swedish clock) to try again."""
    cool_off = settings.AXES_COOLOFF_TIME
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": int(cool_off.total_seconds() // 60),
        "until": timezone.localtime(timezone.now() + cool_off),
    }
    return render(request, "accounts/locked.html", context, status=429)
