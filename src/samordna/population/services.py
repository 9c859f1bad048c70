"""Reading the population files into the förbund: all or nothing, every bad cell named."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from samordna.associations.models import Association, Member, Population
from samordna.core.calendar import FIRST_YEAR, LAST_YEAR, is_plausible_year
from samordna.core.findings import InputError
from samordna.core.population_files import municipality_key, read_scb, read_support
from samordna.core.table import Table
from samordna.population.models import SupportMeasure

SCB_SOURCE = "SCB, Folkmängd 31 december"
SOURCE_LENGTH = 300  # Population.source and SupportMeasure.source


@dataclass(frozen=True)
class ScbResult:
    stored: list[tuple[str, int, int]]  # member, year, count
    source: str


def import_scb(association: Association, table: Table, file_name: str) -> ScbResult:
    """Each member municipality's population for every year in the file (as of 31 December)."""
    members = {
        municipality_key(m.name): m
        for m in association.members.filter(kind=Member.Kind.MUNICIPALITY)
    }
    if not members:
        raise InputError("Förbundet har inga kommuner bland medlemmarna ännu.")
    counts = read_scb(table, set(members))
    missing = sorted(
        m.name
        for key, m in members.items()
        if key not in {municipality_key(c.name) for c in counts}
    )
    if missing:
        raise InputError(f"Filen har inga invånare för {', '.join(missing)}.")
    source = f"{SCB_SOURCE} ({file_name})"[:SOURCE_LENGTH]
    with transaction.atomic():
        for count in counts:
            Population.objects.update_or_create(
                member=members[municipality_key(count.name)],
                year=count.year,
                defaults={
                    "count": count.count,
                    "reference_date": date(count.year, 12, 31),
                    "source": source,
                },
            )
    stored = [(members[municipality_key(c.name)].name, c.year, c.count) for c in counts]
    return ScbResult(stored, source)


def import_support(
    association: Association, table: Table, file_name: str, year: int, reference_date: date
) -> SupportMeasure:
    """The förbund's row of finsam.se's file for `year`, with the national sums."""
    if not is_plausible_year(year):
        raise InputError(f"Året {year} går inte: ange ett år mellan {FIRST_YEAR} och {LAST_YEAR}.")
    found = read_support(table, association.name)
    source = f"finsam.se: {found.title or file_name} ({file_name})"[:SOURCE_LENGTH]
    measure, _created = SupportMeasure.objects.update_or_create(
        association=association,
        year=year,
        defaults={
            "support": found.support,
            "support_national": found.support_national,
            "population": found.population,
            "population_national": found.population_national,
            "reference_date": reference_date,
            "source": source,
        },
    )
    return measure
