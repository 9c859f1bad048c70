"""The budget's insats lines come from the insats register (insats × year).

A förslag takes the register's amounts when asked; a decided version never changes, so a
register changed after the decision shows as a difference against it, never as an edit.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction

from samordna.audit import bulk
from samordna.budgets.lines import add_line
from samordna.budgets.models import BudgetAmount, BudgetLine, BudgetVersion, ImmutableError
from samordna.interventions.models import Intervention, InterventionBudget


@dataclass(frozen=True)
class RegisterDifference:
    intervention: Intervention
    year: int
    budget: int | None  # öre in the version
    register: int | None  # öre in the register

    @property
    def change(self) -> int:
        return (self.register or 0) - (self.budget or 0)


def register_amounts(version: BudgetVersion) -> dict[Intervention, dict[int, int]]:
    """The register's budget per insats for the version's years."""
    budget = version.budget
    found: dict[Intervention, dict[int, int]] = defaultdict(dict)
    rows = InterventionBudget.objects.filter(
        intervention__association=budget.association, year__in=budget.years
    ).select_related("intervention")
    for row in rows:
        found[row.intervention][row.year] = row.amount
    return dict(found)


def _line_amounts(version: BudgetVersion) -> dict[Intervention, dict[int, int]]:
    found: dict[Intervention, dict[int, int]] = defaultdict(dict)
    amounts = BudgetAmount.objects.filter(
        line__version=version, line__intervention__isnull=False
    ).select_related("line__intervention")
    for amount in amounts:
        years = found[amount.line.intervention]
        years[amount.year] = years.get(amount.year, 0) + amount.amount
    for line in version.lines.filter(intervention__isnull=False).select_related("intervention"):
        found.setdefault(line.intervention, {})
    return dict(found)


def differences(version: BudgetVersion) -> list[RegisterDifference]:
    """Every insats and year where the version and the register disagree."""
    register = register_amounts(version)
    budgeted = _line_amounts(version)
    found = []
    for intervention in sorted(set(register) | set(budgeted), key=lambda i: (i.kind, i.name)):
        for year in version.budget.years:
            stated = budgeted.get(intervention, {}).get(year)
            wanted = register.get(intervention, {}).get(year)
            if (stated or 0) != (wanted or 0):
                found.append(RegisterDifference(intervention, year, stated, wanted))
    return found


@transaction.atomic
def fill_from_register(version: BudgetVersion) -> int:
    """Give a förslag one line per insats with the register's amounts; returns lines touched.

    A line already carrying the insats's name in its section is linked rather than doubled.
    """
    if version.is_locked:
        raise ImmutableError()
    touched = 0
    for intervention, years in sorted(register_amounts(version).items(), key=lambda i: i[0].name):
        line = _line_for(version, intervention) or add_line(
            version, intervention.kind, intervention.name
        )
        if line.intervention_id is None:
            line.intervention = intervention
            line.save(update_fields=["intervention"])
        BudgetAmount.objects.filter(line=line).delete()
        bulk.bulk_create(
            BudgetAmount,
            (BudgetAmount(line=line, year=year, amount=amount) for year, amount in years.items()),
        )
        touched += 1
    return touched


def _line_for(version: BudgetVersion, intervention: Intervention) -> BudgetLine | None:
    linked = version.lines.filter(intervention=intervention).first()
    if linked is not None:
        return linked
    return version.lines.filter(
        intervention__isnull=True, kind="line", label__iexact=intervention.name
    ).first()
