"""A scenario's member amounts from the one allocation function the allocation page uses.

When the budget has a line per member and the year's allocation is saved, a change to the
state ("staten −10 %") gives the state's new amount; `economy.services.compute` splits it the
way the allocation page would (same members, population year and rounding), so a member's
amount for a year has one value in the app. A year without a saved allocation, or one the
members cannot share, keeps the plain scaled amount.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from samordna.budgets.models import BudgetAmount, BudgetLine, BudgetVersion
from samordna.core.allocation import AllocationError
from samordna.core.budget_rules import STATE_KINDS, RowKey
from samordna.core.money import round_half_up
from samordna.economy import services as economy
from samordna.economy.models import ContributionYear


def allocated_rows(
    source: BudgetVersion, kinds: Iterable[str], percent: Fraction, from_year: int
) -> dict[RowKey, dict[int, int]]:
    """Row key -> year -> öre for the chosen members' own lines, from the allocation."""
    chosen = set(kinds)
    lines = [line for line in source.lines.select_related("member") if line.member_id]
    if not STATE_KINDS & chosen or not lines:
        return {}
    stored = {(a.line_id, a.year): a.amount for a in BudgetAmount.objects.filter(line__in=lines)}
    found: dict[RowKey, dict[int, int]] = {}
    for year in (y for y in source.budget.years if y >= from_year):
        state = sum(stored.get((line.pk, year), 0) for line in lines if _is_state(line))
        new_state = round_half_up(Fraction(state, 100) * (1 + percent / 100)) * 100
        for line, amount in _split(source, year, new_state, lines).items():
            if _is_chosen(line, chosen):
                found.setdefault(_key(line), {})[year] = amount
    return found


def _split(
    source: BudgetVersion, year: int, state: int, lines: list[BudgetLine]
) -> dict[BudgetLine, int]:
    saved = _saved_allocation(source, year)
    if saved is None or state <= 0:
        return {}
    request = economy.AllocationRequest(
        year, state, "state", saved.unit // 100, saved.state_shown, saved.population_year
    )
    try:
        members, allocation = economy.compute(source.budget.association, request)
    except AllocationError:
        return {}
    amounts = {m.pk: part.amount for m, part in zip(members, allocation.parts, strict=True)}
    return {line: amounts[line.member_id] for line in lines if line.member_id in amounts}


def _saved_allocation(source: BudgetVersion, year: int) -> ContributionYear | None:
    """The year's saved allocation, else the latest saved for the budget's years (as a new
    budget takes its member lines)."""
    saved = source.budget.association.contribution_years.filter(year__in=source.budget.years)
    return saved.filter(year=year).first() or saved.order_by("-year").first()


def _is_chosen(line: BudgetLine, chosen: set[str]) -> bool:
    return line.member is not None and line.member.kind in chosen


def _is_state(line: BudgetLine) -> bool:
    return line.member is not None and line.member.kind in STATE_KINDS


def _key(line: BudgetLine) -> RowKey:
    return (line.kind, line.section, line.label.strip())
