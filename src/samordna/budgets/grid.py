"""The budget as a table on a page: rows for display, and the edit grid read back from a POST.

Display rows (core.budget_print) follow the plan's own order, print computed figures and end
with the computed bottom line; they are re-exported here for the pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from samordna.budgets.models import BudgetLine, BudgetVersion
from samordna.core import budget as core
from samordna.core.budget_print import DisplayRow, display_rows
from samordna.core.money import MoneyError, parse_amount

__all__ = ["DisplayRow", "display_rows"]


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
