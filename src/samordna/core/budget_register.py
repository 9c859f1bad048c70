"""The budget beside the insats register: pools, grants from them, and the balance the
register moves.

A budget names its insatser on lines linked to them (the link is chosen once, never guessed
from a name) and may hold pools: money for insatser not yet decided ("Medel för nya
insatser"). For each year, an insats the register funds but the budget has no line for is a
grant, paid from the pools as far as they reach; a register amount that differs from the
insats's own line changes the budget. What the pools do not cover, and every change to a
line, moves the balance, and the check says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from samordna.core.findings import Finding
from samordna.core.money import format_amount

Amounts = Mapping[Any, Mapping[int, int]]  # insats -> year -> öre


@dataclass(frozen=True)
class RegisterYear:
    year: int
    changed: int  # öre the register adds to the insatser the budget has lines for (may be < 0)
    granted: int  # öre the register gives insatser the budget has no line for
    pool: int  # öre in the budget's pools

    @property
    def from_pool(self) -> int:
        """The part of the grants the pools pay."""
        return max(0, min(self.granted, self.pool))

    @property
    def effect(self) -> int:
        """How much the register raises the year's costs beyond the budget (öre, may be < 0)."""
        return self.changed + self.granted - self.from_pool


def register_years(
    years: Sequence[int], linked: Amounts, register: Amounts, pools: Mapping[int, int]
) -> list[RegisterYear]:
    """Per year: what the register changes on linked lines, grants beside them, and the pool."""
    found = []
    for year in years:
        changed = sum(
            register.get(insats, {}).get(year, 0) - amounts.get(year, 0)
            for insats, amounts in linked.items()
        )
        granted = sum(
            amounts.get(year, 0) for insats, amounts in register.items() if insats not in linked
        )
        found.append(RegisterYear(year, changed, granted, pools.get(year, 0)))
    return found


def register_findings(balance: Sequence[RegisterYear], unit: str = "kr") -> list[Finding]:
    """A warning for each year whose balance the register moves."""
    return [_finding(row, unit) for row in balance if row.effect]


def _finding(row: RegisterYear, unit: str) -> Finding:
    size = format_amount(abs(row.effect), unit)
    more = "mer" if row.effect > 0 else "mindre"
    pool = " och potten" if row.pool else ""
    message = (
        f"Insatsregistret ändrar budgetbalansen: insatserna kostar {size} {more} än "
        f"budgetens insatsrader{pool}. Hämta beloppen från insatsregistret (i ett förslag) "
        "eller ändra registret."
    )
    return Finding("warning", "register_balance", message, year=row.year, computed=row.effect)


def pool_draws(pools: Sequence[int], grant: int) -> list[int]:
    """What each pool gives toward `grant`, in order, as far as the pools reach (öre)."""
    draws = []
    left = max(0, grant)
    for pool in pools:
        take = max(0, min(left, pool))
        draws.append(take)
        left -= take
    return draws
