"""The year at a glance on a förbund's overview: what each area has to say about this year."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Case, Value, When

from samordna.associations.models import Association
from samordna.budgets import services as budgets
from samordna.budgets.projection import bands_for, projection
from samordna.core.intervention_status import STATUSES
from samordna.interventions import reports, services

RUNNING_OUT_DAYS = 90


@dataclass(frozen=True)
class BudgetGlance:
    budget: Any
    version: Any
    year: int
    totals: Any
    all_totals: Any  # every year's, for the equity projection without a second check


def budget_glance(association: Association, today: date) -> BudgetGlance | None:
    """This year's budget (the newest made), or the newest one when none starts this year:
    asked in one query."""
    this_year = Case(When(first_year=today.year, then=Value(1)), default=Value(0))
    budget = (
        association.budgets.filter(is_forecast=False, scenario_of=None)
        .alias(this_year=this_year)
        .order_by("-this_year", "-first_year", "-created_at", "-pk")
        .first()
    )
    if budget is None:
        return None
    version = budgets.current_version(budget)
    year = today.year if today.year in budget.years else budget.first_year
    totals = budgets.version_totals(version)
    return BudgetGlance(budget, version, year, totals[year], totals)


@dataclass(frozen=True)
class EquityGlance:
    year: int
    closing: int
    cap: int | None
    over_by: int


def equity_glance(glance: BudgetGlance | None) -> EquityGlance | None:
    """The glance year's closing equity against the cap, when the budget has an opening."""
    if glance is None:
        return None
    budget = glance.budget
    for year in projection(budget, glance.all_totals, glance.version, bands_for(budget)):
        if year.year == glance.year:
            return EquityGlance(year.year, year.closing, year.cap.amount, year.over_by)
    return None


@dataclass(frozen=True)
class InsatsGlance:
    by_status: list[tuple[str, int]]
    running_out: list[tuple[Any, str]]  # insats, what runs out
    missing_reports: list[tuple[Any, int]]
    to_report: list[Any]  # decisions by delegation not yet reported to the board


def insats_glance(association: Association, today: date) -> InsatsGlance:
    interventions = list(association.interventions.prefetch_related("decisions"))
    counts = Counter(i.status for i in interventions)
    by_status = [(label, counts[key]) for key, label in STATUSES.items() if counts[key]]
    running_out = [
        (intervention, text)
        for intervention in interventions
        if (text := services.warning(intervention, today) or _period_ends(intervention, today))
    ]
    to_report = association.decisions.filter(by_delegation=True, reported_at=None)
    return InsatsGlance(
        by_status, running_out, reports.missing(association, today), list(to_report)
    )


def _period_ends(intervention: Any, today: date) -> str:
    end = intervention.end
    if end is None or intervention.status not in ("beviljad", "pagaende"):
        return ""
    if 0 <= (end - today).days <= RUNNING_OUT_DAYS:
        return f"Perioden slutar {end.isoformat()}."
    return ""
