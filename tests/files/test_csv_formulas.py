"""Every CSV the app writes neutralises text that a spreadsheet would run as a formula."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from samordna.downloads import safe_cell
from samordna.followup.models import Episode
from samordna.interventions.models import Intervention

FORMULA = '=HYPERLINK("http://example.invalid","klicka")'


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        (FORMULA, "'" + FORMULA),
        ("+46 8 123", "'+46 8 123"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tdold", "'\tdold"),
        ("\r=1", "'\r=1"),
        ("-1+2", "'-1+2"),
        ("-269 000", "-269 000"),
        ("-12,5 %", "-12,5 %"),
        (-5, -5),
        ("Unga vuxna", "Unga vuxna"),
    ],
)
def test_formula_cells_get_an_apostrophe_and_numbers_stay_numbers(cell, written):
    assert safe_cell(cell) == written


def test_an_insats_named_as_a_formula_reaches_the_csv_export_as_text(client, association, chef):
    insats = Intervention.objects.create(association=association, name=FORMULA, kind="individual")
    Episode.objects.create(
        intervention=insats, sex="kvinna", birth_year=1990, start=date(2026, 1, 10)
    )
    client.force_login(chef)
    url = reverse("episode_export", kwargs={"slug": association.slug, "fmt": "csv"})
    text = client.get(url).content.decode("utf-8-sig")
    assert "\"'=HYPERLINK(" in text or "'=HYPERLINK(" in text
    assert "\n=HYPERLINK" not in text and ";=HYPERLINK" not in text and '";"=' not in text


def test_the_allocation_csv_neutralises_a_member_named_as_a_formula(capsys, tmp_path):
    from samordna.cli import main

    members = tmp_path / "medlemmar.csv"
    members.write_text(
        "namn;typ;invånare\nFörsäkringskassan;fk;\nArbetsförmedlingen;af;\nRegion;region;\n"
        "=cmd|' /C calc'!A0;kommun;1000\nAndra kommunen;kommun;2000\n",
        encoding="utf-8",
    )
    code = main(["allocate", str(members), "--total", "1 000 000", "--format", "csv"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "'=cmd" in out.out and "\n=cmd" not in out.out
