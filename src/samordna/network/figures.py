"""One förbund's year as the networks see it: the figures it publishes, small counts protected.

Every figure comes from the function the förbund's own pages use (the budget's totals, the
equity projection, the protected follow-up report and its exits by reason and sex, the
indicator rows), so a network sees nothing the förbund's board does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from samordna.associations.models import Association
from samordna.budgets import services as budgets
from samordna.budgets.models import Budget
from samordna.budgets.projection import bands_for, projection_of
from samordna.core.equity import cap
from samordna.core.followup import Matrix
from samordna.core.money import whole_kronor_ore
from samordna.core.suppression import Cell
from samordna.followup import services as followup


@dataclass(frozen=True)
class BudgetFigures:
    contributions: int | None  # öre
    costs: int | None
    individual: int | None
    administration: int | None
    equity: int | None  # closing equity of the year
    cap: int | None

    @property
    def administration_share(self) -> Fraction | None:
        if not self.costs or self.administration is None:
            return None
        return Fraction(self.administration * 100, self.costs)


NO_BUDGET = BudgetFigures(None, None, None, None, None, None)


@dataclass(frozen=True)
class IndicatorFigures:
    met: int
    measured: int  # indicators with a target and a share that may be shown
    rows: list[tuple[int, str, int | None, int | None, int | str]]


@dataclass(frozen=True)
class Figures:
    association: Association
    year: int
    budget: BudgetFigures
    participants: Cell
    cost_per_participant: int | None  # öre; None when the participants are not shown
    cost_basis: str  # "utfall" | "budget" | ""
    outcomes: Matrix
    indicators: IndicatorFigures


def budget_figures(association: Association, year: int) -> BudgetFigures:
    budget = budgets.latest_of_year(association, year)
    if budget is None or year not in budget.years:
        return NO_BUDGET
    version = budgets.current_version(budget)
    totals = budgets.version_totals(version)
    found = totals[year]
    equity = next((y for y in projection_of(budget) if y.year == year), None)
    contributions = budgets.contributions_by_year(budget, totals, version).get(year)
    return BudgetFigures(
        contributions,
        found.costs,
        found.individual,
        found.administration,
        equity.closing if equity else None,
        equity.cap.amount if equity else _cap(budget, contributions),
    )


def _cap(budget: Budget, contributions: int | None) -> int | None:
    """The cap from the year's contributions, also when the budget has no opening equity."""
    if contributions is None:
        return None
    return cap(contributions, bands_for(budget)).amount


def indicator_figures(association: Association, year: int) -> IndicatorFigures:
    if not association.indicators.exists():
        return IndicatorFigures(0, 0, [])
    rows = followup.indicator_rows(association, year)
    shown = [r for r in rows if r.fulfilment.percent is not None and r.fulfilment.target]
    met = sum(1 for r in shown if r.fulfilment.verdict == "Uppfyllt")
    table = [
        (
            r.indicator.number,
            r.indicator.text or r.indicator.get_group_display(),
            r.fulfilment.percent,
            r.fulfilment.target,
            r.fulfilment.answers_shown,
        )
        for r in rows
    ]
    return IndicatorFigures(met, len(shown), table)


def figures(association: Association, year: int) -> Figures:
    money = budget_figures(association, year)
    report = followup.report(association, year)
    per, basis = _per_participant(report, money)
    return Figures(
        association,
        year,
        money,
        report.participants,
        per,
        basis,
        followup.outcomes_by_sex(association, year),
        indicator_figures(association, year),
    )


def _per_participant(report: Any, money: BudgetFigures) -> tuple[int | None, str]:
    """The outcome's cost per participant when the books are in, else the budget's."""
    if report.cost_per_participant is not None:
        return whole_kronor_ore(report.cost_per_participant), "utfall"
    participants = report.participants
    if money.individual is None or not participants.is_shown or not participants.count:
        return None, ""
    return whole_kronor_ore(Fraction(money.individual, participants.count)), "budget"
