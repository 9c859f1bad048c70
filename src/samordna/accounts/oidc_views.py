"""The two steps of an OpenID Connect sign-in: off to the provider, and back (404 when off)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from samordna.accounts import oidc


def _only_when_enabled() -> None:
    if not oidc.enabled():
        raise Http404


class Start(OIDCAuthenticationRequestView):
    def get(self, request: HttpRequest) -> HttpResponse:
        _only_when_enabled()
        return super().get(request)


class Callback(OIDCAuthenticationCallbackView):
    def get(self, request: HttpRequest) -> HttpResponse:
        _only_when_enabled()
        try:
            return super().get(request)
        except SuspiciousOperation:  # a state this browser never started
            return self.login_failure()

    def login_failure(self) -> Any:
        default = f"Inloggningen via {oidc.provider_name()} avbröts eller misslyckades."
        messages.error(self.request, getattr(self.request, oidc.REFUSAL, default))
        return super().login_failure()
