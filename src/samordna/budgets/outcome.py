"""The outcome table's columns: the plan and forecast (or outcome) of the year before, the
budget and its first plan year, read from the stored budgets and the bookkeeping."""

from __future__ import annotations

from typing import Any

from samordna.actuals import services as actuals
from samordna.associations.models import Association
from samordna.budgets import services
from samordna.budgets.models import Budget
from samordna.core.calendar import MONTHS
from samordna.core.outcome import Column, forecast_budget


def outcome_columns(association: Association, year: int) -> list[Column]:
    """The plan and forecast (or outcome) of the year before, the budget and its first plan year."""

    def version_of(budget: Budget | None) -> Any:
        return services.to_core(services.current_version(budget)) if budget else None

    plan = version_of(services.latest_of_year(association, year - 1))
    forecast = version_of(services.latest_of_year(association, year - 1, forecast=True))
    budget = version_of(services.latest_of_year(association, year))
    heading = f"Prognos/utfall {year - 1}"
    through = actuals.last_month(association, year - 1)
    if forecast is None and through:
        by_line = actuals.actuals_by_line(association, year - 1)
        forecast = forecast_budget(plan, year - 1, by_line, through)
        heading = (
            f"Utfall {year - 1}"
            if through == 12
            else f"Prognos {year - 1} (utfall jan–{MONTHS[through - 1]})"
        )
    return [
        Column(f"VP {year - 1}", plan, year - 1),
        Column(heading, forecast, year - 1),
        Column(f"Budget {year}", budget, year),
        Column(f"Plan {year + 1}", budget, year + 1),
    ]
