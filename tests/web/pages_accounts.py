"""Persona table of the förbund's people pages (chef only: the board and the auditor get 403)."""

from __future__ import annotations

from samordna.accounts import services
from tests.conftest import make_user


def _person(association):
    return association.memberships.get(user__username="person-att-andra").pk


PAGES = {
    "people": ("edit", lambda a: {}),
    "person_invite": ("edit", lambda a: {}),
    "person_role": ("edit", lambda a: {"pk": _person(a)}),
    "person_remove": ("edit", lambda a: {"pk": _person(a)}),
    "invitation_withdraw": ("edit", lambda a: {"pk": a.invitations.get().pk}),
    "mfa_policy": ("edit-post", lambda a: {}),
}


def furnish(association):
    make_user("person-att-andra", association, "revisor")
    services.new_invitation(association, "ny@example.se", "styrelse")
