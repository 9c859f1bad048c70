"""From the database to core and back: member contributions.

The arithmetic is `samordna.core.allocation.allocate`; this module only gathers
the members and populations it needs and stores what it returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.db import transaction

from samordna.associations.models import Association, Member, Population
from samordna.core.allocation import Allocation, Party, allocate, total_from_state_half
from samordna.economy.models import Contribution, ContributionYear


@dataclass(frozen=True)
class AllocationRequest:
    year: int
    amount: int  # öre
    amount_is: str  # "total" | "state"
    round_to: int  # kronor
    state_shown: str
    population_year: int | None
    note: str = ""


def members_for(association: Association, state_shown: str) -> list[Member]:
    """The members that pay: with "Statens samlade andel", FK pays for AF too."""
    members = list(association.members.select_related("region"))
    if state_shown == ContributionYear.StateShown.COMBINED:
        members = [m for m in members if m.kind != Member.Kind.AF]
    return members


def party_of(member: Member, populations: dict[int, int]) -> Party:
    share = Fraction(str(member.agreed_share)) if member.agreed_share is not None else None
    return Party(
        name=member.name,
        kind=member.kind,
        population=populations.get(member.pk),
        share=share,
        region=member.region.name if member.region else None,
    )


def populations_for(association: Association, year: int | None) -> dict[int, int]:
    if year is None:
        return {}
    rows = Population.objects.filter(member__association=association, year=year)
    return {row.member_id: row.count for row in rows}


def compute(
    association: Association, request: AllocationRequest
) -> tuple[list[Member], Allocation]:
    """Allocate the year's contributions; raises AllocationError (Swedish) when it cannot."""
    members = members_for(association, request.state_shown)
    populations = populations_for(association, request.population_year)
    parties = [party_of(member, populations) for member in members]
    when = date(request.year, 1, 1)
    total = request.amount
    if request.amount_is == "state":
        total = total_from_state_half(request.amount, when)
    return members, allocate(parties, total, unit=request.round_to * 100, when=when)


@transaction.atomic
def save(
    association: Association,
    request: AllocationRequest,
    user: Any,
    stated: dict[int, int] | None = None,
) -> ContributionYear:
    """Store the allocation for the year, replacing an earlier one (atomically)."""
    members, allocation = compute(association, request)
    ContributionYear.objects.filter(association=association, year=request.year).delete()
    year = ContributionYear.objects.create(
        association=association,
        year=request.year,
        total=allocation.total,
        unit=allocation.unit,
        state_shown=request.state_shown,
        population_year=request.population_year,
        note=request.note,
        saved_by=user if getattr(user, "pk", None) else None,
    )
    for member, part in zip(members, allocation.parts, strict=True):
        Contribution.objects.create(
            contribution_year=year,
            member=member,
            amount=part.amount,
            percent=_percent(part.percent_of_total),
            basis=part.basis,
            stated_amount=(stated or {}).get(member.pk),
        )
    return year


def _percent(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.0001"))
