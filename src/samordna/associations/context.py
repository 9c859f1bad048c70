"""Template context: the förbund the page is about and what the user may do in it."""

from __future__ import annotations

from django.http import HttpRequest

from samordna.associations.back import back_url


def navigation(request: HttpRequest) -> dict[str, object]:
    membership = getattr(request, "membership", None)
    return {
        "membership": membership,
        "can_edit": bool(membership and membership.can_edit),
        "back": back_url(request, membership.association.slug) if membership else "/",
    }
