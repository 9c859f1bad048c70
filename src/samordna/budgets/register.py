"""The budget's insats lines come from the insats register (insats × year).

Only granted insatser count: an idea or an application has no money of the budget yet, so
its estimated amounts are neither fetched nor reported as a change of the register.

An insats and a budget line are linked explicitly (`BudgetLine.intervention`, picked on the
page or made when the line is fetched from the register), never by name. A line can be a pool
for insatser not yet decided: a grant from it moves the amount from the pool to the insats's
line (core.budget_register). A förslag takes the register's amounts when asked; a decided
version never changes, so a register changed after the decision shows as a difference against
it, and the check says whether the balance moved or the pools cover it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction

from samordna.audit import bulk
from samordna.budgets.lines import add_line
from samordna.budgets.models import BudgetAmount, BudgetLine, BudgetVersion, ImmutableError
from samordna.core.budget_register import (
    RegisterYear,
    pool_draws,
    register_findings,
    register_years,
)
from samordna.core.findings import Finding
from samordna.core.intervention_status import UNDECIDED
from samordna.interventions.models import Intervention, InterventionBudget


@dataclass(frozen=True)
class RegisterDifference:
    intervention: Intervention
    year: int
    budget: int | None  # öre in the version
    register: int | None  # öre in the register

    @property
    def change(self) -> int:
        return (self.register or 0) - (self.budget or 0)


def register_amounts(version: BudgetVersion) -> dict[Intervention, dict[int, int]]:
    """The register's budget per insats for the version's years."""
    budget = version.budget
    found: dict[Intervention, dict[int, int]] = defaultdict(dict)
    rows = (
        InterventionBudget.objects.filter(
            intervention__association=budget.association, year__in=budget.years
        )
        .exclude(intervention__status__in=UNDECIDED)
        .select_related("intervention")
    )
    for row in rows:
        found[row.intervention][row.year] = row.amount
    return dict(found)


def _line_amounts(version: BudgetVersion) -> dict[Intervention, dict[int, int]]:
    found: dict[Intervention, dict[int, int]] = defaultdict(dict)
    amounts = (
        BudgetAmount.objects.filter(line__version=version, line__intervention__isnull=False)
        .exclude(line__intervention__status__in=UNDECIDED)
        .select_related("line__intervention")
    )
    for amount in amounts:
        years = found[amount.line.intervention]
        years[amount.year] = years.get(amount.year, 0) + amount.amount
    linked = version.lines.filter(intervention__isnull=False).exclude(
        intervention__status__in=UNDECIDED
    )
    for line in linked.select_related("intervention"):
        found.setdefault(line.intervention, {})
    return dict(found)


@dataclass(frozen=True)
class RegisterRead:
    """The register, the version's insats lines and its pools, read once for a page."""

    register: dict[Intervention, dict[int, int]]
    budgeted: dict[Intervention, dict[int, int]]
    pools: dict[int, int]


def read(version: BudgetVersion) -> RegisterRead:
    return RegisterRead(register_amounts(version), _line_amounts(version), pools(version))


def differences(
    version: BudgetVersion, known: RegisterRead | None = None
) -> list[RegisterDifference]:
    """Every insats and year where the version and the register disagree."""
    known = known or read(version)
    register, budgeted = known.register, known.budgeted
    found = []
    for intervention in sorted(set(register) | set(budgeted), key=lambda i: (i.kind, i.name)):
        for year in version.budget.years:
            stated = budgeted.get(intervention, {}).get(year)
            wanted = register.get(intervention, {}).get(year)
            if (stated or 0) != (wanted or 0):
                found.append(RegisterDifference(intervention, year, stated, wanted))
    return found


def pools(version: BudgetVersion) -> dict[int, int]:
    """The version's pools for insatser not yet decided, summed per year (öre)."""
    found: dict[int, int] = defaultdict(int)
    for amount in BudgetAmount.objects.filter(line__version=version, line__is_pool=True):
        found[amount.year] += amount.amount
    return dict(found)


def balance(version: BudgetVersion, known: RegisterRead | None = None) -> list[RegisterYear]:
    """Per year: what the register changes on the version's insats lines, what it grants
    beside them, and how much of that the pools pay."""
    known = known or read(version)
    return register_years(version.budget.years, known.budgeted, known.register, known.pools)


def balance_findings(version: BudgetVersion, known: RegisterRead | None = None) -> list[Finding]:
    """The check's word on the register: each year whose balance the register moves."""
    return register_findings(balance(version, known), version.budget.unit)


@transaction.atomic
def fill_from_register(version: BudgetVersion) -> int:
    """Give a förslag the register's amounts on the insatser's linked lines; returns lines
    touched. An insats without a line gets one in its section, paid from the pools as far
    as they reach, so a grant from a pool is never counted twice."""
    if version.is_locked:
        raise ImmutableError()
    touched = 0
    for intervention, years in sorted(register_amounts(version).items(), key=lambda i: i[0].name):
        line = version.lines.filter(intervention=intervention).first()
        if line is None:
            line = add_line(
                version, intervention.kind, intervention.name, intervention=intervention
            )
            _draw_from_pools(version, intervention.kind, years)
        BudgetAmount.objects.filter(line=line).delete()
        bulk.bulk_create(
            BudgetAmount,
            (BudgetAmount(line=line, year=year, amount=amount) for year, amount in years.items()),
        )
        touched += 1
    return touched


def _draw_from_pools(version: BudgetVersion, section: str, grant: dict[int, int]) -> None:
    """Move a grant out of the pools, the pool of the insats's own section first."""
    chosen = sorted(version.lines.filter(is_pool=True), key=lambda p: (p.section != section,))
    for year, amount in grant.items():
        stored = [BudgetAmount.objects.filter(line=p, year=year).first() for p in chosen]
        draws = pool_draws([s.amount if s else 0 for s in stored], amount)
        for row, draw in zip(stored, draws, strict=True):
            if row is not None and draw:
                row.amount -= draw
                row.save()


INSATS_SECTIONS = ("individual", "structural")


def insats_lines(version: BudgetVersion) -> list[BudgetLine]:
    """The lines a link can be chosen for: the lines of the two insats sections."""
    return list(version.lines.filter(kind="line", section__in=INSATS_SECTIONS))


@transaction.atomic
def save_links(version: BudgetVersion, links: dict[int, str], pool: str) -> int:
    """Store each line's link (an insats pk, `pool`, or ""); returns the lines changed."""
    if version.is_locked:
        raise ImmutableError()
    changed = 0
    for line in insats_lines(version):
        chosen = links.get(line.pk, "")
        wanted = (int(chosen) if chosen.isdecimal() else None, chosen == pool)
        if (line.intervention_id, line.is_pool) != wanted:
            line.intervention_id, line.is_pool = wanted
            line.save()
            changed += 1
    return changed
