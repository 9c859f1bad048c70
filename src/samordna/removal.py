"""Removing things from the förbund: what a removal of a member, a population, a board seat or
an officer takes with it and what stops it (a member still in use: `member_blockers` says why).
The confirmation page and "Ångra" are `samordna.confirm`.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from samordna.associations.models import BoardSeat, Member, Officer, Population
from samordna.confirm import Removal


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def member_blockers(member: Member) -> list[str]:
    """Why `member` cannot be removed: every use of it that a removal would lose or break."""
    from samordna.budgets.models import BudgetLine
    from samordna.control.models import Auditor, Discharge
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
        (Auditor.objects.filter(appointed_by=member), "utsedd revisor", "utsedda revisorer"),
        (
            Discharge.objects.filter(member=member),
            "beslut om ansvarsfrihet",
            "beslut om ansvarsfrihet",
        ),
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
