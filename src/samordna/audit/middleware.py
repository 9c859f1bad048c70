"""Who made a change through the pages: the signed-in user (django-auditlog's middleware)."""

from __future__ import annotations

from auditlog.middleware import AuditlogMiddleware
from django.http import HttpRequest, HttpResponse

from samordna.audit.registry import acting_as


class AuditMiddleware(AuditlogMiddleware):
    def __call__(self, request: HttpRequest) -> HttpResponse:
        with acting_as(""):
            return super().__call__(request)
