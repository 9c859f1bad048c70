"""The budget as plain values: sections, lines, stated sums and totals per year.

A budget is its rows in the order a plan writes them: lines with an amount per
year in one of six sections, and rows that state a figure the lines should give
(`Summa`, `Summa intäkter`, `Summa kostnader`, `Resultat`). Amounts are whole öre;
a year with no amount on a row is simply missing from that row's `amounts`.

`summarize` reads the rows top to bottom the way the check does: each stated row
with the lines it sums and the totals of everything above it. A `Summa` row over
lines that are all empty for a year states that year as a lump (a plan year
given in one figure), and the lump counts in its section's totals.

Two result conventions exist in real plans, and both are kept, named:
*årets resultat* = income − costs (equity drawn is not income) and
*budgetbalans* = income + equity drawn − costs. Financial items (interest, bank
charges) are a section of their own, one signed amount per line (income positive,
a cost negative), counted in both after the costs, as a resultaträkning does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Section(StrEnum):
    INCOME = "income"
    EQUITY = "equity"
    INDIVIDUAL = "individual"
    STRUCTURAL = "structural"
    ADMINISTRATION = "administration"
    FINANCIAL = "financial"  # interest and bank charges: income positive, a cost negative


SECTION_LABELS = {
    Section.INCOME: "Intäkter",
    Section.EQUITY: "Ianspråktaget eget kapital",
    Section.INDIVIDUAL: "Individinriktade insatser",
    Section.STRUCTURAL: "Strukturinriktade insatser",
    Section.ADMINISTRATION: "Administration",
    Section.FINANCIAL: "Finansiella intäkter och kostnader",
}
SECTION_VALUES = [section.value for section in Section]  # the stored codes, in the plan's order
# A section as a form's choice and the account mapping name it: the heading's label, except
# that the administration says it is the kansli.
CHOICE_LABELS = SECTION_LABELS | {Section.ADMINISTRATION: "Administration (kansli)"}
SECTION_CHOICES = [(section.value, CHOICE_LABELS[section]) for section in Section]
INCOME_SECTIONS = frozenset({Section.INCOME, Section.EQUITY})
COST_SECTIONS = frozenset({Section.INDIVIDUAL, Section.STRUCTURAL, Section.ADMINISTRATION})


class RowKind(StrEnum):
    LINE = "line"  # an amount per year in a section
    SUM = "sum"  # "Summa": every line since the previous Summa row
    INCOME_SUM = "income_sum"  # "Summa intäkter": every income and equity line above
    COST_SUM = "cost_sum"  # "Summa kostnader": every cost line above
    RESULT = "result"  # "Resultat": årets resultat or budgetbalans


STATED_SUMS = frozenset({RowKind.SUM, RowKind.INCOME_SUM, RowKind.COST_SUM})


@dataclass(frozen=True)
class BudgetRow:
    kind: RowKind
    label: str = ""
    amounts: Mapping[int, int] = field(default_factory=dict)  # öre per year; missing = empty
    section: Section | None = None  # only for lines
    number: int | None = None  # the row in the file or on the page (header = 1)
    contribution: bool = False  # an income line holding the members' contributions
    note: str = ""  # a note on the row, all years ("Preliminär minskning 10 %")
    notes: Mapping[int, str] = field(default_factory=dict)  # a note on one year's amount

    def __post_init__(self) -> None:
        if (self.kind is RowKind.LINE) != (self.section is not None):
            raise ValueError("a line needs a section, and only a line has one")
        if self.contribution and self.section is not Section.INCOME:
            raise ValueError("only an income line holds member contributions")

    def amount(self, year: int) -> int | None:
        """The amount for `year` in öre, or None when the cell is empty."""
        return self.amounts.get(year)


def line(
    section: Section, label: str, amounts: Mapping[int, int], number: int | None = None
) -> BudgetRow:
    """A budget line: `amounts` in öre per year."""
    return BudgetRow(RowKind.LINE, label, dict(amounts), section, number)


def stated(
    kind: RowKind, label: str, amounts: Mapping[int, int], number: int | None = None
) -> BudgetRow:
    """A row that states a sum or a result: `amounts` in öre per year."""
    return BudgetRow(kind, label, dict(amounts), None, number)


@dataclass(frozen=True)
class Budget:
    years: tuple[int, ...]
    rows: tuple[BudgetRow, ...]
    unit: str = "kr"  # the unit the amounts were written in; they are held in öre
    first_month: int = 1  # the month the first year begins (9: a förbund formed in September)


@dataclass(frozen=True)
class YearTotals:
    """What one year's lines (and lumps) add up to, in öre."""

    income: int = 0
    equity_drawn: int = 0
    individual: int = 0
    structural: int = 0
    administration: int = 0
    financial: int = 0  # net financial items: interest income less bank charges
    lumped: frozenset[Section] = frozenset()  # sections given as a lump this year

    @property
    def costs(self) -> int:
        return self.individual + self.structural + self.administration

    @property
    def result(self) -> int:
        """Årets resultat: income − costs ± financial items; equity drawn is not income."""
        return self.income - self.costs + self.financial

    @property
    def balance(self) -> int:
        """Budgetbalans: income + equity drawn − costs ± financial items."""
        return self.income + self.equity_drawn - self.costs + self.financial

    def of(self, sections: Iterable[Section]) -> int:
        """The sum of `sections`."""
        return sum(getattr(self, _FIELDS[section]) for section in sections)


_FIELDS = {
    Section.INCOME: "income",
    Section.EQUITY: "equity_drawn",
    Section.INDIVIDUAL: "individual",
    Section.STRUCTURAL: "structural",
    Section.ADMINISTRATION: "administration",
    Section.FINANCIAL: "financial",
}


@dataclass(frozen=True)
class Step:
    """A stated row as the check reads it."""

    row: BudgetRow
    summed: tuple[BudgetRow, ...]  # the lines the row sums (none for a result)
    above: Mapping[int, YearTotals]  # totals of every row above it, lumps included

    def sections(self) -> frozenset[Section]:
        return frozenset(row.section for row in self.summed if row.section)

    def is_lump(self, year: int) -> bool:
        """True when the row states `year` but the lines it sums are all empty."""
        if self.row.kind not in STATED_SUMS or self.row.amount(year) is None or not self.summed:
            return False
        if any(row.amount(year) is not None for row in self.summed):
            return False
        return self.row.kind is RowKind.SUM or not self.above[year].lumped & self.sections()

    def lump_section(self) -> Section | None:
        """The one section a lump belongs to, or None when the lines are of several."""
        sections = self.sections()
        return next(iter(sections)) if len(sections) == 1 else None

    def computed(self, year: int) -> int:
        """What the lines the row sums add up to in `year`."""
        if self.row.kind is RowKind.INCOME_SUM:
            return self.above[year].of(INCOME_SECTIONS)
        if self.row.kind is RowKind.COST_SUM:
            return self.above[year].costs
        return sum(row.amounts.get(year, 0) for row in self.summed)


@dataclass(frozen=True)
class Summary:
    steps: tuple[Step, ...]
    totals: dict[int, YearTotals]


def summarize(budget: Budget) -> Summary:
    """Read the budget top to bottom: every stated row as a Step, and the totals per year."""
    running = _Running(budget.years)
    steps = []
    start = 0
    for index, row in enumerate(budget.rows):
        if row.kind is RowKind.LINE:
            running.add_line(row)
            continue
        step = Step(row, _summed(budget.rows, start, index), running.snapshot())
        running.add_lumps(step)
        steps.append(step)
        start = index + 1 if row.kind is RowKind.SUM else start
    return Summary(tuple(steps), running.snapshot())


def totals(budget: Budget) -> dict[int, YearTotals]:
    """Income, equity drawn and costs per year, lumps included."""
    return summarize(budget).totals


def _summed(rows: tuple[BudgetRow, ...], start: int, index: int) -> tuple[BudgetRow, ...]:
    kind = rows[index].kind
    if kind is RowKind.SUM:
        return tuple(row for row in rows[start:index] if row.kind is RowKind.LINE)
    wanted = {RowKind.INCOME_SUM: INCOME_SECTIONS, RowKind.COST_SUM: COST_SECTIONS}.get(kind)
    if wanted is None:
        return ()
    return tuple(row for row in rows[:index] if row.section in wanted)


class _Running:
    """Totals so far, per year and section."""

    def __init__(self, years: Iterable[int]) -> None:
        self.sums = {year: dict.fromkeys(Section, 0) for year in years}
        self.lumped: dict[int, set[Section]] = {year: set() for year in self.sums}

    def add_line(self, row: BudgetRow) -> None:
        section, sums = row.section, self.sums
        assert section is not None
        for year, amount in row.amounts.items():
            if year in sums:
                sums[year][section] += amount

    def add_lumps(self, step: Step) -> None:
        section = step.lump_section()
        for year in self.sums:
            if section is not None and step.is_lump(year):
                self.sums[year][section] += step.row.amount(year) or 0
                self.lumped[year].add(section)

    def snapshot(self) -> dict[int, YearTotals]:
        return {year: self._totals(year) for year in self.sums}

    def _totals(self, year: int) -> YearTotals:
        return year_totals(self.sums[year], frozenset(self.lumped[year]))


def year_totals(
    sums: Mapping[Section, int], lumped: frozenset[Section] = frozenset()
) -> YearTotals:
    """One year's totals from its sum per section."""
    return YearTotals(
        income=sums[Section.INCOME],
        equity_drawn=sums[Section.EQUITY],
        individual=sums[Section.INDIVIDUAL],
        structural=sums[Section.STRUCTURAL],
        administration=sums[Section.ADMINISTRATION],
        financial=sums[Section.FINANCIAL],
        lumped=lumped,
    )
