"""`samordna insats list|import`: the register on the command line, imports all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import time_machine

from samordna.cli import main
from samordna.interventions.models import Decision, Intervention
from tests.conftest import TODAY

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "insatser"


def _import(association, name):
    return main(["insats", "import", str(FIXTURES / name), "--association", association.slug])


def test_import_then_list_as_json(capsys, association):
    assert _import(association, "register.csv") == 0
    assert "3 nya och 0 uppdaterade" in capsys.readouterr().out
    assert main(["insats", "list", "--association", association.slug, "--format", "json"]) == 0
    rows = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    team = rows["Samverkansteam"]
    assert team["kind"] == "individual" and team["status"] == "pagaende"
    assert team["start"] == "2025-01-01" and team["end"] == "2027-12-31"
    assert team["members"] == ["Försäkringskassan", "Trollhättans Stad"]
    assert team["budget"] == {"2026": 400_000, "2027": 420_000}
    assert team["decisions"][0]["citation"] == "2024-11-20 §12"
    assert rows["Samverkansforum"]["kind"] == "structural"
    assert rows["Jobbspår"]["decisions"] == []


def test_the_same_file_twice_updates_without_doubling(capsys, association):
    _import(association, "register.csv")
    assert _import(association, "register.csv") == 0
    assert "0 nya och 3 uppdaterade" in capsys.readouterr().out
    assert Intervention.objects.count() == 3
    assert Decision.objects.count() == 2


def test_list_for_a_year_keeps_the_insatser_of_that_year(capsys, association):
    _import(association, "register.csv")
    capsys.readouterr()
    main(["insats", "list", "--association", association.slug, "--year", "2027"])
    out = capsys.readouterr().out
    assert "Samverkansteam (individ, pågående) 2025-01-01–2027-12-31" in out
    assert "budget 420 000 kr" in out
    assert "Samverkansforum" not in out and "Jobbspår" not in out


def test_a_bad_file_imports_nothing_and_names_every_place(capsys, association):
    code = _import(association, "bad.csv")
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert "rad 2, kolumn medlemmar" in err and "minst två parter" in err
    assert "rad 3, kolumn slag" in err
    assert "rad 4, kolumn medlemmar" in err and "Borås" in err
    assert "rad 4, kolumn 2026" in err
    assert "Ingenting har importerats" in err
    assert not Intervention.objects.exists() and not Decision.objects.exists()


def test_funding_past_three_years_needs_an_extension_in_the_file(capsys, association, tmp_path):
    path = tmp_path / "lang.csv"
    path.write_text(
        "namn;slag;status;medlemmar;start;slut;beslut;förlängning\n"
        "Lång;individ;pågående;FK, AF;2024-01-01;2027-12-31;2023-11-20 §4;\n",
        encoding="utf-8",
    )
    code = main(["insats", "import", str(path), "--association", association.slug])
    assert code == 2 and "rad 2, kolumn slut" in capsys.readouterr().err
    path.write_text(
        path.read_text(encoding="utf-8").replace("§4;", "§4;2026-10-01 §30"), encoding="utf-8"
    )
    assert main(["insats", "import", str(path), "--association", association.slug]) == 0
    assert Intervention.objects.get().decisions.filter(kind="forlangd").exists()


def test_a_decided_status_without_a_decision_is_refused(capsys, association, tmp_path):
    path = tmp_path / "utan.csv"
    path.write_text("namn;slag;status;medlemmar\nA;individ;beviljad;FK, AF\n", encoding="utf-8")
    code = main(["insats", "import", str(path), "--association", association.slug])
    assert code == 2 and "rad 2, kolumn beslut" in capsys.readouterr().err
    assert not Intervention.objects.exists()


def test_a_decision_dated_in_the_future_is_refused_as_on_the_page(capsys, association, tmp_path):
    path = tmp_path / "framtid.csv"
    path.write_text(
        "namn;slag;status;medlemmar;start;slut;beslut\n"
        "Tidig;individ;beviljad;FK, AF;2026-01-01;2026-12-31;2026-09-01 §3\n",
        encoding="utf-8",
    )
    with time_machine.travel(TODAY, tick=False):
        code = main(["insats", "import", str(path), "--association", association.slug])
    error = capsys.readouterr().err
    assert code == 2 and "rad 2, kolumn beslut" in error
    assert "Datumet 2026-09-01 har inte varit ännu" in error
    assert not Intervention.objects.exists()
