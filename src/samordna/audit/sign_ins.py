"""Sign-ins, failed sign-ins and other account events on record, for the förbund the account
belongs to.

A failed attempt is recorded only for an account that exists (an unknown name belongs
to no förbund); the typed password is never looked at. Account events (a password changed or
reset, two-factor turned on or off, new recovery codes) say only what happened, never a
password, secret or code.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.contrib.contenttypes.models import ContentType

from samordna.audit.models import Change


def connect() -> None:
    user_logged_in.connect(signed_in, dispatch_uid="samordna_audit_signed_in")
    user_login_failed.connect(sign_in_failed, dispatch_uid="samordna_audit_sign_in_failed")


def signed_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _record(user, Change.Event.SIGN_IN, request, actor=user)


def sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kw: Any
) -> None:
    model = get_user_model()
    name = credentials.get(model.USERNAME_FIELD) or credentials.get("username")
    user = model._default_manager.filter(**{model.USERNAME_FIELD: name}).first() if name else None
    if user is not None:
        _record(user, Change.Event.SIGN_IN_FAILED, request, actor=None)


def account_event(user: Any, event: Change.Event, request: Any) -> None:
    """`user` did something to their own sign-in (a password reset: through the e-mailed link)."""
    _record(user, event, request, actor=user)


def _record(user: Any, event: Any, request: Any, actor: Any) -> None:
    Change.objects.create(
        content_type=ContentType.objects.get_for_model(get_user_model()),
        object_pk=str(user.pk),
        object_id=user.pk,
        object_repr=str(user),
        action=Change.Action.ACCESS,
        event=event,
        actor=actor,
        actor_label="",
        remote_addr=request.META.get("REMOTE_ADDR") if request is not None else None,
    )
