"""The budget as a table on a page: rows for display, and the edit grid read back from a POST.

Display rows follow the plan's own order. A budget typed in the app has no stated
sums, so the page adds a computed sum under each run of lines of one section,
the way the plans print them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from samordna.budgets.models import BudgetLine, BudgetVersion
from samordna.core import budget as core
from samordna.core.money import MoneyError, parse_amount


@dataclass
class DisplayRow:
    label: str
    kind: str  # line | sum | income_sum | cost_sum | result | computed
    amounts: list[int | None]
    section: str = ""
    findings: list[str] = field(default_factory=list)


def display_rows(budget: core.Budget) -> list[DisplayRow]:
    """The rows as the plan prints them: a heading where a section starts, and a computed
    section sum under each run of lines where the plan states none."""
    rows: list[DisplayRow] = []
    has_stated = any(row.kind is not core.RowKind.LINE for row in budget.rows)
    run: list[core.BudgetRow] = []
    previous: core.Section | None = None
    for row in budget.rows:
        if not has_stated and run and row.section != run[-1].section:
            rows.append(_computed_sum(run, budget.years))
            run = []
        if row.section and row.section != previous:
            rows.append(_heading(row.section, len(budget.years)))
        previous = row.section or previous
        if row.kind is core.RowKind.LINE:
            run.append(row)
        amounts = [row.amount(year) for year in budget.years]
        rows.append(DisplayRow(row.label, row.kind.value, amounts, row.section or ""))
    if not has_stated and run:
        rows.append(_computed_sum(run, budget.years))
    return rows


def _heading(section: core.Section, years: int) -> DisplayRow:
    return DisplayRow(core.SECTION_LABELS[section], "heading", [None] * years, section.value)


def _computed_sum(run: list[core.BudgetRow], years: tuple[int, ...]) -> DisplayRow:
    section = run[-1].section
    assert section is not None
    amounts: list[int | None] = [sum(row.amount(year) or 0 for row in run) for year in years]
    label = f"Summa {core.SECTION_LABELS[section].lower()}"
    return DisplayRow(label, "computed", amounts, section.value)


@dataclass
class GridInput:
    """What the edit grid posted: amounts by (line id, year), labels, and errors by cell."""

    amounts: dict[tuple[int, int], int | None] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)
    deleted: set[int] = field(default_factory=set)
    errors: dict[str, str] = field(default_factory=dict)


def cell_name(line_id: int, year: int) -> str:
    return f"a-{line_id}-{year}"


def read_grid(version: BudgetVersion, data: Mapping[str, str]) -> GridInput:
    """Read every cell of the posted grid; a cell that is not an amount gets its own error."""
    grid = GridInput()
    unit = version.budget.unit
    for line in version.lines.all():
        grid.labels[line.pk] = (data.get(f"label-{line.pk}") or line.label).strip()
        if data.get(f"delete-{line.pk}"):
            grid.deleted.add(line.pk)
        for year in version.budget.years:
            name = cell_name(line.pk, year)
            grid.amounts[(line.pk, year)] = _cell(data.get(name, ""), unit, name, line, year, grid)
    return grid


def _cell(
    text: str, unit: str, name: str, line: BudgetLine, year: int, grid: GridInput
) -> int | None:
    if not text.strip():
        return None
    try:
        return parse_amount(text, unit)
    except MoneyError as error:
        grid.errors[name] = f"{line.label}, {year}: {error}"
        return None


def grid_budget(version: BudgetVersion, grid: GridInput) -> core.Budget:
    """The budget as the grid shows it now, unsaved: for totals computed as you type."""
    rows = []
    for number, line in enumerate(version.lines.all(), start=2):
        if line.pk in grid.deleted:
            continue
        amounts = {
            year: amount
            for year in version.budget.years
            if (amount := grid.amounts.get((line.pk, year))) is not None
        }
        kind = core.RowKind(line.kind)
        section = core.Section(line.section) if kind is core.RowKind.LINE else None
        rows.append(
            core.BudgetRow(kind, grid.labels.get(line.pk, line.label), amounts, section, number)
        )
    budget = version.budget
    return core.Budget(tuple(budget.years), tuple(rows), budget.unit)


SECTION_ORDER = core.SECTION_VALUES
