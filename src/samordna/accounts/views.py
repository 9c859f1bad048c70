"""The person's own pages: account, two-factor set-up and sign-in step, invitations."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token

from samordna.accounts import mfa, oidc, services
from samordna.accounts.forms import CodeForm, FirstCodeForm
from samordna.associations.models import Membership
from samordna.audit.models import Change
from samordna.audit.sign_ins import account_event

BACKEND = "samordna.accounts.backends.EmailOrUsernameBackend"


def _next(request: HttpRequest, default: str = "home") -> HttpResponse:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return redirect(target)
    return redirect(default)


@login_required
def account(request: HttpRequest) -> HttpResponse:
    user: Any = request.user  # signed in: login_required
    context = {
        "memberships": Membership.objects.filter(user=user).select_related("association"),
        "has_mfa": services.has_mfa(user),
        "requires_mfa": services.requires_mfa(user),
        "codes_left": mfa.recovery_codes_left(user),
    }
    return render(request, "accounts/account.html", context)


@login_required
def mfa_setup(request: HttpRequest) -> HttpResponse:
    secret = request.session.get("mfa_secret") or mfa.new_secret()
    request.session["mfa_secret"] = secret
    form = FirstCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if mfa.code_matches(secret, form.cleaned_data["code"]):
            device, codes = mfa.confirm(request.user, secret)
            account_event(request.user, Change.Event.MFA_ON, request)
            del request.session["mfa_secret"]
            otp_login(request, device)
            return _show_codes(request, codes, request.POST.get("next", ""))
        form.add_error("code", "Koden stämmer inte. Skriv den kod appen visar just nu.")
    context = {
        "form": form,
        "qr": mfa.qr_data_uri(mfa.otpauth_url(request.user, secret)),
        "secret": mfa.base32(secret),
        "next": request.GET.get("next") or request.POST.get("next", ""),
    }
    return render(request, "accounts/mfa_setup.html", context, status=400 if form.errors else 200)


def _show_codes(request: HttpRequest, codes: list[str], next_url: str) -> HttpResponse:
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": next_url})


@require_POST
@login_required
def mfa_new_codes(request: HttpRequest) -> HttpResponse:
    if not services.has_mfa(request.user):
        return redirect("mfa_setup")
    codes = mfa.new_recovery_codes(request.user)
    account_event(request.user, Change.Event.RECOVERY_CODES, request)
    return _show_codes(request, codes, "")


@require_POST
@login_required
def mfa_remove(request: HttpRequest) -> HttpResponse:
    if services.requires_mfa(request.user):
        messages.error(request, "Tvåstegsverifieringen krävs för din roll och kan inte tas bort.")
    else:
        mfa.remove(request.user)
        account_event(request.user, Change.Event.MFA_OFF, request)
        messages.success(request, "Tvåstegsverifieringen är borttagen.")
    return redirect("account")


class Login(auth_views.LoginView):
    """Django's sign-in, with the single sign-on button when it is configured."""

    template_name = "login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["sso_name"] = oidc.provider_name() if oidc.enabled() else ""
        return context


class PasswordChange(auth_views.PasswordChangeView):
    """Django's page, with the change on record (Historik) without the password."""

    template_name = "accounts/password_change.html"

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        account_event(form.user, Change.Event.PASSWORD_CHANGED, self.request)
        return response


class PasswordResetConfirm(auth_views.PasswordResetConfirmView):
    """Setting a new password from the e-mailed link, on record without the password."""

    template_name = "accounts/password_set.html"
    post_reset_login = False

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        account_event(form.user, Change.Event.PASSWORD_RESET, self.request)
        return response


@login_required
def mfa_verify(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"].replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            return _next(request)
        form.add_error("code", "Koden stämmer inte. Försök igen med en ny kod.")
    context = {"form": form, "next": request.GET.get("next") or request.POST.get("next", "")}
    return render(request, "accounts/mfa_verify.html", context, status=400 if form.errors else 200)


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    invited = services.open_invitation(token)
    if invited is None:
        return render(request, "accounts/invitation_gone.html", status=404)
    user = services.find_user(invited.email)
    if user is not None and user.has_usable_password():
        return _accept_signed_in(request, invited, user)
    form = SetPasswordForm(user or _new_user(invited.email), request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        services.accept(invited, user)
        login(request, user, backend=BACKEND)
        messages.success(request, f"Välkommen till {invited.association.name}!")
        return redirect("association", slug=invited.association.slug)
    context = {"invitation": invited, "form": form}
    status = 400 if form.errors else 200
    return render(request, "accounts/invitation.html", context, status=status)


def _new_user(email: str) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model()(username=email, email=email)


def _accept_signed_in(request: HttpRequest, invited: Any, user: Any) -> HttpResponse:
    """Someone who already has an account accepts while signed in as that account."""
    if request.user.pk != user.pk:
        context = {"invitation": invited, "other": request.user.is_authenticated}
        return render(request, "accounts/invitation_sign_in.html", context)
    if request.method == "POST":
        services.accept(invited, user)
        messages.success(request, f"Du har nu en roll i {invited.association.name}.")
        return redirect("association", slug=invited.association.slug)
    return render(request, "accounts/invitation_accept.html", {"invitation": invited})
