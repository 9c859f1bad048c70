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
    """The year's outcome of the budget lines linked to the insats, in öre."""
    by_line = actuals.actuals_by_line(intervention.association, year)
    return outcome_in(by_line, line_keys([intervention]).get(intervention.pk, set()))


def line_keys(interventions: list[Intervention]) -> dict[int, set[LineKey]]:
    """The budget lines (section, label) linked to each insats, in one query: the accounts
    mapped to those lines carry its outcome. The link is chosen on the budget, not a name."""
    found: dict[int, set[LineKey]] = {i.pk: set() for i in interventions}
    rows = Intervention.objects.filter(pk__in=found, budget_lines__isnull=False).values_list(
        "pk", "budget_lines__section", "budget_lines__label"
    )
    for pk, section, label in rows:
        found[pk].add((section, label))
    return found


def outcome_in(by_line: dict[LineKey, dict[int, int]], keys: set[LineKey]) -> int | None:
    """The outcome of the insats's lines in the year's `actuals_by_line` (None when it is
    empty)."""
    if not by_line:
        return None
    return sum(sum(by_line.get(key, {}).values()) for key in keys)


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
