"""Single sign-on with OpenID Connect (mozilla-django-oidc), for the whole site.

Configured by environment (SAMORDNA_OIDC_CLIENT_ID and the others in docs/drift.md); without
a client id it is off and the backend answers no one. The ID token must be signed by the
provider's key (JWKS), carry the nonce of this sign-in, name the configured issuer and be meant
for this client. The person is matched by e-mail address to an existing, active account.
Without one, an open invitation to that address creates the account and gives the invitation's
role; without either, nobody is let in: SSO never creates an account or a role out of nothing.
The provider's own MFA does not replace Samordna's: a person with TOTP still gives a code after
signing in (SignInMiddleware).
"""

from __future__ import annotations

from typing import Any

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from samordna.accounts import services
from samordna.accounts.models import Invitation

REFUSAL = "samordna_oidc_refusal"
FAILURES = (requests.RequestException, SuspiciousOperation, jwt.PyJWTError, ValueError, KeyError)


def enabled() -> bool:
    return bool(settings.OIDC_RP_CLIENT_ID)


def provider_name() -> str:
    return str(settings.SAMORDNA_OIDC_NAME)


def email_of(claims: dict[str, Any]) -> str:
    """The e-mail claim, or (Entra ID) preferred_username when it is an address."""
    for key in ("email", "preferred_username", "upn"):
        value = str(claims.get(key) or "").strip()
        if "@" in value:
            return value.lower()
    return ""


def refuse(request: Any, message: str) -> None:
    setattr(request, REFUSAL, message)


class Backend(OIDCAuthenticationBackend):
    def authenticate(self, request: Any, **kwargs: Any) -> Any:
        if not enabled() or request is None or "code" not in request.GET:
            return None
        try:
            return super().authenticate(request, **kwargs)
        except FAILURES:
            refuse(request, f"Inloggningen via {provider_name()} kunde inte bekräftas.")
            return None

    def verify_token(self, token: str, **kwargs: Any) -> Any:
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The ID token is meant for another client.")
        issuer = settings.SAMORDNA_OIDC_ISSUER
        if issuer and payload.get("iss") != issuer:
            raise SuspiciousOperation("The ID token comes from another issuer.")
        return payload

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(email_of(claims))

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        user = services.find_user(email_of(claims))
        found = [user] if user is not None and user.is_active else []
        return get_user_model().objects.filter(pk__in=[u.pk for u in found])

    @transaction.atomic
    def create_user(self, claims: dict[str, Any]) -> Any:
        """Only for an open invitation: the account, and the invitation's role."""
        email = email_of(claims)
        invitations = [
            i for i in Invitation.objects.filter(email__iexact=email).order_by("pk") if i.is_open
        ]
        if not invitations:
            refuse(
                self.request,
                f"{email} har inget konto i Samordna. Be förbundschefen om en inbjudan.",
            )
            return None
        user = get_user_model().objects.create_user(username=email, email=email)
        user.set_unusable_password()
        user.save()
        for invitation in invitations:
            services.accept(invitation, user)
        return user
