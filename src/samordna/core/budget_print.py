"""The budget as it is printed: the plan's own rows with computed figures, and the bottom line.

Every surface that shows a budget table (the budget page, the plan's PDF, Word and
Excel) prints these rows, so one budget has one set of figures everywhere:

- lines as written, under a heading where a section starts;
- a budget typed in the app states no sums, so a computed sum follows each run of
  lines of one section;
- a sum or result the plan states is printed with the computed figure; where the
  stated one differs, the row carries the finding (stated and computed) so the page
  and the document's preview can show it beside the row;
- every budget ends with its bottom line, computed: total income, equity drawn,
  total costs, the financial items (net, when there are any), *årets resultat* and
  *budgetbalans*. A total the plan states itself
  (Summa intäkter, Summa kostnader) is not printed twice, and neither is a total of the
  bottom line as a section's sum above it; a line named as its section opens it without
  a heading of the same words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from samordna.core.budget import (
    SECTION_LABELS,
    Budget,
    BudgetRow,
    RowKind,
    Section,
    Step,
    YearTotals,
    summarize,
)
from samordna.core.budget_check import BudgetCheck
from samordna.core.money import format_amount

BOTTOM_HEADING = "Summering"
RESULT_LABEL = "Årets resultat (intäkter − kostnader)"
BALANCE_LABEL = "Budgetbalans (intäkter + eget kapital − kostnader)"
FINANCIAL_LABEL = "Finansiella poster, netto"
FINANCIAL_RESULT = "Årets resultat (intäkter − kostnader ± finansiella poster)"
FINANCIAL_BALANCE = "Budgetbalans (intäkter + eget kapital − kostnader ± finansiella poster)"


@dataclass
class DisplayRow:
    label: str
    kind: str  # line | heading | sum | income_sum | cost_sum | result | computed | total
    amounts: list[int | None]
    section: str = ""
    findings: list[str] = field(default_factory=list)  # "2015: angivet …, beräknat …"
    note: str = ""  # the row's own note, all years
    notes: list[str] = field(default_factory=list)  # a note per amount ("" for none)

    def dated_notes(self, years: tuple[int, ...] | list[int]) -> list[str]:
        """The amounts' notes with their years, for a page: "2026: Preliminär minskning"."""
        return [f"{y}: {n}" for y, n in zip(years, self.notes, strict=False) if n]


def display_rows(budget: Budget) -> list[DisplayRow]:
    """The rows as the plan prints them, stated figures replaced by computed ones, and the
    computed bottom line at the end."""
    summary = summarize(budget)
    steps = {id(step.row): step for step in summary.steps}
    rows = _body(budget, steps)
    return rows + bottom_line(budget, summary.totals) if budget.rows else rows


def _body(budget: Budget, steps: dict[int, Step]) -> list[DisplayRow]:
    rows: list[DisplayRow] = []
    has_stated = any(row.kind is not RowKind.LINE for row in budget.rows)
    run: list[BudgetRow] = []
    previous: Section | None = None
    for row in budget.rows:
        if not has_stated and run and row.section != run[-1].section:
            rows += _computed_sum(run, budget.years)
            run = []
        if row.section and row.section != previous and not names_its_section(row):
            rows.append(_heading(SECTION_LABELS[row.section], len(budget.years), row.section))
        previous = row.section or previous
        if row.kind is RowKind.LINE:
            run.append(row)
            rows.append(_line(row, budget.years))
        else:
            rows.append(_stated(steps[id(row)], budget.years))
    if not has_stated and run:
        rows += _computed_sum(run, budget.years)
    return rows


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def names_its_section(row: BudgetRow) -> bool:
    """True for a line that carries its section's own name ("Ianspråktaget eget kapital"): it
    opens the section itself, so a heading of the same words above it would say it twice."""
    return row.section is not None and names_section(row.section, row.label)


def names_section(section: Section, label: str) -> bool:
    """True when `label` is the section's heading in other case or spacing."""
    return _folded(label) == _folded(SECTION_LABELS[section])


def _line(row: BudgetRow, years: tuple[int, ...]) -> DisplayRow:
    amounts = [row.amount(year) for year in years]
    shown = DisplayRow(row.label, row.kind.value, amounts, row.section or "")
    return _with_notes(shown, row, years)


def _with_notes(shown: DisplayRow, row: BudgetRow, years: tuple[int, ...]) -> DisplayRow:
    shown.note = row.note
    shown.notes = [row.notes.get(year, "") for year in years]
    return shown


def _heading(label: str, years: int, section: Section | None = None) -> DisplayRow:
    return DisplayRow(label, "heading", [None] * years, section.value if section else "")


# Sections whose total the bottom line prints under its own name: a sum of their run would
# print the same figure twice ("Summa intäkter" above and in Summering).
IN_BOTTOM_LINE = frozenset({Section.INCOME, Section.EQUITY, Section.FINANCIAL})


def _computed_sum(run: list[BudgetRow], years: tuple[int, ...]) -> list[DisplayRow]:
    """The sum under a run of cost lines typed in the app (none for income, equity drawn and
    financial items: the bottom line prints their totals)."""
    section = run[-1].section
    assert section is not None
    if section in IN_BOTTOM_LINE:
        return []
    amounts: list[int | None] = [sum(row.amount(year) or 0 for row in run) for year in years]
    label = f"Summa {SECTION_LABELS[section].lower()}"
    return [DisplayRow(label, "computed", amounts, section.value)]


def _stated(step: Step, years: tuple[int, ...]) -> DisplayRow:
    amounts = [printed_figure(step, year) for year in years]
    notes = [
        _note(year, stated, printed)
        for year, printed in zip(years, amounts, strict=True)
        if (stated := step.row.amount(year)) is not None and printed != stated
    ]
    shown = DisplayRow(step.row.label, step.row.kind.value, amounts, findings=notes)
    return _with_notes(shown, step.row, years)


def printed_figure(step: Step, year: int) -> int | None:
    """The figure a stated row prints for `year`: computed, except a lump (the plan's own
    figure for a year given in one amount) and a sum with no lines to add up."""
    stated = step.row.amount(year)
    if step.row.kind is RowKind.RESULT:
        return _result_figure(step.above[year], stated)
    if step.is_lump(year) or not step.summed:
        return stated
    if stated is None and all(row.amount(year) is None for row in step.summed):
        return None
    return step.computed(year)


def _result_figure(totals: YearTotals, stated: int | None) -> int | None:
    """The convention the plan's result row follows: the stated figure when it matches one,
    else the nearer one (the check reports the difference)."""
    if stated is None:
        return None
    return min((totals.balance, totals.result), key=lambda value: abs(value - stated))


def bottom_line(budget: Budget, totals: dict[int, YearTotals]) -> list[DisplayRow]:
    """Total income, equity drawn, total costs, financial items, årets resultat and
    budgetbalans, computed."""
    years = budget.years
    stated = {row.kind for row in budget.rows}
    per_year = [totals[year] for year in years]
    rows = [_heading(BOTTOM_HEADING, len(years))]
    if RowKind.INCOME_SUM not in stated:
        rows.append(DisplayRow("Summa intäkter", "total", [t.income for t in per_year]))
    if any(t.equity_drawn for t in per_year):
        label = SECTION_LABELS[Section.EQUITY]
        rows.append(DisplayRow(label, "total", [t.equity_drawn for t in per_year]))
    if RowKind.COST_SUM not in stated:
        rows.append(DisplayRow("Summa kostnader", "total", [t.costs for t in per_year]))
    financial = has_financial(per_year)
    if financial:
        rows.append(DisplayRow(FINANCIAL_LABEL, "total", [t.financial for t in per_year]))
    result, balance = (
        (FINANCIAL_RESULT, FINANCIAL_BALANCE) if financial else (RESULT_LABEL, BALANCE_LABEL)
    )
    rows.append(DisplayRow(result, "result", [t.result for t in per_year]))
    rows.append(DisplayRow(balance, "result", [t.balance for t in per_year]))
    return rows


def has_financial(totals: Iterable[YearTotals | None]) -> bool:
    """Whether a table of these totals prints a row of financial items: only where a year has
    such items, never a row of 0 kr (the budget page, the plan, the outcome, the interim)."""
    return any(t is not None and t.financial for t in totals)


def _note(year: int, stated: int, computed: int | None) -> str:
    shown = format_amount(computed or 0, "kr")
    return f"{year}: angivet {format_amount(stated, 'kr')}, beräknat {shown}"


def error_summary(budget: Budget, check: BudgetCheck) -> list[str]:
    """Each error of the check in plain words for a document's preview: the row by its label,
    the year, the stated and the computed figure."""
    labels = {row.number: row.label for row in budget.rows if row.number is not None}
    lines = []
    for finding in check.of("error"):
        label = labels.get(finding.row or 0, "")
        where = f"{label} (rad {finding.row})" if label else f"rad {finding.row}"
        lines.append(f"{where}, {finding.year}: {finding.message}")
    return lines
