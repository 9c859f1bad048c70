"""The annual insats report: budget against outcome, volume, goals and the board's texts.

A report is missing for every finished year in which a granted insats had a budget.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from samordna.actuals import services as actuals
from samordna.actuals.services import LineKey
from samordna.associations.models import Association
from samordna.interventions.models import AnnualReport, Intervention, InterventionBudget

RUNNING = ("beviljad", "pagaende", "avslutad", "implementerad", "ej_implementerad")


@dataclass(frozen=True)
class ReportFigures:
    year: int
    budget: int | None  # öre
    outcome: int | None  # öre from the mapped accounts; None when the year has no outcome
    activities: list[Any]

    @property
    def difference(self) -> int | None:
        if self.budget is None or self.outcome is None:
            return None
        return self.budget - self.outcome


def figures(intervention: Intervention, year: int) -> ReportFigures:
    budget = intervention.budget_years.filter(year=year).first()
    return ReportFigures(
        year,
        budget.amount if budget else None,
        outcome(intervention, year),
        list(intervention.activities.filter(year=year).select_related("member")),
    )


def outcome(intervention: Intervention, year: int) -> int | None:
    """The year's outcome of the budget line carrying the insats's name, in öre."""
    return outcome_in(actuals.actuals_by_line(intervention.association, year), intervention)


def outcome_in(by_line: dict[LineKey, dict[int, int]], intervention: Intervention) -> int | None:
    """The outcome of the insats's line in the year's `actuals_by_line` (None when it is empty)."""
    if not by_line:
        return None
    months = by_line.get((intervention.kind, intervention.name))
    return sum(months.values()) if months else 0


def is_written(report: AnnualReport | None) -> bool:
    return report is not None and bool(report.how_it_went.strip())


def missing(association: Association, today: date) -> list[tuple[Intervention, int]]:
    """(insats, year) for each finished year of a granted insats without a written report."""
    written = {
        (r.intervention_id, r.year)
        for r in AnnualReport.objects.filter(intervention__association=association)
        if is_written(r)
    }
    rows = InterventionBudget.objects.filter(
        intervention__association=association,
        intervention__status__in=RUNNING,
        year__lt=today.year,
    ).select_related("intervention")
    found = [
        (row.intervention, row.year)
        for row in rows
        if (row.intervention_id, row.year) not in written
    ]
    return sorted(found, key=lambda pair: (pair[1], pair[0].name))
