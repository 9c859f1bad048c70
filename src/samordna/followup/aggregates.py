"""The year's follow-up counted by the database: a few GROUP BY queries per förbund and year,
whatever the number of episodes, each grouped by insats so that every published scope (an
insats, a staff member's insatser, the förbund) is a sum of the same per-insats tallies.

The counts are exactly those `core.followup.tally` makes from episodes one by one; the tests
compare the two on the demo and on generated data.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from django.db import connection
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

from samordna.associations.models import Association
from samordna.core.followup import Tally
from samordna.core.stored_tally import from_json
from samordna.followup.models import Episode, RemovedTally, StepChange

Parts = defaultdict[int, dict[str, Any]]  # per insats, the keyword arguments of its Tally


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


def tallies(association: Association, year: int) -> dict[int, Tally]:
    """The year's tally of each of the förbund's individual insatser that has episodes or
    kept counts in the year (others have none: `Tally()`), with the counts that retention
    kept of the episodes it removed."""
    mine = Episode.objects.filter(
        intervention__association=association, intervention__kind="individual"
    )
    last = date(year, 12, 31)
    ran = ran_in(mine, year)
    ended = mine.filter(start__lte=last, end__gte=date(year, 1, 1), end__lte=last)
    parts: Parts = defaultdict(_empty)
    _count_ran(ran, parts)
    _count_ended(ended, parts)
    _count_income(ended, parts)
    _count_days(ended, parts)
    found = {pk: Tally(**counts) for pk, counts in parts.items()}
    kept = RemovedTally.objects.filter(
        association=association, intervention__kind="individual", year=year
    )
    for pk, counts in kept.order_by().values_list("intervention_id", "counts"):
        found[pk] = found.get(pk, Tally()) + from_json(counts)
    return found


def ran_in(episodes: QuerySet[Episode], year: int) -> QuerySet[Episode]:
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


def _grouped(episodes: QuerySet[Episode], *fields: str, **sums: Any) -> list[tuple[Any, ...]]:
    """One row per insats and value of `fields`: the insats, the values, the count and the
    `sums`, in that order."""
    grouped = (
        episodes.order_by()
        .values("intervention_id", *fields)
        .annotate(n=Count("*"), **sums)
        .values_list("intervention_id", *fields, "n", *sums)
    )
    return fetched(grouped)


def fetched(rows: QuerySet[Any]) -> list[tuple[Any, ...]]:
    """The query's rows as the database gives them. The ORM writes the SQL; the rows skip its
    per-value converters, which have nothing to do here (ids, codes, counts and whole
    numbers, the same types on SQLite and PostgreSQL) and took a third of the time."""
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _count_ran(ran: QuerySet[Episode], parts: Parts) -> None:
    for pk, sex, birth_year, n in _grouped(ran, "sex", "birth_year"):
        part = parts[pk]
        part["ran"] += n
        part["sex"][sex] = part["sex"].get(sex, 0) + n
        part["birth_years"][birth_year] = part["birth_years"].get(birth_year, 0) + n


def _count_ended(ended: QuerySet[Episode], parts: Parts) -> None:
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
    for pk, reason, sex, n, stepped_n, rated_n, higher_n, change in rows:
        part = parts[pk]
        part["ended"] += n
        part["reasons"][reason, sex] = n  # one row per insats, reason and sex
        part["stepped"] += stepped_n
        part["rated"] += rated_n
        part["higher"] += higher_n
        part["quality_sum"] += change or 0


def _count_income(ended: QuerySet[Episode], parts: Parts) -> None:
    known = ended.exclude(income_start="").exclude(income_end="")
    for pk, start, end, n in _grouped(known, "income_start", "income_end"):
        parts[pk]["income"][start, end] = n  # one row per insats and pair


def _count_days(ended: QuerySet[Episode], parts: Parts) -> None:
    spans = ended.annotate(days=DaysBetween(F("end"), F("start")))
    for pk, days, n in _grouped(spans, "days"):
        parts[pk]["days"][days] = n  # one row per insats and length
