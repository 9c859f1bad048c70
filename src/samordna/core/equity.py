"""Equity (eget kapital) against Nationella rådet's cap, projected over the budget years.

The cap is stepped by the year's member contributions: the band a förbund falls in
gives the share of the contributions it may keep as equity. The bands are a dated
parameter (params/equity_cap.toml); only the lowest is confirmed there, and a
förbund enters the others with their source, which then counts as confirmed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from samordna.core.allocation import format_percent, split
from samordna.core.money import format_amount
from samordna.core.params import load


@dataclass(frozen=True)
class Band:
    up_to: int | None  # öre of member contributions; None = no upper limit
    percent: Fraction | None  # None = not known (an unconfirmed band without a value)
    confirmed: bool
    source: str = ""


def default_bands(when: date) -> list[Band]:
    """The bands in force on `when`, from the parameter file.

    Before the recommendation (2013-10-02) there was no cap; its first bands are used
    for earlier years too, so old plans can be compared with today's rule.
    """
    parameter = load("equity_cap")
    first = min(entry["from"] for entry in parameter.values)
    return [_band(entry) for entry in parameter.at(max(when, first))["bands"]]


def _band(entry: Mapping[str, Any]) -> Band:
    percent = Fraction(entry["percent"]) if entry.get("percent") else None
    return Band(entry.get("up_to"), percent, bool(entry.get("confirmed")), entry.get("source", ""))


@dataclass(frozen=True)
class Cap:
    amount: int | None  # öre; None when the band's percentage is not known
    band: Band

    @property
    def confirmed(self) -> bool:
        return self.band.confirmed and self.amount is not None


def cap(contributions: int, bands: Sequence[Band]) -> Cap:
    """The cap for a year with `contributions` (öre) of member contributions. Without any
    contributions there is no cap to count (amount None), not a cap of 0 kr."""
    ordered = sorted(bands, key=lambda b: (b.up_to is None, b.up_to or 0))
    band = next(b for b in ordered if b.up_to is None or contributions <= b.up_to)
    if band.percent is None or contributions <= 0:
        return Cap(None, band)
    exact = Fraction(contributions) * band.percent / 100
    return Cap(int(exact), band)


@dataclass(frozen=True)
class EquityYear:
    year: int
    opening: int
    result: int
    closing: int
    contributions: int
    cap: Cap

    @property
    def over_by(self) -> int:
        if self.cap.amount is None:
            return 0
        return max(0, self.closing - self.cap.amount)


def project(
    opening: int,
    results: Mapping[int, int],
    contributions: Mapping[int, int],
    bands: Sequence[Band],
) -> list[EquityYear]:
    """Opening equity plus each year's result (årets resultat), year by year, against the cap."""
    years = []
    equity = opening
    for year in sorted(results):
        closing = equity + results[year]
        amount = contributions.get(year, 0)
        years.append(EquityYear(year, equity, results[year], closing, amount, cap(amount, bands)))
        equity = closing
    return years


def warning(year: EquityYear) -> str | None:
    """A Swedish warning when the year closes above the cap, or when the cap is unknown."""
    if year.cap.amount is None and year.contributions <= 0:
        return (
            f"{year.year}: taket för eget kapital kan inte räknas: året har inga medlemsbidrag. "
            "Markera raden med medlemsbidragen i budgeten (Räknas som medlemsbidrag)."
        )
    if year.cap.amount is None:
        return (
            f"{year.year}: taket för eget kapital är okänt för medlemsbidrag på "
            f"{format_amount(year.contributions)}. Ange Nationella rådets gällande procentsats "
            "med källa."
        )
    if not year.over_by:
        return None
    assert year.cap.band.percent is not None
    return (
        f"{year.year}: eget kapital {format_amount(year.closing)} överstiger taket "
        f"{format_amount(year.cap.amount)} ({format_percent(year.cap.band.percent, 0, trim=True)} "
        f"av medlemsbidragen) med {format_amount(year.over_by)}. Enligt Nationella rådets "
        "rekommendation kan staten då minska sin tilldelning kommande år; planera att använda "
        "överskottet i insatser."
    )


def spread(surplus: int, years: int, unit: int = 100) -> list[int]:
    """A surplus spread evenly over `years` years, parts in whole `unit`s summing exactly."""
    if years < 1:
        raise ValueError("minst ett år")
    return split(surplus, [1] * years, unit)
