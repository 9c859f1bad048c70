"""The budget as a table on a page: rows for display, and the edit grid read back from a POST.

Display rows (core.budget_print) follow the plan's own order, print computed figures and end
with the computed bottom line; they are re-exported here for the pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.core import signing

from samordna.budgets.models import BudgetAmount, BudgetLine, BudgetVersion
from samordna.concurrency import SALT
from samordna.core import budget as core
from samordna.core.budget_print import DisplayRow, display_rows
from samordna.core.money import MoneyError, format_amount, parse_amount

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


def stored_cells(version: BudgetVersion) -> dict[str, str]:
    """What is stored now, cell by cell: each line's name and amounts (öre as text)."""
    cells = {f"label-{line.pk}": line.label for line in version.lines.all()}
    for amount in BudgetAmount.objects.filter(line__version=version):
        cells[cell_name(amount.line_id, amount.year)] = str(amount.amount)
    return cells


def seen(version: BudgetVersion) -> str:
    """The signed snapshot the grid is opened with (samordna.concurrency's way)."""
    return signing.dumps(stored_cells(version), salt=SALT)


def changed_since(version: BudgetVersion, opened: str) -> list[str]:
    """The cells someone else saved after the grid was opened, in words ("Kansli 2027: 800 000
    kr"); nothing when the snapshot is missing or not ours."""
    try:
        before = signing.loads(opened, salt=SALT) if opened else None
    except signing.BadSignature:
        return []
    if not isinstance(before, dict):
        return []
    now = stored_cells(version)
    lines = {line.pk: line.label for line in version.lines.all()}
    return [
        _described(name, now.get(name), lines, version.budget.unit)
        for name in sorted(set(before) | set(now))
        if before.get(name) != now.get(name)
    ]


def _described(name: str, value: str | None, lines: dict[int, str], unit: str) -> str:
    kind, pk, *year = name.split("-")
    label = lines.get(int(pk), "en borttagen rad")
    if kind == "label":
        return f"radens namn: {value or '(borttagen)'}"
    shown = format_amount(int(value), unit) if value else "(tomt)"
    return f"{label} {year[0]}: {shown}"
