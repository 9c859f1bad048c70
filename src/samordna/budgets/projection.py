"""Equity and financial goals of a budget, computed from its current version: the projection
against the cap, the member contributions per year and the goals' fulfilment per year."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from samordna.budgets import services
from samordna.budgets.financial_goals import goals_for
from samordna.budgets.models import Budget
from samordna.core import equity, goals


def bands_for(budget: Budget) -> list[equity.Band]:
    """The parameter file's confirmed bands, then the bands the förbund entered with a source."""
    defaults = equity.default_bands(services.first_day(budget))
    entered = [
        equity.Band(b.up_to, Fraction(str(b.percent)), True, b.source)
        for b in budget.association.equity_bands.all()
    ]
    return [b for b in defaults if b.confirmed] + entered if entered else defaults


def projection_of(budget: Budget) -> list[equity.EquityYear]:
    """The equity projection of the budget's current version (empty without opening equity)."""
    version = services.current_version(budget)
    totals = services.version_totals(version)
    return projection(budget, totals, version, bands_for(budget))


def goal_rows(budget: Budget) -> list[Any]:
    """The financial goals per year of the budget's current version (with the year's outcome)."""
    totals = services.version_totals(services.current_version(budget))
    return goal_rows_of(budget, totals, projection_of(budget))


def projection(budget: Budget, totals: Any, version: Any, bands: Any) -> list[equity.EquityYear]:
    if budget.opening_equity is None:
        return []
    results = {year: totals[year].result for year in budget.years}
    contributions = services.contributions_by_year(budget, totals, version)
    return equity.project(budget.opening_equity, results, contributions, bands)


def goal_rows_of(budget: Budget, totals: Any, years: list[equity.EquityYear]) -> list[Any]:
    by_year = {y.year: y for y in years}
    rows = []
    for goal in goals_for(budget.association, budget.first_year):
        cells = []
        for year in budget.years:
            projected = by_year.get(year)
            closing = projected.closing if projected else None
            cap = projected.cap.amount if projected else None
            cells.append(goals.evaluate(goal, totals[year], closing, cap))
        rows.append((goals.describe(goal), cells, _outcome_fulfilment(budget, goal)))
    return rows


def _outcome_fulfilment(budget: Budget, goal: goals.Goal) -> goals.Fulfilment | None:
    forecast = services.latest_of_year(budget.association, budget.first_year, forecast=True)
    if forecast is None:
        return None
    totals = services.version_totals(services.current_version(forecast))
    return goals.evaluate(goal, totals[budget.first_year])
