"""The year at a glance on a förbund's overview: what each area has to say about this year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from samordna.associations.models import Association
from samordna.budgets import services as budgets


@dataclass(frozen=True)
class BudgetGlance:
    budget: Any
    version: Any
    year: int
    totals: Any


def budget_glance(association: Association, today: date) -> BudgetGlance | None:
    """This year's budget, or the newest one when none starts this year."""
    budget = budgets.latest_of_year(association, today.year) or (
        association.budgets.filter(is_forecast=False, scenario_of=None)
        .order_by("-first_year")
        .first()
    )
    if budget is None:
        return None
    version = budgets.current_version(budget)
    year = today.year if today.year in budget.years else budget.first_year
    totals = budgets.check_version(version).totals[year]
    return BudgetGlance(budget, version, year, totals)
