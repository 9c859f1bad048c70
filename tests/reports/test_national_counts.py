"""The Uppföljning Finsam export counted by the database (one GROUP BY per insats and sex)
against the export as it was made before: every episode of the förbund read and counted one by
one in Python. The whole document, cell for cell, on the demo and on generated data."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import Max, Min
from django.test.utils import CaptureQueriesContext

from samordna.associations.models import Association
from samordna.documents import national as finsam
from samordna.followup import national, services
from samordna.followup.models import Episode
from samordna.followup.national import Counts


def _one_by_one(association: Association, year: int) -> dict[int, Counts]:
    """The counts the way the export made them before: each episode read and counted."""
    found = {}
    for insats in association.interventions.filter(kind="individual"):
        episodes = services.all_facts(insats.episodes.prefetch_related("steps"))
        ran = [e for e in episodes if e.ran_in(year)]
        found[insats.pk] = Counts(
            women=sum(1 for e in ran if e.sex == "kvinna"),
            men=sum(1 for e in ran if e.sex == "man"),
            started=sum(1 for e in ran if e.start.year == year),
            ended=sum(1 for e in ran if e.ended_in(year)),
        )
    return found


def _cells(association: Association, year: int) -> list[tuple[str, list[tuple]]]:
    document = finsam.build(association, year)
    return [(t.caption, [tuple(r.cells) for r in t.rows]) for t in document.tables()]


def _years(association: Association) -> range:
    """From the year before the first episode to the year after the last one ended."""
    span = Episode.objects.filter(intervention__association=association).aggregate(
        first=Min("start"), last=Max("end")
    )
    return range(span["first"].year - 1, span["last"].year + 2)


def _check(association: Association, monkeypatch: pytest.MonkeyPatch) -> int:
    """The export of every year the förbund has episodes in as before; returns how many
    participants the exports counted (so a test can see that there was something to count)."""
    counted = 0
    for year in _years(association):
        new = _cells(association, year)
        with monkeypatch.context() as old_way:
            old_way.setattr(national, "exact_counts", _one_by_one)
            old = _cells(association, year)
        assert new == old, (association.slug, year)
        counted += sum(
            f.counts.total for f in national.insats_figures(association, year) if f.counts
        )
    return counted


def test_the_export_counts_the_demo_as_when_every_episode_was_read(demo, monkeypatch):
    for slug in ("sodra-roslagen", "trollhattan-lilla-edet-grastorp", "vanersborg-mellerud"):
        assert _check(demo[slug], monkeypatch) > 0, slug


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    from samordna.demo.national import build
    from tests.conftest import kept_for_module

    with kept_for_module(django_db_blocker):
        build(3000, associations=3, years=4, largest=6)
        yield


def test_the_export_counts_generated_episodes_as_when_every_episode_was_read(
    generated, db, monkeypatch
):
    associations = Association.objects.filter(slug__startswith="matforbund-")
    assert associations.count() == 3
    for association in associations:
        assert _check(association, monkeypatch) > 0, association.slug


def test_the_export_takes_as_many_queries_for_a_large_förbund_as_for_a_small(generated, db):
    sizes = []
    for association in Association.objects.filter(slug__startswith="matforbund-"):
        with CaptureQueriesContext(connection) as queries:
            national.insats_figures(association, 2019)
        sizes.append(len(queries))
    assert len(set(sizes)) == 1
