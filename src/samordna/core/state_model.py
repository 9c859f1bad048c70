"""An estimate of the state's share by Försäkringskassan's allocation model.

Each förbund gets a base amount; the rest of the national appropriation is split
75 % by the förbund's share of the national försörjningsmått (people on public
support) and 25 % by its share of the population aged 16–64. In 2016–2017 a cut
was capped at 10 % of the previous year, except for förbund whose equity was above
the reasonable level. The figures are entered by the user; the model's
parameters are dated (params/state_allocation_model.toml).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from samordna.core.allocation import format_percent
from samordna.core.money import format_amount, whole_kronor_ore
from samordna.core.params import load


@dataclass(frozen=True)
class ModelInput:
    year: int
    appropriation: int  # öre: the national state appropriation to all förbund
    associations: int  # number of förbund sharing it
    support: int  # the förbund's försörjningsmått
    support_national: int
    population: int  # the förbund's population 16–64
    population_national: int
    previous: int | None = None  # öre: the state's allocation the year before
    equity_above_cap: bool = False


@dataclass(frozen=True)
class Estimate:
    base: int
    by_support: int
    by_population: int
    cut_capped: bool
    total: int
    explanation: list[str]


def estimate(given: ModelInput) -> Estimate:
    """The state's half for the förbund by the model in force in `given.year` (öre, whole kr)."""
    values = load("state_allocation_model").at(date(given.year, 1, 1))
    base = int(values["base"])
    rest = given.appropriation - base * given.associations
    by_support = whole_kronor_ore(
        rest * Fraction(values["support_share"]) * Fraction(given.support, given.support_national)
    )
    by_population = whole_kronor_ore(
        rest
        * Fraction(values["population_share"])
        * Fraction(given.population, given.population_national)
    )
    total = base + by_support + by_population
    support_part = format_percent(Fraction(given.support * 100, given.support_national))
    population_part = format_percent(Fraction(given.population * 100, given.population_national))
    explanation = [
        f"Grundbelopp {format_amount(base)}.",
        f"Försörjningsmått: {support_part} av landets, av 75 % av {format_amount(rest)} "
        f"= {format_amount(by_support)}.",
        f"Befolkning 16–64 år: {population_part} av landets, av 25 % av {format_amount(rest)} "
        f"= {format_amount(by_population)}.",
    ]
    floor = _floor(values, given)
    capped = floor is not None and total < floor
    if capped:
        assert floor is not None
        explanation.append(
            "Minskningen begränsas till 10 % av föregående års "
            f"{format_amount(given.previous or 0)}: {format_amount(floor)}."
        )
        total = floor
    return Estimate(base, by_support, by_population, capped, total, explanation)


def _floor(values: dict[str, Any], given: ModelInput) -> int | None:
    cap_until = values.get("cut_cap_until")
    if given.previous is None or given.equity_above_cap or cap_until is None:
        return None
    if date(given.year, 1, 1) > cap_until:
        return None
    return whole_kronor_ore(given.previous * (1 - Fraction(values["max_cut"])))
