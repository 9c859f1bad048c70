"""Odd SCB and finsam.se files, as a user might download, edit or mix them up: every one gets a
Swedish message naming row and column, and nothing is stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from samordna.associations.models import Association, Population
from samordna.cli import main
from samordna.population.models import SupportMeasure
from tests.conftest import make_user

MUNICIPALITIES = ["1488 Trollhättan", "1462 Lilla Edet", "1444 Grästorp"]


def _xlsx(rows, path):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return str(path)


def _scb(tmp_path, counts, years=(2024,)):
    rows = [["Folkmängd efter region och år"], [None, *(str(y) for y in years)]]
    rows += [[name, *values] for name, values in counts]
    return _xlsx(rows, tmp_path / "scb.xlsx")


def _scb_main(path, association):
    return main(["population", "scb", path, "--association", association.slug])


def _stored(association):
    return Population.objects.filter(member__association=association).count()


def test_a_count_too_large_for_any_municipality_is_refused(capsys, association, tmp_path):
    counts = [(MUNICIPALITIES[0], [99_999_999_999]), *((m, [5000]) for m in MUNICIPALITIES[1:])]
    before = _stored(association)
    assert _scb_main(_scb(tmp_path, counts), association) == 2
    err = capsys.readouterr().err
    assert "rad 3, kolumn 2024" in err
    assert "Ingenting har importerats." in err
    assert _stored(association) == before


def test_a_municipality_twice_in_the_file_is_named_not_overwritten(capsys, association, tmp_path):
    counts = [(m, [5000]) for m in MUNICIPALITIES] + [(MUNICIPALITIES[0], [7000])]
    before = _stored(association)
    assert _scb_main(_scb(tmp_path, counts), association) == 2
    err = capsys.readouterr().err
    assert "Trollhättan" in err and "rad 3" in err and "rad 6" in err
    assert _stored(association) == before


def test_a_year_twice_in_the_header_is_named(capsys, association, tmp_path):
    counts = [(m, [5000, 5100]) for m in MUNICIPALITIES]
    before = _stored(association)
    assert _scb_main(_scb(tmp_path, counts, years=(2024, 2024)), association) == 2
    assert "Året 2024 står i två kolumner" in capsys.readouterr().err
    assert _stored(association) == before


def _support(tmp_path, rows):
    header = ["Samordningsförbund", "Försörjningsmått", "Befolkning 16–64 år"]
    return _xlsx([["Försörjningsmått, underlag 2025"], header, *rows], tmp_path / "fm.xlsx")


def _support_main(path, *extra):
    args = ["--association", "sr", "--year", "2025", "--reference-date", "2024-12-31", *extra]
    return main(["population", "forsorjningsmatt", path, *args])


@pytest.fixture
def roslagen(db):
    return Association.objects.create(slug="sr", name="Samordningsförbundet Södra Roslagen")


def test_a_forbund_twice_in_the_support_file_is_named(capsys, roslagen, tmp_path):
    path = _support(
        tmp_path,
        [["Södra Roslagen", 4412, 68090], ["Finsam Södra Roslagen", 5000, 70000], ["Väst", 10, 20]],
    )
    assert _support_main(path) == 2
    err = capsys.readouterr().err
    assert "rad 3" in err and "rad 4" in err
    assert not SupportMeasure.objects.exists()


def test_a_support_figure_too_large_is_refused(capsys, roslagen, tmp_path):
    path = _support(tmp_path, [["Södra Roslagen", 99_999_999_999, 68090], ["Väst", 10, 20]])
    assert _support_main(path) == 2
    err = capsys.readouterr().err
    assert "rad 3, kolumn Försörjningsmått" in err
    assert not SupportMeasure.objects.exists()


def test_a_national_sum_over_a_large_file_that_overflows_is_refused(capsys, roslagen, tmp_path):
    rows = [["Södra Roslagen", 4412, 68090]] + [[f"Förbund {i}", 15_000_000, 1] for i in range(3)]
    assert _support_main(_support(tmp_path, rows)) == 2
    assert "hela landet" in capsys.readouterr().err
    assert not SupportMeasure.objects.exists()


@pytest.mark.parametrize("year", ["-5", "0", "99999999999"])
def test_a_year_that_cannot_be_is_refused_in_swedish(capsys, roslagen, tmp_path, year):
    path = _support(tmp_path, [["Södra Roslagen", 4412, 68090], ["Väst", 10, 20]])
    args = ["--association", "sr", "--year", year, "--reference-date", "2024-12-31"]
    assert main(["population", "forsorjningsmatt", path, *args]) == 2
    assert "år" in capsys.readouterr().err
    assert not SupportMeasure.objects.exists()


def test_the_page_refuses_a_count_too_large_with_a_message(client, association, tmp_path):
    client.force_login(make_user("befolkning-chef", association, "chef"))
    counts = [(MUNICIPALITIES[0], [99_999_999_999]), *((m, [5000]) for m in MUNICIPALITIES[1:])]
    path = _scb(tmp_path, counts)
    upload = SimpleUploadedFile("scb.xlsx", Path(path).read_bytes())
    url = reverse("population_import", kwargs={"slug": association.slug})
    response = client.post(url, {"kind": "scb", "file": upload})
    assert response.status_code == 400
    assert "Ingenting har importerats." in response.content.decode()


def test_the_source_names_the_file_not_the_folder_it_was_in(capsys, association, tmp_path):
    """The page stores the file's name; the command line did the whole path (a home folder
    says whose computer it was)."""
    folder = tmp_path / "anna.andersson"
    folder.mkdir()
    path = _scb(folder, [(m, [5000]) for m in MUNICIPALITIES])
    assert _scb_main(path, association) == 0
    stored = Population.objects.filter(member__association=association, year=2024).first()
    assert stored.source == "SCB, Folkmängd 31 december (scb.xlsx)"
    assert "anna.andersson" not in capsys.readouterr().out
