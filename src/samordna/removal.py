"""Removing things from the förbund: what a removal takes with it, what stops it, and undo.

A removal is asked for first: the confirmation page names what goes (`what`) and what it
affects (`effects`). A member still in use is not removed: `member_blockers` says why.
What is removed is kept in the session as Django's own serialization, so the message that
follows can offer "Ångra" and put the very same rows back.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from django.core import serializers
from django.db import models, transaction
from django.http import HttpRequest

from samordna.associations.models import Association, BoardSeat, Member, Officer, Population

UNDO_KEY = "samordna_undo"


@dataclass(frozen=True)
class Removal:
    """What the confirmation page says before anything is removed."""

    what: str
    effects: list[str] = field(default_factory=list)
    blockers: list[str] = field(default_factory=list)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def member_blockers(member: Member) -> list[str]:
    """Why `member` cannot be removed: every use of it that a removal would lose or break."""
    from samordna.budgets.models import BudgetLine
    from samordna.economy.models import Contribution
    from samordna.followup.models import Episode

    episodes = Episode.objects.filter(
        models.Q(main_referrer=member) | models.Q(co_referrers=member)
    )
    uses: list[tuple[Any, str, str]] = [
        (
            Contribution.objects.filter(member=member),
            "sparat medlemsbidrag",
            "sparade medlemsbidrag",
        ),
        (BudgetLine.objects.filter(member=member), "budgetrad", "budgetrader"),
        (BoardSeat.objects.filter(member=member), "plats i styrelsen", "platser i styrelsen"),
        (member.municipalities, "kommun som hör till regionen", "kommuner som hör till regionen"),
        (member.intervention_set, "insats där medlemmen utför", "insatser där medlemmen utför"),
        (member.application_set, "ansökan där medlemmen söker", "ansökningar där medlemmen söker"),
        (member.structuralactivity_set, "strukturaktivitet", "strukturaktiviteter"),
        (member.officer_set, "person i organisationen", "personer i organisationen"),
        (episodes.distinct(), "remitterad deltagarperiod", "remitterade deltagarperioder"),
    ]
    counted = [(rows.count(), one, many) for rows, one, many in uses]
    return [_count(n, one, many) for n, one, many in counted if n]


def member_removal(member: Member) -> Removal:
    populations = [f"{p.year}: {p.count} invånare" for p in member.populations.all()]
    effects = (
        [f"Invånaruppgifterna tas bort med medlemmen ({', '.join(populations)})."]
        if populations
        else []
    )
    return Removal(f"Medlemmen {member.name}", effects, member_blockers(member))


def population_removal(population: Population) -> Removal:
    from samordna.economy.models import ContributionYear

    years = ContributionYear.objects.filter(
        association_id=population.member.association_id, population_year=population.year
    ).values_list("year", flat=True)
    effects = [
        f"Befolkningen för {population.year} används i fördelningen för {year}. "
        "Den sparade fördelningen ändras inte, men en ny beräkning saknar uppgiften."
        for year in sorted(years)
    ] or [f"Ingen sparad fördelning av medlemsbidrag använder befolkningen för {population.year}."]
    what = f"Invånare {population.year} för {population.member.name} ({population.count} invånare)"
    return Removal(what, effects)


def seat_removal(seat: BoardSeat) -> Removal:
    from samordna.interventions.models import Attendance

    what = f"{seat.get_seat_display()} för {seat.member.name}"
    if seat.person_name:
        what += f" ({seat.person_name})"
    meetings = Attendance.objects.filter(seat=seat).count()
    effects = (
        [f"Närvaron på {_count(meetings, 'möte', 'möten')} tas bort med platsen."]
        if meetings
        else []
    )
    return Removal(what, effects)


def officer_removal(officer: Officer) -> Removal:
    name = f" ({officer.person_name})" if officer.person_name else ""
    return Removal(f"{officer.get_group_display()}: {officer.title}{name}")


def _collected(obj: models.Model) -> list[models.Model]:
    """`obj` and every row a delete of it cascades to (populations, attendance)."""
    from django.db.models.deletion import Collector

    collector = Collector(using="default")
    collector.collect([obj])
    rows: list[models.Model] = []
    for instances in collector.data.values():
        rows.extend(instances)
    for qs in collector.fast_deletes:
        rows.extend(qs)
    # Parents first, so that the undo saves a member before its populations.
    return sorted(rows, key=lambda row: 0 if row is obj else 1)


def remove(request: HttpRequest, association: Association, obj: models.Model, label: str) -> None:
    """Delete `obj` (and what cascades) and keep it in the session for "Ångra"."""
    rows = _collected(obj)
    data = serializers.serialize("json", rows)
    with transaction.atomic():
        obj.delete()
    request.session[UNDO_KEY] = {
        "token": secrets.token_urlsafe(16),
        "association": association.pk,
        "label": label,
        "data": data,
    }


def offer(request: HttpRequest) -> dict[str, Any] | None:
    return request.session.get(UNDO_KEY)


def undo(request: HttpRequest, association: Association, token: str) -> str | None:
    """Put back what was removed last; the label on success, None if there is nothing to undo.

    Raises IntegrityError when the rows cannot come back (the same thing was added again).
    """
    saved = request.session.get(UNDO_KEY)
    if not saved or saved["token"] != token or saved["association"] != association.pk:
        return None
    with transaction.atomic():
        for row in serializers.deserialize("json", saved["data"]):
            row.save()
    del request.session[UNDO_KEY]
    return str(saved["label"])
