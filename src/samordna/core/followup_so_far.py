"""The follow-up so far in the year (the delårsrapport's participants), protected with the
year's tables as one linked set.

A delårsrapport for January to month m shows the förbund's participants so far by sex, its
exits so far and each individual insats's participants so far; a reader can ask for every
month. Those counts only grow from month to month and end in the year's own figures, so a
reader knows more than each table says: an insats's women in March are at most its women in
April, and at most the women of the year's report, where the insats's women are shown. Each
such fact is written as an equation with a count no one sees (the women who began in April),
and the protection (`disclosure.protect`) chooses the hidden cells of all months and of the
year together. January to December is the year's report itself.

Keys: a month's förbund cells are (("delår", m), what, ...), an insats's are
(("delår", m, insats), what, ...); the year's cells keep the keys of `followup_disclosure`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from samordna.core import disclosure
from samordna.core.followup import SEXES, Breakdown, Report
from samordna.core.suppression import Cell

SO_FAR = "delår"
MONTHS = tuple(range(1, 12))  # January–December is the year's report
NOT_ENDED = 13  # the exit month of an episode that did not end during the year
TOTAL = "Totalt"
Key = tuple[object, ...]


@dataclass(frozen=True)
class SoFar:
    """One insats's episodes of the year by the month they count from (January for one that
    began earlier) and sex, and by the month they ended (NOT_ENDED when not this year)."""

    begun: Mapping[tuple[int, str], int] = field(default_factory=dict)
    ended: Mapping[int, int] = field(default_factory=dict)

    def ran(self, month: int, sex: str) -> int:
        """Episodes of `sex` that had begun by the end of `month` (and ran during the year)."""
        return sum(n for (first, s), n in self.begun.items() if s == sex and first <= month)

    def exits(self, month: int) -> int:
        """Episodes that had ended by the end of `month`."""
        return sum(n for last, n in self.ended.items() if last <= month)


@dataclass(frozen=True)
class Figures:
    """What a delårsrapport shows of its months: the förbund's participants, exits and
    participants by sex so far, and each insats's participants so far."""

    participants: Cell
    exits: Cell
    by_sex: Breakdown
    by_insats: Mapping[int, Cell]


def scope(month: int, insats: int | None = None) -> tuple[object, ...]:
    return (SO_FAR, month) if insats is None else (SO_FAR, month, insats)


def add_months(linked: disclosure.LinkedSet, counts: Mapping[int, SoFar]) -> None:
    """Every month's cells and the facts that tie them to the next month and to the year's
    cells of each insats, (insats, "sex", label) and (insats, "exits"), already in `linked`."""
    for month in MONTHS:
        _add_month(linked, counts, month)
    later = (*MONTHS[1:], 12)
    for insats in counts:
        running = linked.values[(insats, "participants")] - linked.values[(insats, "exits")]
        linked.add_unpublished((scope(12, insats), "running"), running)
        linked.add_sum(
            (insats, "participants"), [(insats, "exits"), (scope(12, insats), "running")]
        )
        for label in SEXES.values():
            keys = [(scope(m, insats), "sex", label) for m in MONTHS] + [(insats, "sex", label)]
            _chain(linked, keys, [(scope(m, insats), "began", label) for m in later])
        exits = [(scope(m, insats), "exits") for m in MONTHS] + [(insats, "exits")]
        _chain(linked, exits, [(scope(m, insats), "ended") for m in later])


def _chain(linked: disclosure.LinkedSet, keys: Sequence[Key], steps: Sequence[Key]) -> None:
    """Each key after the first is the one before it plus an unseen step (what happened in
    that month; for the year's cell, everything after November, retention's counts too)."""
    for before, after, step in zip(keys[:-1], keys[1:], steps, strict=True):
        linked.add_unpublished(step, linked.values[after] - linked.values[before])
        linked.add_sum(after, (before, step))


def _add_month(linked: disclosure.LinkedSet, counts: Mapping[int, SoFar], month: int) -> None:
    whole = scope(month)
    for insats, found in counts.items():
        mine = scope(month, insats)
        for code, label in SEXES.items():
            linked.add_unpublished((mine, "sex", label), found.ran(month, code))
        linked.add_unpublished((mine, "exits"), found.exits(month))
        linked.add((mine, "participants"), sum(found.ran(month, c) for c in SEXES))
        linked.add_sum((mine, "participants"), [(mine, "sex", label) for label in SEXES.values()])
        running = linked.values[(mine, "participants")] - linked.values[(mine, "exits")]
        linked.add_unpublished((mine, "running"), running)  # exits so far are participants
        linked.add_sum((mine, "participants"), [(mine, "exits"), (mine, "running")])
    for label in SEXES.values():
        parts = [(scope(month, i), "sex", label) for i in counts]
        linked.add((whole, "sex", label), sum(linked.values[p] for p in parts))
        linked.add_sum((whole, "sex", label), parts)
    _add_total(linked, (whole, "sex", TOTAL), [(whole, "sex", s) for s in SEXES.values()], True)
    _add_total(linked, (whole, "participants"), [(scope(month, i), "participants") for i in counts])
    linked.add_sum((whole, "participants"), [(whole, "sex", TOTAL)])
    _add_total(linked, (whole, "exits"), [(scope(month, i), "exits") for i in counts])


def _add_total(
    linked: disclosure.LinkedSet, total: Key, parts: list[Key], table: bool = False
) -> None:
    linked.add(total, sum(linked.values[p] for p in parts))
    linked.add_sum(total, parts, table)


def figures(
    linked: disclosure.LinkedSet, hidden: Iterable[object], month: int, insatser: Iterable[int]
) -> Figures:
    """A month's cells as the delårsrapport shows them, `hidden` chosen for the whole set."""
    concealed = frozenset(hidden)
    whole = scope(month)

    def cell(key: Key) -> Cell:
        return Cell(linked.values[key], hidden=key in concealed)

    labels = tuple(SEXES.values())
    return Figures(
        participants=cell((whole, "participants")),
        exits=cell((whole, "exits")),
        by_sex=Breakdown(
            labels, tuple(cell((whole, "sex", s)) for s in labels), cell((whole, "sex", TOTAL))
        ),
        by_insats={i: cell((scope(month, i), "participants")) for i in insatser},
    )


def year_figures(reports: Mapping[object, Report], everyone: object) -> Figures:
    """January–December: the year's own protected report (`everyone` is the förbund's scope)."""
    found = reports[everyone]
    return Figures(
        participants=found.participants,
        exits=found.exits,
        by_sex=found.by_sex,
        by_insats={s: r.participants for s, r in reports.items() if isinstance(s, int)},
    )
