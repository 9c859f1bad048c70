"""Load the demo: the three reference förbund and demo users. Running it again changes nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from samordna.associations.models import (
    Association,
    BoardSeat,
    Member,
    Membership,
    Officer,
    Population,
)
from samordna.audit.registry import acting_as
from samordna.demo.books import load_books
from samordna.demo.budgets import load_budgets, load_frames
from samordna.demo.control import load_control
from samordna.demo.data import ASSOCIATIONS, DEMO_PASSWORD, STAFF, USERS
from samordna.demo.documents import load_texts
from samordna.demo.followup import load_followup
from samordna.demo.goals import load_goals
from samordna.demo.interventions import load_interventions
from samordna.demo.network import load_network
from samordna.economy import services
from samordna.economy.models import ContributionYear
from samordna.interventions.models import Intervention


@transaction.atomic
@acting_as("demo")
def load_demo() -> list[Association]:
    """Create what is missing of the demo; leave what exists as it is."""
    associations = [_association(data) for data in ASSOCIATIONS]
    for username, full_name, roles in USERS:
        _user(username, full_name, roles)
    for association in associations:
        load_interventions(association)
        load_budgets(association)
        load_frames(association)
        load_followup(association, date.today())
        load_texts(association)
        load_goals(association)
        load_books(association)
        load_control(association)
    _staff()
    load_network()
    return associations


def _association(data: dict[str, Any]) -> Association:
    association, created = Association.objects.get_or_create(
        slug=data["slug"],
        defaults={
            "name": data["name"],
            "org_number": data["org_number"],
            "formed_on": date.fromisoformat(data["formed_on"]),
            "address": data["address"],
            "website": data["website"],
        },
    )
    if not created:
        return association
    for position, member in enumerate(data["members"]):
        _member(association, member, position)
    for officer in data["officers"]:
        _officer(association, officer)
    for seat in data["seats"]:
        BoardSeat.objects.create(
            association=association, member=_named(association, seat["member"]), seat=seat["seat"]
        )
    for contribution in data["contributions"]:
        _contribution(association, contribution)
    return association


def _named(association: Association, name: str) -> Member:
    return association.members.get(name=name)


def _member(association: Association, data: dict[str, Any], position: int) -> None:
    member = Member.objects.create(
        association=association,
        name=data["name"],
        kind=data["kind"],
        region=_named(association, data["region"]) if data.get("region") else None,
        agreed_share=Decimal(data["share"]) if data.get("share") else None,
        position=position,
    )
    for year, count, reference_date, source in data.get("populations", []):
        Population.objects.create(
            member=member,
            year=year,
            count=count,
            reference_date=date.fromisoformat(reference_date),
            source=source,
        )


def _officer(association: Association, data: dict[str, Any]) -> None:
    Officer.objects.create(
        association=association,
        group=data["group"],
        title=data["title"],
        person_name=data.get("person_name", ""),
        member=_named(association, data["member"]) if data.get("member") else None,
    )


def _contribution(association: Association, data: dict[str, Any]) -> ContributionYear:
    request = services.AllocationRequest(
        year=data["year"],
        amount=data["total"] * 100,
        amount_is="total",
        round_to=data["round_to"],
        state_shown=data["state_shown"],
        population_year=data["population_year"],
        note=data["note"],
    )
    stated = {_named(association, n).pk: kr * 100 for n, kr in data["stated"].items()}
    return services.save(association, request, user=None, stated=stated)


def _staff() -> None:
    for username, names in STAFF.items():
        user = get_user_model().objects.get(username=username)
        for intervention in Intervention.objects.filter(name__in=names):
            intervention.staff.add(user)


def _user(username: str, full_name: str, roles: Any) -> None:
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(username=username)
    if created:
        first, _, last = full_name.partition(" ")
        user.first_name, user.last_name = first, last
        user.set_password(DEMO_PASSWORD)
        user.save()
    for slug, role in roles.items():
        association = Association.objects.get(slug=slug)
        Membership.objects.get_or_create(
            user=user, association=association, defaults={"role": role}
        )
