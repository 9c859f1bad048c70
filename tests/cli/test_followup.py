"""`samordna followup import|report`: episodes in, all or nothing; the report hides small groups."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from samordna.cli import main
from samordna.followup.models import Episode
from samordna.interventions.models import Intervention

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "deltagare"


@pytest.fixture
def team(association):
    insats = Intervention.objects.create(
        association=association, name="Deltagarteam", kind="individual"
    )
    insats.members.set(association.members.all()[:2])
    return insats


def _import(association, name):
    return main(["followup", "import", str(FIXTURES / name), "--association", association.slug])


def test_import_then_report_as_json(capsys, association, team):
    assert _import(association, "episodes.csv") == 0
    assert "12 nya och 0 uppdaterade" in capsys.readouterr().out
    args = ["followup", "report", "--association", association.slug, "--year", "2026"]
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["participants"] == 12 and data["exits"] == 12
    assert data["by_sex"] == {"Kvinnor": "<5", "Män": "x", "Totalt": 12}
    assert data["outcomes"]["Studier"] == "<5"
    work = data["subgoals"][0]
    assert work["share"] == "50 %"


def test_no_number_under_five_in_the_json(capsys, association, team):
    _import(association, "episodes.csv")
    capsys.readouterr()
    main(
        [
            "followup",
            "report",
            "--association",
            association.slug,
            "--year",
            "2026",
            "--insats",
            "deltagarteam",
            "--format",
            "json",
        ]
    )
    data = json.loads(capsys.readouterr().out)

    def numbers(value):
        if isinstance(value, dict):
            for inner in value.values():
                yield from numbers(inner)
        elif isinstance(value, list):
            for inner in value:
                yield from numbers(inner)
        elif isinstance(value, int) and not isinstance(value, bool):
            yield value

    counts = [
        n
        for key, n in data.items()
        if key not in ("year", "cost_per_participant")
        for n in numbers(n)
    ]
    assert counts and not any(0 < n < 5 for n in counts)


def test_a_personnummer_stops_the_file_before_anything_else(capsys, association, team):
    assert _import(association, "bad.csv") == 2
    err = capsys.readouterr().err
    assert "rad 3, kolumn medremitterande: cellen innehåller ett personnummer" in err
    assert "811218" not in err and "9876" not in err
    assert "Ingenting har importerats" in err
    assert Episode.objects.count() == 0


def test_a_bad_file_imports_nothing_and_names_every_row_and_column(capsys, association, team):
    assert _import(association, "bad-cells.csv") == 2
    err = capsys.readouterr().err
    assert "rad 3, kolumn födelseår" in err
    assert "rad 4, kolumn kön" in err
    assert "Ingenting har importerats" in err
    assert Episode.objects.count() == 0


def test_a_column_for_identities_is_refused(capsys, association, team):
    assert _import(association, "identity_column.csv") == 2
    assert "kolumnen personnummer får inte finnas" in capsys.readouterr().err


def test_the_table_report_says_what_the_marks_mean(capsys, association, team):
    _import(association, "episodes.csv")
    capsys.readouterr()
    main(["followup", "report", "--association", association.slug, "--year", "2026"])
    out = capsys.readouterr().out
    assert "Kvinnor" in out and "<5" in out and "färre än fem" in out


def test_an_unknown_insats_is_named(capsys, association, team):
    code = main(
        [
            "followup",
            "report",
            "--association",
            association.slug,
            "--year",
            "2026",
            "--insats",
            "Finns inte",
        ]
    )
    assert code == 2 and "Finns inte" in capsys.readouterr().err
