"""Indicators: the national slots, fulfilment of a year's answers against a target, and trend.

An answer is a step on the indicator's scale (1 … scale_max); the top `top_steps` steps count
as fulfilled. Fulfilment is the share of answers that are fulfilled; fewer than five answers
give no share (one answer could be read from it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from samordna.core.params import load
from samordna.core.suppression import LIMIT, is_small

GROUPS = {
    "deltagare_pagaende": "Deltagare, pågående",
    "deltagare_avslutade": "Deltagare, avslutade",
    "insatspersonal": "Insatspersonal",
    "styrelse": "Styrelse",
    "chefer": "Chefer i samverkan och beredningsgrupp",
    "remittenter": "Remittenter",
}
PARTICIPANT_GROUPS = frozenset({"deltagare_pagaende", "deltagare_avslutade"})


@dataclass(frozen=True)
class Slot:
    number: int
    group: str
    scale_max: int
    top_steps: int


def national_slots(on: date) -> tuple[tuple[Slot, ...], str]:
    """The 15 national slots in force on `on`, and their source."""
    parameter = load("nns_indicators")
    entry = parameter.at(on)
    slots = tuple(
        Slot(s["number"], s["group"], entry["scale_max"], entry["top_steps"])
        for s in entry["slots"]
    )
    return slots, parameter.source


@dataclass(frozen=True)
class Fulfilment:
    answers: int
    fulfilled: int
    target: int | None  # percent

    @property
    def percent(self) -> int | None:
        """None when fewer than five answered, or when those who met the threshold or those
        who did not are 1–4 ("5 svar, 60 %" would tell that two did not)."""
        if self.answers < LIMIT or is_small(self.fulfilled):
            return None
        if is_small(self.answers - self.fulfilled):
            return None
        return round(100 * self.fulfilled / self.answers)

    @property
    def verdict(self) -> str:
        if self.percent is None:
            return "För få svar för att redovisa" if self.answers else "Inga svar"
        if self.target is None:
            return "Inget mål satt"
        return "Uppfyllt" if self.percent >= self.target else "Inte uppfyllt"

    @property
    def answers_shown(self) -> int | str:
        return "<5" if 0 < self.answers < LIMIT else self.answers


def is_fulfilled(score: int, scale_max: int, top_steps: int) -> bool:
    return score > scale_max - top_steps


def fulfilment(
    scores: Iterable[int], scale_max: int, top_steps: int, target: int | None = None
) -> Fulfilment:
    return counted_fulfilment(Counter(scores), scale_max, top_steps, target)


def counted_fulfilment(
    counts: Mapping[int, int], scale_max: int, top_steps: int, target: int | None = None
) -> Fulfilment:
    """Fulfilment from the number of answers at each step."""
    hits = sum(n for score, n in counts.items() if is_fulfilled(score, scale_max, top_steps))
    return Fulfilment(sum(counts.values()), hits, target)


def score_error(score: int, scale_max: int) -> str | None:
    if 1 <= score <= scale_max:
        return None
    return f"Svaret {score} ligger utanför skalan 1–{scale_max}."


def trend(by_year: Mapping[int, Fulfilment]) -> list[tuple[int, int | None]]:
    """Fulfilment in percent year by year (None where too few answered)."""
    return [(year, by_year[year].percent) for year in sorted(by_year)]
