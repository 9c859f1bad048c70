"""Splitting money so the parts always add up: the largest-remainder method.

Member contributions are split in two steps, as the plans do: the total into the
parties' shares (state 1/2, regions 1/4, municipalities 1/4, from the dated
parameter file), then each party's share among its members by population or by
agreed percentages.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from math import floor

Weight = int | Fraction


def split(amount: int, weights: Sequence[Weight], unit: int = 1) -> list[int]:
    """Split `amount` (öre) in proportion to `weights`, each part a multiple of `unit`.

    Every part lies within one unit of its exact share and the parts sum exactly
    to `amount`. Whole units left after rounding down go to the largest
    remainders; ties go to the earlier weight (input order). When `amount` is not
    a multiple of `unit`, the odd öre go to the next largest remainder, so only
    one part is off the unit.
    """
    if unit <= 0:
        raise ValueError("unit must be positive")
    if not weights:
        raise ValueError("nothing to split between")
    total_weight = sum(Fraction(w) for w in weights)
    if total_weight <= 0 or any(Fraction(w) < 0 for w in weights):
        raise ValueError("weights must be non-negative with a positive sum")
    sign = -1 if amount < 0 else 1
    parts = _split_positive(abs(amount), [Fraction(w) / total_weight for w in weights], unit)
    return [sign * part for part in parts]


def _split_positive(amount: int, shares: list[Fraction], unit: int) -> list[int]:
    exact_units = [Fraction(amount, unit) * share for share in shares]
    floors = [floor(value) for value in exact_units]
    parts = [units * unit for units in floors]
    remaining = amount - sum(parts)
    order = sorted(range(len(shares)), key=lambda i: (-(exact_units[i] - floors[i]), i))
    for index in order:
        if remaining <= 0:
            break
        step = min(unit, remaining)
        parts[index] += step
        remaining -= step
    return parts
