"""The reports at national size, run by `make bench` (tools/bench.py) once per database.

`python tools/bench_reports.py EPISODES` builds the national-size data set
(`samordna.demo.national`: 80 förbund, ten years, EPISODES episodes) in the database that
DATABASE_URL names (which must be empty), then times, for the largest förbund's middle year:
the hand-written GROUP BY that answers the report's question over the same rows, the
database's counts as Samordna makes them (`followup.aggregates`; the two taken in turns, so
that a change in the machine's load falls on both), the old way of reading every
episode and counting in Python, the whole protected report the first time and again, in
a process that reads the protection from the database, the national export and the
indicator report. It prints one JSON object.

`python tools/bench_reports.py --existing` measures the data set already in DATABASE_URL
(built earlier by `samordna.demo.national`, for instance the 1 000 000 episodes that take
minutes to build) without building or changing anything but the stored protection; the
largest förbund is the one with the most episodes. `--quick` (with either) leaves out the
old way, which takes most of a minute at 1 000 000.

`bench_reports(Measurement)` runs that in a subprocess on a new SQLite file and, when
SAMORDNA_BENCH_DATABASE_URL names a PostgreSQL server, in a new database on it (created and
dropped again), and returns the measurements. Loopback only: nothing leaves the machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

YEAR = 2021
RUNS = 5
TURNS = 9

HAND_WRITTEN = [
    """SELECT e.intervention_id, e.sex, e.birth_year, COUNT(*) FROM followup_episode e
       JOIN interventions_intervention i ON i.id = e.intervention_id
       WHERE i.association_id = %(a)s AND i.kind = 'individual' AND e.start <= %(last)s
         AND (e."end" IS NULL OR e."end" >= %(first)s)
       GROUP BY e.intervention_id, e.sex, e.birth_year""",
    """SELECT e.intervention_id, e.end_reason, e.sex, COUNT(*),
         SUM(CASE WHEN EXISTS (SELECT 1 FROM followup_stepchange s WHERE s.episode_id = e.id)
             THEN 1 ELSE 0 END),
         SUM(CASE WHEN e.quality_start IS NOT NULL AND e.quality_end IS NOT NULL
             THEN 1 ELSE 0 END),
         SUM(CASE WHEN e.quality_end > e.quality_start THEN 1 ELSE 0 END),
         SUM(e.quality_end - e.quality_start)
       FROM followup_episode e JOIN interventions_intervention i ON i.id = e.intervention_id
       WHERE i.association_id = %(a)s AND i.kind = 'individual'
         AND e."end" >= %(first)s AND e."end" <= %(last)s
       GROUP BY e.intervention_id, e.end_reason, e.sex""",
    """SELECT e.intervention_id, e.income_start, e.income_end, COUNT(*)
       FROM followup_episode e JOIN interventions_intervention i ON i.id = e.intervention_id
       WHERE i.association_id = %(a)s AND i.kind = 'individual'
         AND e."end" >= %(first)s AND e."end" <= %(last)s
         AND e.income_start <> '' AND e.income_end <> ''
       GROUP BY e.intervention_id, e.income_start, e.income_end""",
    """SELECT e.intervention_id, {days}, COUNT(*)
       FROM followup_episode e JOIN interventions_intervention i ON i.id = e.intervention_id
       WHERE i.association_id = %(a)s AND i.kind = 'individual'
         AND e."end" >= %(first)s AND e."end" <= %(last)s
       GROUP BY e.intervention_id, {days}""",
]
DAYS = {
    "sqlite": 'CAST(julianday(e."end") - julianday(e.start) AS INTEGER)',
    "postgresql": '(e."end" - e.start)',
}


def best_of(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def in_turns(first: Callable[[], object], second: Callable[[], object]) -> tuple[float, float]:
    """The best of TURNS of each, run one after the other in turns."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(TURNS):
        for action, found in zip((first, second), times, strict=True):
            start = time.perf_counter()
            action()
            found.append(time.perf_counter() - start)
    return min(times[0]), min(times[1])


def _hand_written(association_pk: int) -> None:
    from datetime import date

    from django.db import connection

    days = DAYS[connection.vendor]
    params: dict[str, Any] = {
        "a": association_pk,
        "first": date(YEAR, 1, 1),
        "last": date(YEAR, 12, 31),
    }
    with connection.cursor() as cursor:
        for sql in HAND_WRITTEN:
            cursor.execute(sql.replace("{days}", days), params)
            cursor.fetchall()


def _from_store(services: Any, disclosure: Any, association: Any) -> None:
    """The protected report in a process that has not solved it: read from the database."""
    disclosure._DONE.clear()
    services.published(association, YEAR)


def measure(episodes: int | None, quick: bool = False) -> dict[str, Any]:
    """Build the data set in DATABASE_URL (None: measure the one there) and time the reports
    (run in its own process)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from samordna.cli import setup_django

    setup_django()
    from samordna.associations.models import Association
    from samordna.core import disclosure, followup
    from samordna.demo.national import build
    from samordna.followup import aggregates, national, services
    from samordna.followup.models import Episode

    found: dict[str, Any] = {"build": None}
    if episodes is None:
        association = _largest()
    else:
        start = time.perf_counter()
        association = Association.objects.get(slug=build(episodes).largest)
        found["build"] = time.perf_counter() - start
    rows = Episode.objects.filter(
        intervention__association=association, intervention__kind="individual"
    )
    found["episodes"] = Episode.objects.count()
    found["rows"] = aggregates.ran_in(rows, YEAR).count()
    found["hand"], found["orm"] = in_turns(
        lambda: _hand_written(association.pk), lambda: aggregates.tallies(association, YEAR)
    )
    found["hand_again"], found["orm_new_sql"] = in_turns(
        lambda: _hand_written(association.pk), lambda: _new_sql(aggregates, association)
    )
    found["rows_python"] = None
    if not quick:
        found["rows_python"] = best_of(
            lambda: followup.tally(services.all_facts(rows.prefetch_related("steps")), YEAR), 1
        )
    disclosure._DONE.clear()
    found["first_view"] = best_of(lambda: services.published(association, YEAR), 1)
    found["again"] = best_of(lambda: services.published(association, YEAR))
    found["stored"] = best_of(lambda: _from_store(services, disclosure, association))
    found["national"] = best_of(lambda: national.insats_figures(association, YEAR))
    found["indicators"] = best_of(lambda: services.indicator_rows(association, YEAR))
    return found


def _new_sql(aggregates: Any, association: Any) -> None:
    """The counts with the SQL written anew by the ORM, as the first time in a process."""
    aggregates._statements.cache_clear()
    aggregates.tallies(association, YEAR)


def _largest() -> Any:
    """The förbund with the most episodes."""
    from django.db.models import Count

    from samordna.associations.models import Association

    counted = Association.objects.annotate(n=Count("interventions__episodes"))
    return counted.order_by("-n", "pk").first()


def _run(url: str, episodes: int) -> dict[str, Any]:
    environment = {**os.environ, "DATABASE_URL": url}
    done = subprocess.run(
        [sys.executable, __file__, str(episodes)],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _postgres(url: str, episodes: int) -> dict[str, Any]:
    """In a new database beside the one `url` names, dropped afterwards."""
    import psycopg

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/')}_rapporter"
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        return _run(urlunsplit(parts._replace(path=f"/{name}")), episodes)
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _measurements(make: Any, where: str, episodes: int, found: dict[str, Any]) -> list[Any]:
    size = f"{episodes:,}".replace(",", " ")
    what = f"{where}, {size} deltagarperioder, 80 förbund, största förbundets {YEAR}"
    rows = f"{found['rows']:,}".replace(",", " ")
    ratio = f"{found['orm'] / found['hand']:.2f}".replace(".", ",")
    fresh = f"{found['orm_new_sql'] / found['hand_again']:.2f}".replace(".", ",")
    again = f"{found['hand_again']:.3f}".replace(".", ",")
    turns = f"{what}, turvis, bäst av {TURNS}"
    return [
        make("bygga datamängden", what, found["build"]),
        make("handskriven GROUP BY", f"{turns}: {rows} perioder under året", found["hand"]),
        make("uppföljningens räkning i databasen", f"{turns}: {ratio} × GROUP BY", found["orm"]),
        make(
            "samma räkning, SQL-texten skriven på nytt (första gången i processen)",
            f"{turns}: {fresh} × GROUP BY i samma turer ({again} s)",
            found["orm_new_sql"],
        ),
        make("samma räkning rad för rad (förut)", what, found["rows_python"]),
        make("uppföljningsrapport med skydd, första visningen", what, found["first_view"]),
        make("uppföljningsrapport med skydd, igen", what, found["again"]),
        make(
            "uppföljningsrapport med skydd, ny process (skyddet ur databasen)",
            what,
            found["stored"],
        ),
        make("Uppföljning Finsam-export", what, found["national"]),
        make("indikatorrapport", what, found["indicators"]),
    ]


def bench_reports(make: Any) -> list[Any]:
    """The measurements on SQLite and, when configured, on PostgreSQL, with as many episodes as
    SAMORDNA_BENCH_EPISODES says (100 000 unless set; 1 000 000 is the national size)."""
    episodes = int(os.environ.get("SAMORDNA_BENCH_EPISODES", "100000"))
    with tempfile.TemporaryDirectory() as folder:
        found = _run(f"sqlite:///{folder}/rapporter.sqlite3", episodes)
    results = _measurements(make, "SQLite", episodes, found)
    url = os.environ.get("SAMORDNA_BENCH_DATABASE_URL", "")
    if url.startswith("postgres"):
        results += _measurements(make, "PostgreSQL", episodes, _postgres(url, episodes))
    return results


if __name__ == "__main__":
    size = None if "--existing" in sys.argv else int(sys.argv[1])
    print(json.dumps(measure(size, quick="--quick" in sys.argv)))
