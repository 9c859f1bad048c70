"""What each main page costs per view: database queries and processor time, in one process.

    DATABASE_URL=postgres://…/name python tools/bench_views.py prepare [--grow N]
    DATABASE_URL=postgres://…/name python tools/bench_views.py measure [--rounds N]

`prepare` loads the demo into the (empty) database, revises the demo förbund's decided budget
once (a förslag, as the load test does) and, with --grow, adds N insatser with 30 participants
each and N budget lines to the same förbund (a bigger förbund). `measure` asks for each page
through Django's test client as the demo's chef: one untimed view first, then ROUNDS views,
and prints per page the number of queries (CaptureQueriesContext), the median processor time
of this process (`time.process_time`: the app's Python, not the database server's) and the
median wall-clock time (which includes the round trips to the database). As under
`samordna serve`, the connection is handed back after each view (`close_old_connections`, which
keeps it only as long as the database's CONN_MAX_AGE says), so a new connection per view shows
in the wall-clock time. The machine is
shared, so compare figures taken in the same minutes, code before and after alternated.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date
from typing import Any

DEMO_SLUG = "trollhattan-lilla-edet-grastorp"
ROUNDS = 15
EPISODES_PER_INSATS = 30


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("prepare", "measure"))
    parser.add_argument("--grow", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samordna.settings")
    import django

    django.setup()
    if args.action == "prepare":
        prepare(args.grow)
    else:
        measure(args.rounds)


def prepare(grow: int) -> None:
    from samordna.cli import main as samordna

    samordna(["demo"])
    association = _association()
    version = _revision(association)
    for number in range(grow):
        _grow(association, version, number)


def _association() -> Any:
    from samordna.associations.models import Association

    return Association.objects.get(slug=DEMO_SLUG)


def _revision(association: Any) -> Any:
    from samordna.budgets import services
    from samordna.budgets.models import Budget

    budget = Budget.objects.get(association=association, scenario_of=None)
    return services.revise(services.current_version(budget), user=None)


def _grow(association: Any, version: Any, number: int) -> None:
    from samordna.budgets import services
    from samordna.followup.models import Episode
    from samordna.interventions.models import Intervention

    members = list(association.members.all())
    insats = Intervention.objects.create(
        association=association,
        name=f"Tillväxt {number}",
        kind="individual",
        status="pagaende",
        start=date(2025, 1, 1),
        end=date(2027, 12, 31),
    )
    insats.members.set(members[:3])
    Episode.objects.bulk_create(
        Episode(
            intervention=insats,
            sex="man" if n % 2 else "kvinna",
            birth_year=1970 + n % 30,
            start=date(2026, 1 + n % 12, 1),
            main_referrer=members[0],
        )
        for n in range(EPISODES_PER_INSATS)
    )
    line = services.add_line(version, "individual", f"Tillväxt {number}")
    services.set_amounts(version, {(line.pk, version.budget.years[0]): 10_000_00 * (number + 1)})


def pages(association: Any) -> dict[str, str]:
    from django.urls import reverse

    from samordna.budgets.models import Budget
    from samordna.followup.models import Episode

    slug = association.slug
    budget = Budget.objects.get(association=association, scenario_of=None)
    version = budget.versions.order_by("-number")[0]
    episode = Episode.objects.filter(intervention__association=association).order_by("pk").first()
    assert episode is not None and not version.is_locked, "run `prepare` first"
    return {
        "översikten": reverse("association", args=[slug]),
        "budgeten": reverse("budget", args=[slug, budget.pk]),
        "insatserna": reverse("interventions", args=[slug]),
        "uppföljningen": reverse("followup", args=[slug]),
        "deltagarformuläret": reverse("episode", args=[slug, episode.pk]),
        "budgetraderna": reverse("budget_edit", args=[slug, budget.pk, version.number]),
    }


def measure(rounds: int) -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username="chef"))
    for name, url in pages(_association()).items():
        queries, cpu, wall = _views(client, url, rounds)
        print(f"{name:20} {queries:4} frågor  cpu {cpu * 1000:6.1f} ms  vägg {wall * 1000:6.1f} ms")


def _views(client: Any, url: str, rounds: int) -> tuple[int, float, float]:
    from django.db import close_old_connections, connection
    from django.test.utils import CaptureQueriesContext

    assert client.get(url).status_code == 200, url  # untimed: the process's caches
    cpu, wall = [], []
    for _ in range(rounds):
        with CaptureQueriesContext(connection) as queries:
            started, ticks = time.perf_counter(), time.process_time()
            response = client.get(url)
            close_old_connections()  # as the server does when a request has finished
            cpu.append(time.process_time() - ticks)
            wall.append(time.perf_counter() - started)
        assert response.status_code == 200, url
    return len(queries), statistics.median(cpu), statistics.median(wall)


if __name__ == "__main__":
    main(sys.argv[1:])
