"""The follow-up counted by the database (GROUP BY per insats) against the same counts made
from the episodes one by one, on the demo and on generated data, and the published report
built from the database's counts against the one built from episodes and protected the same
way (with the delårsrapport's months): the same cells, the same "<5" and "x"."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samordna.associations.models import Association
from samordna.core import followup
from samordna.core.followup_disclosure import hidden_cells, linked_set, protect_reports
from samordna.core.followup_so_far import NOT_ENDED, SoFar, add_months
from samordna.demo.national import build
from samordna.followup import aggregates, services
from samordna.followup.models import Episode
from samordna.followup.so_far import so_far_counts

YEARS = range(2016, 2027)


def _one_by_one(association: Association, year: int) -> dict[int, followup.Tally]:
    """Each individual insats's tally made from its episodes read one by one."""
    found = {}
    for insats in association.interventions.filter(kind="individual"):
        episodes = Episode.objects.filter(intervention=insats).prefetch_related("steps")
        found[insats.pk] = followup.tally(services.all_facts(episodes), year)
    return found


def _same(first: followup.Tally, second: followup.Tally) -> bool:
    """Equal counts (a count of 0 and a missing key are the same)."""
    return followup.counted(first, 2020) == followup.counted(second, 2020) and all(
        {k: v for k, v in getattr(first, name).items() if v}
        == {k: v for k, v in getattr(second, name).items() if v}
        for name in ("sex", "birth_years", "reasons", "income", "days")
    )


def _check_tallies(association: Association, year: int) -> None:
    counted = aggregates.tallies(association, year)
    expected = _one_by_one(association, year)
    assert counted.keys() <= expected.keys()
    for pk, tally in expected.items():
        assert _same(counted.get(pk, followup.Tally()), tally), (association.slug, year, pk)
    individual = association.interventions.filter(kind="individual")
    by_month = so_far_counts(individual, year)
    assert by_month == _so_far_one_by_one(association, year), (association.slug, year)


def test_the_database_counts_the_demo_as_the_episodes_do(demo):
    for association in demo.values():
        for year in YEARS:
            _check_tallies(association, year)


def test_the_published_report_hides_the_same_cells_as_when_counted_from_episodes(demo):
    association = demo["trollhattan-lilla-edet-grastorp"]
    for year in (2020, 2021):
        reports, matrix = services.published(association, year)
        individual = association.interventions.filter(kind="individual")
        groups = services._groups(association, [i.pk for i in individual], None)
        expected = _from_episodes(association, year, groups)
        assert {s: followup.as_data(r) for s, r in reports.items()} == {
            s: followup.as_data(r) for s, r in expected[0].items()
        }
        assert matrix == expected[1]
        hidden = [c for r in reports.values() for c in r.outcomes.cells if not c.is_shown]
        assert hidden, "the demo's years have small groups to hide"


def _from_episodes(association, year, groups):
    tallies = _one_by_one(association, year)
    goals = services.targets(association, year)
    reports = {pk: followup.counted(t, year, goals) for pk, t in tallies.items()}
    for scope, members in groups.items():
        reports[scope] = followup.counted(followup.total(tallies[m] for m in members), year, goals)
    costs = {s: r.cost for s, r in services.published(association, year)[0].items()}
    reports = {s: replace(r, cost=costs[s]) for s, r in reports.items()}  # from the actuals
    matrix = followup.outcomes_by_sex(followup.total(tallies.values()))
    reports = services._income_for_all_only(reports)
    linked = linked_set(reports, groups, matrix)
    add_months(linked, _so_far_one_by_one(association, year))
    hidden = hidden_cells(linked, groups)
    return protect_reports(reports, groups, matrix, hidden=hidden)


def _so_far_one_by_one(association: Association, year: int) -> dict[int, SoFar]:
    """The delårsrapport's counts by month, from the episodes read one by one."""
    found = {}
    for insats in association.interventions.filter(kind="individual"):
        begun: dict[tuple[int, str], int] = {}
        ended: dict[int, int] = {}
        for e in Episode.objects.filter(intervention=insats):
            if e.start.year > year or (e.end is not None and e.end.year < year):
                continue
            first = 1 if e.start.year < year else e.start.month
            last = e.end.month if e.end is not None and e.end.year == year else NOT_ENDED
            begun[(first, e.sex)] = begun.get((first, e.sex), 0) + 1
            ended[last] = ended.get(last, 0) + 1
        found[insats.pk] = SoFar(begun, ended)
    return found


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    from tests.conftest import kept_for_module

    with kept_for_module(django_db_blocker):
        build(4000, associations=3, years=4, largest=6)
        yield


def test_the_database_counts_generated_episodes_as_the_episodes_do(generated, db):
    associations = Association.objects.filter(slug__startswith="matforbund-")
    assert associations.count() == 3
    assert Episode.objects.filter(intervention__association__in=associations).count() == 4000
    for association in associations:
        for year in range(2017, 2022):
            _check_tallies(association, year)


def test_counting_takes_as_many_queries_for_a_large_förbund_as_for_a_small(generated, db):
    sizes = []
    for association in Association.objects.filter(slug__startswith="matforbund-"):
        with CaptureQueriesContext(connection) as queries:
            aggregates.tallies(association, 2019)
        sizes.append(len(queries))
    assert len(set(sizes)) == 1
    assert sizes[0] <= 5  # four GROUP BY and the counts that retention kept


def test_a_participant_added_after_a_count_is_in_the_next_count(generated, db):
    association = Association.objects.get(slug="matforbund-01")
    insats = association.interventions.filter(kind="individual").first()
    before = aggregates.tallies(association, 2019)  # the SQL is kept for the next count
    Episode.objects.create(
        intervention=insats, sex="kvinna", birth_year=1980, start="2019-03-01", end="2019-09-30"
    )
    after = aggregates.tallies(association, 2019)
    empty = followup.Tally()
    assert after[insats.pk].ran == before.get(insats.pk, empty).ran + 1
    assert after[insats.pk].ended == before.get(insats.pk, empty).ended + 1
    assert after[insats.pk].sex["kvinna"] == before.get(insats.pk, empty).sex.get("kvinna", 0) + 1
