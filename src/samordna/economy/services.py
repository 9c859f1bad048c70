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
    earlier = ContributionYear.objects.filter(association=association, year=request.year)
    kept = _stated_of(earlier.first())
    if stated is not None:
        kept = {pk: (amount, kept.get(pk, (None, ""))[1]) for pk, amount in stated.items()}
    earlier.delete()
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
            stated_amount=kept.get(member.pk, (None, ""))[0],
            stated_reason=kept.get(member.pk, (None, ""))[1],
        )
    return year


def _stated_of(saved: ContributionYear | None) -> dict[int, tuple[int | None, str]]:
    """The plan's amounts and reasons of an earlier allocation: a recomputed year keeps them."""
    if saved is None:
        return {}
    return {c.member_id: (c.stated_amount, c.stated_reason) for c in saved.contributions.all()}


@transaction.atomic
def save_stated(saved: ContributionYear, stated: dict[int, tuple[int | None, str]]) -> int:
    """Store the plan's amount and the reason for its deviation per member; returns changes."""
    changed = 0
    for contribution in saved.contributions.all():
        amount, reason = stated.get(contribution.member_id, (None, ""))
        if (contribution.stated_amount, contribution.stated_reason) != (amount, reason):
            contribution.stated_amount, contribution.stated_reason = amount, reason
            contribution.save()
            changed += 1
    return changed


def _percent(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.0001"))
