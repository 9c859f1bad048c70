"""Who is asking: every view gets its förbund through these helpers.

A user without a membership in the förbund gets 404 (the förbund's existence is
not revealed); a member whose role may not do the thing gets 403.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from samordna.associations.models import Association, Membership

ALL_ROLES: tuple[str, ...] = tuple(Membership.Role.values)
# Insats staff read only what is theirs: a view that lets them in names them explicitly.
READERS: tuple[str, ...] = ("chef", "styrelse", "revisor")
EDITORS: tuple[str, ...] = ("chef",)  # Membership.Role.CHEF


class MemberRequest(HttpRequest):
    """A request `association_view` let through: it carries the asker's membership."""

    membership: Membership
    user: User  # login_required let only a signed-in user through


def membership_for(request: MemberRequest, slug: str) -> Membership:
    """The asking user's membership in the förbund `slug`, or 404."""
    membership = (
        Membership.objects.select_related("association")
        .filter(user_id=request.user.pk, association__slug=slug)
        .first()
    )
    if membership is None:
        raise Http404("Förbundet finns inte eller så har du inte tillgång till det.")
    return membership


def association_view(*roles: str) -> Callable[..., Callable[..., HttpResponse]]:
    """Decorate a view `view(request, association, membership, ...)` taking `slug` from the URL.

    Only logged-in members of the förbund with one of `roles` get through.
    """
    allowed = roles or READERS

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @wraps(view)
        def wrapper(request: MemberRequest, slug: str, *args: Any, **kwargs: Any) -> HttpResponse:
            membership = membership_for(request, slug)
            if membership.role not in allowed:
                raise PermissionDenied("Din roll i förbundet får inte göra detta.")
            request.membership = membership
            return view(request, membership.association, *args, **kwargs)

        return wrapper

    return decorate


def associations_of(user: Any) -> list[Association]:
    """The förbund a user belongs to, by name."""
    return list(Association.objects.filter(memberships__user_id=user.pk).order_by("name"))
