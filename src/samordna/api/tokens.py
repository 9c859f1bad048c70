"""Making, finding and revoking personal API tokens."""

from __future__ import annotations

import secrets
from typing import Any

from django.utils import timezone

from samordna.accounts.models import token_digest
from samordna.api.models import ApiToken

PREFIX = "smd_"


class TokenError(Exception):
    """A Swedish message; nothing was changed."""


def create(user: Any, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`: the stored row and the token itself, which is shown only now."""
    name = name.strip()
    if not name:
        raise TokenError("Ge nyckeln ett namn, till exempel vad den ska användas till.")
    token = PREFIX + secrets.token_urlsafe(32)
    found = ApiToken.objects.create(user_id=user.pk, name=name, token_hash=token_digest(token))
    return found, token


def user_for(token: str) -> Any | None:
    """The active user whose token this is (and note that it was used), else None."""
    found = ApiToken.objects.select_related("user").filter(token_hash=token_digest(token)).first()
    if found is None or not found.user.is_active:
        return None
    ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
    return found.user


def revoke(user: Any, pk: int) -> ApiToken | None:
    found = ApiToken.objects.filter(user=user, pk=pk).first()
    if found is not None:
        found.delete()
    return found
