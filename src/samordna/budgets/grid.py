"""The budget as a table on a page: rows for display, and the edit grid read back from a POST.

Display rows (core.budget_print) follow the plan's own order, print computed figures and end
with the computed bottom line; they are re-exported here for the pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.core import signing

from samordna.budgets.forms import NOT_INCOME
from samordna.budgets.models import NOTE_LENGTH, BudgetAmount, BudgetLine, BudgetVersion
from samordna.concurrency import SALT
from samordna.core import budget as core
from samordna.core.budget_print import DisplayRow, display_rows
from samordna.core.money import MoneyError, format_amount, parse_amount
from samordna.core.personnummer import identity_error

__all__ = ["DisplayRow", "display_rows"]


@dataclass
class GridInput:
    """What the edit grid posted: amounts by (line id, year), labels, and errors by cell."""

    amounts: dict[tuple[int, int], int | None] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)
    deleted: set[int] = field(default_factory=set)
    errors: dict[str, str] = field(default_factory=dict)
    notes: dict[int, str] = field(default_factory=dict)  # the row's note, by line id
    amount_notes: dict[tuple[int, int], str] = field(default_factory=dict)  # by (line id, year)
    contributions: dict[int, bool] = field(default_factory=dict)  # the mark, where posted


def cell_name(line_id: int, year: int) -> str:
    return f"a-{line_id}-{year}"


def contribution_name(line_id: int) -> str:
    """The checkbox "Räknas som medlemsbidrag" of an income line (`contribution-7`)."""
    return f"contribution-{line_id}"


def note_name(line_id: int, year: int | None = None) -> str:
    """The field of a row's note (`note-7`) or of one year's amount note (`n-7-2026`)."""
    return f"note-{line_id}" if year is None else f"n-{line_id}-{year}"


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
        _read_notes(version, line, data, grid)
        _read_mark(line, data, grid)
    return grid


def _read_mark(line: BudgetLine, data: Mapping[str, str], grid: GridInput) -> None:
    """The line's mark as the members' contributions, where the grid showed its checkbox (an
    unticked box is not posted, so `contribution-shown-7` says it was there); refused on any
    line but an income line that names no member."""
    name = contribution_name(line.pk)
    ticked = bool(data.get(name))
    if ticked and (line.section != "income" or line.member_id):
        grid.errors[name] = f"{line.label}: {NOT_INCOME}"
    elif ticked or data.get(f"{name}-shown"):
        grid.contributions[line.pk] = ticked


def _read_notes(
    version: BudgetVersion, line: BudgetLine, data: Mapping[str, str], grid: GridInput
) -> None:
    """The row's note and each amount's note, as posted (a grid without note fields keeps the
    stored notes); a note on an empty amount, too long or holding an identity is an error."""
    name = note_name(line.pk)
    grid.notes[line.pk] = _note(data.get(name), line.note, name, line.label, grid)
    for year in version.budget.years:
        name = note_name(line.pk, year)
        if data.get(name) is None:
            continue  # not posted: the stored note stays with its amount
        where = f"{line.label}, not {year}"
        text = _note(data.get(name), None, name, where, grid)
        if text and grid.amounts.get((line.pk, year)) is None and name not in grid.errors:
            grid.errors[name] = (
                f"{where}: noten gäller ett belopp; skriv beloppet eller ta bort noten."
            )
        grid.amount_notes[(line.pk, year)] = text


def _note(posted: str | None, stored: str | None, name: str, where: str, grid: GridInput) -> str:
    if posted is None:
        return stored or ""
    text = " ".join(posted.split())
    problem = identity_error(text) if text else None
    if len(text) > NOTE_LENGTH:
        problem = f"Noten har {len(text)} tecken; en not kan ha högst {NOTE_LENGTH}."
    if problem:
        grid.errors[name] = f"{where}: {problem}"
    return text


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
    cells |= {note_name(line.pk): line.note for line in version.lines.all() if line.note}
    cells |= {
        contribution_name(line.pk): "ja" for line in version.lines.all() if line.is_contribution
    }
    for amount in BudgetAmount.objects.filter(line__version=version):
        cells[cell_name(amount.line_id, amount.year)] = str(amount.amount)
        if amount.note:
            cells[note_name(amount.line_id, amount.year)] = amount.note
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
    if kind == "contribution":
        return f"{label} räknas som medlemsbidrag: {value or 'nej'}"
    if kind in ("note", "n"):
        where = f"{label} {year[0]}" if year else label
        return f"not om {where}: {value or '(borttagen)'}"
    shown = format_amount(int(value), unit) if value else "(tomt)"
    return f"{label} {year[0]}: {shown}"
