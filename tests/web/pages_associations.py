"""Persona table of the förbund's own pages (members, organisation, contributions).

Each area keeps its pages in a module tests/web/pages_<area>.py with
PAGES (url name -> (kind, kwargs builder)) and furnish(association), which creates
what the pages need. test_personas.py asks every page of every area as every persona.
STAFF_PAGES names the pages insats staff (insatspersonal) may open; every other page
refuses them with 403. Kinds: "read" every reading role may open it; "edit" only the
chef (GET); "edit-post" only the chef (POST); "audit" the chef and the revisor (Historik).
A removal is "edit": its GET is the confirmation.
"""

from __future__ import annotations

from samordna.associations.models import BoardSeat, Officer, Population
from samordna.economy import services

STAFF_PAGES = {"association"}

PAGES = {
    "association": ("read", lambda a: {}),
    "association_edit": ("edit", lambda a: {}),
    "members": ("read", lambda a: {}),
    "member_create": ("edit", lambda a: {}),
    "member_edit": ("edit", lambda a: {"pk": a.members.first().pk}),
    "member_delete": ("edit", lambda a: {"pk": a.members.last().pk}),
    "population_add": ("edit", lambda a: {"pk": a.members.last().pk}),
    "population_delete": ("edit", lambda a: {"pk": Population.objects.first().pk}),
    "undo": ("edit-post", lambda a: {}),
    "organisation": ("read", lambda a: {}),
    "seat_create": ("edit", lambda a: {}),
    "seat_delete": ("edit", lambda a: {"pk": BoardSeat.objects.first().pk}),
    "officer_create": ("edit", lambda a: {}),
    "officer_delete": ("edit", lambda a: {"pk": Officer.objects.first().pk}),
    "contributions": ("read", lambda a: {}),
    "contribution_new": ("edit", lambda a: {}),
    "contribution": ("read", lambda a: {"year": 2020}),
    "contribution_stated": ("edit", lambda a: {"year": 2020}),
    "frames": ("read", lambda a: {}),
    "frame_edit": ("edit", lambda a: {}),
    "state_model": ("read", lambda a: {}),
    "frame": ("read", lambda a: {"year": 2021}),
}


def furnish(association):
    BoardSeat.objects.create(
        association=association, member=association.members.first(), seat="regular"
    )
    Officer.objects.create(association=association, group="office", title="Förbundschef")
    request = services.AllocationRequest(2020, 715_600_000, "total", 1000, "split", 2018)
    services.save(association, request, user=None)
    _frame(association)


def _frame(association):
    from samordna.economy.models import Frame

    Frame.objects.create(association=association, year=2021, requested_total=800_000_000)
