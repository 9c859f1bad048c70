"""Helpers every area's pages share: the form page and the year asked for in ?ar=."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from samordna.concurrency import saved
from samordna.core.calendar import year_from


def form_page(
    request: HttpRequest, form: Any, title: str, success: HttpResponse, **context: Any
) -> HttpResponse:
    """Show `form`; on a valid POST save it, say so, and return `success`. When someone else
    saved the same object in between, the form comes back saying what they changed."""
    if request.method == "POST" and form.is_valid():
        saved(form)  # a form's own save may return nothing; a refusal adds an error instead
        if not form.errors:
            messages.success(request, f"{title}: sparat.")
            return success
    status = 400 if request.method == "POST" else 200
    return render(
        request, "form_page.html", {"form": form, "title": title, **context}, status=status
    )


def year_asked(request: HttpRequest, default: int | None = None) -> int:
    """The year in ?ar=, else `default`, else this year."""
    return year_from(request.GET.get("ar", "")) or default or timezone.localdate().year
