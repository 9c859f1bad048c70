"""The delårsrapport's arithmetic: a period of the year, the budget and outcome to date per
budget line, and a forecast for the year per line (typed by the chef, or linear from the
outcome so far).

The budget to date is the line's yearly amount spread evenly over the budget's months: a
budget line has one amount per year, and no förbund in the reference plans distributes it
per month. A part-year budget (one that begins in September) spreads over its own months.
Amounts are whole öre; the budget to date and the linear forecast are rounded to whole
kronor, half away from zero, as the plans print them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from samordna.core.budget import Budget, RowKind, Section, YearTotals, year_totals
from samordna.core.calendar import MONTH_NAMES
from samordna.core.money import whole_kronor_ore
from samordna.core.outcome import fold

TERTIALS = {"T1": 4, "H1": 6, "T2": 8}  # the period's code and its last month
PERIOD_NAMES = {"T1": "tertial 1", "H1": "första halvåret", "T2": "tertial 2"}
TYPED, LINEAR, BUDGET = "typed", "linear", "budget"
SOURCE_WORDS = {TYPED: "Inskriven", LINEAR: "Linjär", BUDGET: "Enligt budget"}


class PeriodError(ValueError):
    """A period that cannot be read; the message is Swedish and says what is accepted."""


@dataclass(frozen=True)
class Period:
    """January up to and including month `through`, named by its code ("T1", "H1", "5")."""

    code: str
    through: int

    @property
    def months(self) -> str:
        """ "januari–april", or "januari" alone."""
        first, last = MONTH_NAMES[0], MONTH_NAMES[self.through - 1]
        return first if self.through == 1 else f"{first}–{last}"

    @property
    def name(self) -> str:
        """ "tertial 1 (januari–april)", or "januari–maj" for a month."""
        named = PERIOD_NAMES.get(self.code)
        return f"{named} ({self.months})" if named else self.months

    @property
    def slug(self) -> str:
        """The period in a file name or address: "t1", "h1", "m5"."""
        return self.code.lower() if self.code in TERTIALS else f"m{self.through}"


def parse_period(text: str) -> Period:
    """ "T1", "T2", "H1" (any case) or a month 1–12, as a period from January."""
    raw = str(text).strip().upper()
    if raw in TERTIALS:
        return Period(raw, TERTIALS[raw])
    digits = raw[1:] if raw.startswith("M") else raw
    if re.fullmatch("[0-9]{1,2}", digits) and 1 <= int(digits) <= 12:
        return Period(str(int(digits)), int(digits))
    raise PeriodError(
        f"”{str(text)[:20]}” är ingen period. Ange T1 (januari–april), T2 (januari–augusti), "
        "H1 (januari–juni) eller en månad 1–12 (januari till och med den månaden)."
    )


def months_in_budget(first_month: int = 1) -> int:
    """How many months the budget year has: 12, or fewer for a part year."""
    return 13 - first_month


def months_elapsed(through: int, first_month: int = 1) -> int:
    """The budget's months up to and including `through` (0 before a part year begins)."""
    return max(0, through - first_month + 1)


def budget_to_date(yearly: int, through: int, first_month: int = 1) -> int:
    """The year's budget × the months elapsed / the budget's months, in whole kronor."""
    elapsed = months_elapsed(through, first_month)
    return whole_kronor_ore(Fraction(yearly * elapsed, months_in_budget(first_month)))


def linear_forecast(outcome: int, through: int, first_month: int = 1) -> int | None:
    """The outcome so far carried on at the same pace to the year's end, in whole kronor;
    None when no month of the budget has passed (there is no pace yet)."""
    elapsed = months_elapsed(through, first_month)
    if elapsed == 0:
        return None
    return whole_kronor_ore(Fraction(outcome * months_in_budget(first_month), elapsed))


LineKey = tuple[str, str]  # section code, label


@dataclass(frozen=True)
class InterimLine:
    section: Section
    label: str
    budget_year: int
    budget_to_date: int
    outcome_to_date: int
    forecast: int
    source: str  # typed | linear | budget

    @property
    def deviation_to_date(self) -> int:
        """Outcome minus budget to date (above zero: more than budgeted so far)."""
        return self.outcome_to_date - self.budget_to_date

    @property
    def forecast_deviation(self) -> int:
        """Forecast minus the year's budget."""
        return self.forecast - self.budget_year


def outcome_to_date(months: Mapping[int, int], through: int) -> int:
    return sum(amount for month, amount in months.items() if month <= through)


def interim_lines(
    budget: Budget | None,
    year: int,
    actuals: Mapping[LineKey, Mapping[int, int]],
    through: int,
    typed: Mapping[LineKey, int] | None = None,
    first_month: int = 1,
) -> list[InterimLine]:
    """Every budget line of `year`, then the lines with outcome but no budget, each with its
    budget and outcome to date and its forecast: the typed one when there is one, else linear.

    Lines are matched by section and folded label, as the outcome table matches them."""
    by_key = {(s, fold(label)): months for (s, label), months in actuals.items()}
    chosen = {(s, fold(label)): amount for (s, label), amount in (typed or {}).items()}
    planned = _planned(budget, year)
    keys = {(s.value, fold(label)) for s, label, _ in planned}
    unplanned = [(Section(s), label, 0) for (s, label) in actuals if (s, fold(label)) not in keys]
    lines = []
    for section, label, yearly in [*planned, *unplanned]:
        key = (section.value, fold(label))
        outcome = outcome_to_date(by_key.get(key, {}), through)
        forecast, source = _forecast(chosen.get(key), yearly, outcome, through, first_month)
        to_date = budget_to_date(yearly, through, first_month)
        lines.append(InterimLine(section, label, yearly, to_date, outcome, forecast, source))
    order = list(Section)
    return sorted(lines, key=lambda line: order.index(line.section))


def _planned(budget: Budget | None, year: int) -> list[tuple[Section, str, int]]:
    if budget is None:
        return []
    return [
        (row.section, row.label, row.amount(year) or 0)
        for row in budget.rows
        if row.kind is RowKind.LINE and row.section is not None
    ]


def _forecast(
    typed: int | None, yearly: int, outcome: int, through: int, first_month: int
) -> tuple[int, str]:
    if typed is not None:
        return typed, TYPED
    linear = linear_forecast(outcome, through, first_month)
    return (yearly, BUDGET) if linear is None else (linear, LINEAR)


def totals(lines: Iterable[InterimLine], column: str) -> YearTotals:
    """One column's sums per section, as a `YearTotals` (årets resultat, budgetbalans)."""
    sums = {section: 0 for section in Section}
    for line in lines:
        sums[line.section] += getattr(line, column)
    return year_totals(sums)


def missing_months(with_books: Iterable[int], through: int, first_month: int = 1) -> list[int]:
    """The budget's months up to `through` that have no amount in the books."""
    booked = set(with_books)
    return [m for m in range(first_month, through + 1) if m not in booked]
