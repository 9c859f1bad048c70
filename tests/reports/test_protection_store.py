"""The joint protection's choice kept in the database: another worker or a restart shows the
same hidden cells without solving again, and a changed count gives a new key and its own
choice, the one solving from scratch gives."""

from __future__ import annotations

from datetime import date

import pytest

from samordna.core import disclosure
from samordna.followup import services
from samordna.followup.models import Episode, ProtectionResult

YEAR = 2021


@pytest.fixture
def fresh_process():
    """Forget what this process has solved, as another worker or a restart would."""
    disclosure._DONE.clear()
    yield
    disclosure._DONE.clear()


def _hidden(published) -> list[object]:
    reports, _matrix = published
    return [(s, c) for s, r in reports.items() for c in r.outcomes.cells if not c.is_shown]


def test_another_process_shows_the_stored_choice_without_solving(demo, fresh_process, monkeypatch):
    association = demo["trollhattan-lilla-edet-grastorp"]
    before = ProtectionResult.objects.count()
    first = services.published(association, YEAR)
    assert ProtectionResult.objects.count() == before + 1
    assert _hidden(first), "the demo's year has small groups to hide"

    disclosure._DONE.clear()

    def solve(linked):
        raise AssertionError("the stored choice was not used")

    monkeypatch.setattr(disclosure, "_protect", solve)
    assert services.published(association, YEAR) == first


def test_a_changed_count_gives_a_new_key_and_the_choice_solved_anew(
    demo, fresh_process, monkeypatch
):
    association = demo["trollhattan-lilla-edet-grastorp"]
    services.published(association, YEAR)
    keys = set(ProtectionResult.objects.values_list("key", flat=True))
    insats = association.interventions.filter(kind="individual").order_by("pk").first()
    Episode.objects.create(
        intervention=insats, sex="kvinna", birth_year=1990, start=date(YEAR, 3, 1)
    )

    changed = services.published(association, YEAR)
    assert len(set(ProtectionResult.objects.values_list("key", flat=True)) - keys) == 1

    disclosure._DONE.clear()
    monkeypatch.setattr(services, "STORE", None)
    assert services.published(association, YEAR) == changed


def test_the_fingerprint_follows_every_value():
    linked = disclosure.LinkedSet()
    for key, value in (("a", 3), ("b", 9), ("c", 12)):
        linked.add(key, value)
    linked.add_sum("c", ("a", "b"))
    same = disclosure.LinkedSet(dict(linked.values), list(linked.equations))
    other = disclosure.LinkedSet({"a": 4, "b": 8, "c": 12}, list(linked.equations))
    assert disclosure.fingerprint(same) == disclosure.fingerprint(linked)
    assert disclosure.fingerprint(other) != disclosure.fingerprint(linked)
