"""The year's outcome beside the plan: the four-column table plans print, and a forecast.

Seed 004 prints, per line: the plan for this year (VP), the forecast or outcome for
this year, the budget for next year and the plan for the year after. The columns
come from different budgets whose labels differ in small ways ("Lokalhyra" and
"Lokal hyra"), so lines are matched by section and a folded label.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from samordna.core.budget import (
    SECTION_LABELS,
    Budget,
    BudgetRow,
    RowKind,
    Section,
    YearTotals,
    totals,
)
from samordna.core.budget_print import names_section

_FOLD = re.compile(r"[^a-z0-9åäöéü]+")


def fold(label: str) -> str:
    """A label reduced to what matters for matching: "Lokal hyra" -> "lokalhyra"."""
    return _FOLD.sub("", label.casefold())


@dataclass(frozen=True)
class Column:
    """One column of the table: a heading, a budget and the year taken from it."""

    heading: str
    budget: Budget | None
    year: int


@dataclass
class OutcomeRow:
    section: Section
    label: str
    amounts: list[int | None] = field(default_factory=list)

    @property
    def section_label(self) -> str:
        return SECTION_LABELS[self.section]

    @property
    def names_section(self) -> bool:
        """The line carries its section's name: no heading of the same words above it."""
        return names_section(self.section, self.label)


@dataclass(frozen=True)
class OutcomeTable:
    headings: list[str]
    rows: list[OutcomeRow]
    totals: list[YearTotals | None]


def outcome_table(columns: Sequence[Column]) -> OutcomeTable:
    """Lines of every column matched by (section, folded label), in the order they first appear.

    The later columns lead the order (the budget being presented), then lines only
    found in earlier columns. Stated rows are left out: the table's sums are computed.
    """
    order: dict[tuple[Section, str], OutcomeRow] = {}
    for column in reversed(columns):
        for line in _lines(column.budget):
            assert line.section is not None
            key = (line.section, fold(line.label))
            order.setdefault(key, OutcomeRow(line.section, line.label))
    rows = sorted(order.values(), key=lambda r: list(Section).index(r.section))
    for row in rows:
        row.amounts = [_amount(column, row) for column in columns]
    return OutcomeTable([c.heading for c in columns], rows, [_totals(c) for c in columns])


def _lines(budget: Budget | None) -> list[BudgetRow]:
    if budget is None:
        return []
    return [row for row in budget.rows if row.kind is RowKind.LINE]


def _amount(column: Column, row: OutcomeRow) -> int | None:
    for line in _lines(column.budget):
        if line.section is row.section and fold(line.label) == fold(row.label):
            return line.amount(column.year)
    return None


def _totals(column: Column) -> YearTotals | None:
    if column.budget is None or column.year not in column.budget.years:
        return None
    return totals(column.budget).get(column.year)


def deviation(budgeted: int | None, actual: int | None) -> int | None:
    """Outcome minus budget (above zero: more than budgeted); None when either is missing."""
    if budgeted is None or actual is None:
        return None
    return actual - budgeted


def forecast_line(budgeted: int, actual_by_month: Mapping[int, int], through_month: int) -> int:
    """Forecast for the whole year: the outcome through `through_month` and the budget for the
    months left, pro rata (a twelfth a month), rounded to whole kronor."""
    outcome = sum(amount for month, amount in actual_by_month.items() if month <= through_month)
    rest = Fraction(budgeted * (12 - through_month), 12)
    return outcome + round(rest / 100) * 100


def forecast_budget(
    plan: Budget | None,
    year: int,
    actuals: Mapping[tuple[str, str], Mapping[int, int]],
    through_month: int,
) -> Budget:
    """A one-year budget of forecasts: each planned line's outcome so far plus the plan for the
    months left, and lines with outcome but no plan at their outcome."""
    by_key = {(section, fold(label)): months for (section, label), months in actuals.items()}
    rows = []
    seen = set()
    for line in _lines(plan):
        assert line.section is not None
        key = (line.section.value, fold(line.label))
        seen.add(key)
        planned = line.amount(year) or 0
        amount = forecast_line(planned, by_key.get(key, {}), through_month)
        rows.append(BudgetRow(RowKind.LINE, line.label, {year: amount}, line.section))
    for (section, label), months in actuals.items():
        if (section, fold(label)) not in seen:
            total = sum(months.values())
            rows.append(BudgetRow(RowKind.LINE, label, {year: total}, Section(section)))
    return Budget((year,), tuple(rows), "kr")
