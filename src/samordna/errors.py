"""Error pages in Swedish: no traceback ever reaches a user."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template import loader


def render_error_page(request: HttpRequest, status: int, title: str, text: str) -> HttpResponse:
    template = loader.get_template("error.html")
    body = template.render({"status": status, "title": title, "text": text}, request)
    return HttpResponse(body, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render_error_page(
        request, 400, "Felaktig förfrågan", "Sidan kunde inte visas för den förfrågan."
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render_error_page(
        request,
        403,
        "Du har inte behörighet",
        "Din roll i förbundet får inte öppna eller ändra detta.",
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render_error_page(
        request,
        404,
        "Sidan finns inte",
        "Sidan finns inte, eller så har du inte tillgång till förbundet.",
    )


def server_error(request: HttpRequest) -> HttpResponse:
    return render_error_page(
        request,
        500,
        "Något gick fel",
        "Ett oväntat fel inträffade. Kontrollera om det du gjorde sparades, "
        "försök igen eller kontakta förvaltningen.",
    )
