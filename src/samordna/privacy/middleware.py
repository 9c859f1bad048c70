"""A save refused by the identity guard becomes a Swedish page (400), never a traceback."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from samordna.privacy.guard import IdentityRefused


class IdentityGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, IdentityRefused):
            return None
        context = {
            "status": 400,
            "title": "Personnummer får inte sparas",
            "text": " ".join(exception.messages),
        }
        return render(request, "error.html", context, status=400)
