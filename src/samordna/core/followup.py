"""Following up participants: the words of an episode and the year's report, small groups hidden.

An episode is pseudonymous: a random code, sex, birth year, dates, referring organisations,
income source and occupation at start and end, end reason, life quality 0–10 and step changes.
The report counts the episodes that ran during a year, and their exits that year; every count
goes through `suppression`, so no page or file built from it shows a group of fewer than five.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from samordna.core.money import rounded_kronor
from samordna.core.retention import DEFAULT_CONSENT_MONTHS, months_later
from samordna.core.suppression import Cell, protect, protect_matrix, share

SEXES = {"kvinna": "Kvinnor", "man": "Män"}  # as the reports name the groups
SEX_CHOICES = {"kvinna": "Kvinna", "man": "Man"}  # as a form asks
SEX_WORDS = {"k": "kvinna", "kvinna": "kvinna", "f": "kvinna", "m": "man", "man": "man"}  # files
AGE_BANDS: tuple[tuple[str, int, int], ...] = (
    ("16–19 år", 16, 19),
    ("20–29 år", 20, 29),
    ("30–39 år", 30, 39),
    ("40–49 år", 40, 49),
    ("50–59 år", 50, 59),
    ("60 år och äldre", 60, 200),
)
INCOMES = {
    "lon": "Lön",
    "lon_stod": "Lön med stöd (lönebidrag m.m.)",
    "studiemedel": "Studiemedel",
    "sjukpenning": "Sjukpenning",
    "aktivitetsersattning": "Aktivitetsersättning",
    "sjukersattning": "Sjukersättning",
    "aktivitetsstod": "Aktivitetsstöd",
    "a_kassa": "Arbetslöshetsersättning",
    "forsorjningsstod": "Ekonomiskt bistånd",
    "ingen": "Ingen egen försörjning",
    "annan": "Annan försörjning",
}
OCCUPATIONS = {
    "arbete": "Arbete",
    "arbete_stod": "Arbete med stöd",
    "studier": "Studier",
    "arbetssokande": "Arbetssökande",
    "annan_insats": "Insats hos annan aktör",
    "sjukskriven": "Sjukskriven",
    "ingen": "Ingen sysselsättning",
    "annan": "Annan sysselsättning",
}
END_REASONS = {
    "arbete": "Arbete",
    "arbete_stod": "Arbete med stöd",
    "studier": "Studier",
    "arbetssokande": "Arbetssökande",
    "annan_insats": "Annan insats",
    "sjukskriven": "Sjukskriven",
    "flyttat": "Flyttat",
    "avbrott": "Avbrott",
    "annat": "Annat",
}
IN_WORK_OR_STUDIES = frozenset({"arbete", "arbete_stod", "studier"})
MEASURES = {
    "work_or_studies": "Arbete eller studier vid avslut",
    "steps": "Ökad arbetsförmåga (minst en stegförflyttning)",
    "quality": "Högre livskvalitet vid avslut",
}


def age_band(birth_year: int, on: date) -> str:
    age = on.year - birth_year
    for label, low, high in AGE_BANDS:
        if low <= age <= high:
            return label
    return "Under 16 år" if age < 16 else AGE_BANDS[-1][0]


def consent_expiry(given: date, months: int = DEFAULT_CONSENT_MONTHS) -> date:
    """When a consent given on `given` ends: the förbund's validity in months after it (two
    years until the förbund says otherwise; seed 002: "Sekretesslättningen gäller i två år")."""
    return months_later(given, months)


@dataclass(frozen=True)
class EpisodeFacts:
    sex: str
    birth_year: int
    start: date
    end: date | None = None
    income_start: str = ""
    income_end: str = ""
    end_reason: str = ""
    quality_start: int | None = None
    quality_end: int | None = None
    steps: int = 0

    def ran_in(self, year: int) -> bool:
        return self.start <= date(year, 12, 31) and (self.end is None or self.end.year >= year)

    def ended_in(self, year: int) -> bool:
        return self.end is not None and self.end.year == year


@dataclass(frozen=True)
class Target:
    """A sub-goal's target as the plans write it: "minst 4 av 10"."""

    part: int
    of: int

    def __str__(self) -> str:
        return f"minst {self.part} av {self.of}"

    def met_by(self, part: int, whole: int) -> bool:
        return part * self.of >= self.part * whole


@dataclass(frozen=True)
class SubGoal:
    measure: str
    part: int
    whole: int
    target: Target | None
    hidden: bool = False  # hidden to protect a cell of another table published with it

    @property
    def label(self) -> str:
        return MEASURES[self.measure]

    @property
    def share(self) -> str | None:
        return None if self.hidden else share(self.part, self.whole)

    @property
    def verdict(self) -> str:
        if self.share is None:
            return "För få deltagare för att redovisa"
        if self.target is None:
            return "Inget mål satt"
        return "Uppfyllt" if self.target.met_by(self.part, self.whole) else "Inte uppfyllt"


@dataclass(frozen=True)
class Breakdown:
    labels: tuple[str, ...]
    cells: tuple[Cell, ...]
    total: Cell

    def rows(self) -> list[tuple[str, Cell]]:
        return list(zip(self.labels, self.cells, strict=True))

    def as_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {label: cell.shown for label, cell in self.rows()}
        data["Totalt"] = self.total.shown
        return data


def breakdown(counts: Mapping[str, int]) -> Breakdown:
    total = sum(counts.values())
    return Breakdown(tuple(counts), tuple(protect(list(counts.values()))), Cell(total))


@dataclass(frozen=True)
class Matrix:
    """Income source at start (rows) against at end (columns)."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[Cell, ...], ...]
    row_totals: tuple[Cell, ...]
    column_totals: tuple[Cell, ...]
    total_hidden: bool = False

    def lines(self) -> list[tuple[str, tuple[Cell, ...], Cell]]:
        return list(zip(self.rows, self.cells, self.row_totals, strict=True))

    @property
    def total(self) -> Cell:
        return Cell(sum(c.count for c in self.row_totals), hidden=self.total_hidden)

    def as_data(self) -> dict[str, dict[str, Any]]:
        return {
            row: {col: cell.shown for col, cell in zip(self.columns, line, strict=True)}
            for row, line in zip(self.rows, self.cells, strict=True)
        }


@dataclass(frozen=True)
class Report:
    year: int
    participants: Cell
    by_sex: Breakdown
    by_age: Breakdown
    exits: Cell
    outcomes: Breakdown
    income: Matrix
    subgoals: tuple[SubGoal, ...]
    quality_change: str | None  # mean change in points, "+1,4", or None when too few
    months_in_insats: str | None  # median, "7,5", or None when too few
    cost: int | None = None  # öre, the outcome's cost, when known
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def cost_per_participant(self) -> int | None:
        if self.cost is None or not self.participants.is_shown or not self.participants.count:
            return None
        return round(self.cost / self.participants.count)


@dataclass(frozen=True)
class Tally:
    """The counts one scope's report is made of, for one year. Tallies add up: a group's tally
    is the sum of its insatser's, so the database counts per insats once (GROUP BY) and every
    group is summed from those."""

    ran: int = 0  # episodes that ran during the year
    sex: Mapping[str, int] = field(default_factory=dict)  # ran, by sex
    birth_years: Mapping[int, int] = field(default_factory=dict)  # ran, by birth year
    ended: int = 0  # of those, ended during the year
    reasons: Mapping[tuple[str, str], int] = field(default_factory=dict)  # ended: (reason, sex)
    income: Mapping[tuple[str, str], int] = field(default_factory=dict)  # ended, both known
    stepped: int = 0  # ended with at least one step change
    rated: int = 0  # ended with life quality at start and at end
    higher: int = 0  # of those, higher at the end
    quality_sum: int = 0  # of those, the sum of end minus start
    days: Mapping[int, int] = field(default_factory=dict)  # ended: days from start to end

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.ran + other.ran,
            _add(self.sex, other.sex),
            _add(self.birth_years, other.birth_years),
            self.ended + other.ended,
            _add(self.reasons, other.reasons),
            _add(self.income, other.income),
            self.stepped + other.stepped,
            self.rated + other.rated,
            self.higher + other.higher,
            self.quality_sum + other.quality_sum,
            _add(self.days, other.days),
        )


def _add(first: Mapping[Any, int], second: Mapping[Any, int]) -> dict[Any, int]:
    found = dict(first)
    for key, count in second.items():
        found[key] = found.get(key, 0) + count
    return found


def total(tallies: Iterable[Tally]) -> Tally:
    found = Tally()
    for one in tallies:
        found = found + one
    return found


def tally(episodes: Iterable[EpisodeFacts], year: int) -> Tally:
    """The year's counts of `episodes`, one by one (the database counts the same by GROUP BY)."""
    ran = [e for e in episodes if e.ran_in(year)]
    ended = [e for e in ran if e.ended_in(year)]
    rated = [(e.quality_start, e.quality_end) for e in ended]
    changes = [end - start for start, end in rated if start is not None and end is not None]
    return Tally(
        ran=len(ran),
        sex=Counter(e.sex for e in ran),
        birth_years=Counter(e.birth_year for e in ran),
        ended=len(ended),
        reasons=Counter((e.end_reason, e.sex) for e in ended),
        income=Counter(
            (e.income_start, e.income_end) for e in ended if e.income_start and e.income_end
        ),
        stepped=_count(ended, lambda e: e.steps > 0),
        rated=len(changes),
        higher=sum(1 for change in changes if change > 0),
        quality_sum=sum(changes),
        days=Counter((e.end - e.start).days for e in ended if e.end is not None),
    )


def report(
    episodes: Iterable[EpisodeFacts],
    year: int,
    targets: Mapping[str, Target] | None = None,
    cost: int | None = None,
) -> Report:
    """The year's follow-up of `episodes` (one insats, or a förbund's all)."""
    return counted(tally(episodes, year), year, targets, cost)


def counted(
    found: Tally, year: int, targets: Mapping[str, Target] | None = None, cost: int | None = None
) -> Report:
    """The year's follow-up report from its counts."""
    reasons = _reasons(found)
    return Report(
        year=year,
        participants=Cell(found.ran),
        by_sex=breakdown({label: found.sex.get(k, 0) for k, label in SEXES.items()}),
        by_age=breakdown(_by_age(found.birth_years, year)),
        exits=Cell(found.ended),
        outcomes=breakdown({label: reasons.get(k, 0) for k, label in END_REASONS.items()}),
        income=income_matrix(found.income),
        subgoals=_subgoals(found, reasons, targets or {}),
        quality_change=_quality_change(found),
        months_in_insats=_months(found.days),
        cost=cost,
    )


def _reasons(found: Tally) -> dict[str, int]:
    """The exits by end reason, both sexes together."""
    counts: dict[str, int] = {}
    for (reason, _sex), number in found.reasons.items():
        counts[reason] = counts.get(reason, 0) + number
    return counts


def _count(episodes: Sequence[EpisodeFacts], test: Any) -> int:
    return sum(1 for e in episodes if test(e))


def _by_age(birth_years: Mapping[int, int], year: int) -> dict[str, int]:
    """Age bands by the age reached during the year."""
    counts = {label: 0 for label, _, _ in AGE_BANDS}
    for born, number in birth_years.items():
        band = age_band(born, date(year, 12, 31))
        counts[band] = counts.get(band, 0) + number
    return counts


def income_matrix(pairs: Mapping[tuple[str, str], int]) -> Matrix:
    """Income source at start against at end, from the count of each (start, end) pair."""
    rows = [k for k in INCOMES if any(s == k and n for (s, _e), n in pairs.items())]
    columns = [k for k in INCOMES if any(e == k and n for (_s, e), n in pairs.items())]
    counts = [[pairs.get((r, c), 0) for c in columns] for r in rows]
    cells = protect_matrix(counts)
    row_totals = tuple(Cell(sum(line)) for line in counts)
    column_totals = tuple(Cell(sum(line[j] for line in counts)) for j in range(len(columns)))
    return Matrix(
        tuple(INCOMES[r] for r in rows),
        tuple(INCOMES[c] for c in columns),
        tuple(tuple(line) for line in cells),
        row_totals,
        column_totals,
    )


def outcomes_by_sex(found: Tally) -> Matrix:
    """The year's exits: end reason (rows) against sex (columns), protected like any cross table."""
    rows = [k for k in END_REASONS if any(r == k and n for (r, _s), n in found.reasons.items())]
    counts = [[found.reasons.get((r, s), 0) for s in SEXES] for r in rows]
    return Matrix(
        tuple(END_REASONS[r] for r in rows),
        tuple(SEXES.values()),
        tuple(tuple(line) for line in protect_matrix(counts)),
        tuple(Cell(sum(line)) for line in counts),
        tuple(Cell(sum(line[j] for line in counts)) for j in range(len(SEXES))),
    )


def _subgoals(
    found: Tally, reasons: Mapping[str, int], targets: Mapping[str, Target]
) -> tuple[SubGoal, ...]:
    work = sum(reasons.get(k, 0) for k in IN_WORK_OR_STUDIES)
    return (
        SubGoal("work_or_studies", work, found.ended, targets.get("work_or_studies")),
        SubGoal("steps", found.stepped, found.ended, targets.get("steps")),
        SubGoal("quality", found.higher, found.rated, targets.get("quality")),
    )


def _decimal(value: float, sign: bool = False) -> str:
    text = f"{value:+.1f}" if sign else f"{value:.1f}"
    return text.replace(".", ",").replace("-", "−")


def _quality_change(found: Tally) -> str | None:
    if found.rated < 5:
        return None
    return _decimal(found.quality_sum / found.rated, sign=True)


def _months(days: Mapping[int, int]) -> str | None:
    """The median time from start to end, in months of 30.44 days."""
    if sum(days.values()) < 5:
        return None
    return _decimal(_median(days) / 30.44)


def _median(counts: Mapping[int, int]) -> float:
    """The median of the values counted in `counts`, as `statistics.median` gives it."""
    ordered = sorted(counts.items())
    whole = sum(counts.values())
    low, high = _nth(ordered, (whole - 1) // 2), _nth(ordered, whole // 2)
    return low if whole % 2 else (low + high) / 2


def _nth(ordered: Sequence[tuple[int, int]], index: int) -> int:
    """The value at `index` (from 0) among the values counted in `ordered`, smallest first."""
    for value, count in ordered:
        if index < count:
            return value
        index -= count
    raise IndexError(index)


def as_data(found: Report) -> dict[str, Any]:
    """The report as JSON-ready data: every count under five is the string "<5"."""
    return {
        "year": found.year,
        "participants": found.participants.shown,
        "by_sex": found.by_sex.as_data(),
        "by_age": found.by_age.as_data(),
        "exits": found.exits.shown,
        "outcomes": found.outcomes.as_data(),
        "income_before_after": found.income.as_data(),
        "subgoals": [
            {
                "measure": g.measure,
                "label": g.label,
                "share": g.share,
                "target": str(g.target) if g.target else None,
                "verdict": g.verdict,
            }
            for g in found.subgoals
        ],
        "quality_change": found.quality_change,
        "months_in_insats": found.months_in_insats,
        "cost_per_participant": (
            None
            if found.cost_per_participant is None
            else rounded_kronor(found.cost_per_participant)
        ),
    }
