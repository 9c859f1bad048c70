"""Sign in with the e-mail address (any case) or the user name."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest


class EmailOrUsernameBackend(ModelBackend):
    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        from samordna.accounts.services import find_user

        user = find_user(username) if username else None
        if user is None or password is None:
            get_user_model()().set_password(password)  # as slow as a real check
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
