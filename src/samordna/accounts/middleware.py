"""After sign-in: sessions that have lasted too long end; two-factor is asked for or set up.

A person with an authenticator must give a code before any page; a person who must have
one (site administrators, chefs of a förbund that requires it) is sent to set it up first.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from samordna.accounts import services

# Pages that work before the second step: the step itself, signing out, the password links.
OPEN_PREFIXES = ("/logga-in/", "/logga-ut/", "/losenord/", "/static/")
# Setting two-factor up: open only to those who have none yet (never a way around the code).
SET_UP = "/konto/tvastegs/"


class SignInMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            answer = _session_over(request) or _second_step(request)
            if answer is not None:
                return answer
        return self.get_response(request)


def _session_over(request: HttpRequest) -> HttpResponse | None:
    signed_in_at = request.session.get("signed_in_at", 0)
    if time.time() - signed_in_at <= settings.SESSION_MAX_AGE:
        return None
    hours = settings.SESSION_MAX_AGE // 3600
    logout(request)
    messages.info(request, f"Du har varit inloggad i {hours} timmar. Logga in igen.")
    return _to(reverse("login"), request)


def _second_step(request: HttpRequest) -> HttpResponse | None:
    if request.path.startswith(OPEN_PREFIXES):
        return None
    user = request.user
    if user.is_verified():  # type: ignore[union-attr]
        return None
    has, must = services.mfa_state(user)
    if has:
        return _to(reverse("mfa_verify"), request)
    if must and not request.path.startswith(SET_UP):
        messages.info(request, "Du behöver tvåstegsverifiering: lägg till den innan du går vidare.")
        return _to(reverse("mfa_setup"), request)
    return None


def _to(url: str, request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        url = f"{url}?{urlencode({'next': request.get_full_path()})}"
    return redirect(url)
