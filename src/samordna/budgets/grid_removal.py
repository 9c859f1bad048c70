"""Removing rows in the budget grid: ticked rows are removed only after the chef confirms.

The grid is saved once for many rows; a tick in "Ta bort" and Spara first shows which rows
go, with their amounts, while everything typed stays in the grid. "Ta bort raderna och spara"
saves and removes; "Spara utan att ta bort" saves the amounts and keeps every row.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib import messages
from django.http import HttpRequest

from samordna.budgets.forms import LineForm
from samordna.budgets.grid import GridInput
from samordna.budgets.models import BudgetLine, BudgetVersion
from samordna.core.meeting_schedule import joined
from samordna.core.money import format_amount

CHOICE = "radera"  # the confirmation's buttons: "ja" removes, "nej" keeps the rows


def asked(version: BudgetVersion, grid: GridInput, data: Mapping[str, Any]) -> list[str]:
    """The rows to confirm before saving, in words; none when nothing is ticked or the chef
    has answered. "Spara utan att ta bort" unticks every row of `grid`."""
    if data.get(CHOICE) == "nej":
        grid.deleted.clear()
    if not grid.deleted or data.get(CHOICE) == "ja":
        return []
    lines = version.lines.filter(pk__in=grid.deleted).select_related("intervention")
    return [_described(line, version, grid) for line in lines]


def _described(line: BudgetLine, version: BudgetVersion, grid: GridInput) -> str:
    budget = version.budget
    amounts = [
        f"{year}: {format_amount(amount, budget.unit)}"
        for year in budget.years
        if (amount := grid.amounts.get((line.pk, year))) is not None
    ]
    said = f"{grid.labels.get(line.pk) or line.label} ({'; '.join(amounts) or 'inga belopp'})"
    if line.is_pool:
        said += ", potten för nya insatser"
    if line.intervention is not None:
        said += f", kopplad till insatsen {line.intervention.name}"
    return said


def say_saved(request: HttpRequest, grid: GridInput, data: Mapping[str, Any]) -> None:
    """ "Budgeten är sparad." with the rows removed, and a new row that could not be added."""
    removed = [grid.labels[pk] for pk in sorted(grid.deleted) if pk in grid.labels]
    text = "Budgeten är sparad."
    if removed:
        rows, gone = ("Raden", "borttagen") if len(removed) == 1 else ("Raderna", "borttagna")
        text += f" {rows} {joined(f'”{label}”' for label in removed)} är {gone}."
    messages.success(request, text)
    new = LineForm(data, prefix="new")
    if data.get("new-label") and not new.is_valid():
        reasons = " ".join(str(e) for errors in new.errors.values() for e in errors)
        messages.error(
            request,
            f"Den nya raden lades inte till: {reasons} Beloppen är sparade.",
        )
