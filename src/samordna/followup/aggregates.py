"""The year's follow-up counted by the database: a few GROUP BY queries per förbund and year,
whatever the number of episodes, each grouped by insats so that every published scope (an
insats, a staff member's insatser, the förbund) is a sum of the same per-insats tallies.

The counts are exactly those `core.followup.tally` makes from episodes one by one; the tests
compare the two on the demo and on generated data.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import (
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Sum,
)

from samordna.core.followup import Tally
from samordna.core.stored_tally import from_json
from samordna.followup.models import Episode, RemovedTally, StepChange
from samordna.interventions.models import Intervention


class DaysBetween(Func):
    """Whole days from the second date to the first (`end - start`)."""

    arity = 2
    output_field = IntegerField()
    template = "(%(expressions)s)"
    arg_joiner = " - "

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(",
            **extra,
        )


def tallies(interventions: QuerySet[Intervention], year: int) -> dict[int, Tally]:
    """Each insats's tally of the year (an insats without episodes has an empty one), with
    the counts that retention kept of the episodes it removed."""
    ran = _ran(Episode.objects.filter(intervention__in=interventions), year)
    ended = ran.filter(end__gte=date(year, 1, 1), end__lte=date(year, 12, 31))
    parts: dict[int, dict[str, Any]] = {
        pk: _empty() for pk in interventions.values_list("pk", flat=True)
    }
    _count_ran(ran, parts)
    _count_ended(ended, parts)
    _count_income(ended, parts)
    _count_days(ended, parts)
    found = {pk: Tally(**counts) for pk, counts in parts.items()}
    for row in RemovedTally.objects.filter(intervention__in=interventions, year=year):
        found[row.intervention_id] = found[row.intervention_id] + from_json(row.counts)
    return found


def _ran(episodes: QuerySet[Episode], year: int) -> QuerySet[Episode]:
    """The episodes that ran at some time during the year."""
    return episodes.filter(start__lte=date(year, 12, 31)).filter(
        Q(end=None) | Q(end__gte=date(year, 1, 1))
    )


def _empty() -> dict[str, Any]:
    return {
        "ran": 0,
        "sex": {},
        "birth_years": {},
        "ended": 0,
        "reasons": {},
        "income": {},
        "stepped": 0,
        "rated": 0,
        "higher": 0,
        "quality_sum": 0,
        "days": {},
    }


def _grouped(episodes: QuerySet[Episode], *fields: str, **sums: Any) -> Iterable[Any]:
    """One row per insats and value of `fields`, with its count `n` and the `sums`."""
    return (
        episodes.order_by()
        .values("intervention_id", *fields)
        .annotate(n=Count("pk"), **sums)
        .values_list("intervention_id", *fields, "n", *sums, named=True)
    )


def _bump(found: dict[Any, int], key: Any, count: int) -> None:
    found[key] = found.get(key, 0) + count


def _count_ran(ran: QuerySet[Episode], parts: dict[int, dict[str, Any]]) -> None:
    for row in _grouped(ran, "sex", "birth_year"):
        part = parts[row.intervention_id]
        part["ran"] += row.n
        _bump(part["sex"], row.sex, row.n)
        _bump(part["birth_years"], row.birth_year, row.n)


def _count_ended(ended: QuerySet[Episode], parts: dict[int, dict[str, Any]]) -> None:
    """Exits by end reason and sex, with the sub-goals' counts."""
    rated = Q(quality_start__isnull=False, quality_end__isnull=False)
    stepped = Exists(StepChange.objects.filter(episode=OuterRef("pk")))
    rows = _grouped(
        ended.annotate(stepped=stepped),
        "end_reason",
        "sex",
        stepped_n=Count("pk", filter=Q(stepped=True)),
        rated_n=Count("pk", filter=rated),
        higher_n=Count("pk", filter=rated & Q(quality_end__gt=F("quality_start"))),
        change=Sum(F("quality_end") - F("quality_start"), filter=rated),
    )
    for row in rows:
        part = parts[row.intervention_id]
        part["ended"] += row.n
        _bump(part["reasons"], (row.end_reason, row.sex), row.n)
        part["stepped"] += row.stepped_n
        part["rated"] += row.rated_n
        part["higher"] += row.higher_n
        part["quality_sum"] += row.change or 0


def _count_income(ended: QuerySet[Episode], parts: dict[int, dict[str, Any]]) -> None:
    known = ended.exclude(income_start="").exclude(income_end="")
    for row in _grouped(known, "income_start", "income_end"):
        _bump(parts[row.intervention_id]["income"], (row.income_start, row.income_end), row.n)


def _count_days(ended: QuerySet[Episode], parts: dict[int, dict[str, Any]]) -> None:
    spans = ended.annotate(days=DaysBetween(F("end"), F("start")))
    for row in _grouped(spans, "days"):
        _bump(parts[row.intervention_id]["days"], row.days, row.n)
