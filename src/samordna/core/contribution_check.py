"""Whether a budget knows its member contributions: the equity cap is a share of them.

The contributions of a year come from the saved allocation, the members' own income lines or
the income lines marked as the members' contributions together. A budget with income but no
contributions in a year cannot have its cap computed; this says so, with the way to fix it,
instead of letting the cap become 0 kr without a word.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from samordna.core.budget import YearTotals
from samordna.core.findings import Finding

CODE = "no_contributions"
MARKED = "Räknas som medlemsbidrag"
NONE_MARKED = "Ingen rad är markerad som medlemsbidrag – taket för eget kapital kan inte räknas."
FIX = (
    f"Redigera budgeten och kryssa i ”{MARKED}” på raden med medlemmarnas bidrag, eller spara "
    "årets fördelning under Medlemsbidrag."
)


def years_without_contributions(
    totals: Mapping[int, YearTotals], contributions: Mapping[int, int]
) -> list[int]:
    """The years that have income but no member contributions, in order."""
    return [year for year in sorted(totals) if totals[year].income and not contributions.get(year)]


def contribution_findings(
    totals: Mapping[int, YearTotals], contributions: Mapping[int, int], marked: bool
) -> list[Finding]:
    """One warning when a year has income but no member contributions: none is marked at all
    (`marked` False), or the marked lines are empty that year."""
    years = years_without_contributions(totals, contributions)
    if not years:
        return []
    return [Finding("warning", CODE, f"{_problem(years, marked)} {FIX}", year=_year(years))]


def _problem(years: Sequence[int], marked: bool) -> str:
    if not marked:
        return NONE_MARKED
    listed = ", ".join(str(year) for year in years)
    return (
        f"Medlemsbidragen är 0 kr {listed} – taket för eget kapital kan inte räknas för "
        f"{_those(years)}."
    )


def _those(years: Sequence[int]) -> str:
    return "det året" if len(years) == 1 else "de åren"


def _year(years: Sequence[int]) -> int | None:
    return years[0] if len(years) == 1 else None
