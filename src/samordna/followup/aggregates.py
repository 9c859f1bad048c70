"""The year's follow-up counted by the database: a few GROUP BY queries per förbund and year,
whatever the number of episodes, each grouped by insats so that every published scope (an
insats, a staff member's insatser, the förbund) is a sum of the same per-insats tallies.

The counts are exactly those `core.followup.tally` makes from episodes one by one; the tests
compare the two on the demo and on generated data.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
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
Rows = list[tuple[Any, ...]]
Statement = tuple[str, tuple[Any, ...]]  # SQL and its parameters


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
    statements = _statements(connection.vendor, association.pk, year)
    ran, ended, income, days, kept = _read(statements)
    parts: Parts = defaultdict(_empty)
    _count_ran(ran, parts)
    _count_ended(ended, parts)
    _count_income(income, parts)
    _count_days(days, parts)
    found = {pk: Tally(**counts) for pk, counts in parts.items()}
    for pk, counts in kept:
        found[pk] = found.get(pk, Tally()) + from_json(_json(counts))
    return found


@lru_cache(maxsize=512)
def _statements(vendor: str, association_pk: int, year: int) -> tuple[Statement, ...]:
    """The SQL and parameters of the year's queries for one förbund, written by the ORM once
    per process, förbund and year (`vendor` in the key for a process that changes database):
    the text never changes, the rows are read anew every time."""
    mine = Episode.objects.order_by().filter(
        intervention__association=association_pk, intervention__kind="individual"
    )
    last = date(year, 12, 31)
    ended = mine.filter(start__lte=last, end__gte=date(year, 1, 1), end__lte=last)
    kept = RemovedTally.objects.order_by().filter(
        association=association_pk, intervention__kind="individual", year=year
    )
    queries = (
        _grouped(ran_in(mine, year), "sex", "birth_year"),
        _ended(ended),
        _grouped(
            ended.exclude(income_start="").exclude(income_end=""), "income_start", "income_end"
        ),
        _grouped(ended.annotate(days=DaysBetween(F("end"), F("start"))), "days"),
        kept.values_list("intervention_id", "counts"),
    )
    return tuple(query.query.sql_with_params() for query in queries)


def ran_in(episodes: QuerySet[Episode], year: int) -> QuerySet[Episode]:
    """The episodes that ran at some time during the year."""
    return episodes.filter(start__lte=date(year, 12, 31)).filter(
        Q(end=None) | Q(end__gte=date(year, 1, 1))
    )


def _grouped(episodes: QuerySet[Episode], *fields: str, **sums: Any) -> QuerySet[Episode]:
    """One row per insats and value of `fields`: the insats, the values, the count and the
    `sums`, in that order."""
    grouped = episodes.order_by().values("intervention_id", *fields)
    return grouped.annotate(n=Count("*"), **sums)


def _ended(ended: QuerySet[Episode]) -> QuerySet[Episode]:
    """Exits by end reason and sex, with the sub-goals' counts."""
    rated = Q(quality_start__isnull=False, quality_end__isnull=False)
    stepped = Exists(StepChange.objects.filter(episode=OuterRef("pk")))
    return _grouped(
        ended.annotate(stepped=stepped),
        "end_reason",
        "sex",
        stepped_n=Count("pk", filter=Q(stepped=True)),
        rated_n=Count("pk", filter=rated),
        higher_n=Count("pk", filter=rated & Q(quality_end__gt=F("quality_start"))),
        change=Sum(F("quality_end") - F("quality_start"), filter=rated),
    )


def fetched(rows: QuerySet[Any]) -> list[tuple[Any, ...]]:
    """The query's rows as the database gives them (see `_read`)."""
    return _read([rows.query.sql_with_params()])[0]


def _read(statements: Iterable[Statement]) -> list[list[tuple[Any, ...]]]:
    """Each statement's rows as the database gives them. The ORM wrote the SQL; the rows skip
    its per-value converters, which have nothing to do here (ids, codes, counts and whole
    numbers, the same types on SQLite and PostgreSQL) and took a third of the time."""
    with connection.cursor() as cursor:
        found = []
        for sql, params in statements:
            cursor.execute(sql, params)
            found.append(cursor.fetchall())
        return found


def _json(counts: str | dict[str, Any]) -> dict[str, Any]:
    """A JSON column as read without Django: text (SQLite, psycopg as Django sets it up)."""
    return json.loads(counts) if isinstance(counts, str) else counts


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


def _count_ran(rows: Rows, parts: Parts) -> None:
    for pk, sex, birth_year, n in rows:
        part = parts[pk]
        part["ran"] += n
        part["sex"][sex] = part["sex"].get(sex, 0) + n
        part["birth_years"][birth_year] = part["birth_years"].get(birth_year, 0) + n


def _count_ended(rows: Rows, parts: Parts) -> None:
    for pk, reason, sex, n, stepped_n, rated_n, higher_n, change in rows:
        part = parts[pk]
        part["ended"] += n
        part["reasons"][reason, sex] = n  # one row per insats, reason and sex
        part["stepped"] += stepped_n
        part["rated"] += rated_n
        part["higher"] += higher_n
        part["quality_sum"] += change or 0


def _count_income(rows: Rows, parts: Parts) -> None:
    for pk, start, end, n in rows:
        parts[pk]["income"][start, end] = n  # one row per insats and pair


def _count_days(rows: Rows, parts: Parts) -> None:
    for pk, days, n in rows:
        parts[pk]["days"][days] = n  # one row per insats and length
