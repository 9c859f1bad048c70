"""The user's own API tokens ("Mitt konto"): make one (shown once), see them, revoke one."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from samordna.api import tokens


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Namn på nyckeln",
        max_length=100,
        help_text="Till exempel vad den ska användas till: ”Rapport till regionen”.",
    )


@never_cache  # the new token is on this page once: no browser or proxy may keep it
@login_required
@require_http_methods(["GET", "POST"])
def api_tokens(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    made = None
    if request.method == "POST" and form.is_valid():
        try:
            _row, made = tokens.create(request.user, form.cleaned_data["name"])
        except tokens.TokenError as error:
            form.add_error("name", str(error))
        else:
            form = TokenForm()
    context = {
        "form": form,
        "made": made,
        "tokens": request.user.api_tokens.all(),  # type: ignore[union-attr]
        "schema_url": request.build_absolute_uri("/api/v1/openapi.json"),
    }
    status = 400 if form.errors else 200
    return render(request, "api/tokens.html", context, status=status)


@login_required
@require_POST
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    found = tokens.revoke(request.user, pk)
    if found is not None:
        messages.success(request, f"Nyckeln ”{found.name}” gäller inte längre.")
    return redirect("api_tokens")
