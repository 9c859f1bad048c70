"""SCB's population per municipality and finsam.se's försörjningsmått, read from the files as
the user downloads them: on the page and on the command line, all or nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from samordna.associations.models import Association, Population
from samordna.cli import main
from samordna.population.models import SupportMeasure
from tests.conftest import make_user

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "population"
SCB = FIXTURES / "scb_folkmangd_kommun.xlsx"
SUPPORT = FIXTURES / "finsam_forsorjningsmatt.xlsx"


def _counts(association):
    return {
        (p.member.name, p.year): p.count
        for p in Population.objects.filter(member__association=association)
    }


def test_scb_file_gives_each_member_municipality_its_population_per_year(capsys, association):
    assert main(["population", "scb", str(SCB), "--association", association.slug]) == 0
    counts = _counts(association)
    assert counts[("Trollhättans Stad", 2024)] == 59511
    assert counts[("Lilla Edets kommun", 2023)] == 14184
    assert counts[("Grästorps kommun", 2024)] == 5639
    stored = Population.objects.filter(member__name="Grästorps kommun", year=2024).get()
    assert stored.reference_date == date(2024, 12, 31)
    assert stored.source.startswith("SCB, Folkmängd 31 december")
    assert "Källa: SCB" in capsys.readouterr().out


def _xlsx(rows, path):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_a_bad_count_names_row_and_column_and_changes_nothing(capsys, association, tmp_path):
    before = _counts(association)
    bad = load_workbook(SCB)
    sheet = bad.active
    row = next(r for r in sheet.iter_rows() if r[0].value == "1462 Lilla Edet")
    row[2].value = ".."  # SCB's mark for a missing figure
    bad.save(tmp_path / "scb.xlsx")
    code = main(
        ["population", "scb", str(tmp_path / "scb.xlsx"), "--association", association.slug]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert f"rad {row[0].row}, kolumn 2024" in err
    assert "Ingenting har importerats." in err
    assert _counts(association) == before


def test_a_member_municipality_missing_from_the_file_is_named(capsys, association, tmp_path):
    path = _xlsx([["Folkmängd"], [None, 2024], ["1488 Trollhättan", 59511]], tmp_path / "f.xlsx")
    assert main(["population", "scb", str(path), "--association", association.slug]) == 2
    assert "Grästorps kommun" in capsys.readouterr().err
    assert not Population.objects.filter(member__association=association, year=2024).exists()


def test_the_support_file_gives_the_forbund_its_row_and_the_national_sum(capsys, db):
    association = Association.objects.create(slug="sr", name="Samordningsförbundet Södra Roslagen")
    args = ["--association", "sr", "--year", "2025", "--reference-date", "2024-12-31"]
    assert main(["population", "forsorjningsmatt", str(SUPPORT), *args]) == 0
    found = SupportMeasure.objects.get(association=association, year=2025)
    assert (found.support, found.population) == (4412, 68090)
    assert (found.support_national, found.population_national) == (65937, 619320)
    assert found.reference_date == date(2024, 12, 31)
    assert "finsam.se" in found.source and "underlag 2025" in found.source


def test_a_forbund_not_in_the_support_file_is_told_so(capsys, association):
    args = ["--association", association.slug, "--year", "2025", "--reference-date", "2024-12-31"]
    assert main(["population", "forsorjningsmatt", str(SUPPORT), *args]) == 2
    assert f"Filen har ingen rad för {association.name}" in capsys.readouterr().err
    assert not SupportMeasure.objects.exists()


def test_the_chef_reads_the_scb_file_on_the_page(client, association):
    client.force_login(make_user("befolkning-chef", association, "chef"))
    upload = SimpleUploadedFile(SCB.name, SCB.read_bytes())
    url = reverse("population_import", kwargs={"slug": association.slug})
    response = client.post(url, {"kind": "scb", "file": upload}, follow=True)
    assert "invånarna i 6 kommuner och år (2023, 2024) är sparade" in response.content.decode()
    assert _counts(association)[("Trollhättans Stad", 2023)] == 59249


def test_the_page_asks_for_the_year_and_date_of_the_support_file(client, association):
    client.force_login(make_user("befolkning-chef", association, "chef"))
    upload = SimpleUploadedFile(SUPPORT.name, SUPPORT.read_bytes())
    url = reverse("population_import", kwargs={"slug": association.slug})
    response = client.post(url, {"kind": "forsorjningsmatt", "file": upload})
    assert response.status_code == 400
    assert "Ange året som försörjningsmåttet gäller." in response.content.decode()


def test_a_file_that_is_not_excel_is_refused_in_swedish(client, association):
    client.force_login(make_user("befolkning-chef", association, "chef"))
    upload = SimpleUploadedFile("folkmangd.xlsx", b"inte en excelfil")
    url = reverse("population_import", kwargs={"slug": association.slug})
    response = client.post(url, {"kind": "scb", "file": upload})
    assert response.status_code == 400
    assert "Ingenting har importerats." in response.content.decode()


@pytest.mark.parametrize("name", ["Trollhättans Stad", "Trollhättan", "trollhättans stad"])
def test_municipality_names_match_as_scb_writes_them(name):
    from samordna.core.population_files import municipality_key

    assert municipality_key(name) == municipality_key("Trollhättan")
