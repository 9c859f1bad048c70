"""The förbund's own rules for participants' data: consent validity as a dated setting, the
data-protection page, and `samordna privacy retention` removing ended episodes after counting
them, all or nothing, with the history keeping who and when but not the values."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from samordna.audit.models import Change
from samordna.cli import main
from samordna.followup import retention
from samordna.followup.models import Episode, ParticipantRule, RemovedEpisodes
from tests.conftest import TODAY

pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture
def team(association):
    from samordna.interventions.models import Intervention

    insats = Intervention.objects.create(
        association=association, name="Deltagarteam", kind="individual"
    )
    insats.members.set(association.members.all()[:2])
    return insats


def _episode(team, end=None, **extra):
    values = dict(sex="kvinna", birth_year=1990, start=date(2022, 3, 1), end=end)
    values.update(extra)
    return Episode.objects.create(intervention=team, **values)


@pytest.fixture
def rule(association):
    return ParticipantRule.objects.create(
        association=association,
        valid_from=date(2025, 1, 1),
        consent_months=12,
        retention_months=24,
        decision="2024-11-28 §9",
    )


@time_machine.travel(TODAY, tick=False)
def test_a_consent_saved_on_the_page_holds_as_long_as_the_rule_of_its_day_says(
    client, association, chef, team, rule
):
    client.force_login(chef)
    data = {
        "intervention": team.pk,
        "sex": "kvinna",
        "birth_year": 1990,
        "start": "2026-03-01",
        "consent_given": "2026-03-01",
    }
    response = client.post(reverse("episode_new", args=[association.slug]), data)
    assert response.status_code == 302
    assert Episode.objects.get().consent_expires == date(2027, 3, 1)  # twelve months
    data["consent_given"] = "2024-03-01"  # before the rule: two years
    client.post(reverse("episode_new", args=[association.slug]), data)
    assert Episode.objects.order_by("pk").last().consent_expires == date(2026, 3, 1)


@time_machine.travel(TODAY, tick=False)
def test_retention_removes_only_what_ended_before_the_cutoff_and_keeps_the_counts(
    association, team, rule, capsys
):
    old = [_episode(team, date(2023, 5, 1), end_reason="arbete") for _ in range(3)]
    old.append(_episode(team, date(2024, 6, 14), sex="man", end_reason="studier"))
    kept = [_episode(team, date(2024, 6, 15)), _episode(team)]  # the cutoff day; running
    assert main(["privacy", "retention", "--association", association.slug]) == 0
    out = capsys.readouterr().out
    assert "4 deltagare som avslutades före 2024-06-15 togs bort" in out
    assert "avslutade 2023: 3" in out and "avslutade 2024: 1" in out
    assert set(Episode.objects.all()) == set(kept)
    counts = {(r.year, r.sex, r.end_reason): r.count for r in RemovedEpisodes.objects.all()}
    assert counts == {(2023, "kvinna", "arbete"): 3, (2024, "man", "studier"): 1}
    trail = Change.objects.filter(object_pk__in=[str(e.pk) for e in old])
    trail = trail.filter(content_type__model="episode")
    assert trail.exists() and all(c.changes is None for c in trail)
    assert {c.object_repr for c in trail} == {"Gallrad deltagare"}
    assert Change.objects.filter(content_type__model="removedepisodes").count() == 2


@time_machine.travel(TODAY, tick=False)
def test_a_dry_run_says_what_would_go_and_changes_nothing(association, team, capsys):
    _episode(team, date(2020, 1, 1))
    code = main(
        ["privacy", "retention", "--association", association.slug, "--before", "2021-01-01"]
        + ["--dry-run"]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "1 deltagare som avslutades före 2021-01-01 skulle tas bort" in out
    assert "Ingenting har ändrats" in out
    assert Episode.objects.count() == 1 and not RemovedEpisodes.objects.exists()


@time_machine.travel(TODAY, tick=False)
def test_without_a_retention_period_nothing_is_removed_and_the_chef_is_told_why(
    association, team, capsys
):
    _episode(team, date(2020, 1, 1))
    assert main(["privacy", "retention", "--association", association.slug]) == 2
    assert "har ingen gallringstid" in capsys.readouterr().err
    assert (
        main(["privacy", "retention", "--association", association.slug, "--before", "2030-01-01"])
        == 2
    )
    assert Episode.objects.count() == 1


@time_machine.travel(TODAY, tick=False)
def test_a_removal_that_fails_half_way_removes_nothing(association, team, rule, monkeypatch):
    _episode(team, date(2020, 1, 1))

    def broken(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(retention, "_forget", broken)
    with pytest.raises(RuntimeError):
        retention.remove(association, date(2024, 1, 1), TODAY.date())
    assert Episode.objects.count() == 1 and not RemovedEpisodes.objects.exists()


@time_machine.travel(TODAY, tick=False)
def test_the_page_shows_the_rule_the_due_episodes_and_the_next_removal(
    client, association, chef, board, team, rule
):
    _episode(team, date(2024, 1, 10))
    _episode(team, date(2025, 2, 3))
    client.force_login(chef)
    page = client.get(reverse("data_protection", args=[association.slug])).content.decode()
    assert "ett samtycke gäller i <strong>12 månader</strong>" in page
    assert "1 deltagare är förfallna nu" in page
    assert "Nästa gallring: <strong>2027-02-03</strong>" in page  # the one not yet due
    assert "followup_episode" in page and "Ny regel" in page
    client.force_login(board)
    page = client.get(reverse("data_protection", args=[association.slug])).content.decode()
    assert "Vad som sparas" in page and "Ny regel" not in page
    assert "&lt;5 deltagare är förfallna nu" in page and "Nästa gallring" not in page


def test_the_chef_adds_a_dated_rule_and_a_second_for_the_same_day_is_refused(
    client, association, chef
):
    client.force_login(chef)
    url = reverse("participant_rule_new", args=[association.slug])
    data = {"valid_from": "2026-01-01", "consent_months": "18", "retention_months": "36"}
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "consent_months": "6"})
    assert response.status_code == 400
    assert "Det finns redan en regel från 2026-01-01" in response.content.decode()
    assert list(ParticipantRule.objects.values_list("consent_months", flat=True)) == [18]
