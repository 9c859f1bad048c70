"""`samordna report arsredovisning`: the whole file or nothing, exit 2 in Swedish."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from samordna.cli import main


def _args(path, slug="sodra-roslagen", year="2016", fmt="xlsx"):
    return [
        "report",
        "arsredovisning",
        "--association",
        slug,
        "--year",
        year,
        "--format",
        fmt,
        "-o",
        str(path),
    ]


def test_the_annual_report_is_written_with_the_statements(demo, tmp_path, capsys):
    target = tmp_path / "ar.xlsx"
    assert main(_args(target)) == 0
    book = load_workbook(io.BytesIO(target.read_bytes()))
    assert any(s.title.startswith("Balansräkning") for s in book.worksheets)
    assert "Skrev årsredovisningen 2016" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("slug", "year", "message"),
    [
        ("finns-inte", "2016", "Förbundet ”finns-inte” finns inte."),
        ("sodra-roslagen", "2015", "har ingen bokföring för 2015"),
    ],
)
def test_an_unknown_foerbund_or_a_year_without_books_writes_nothing(
    demo, tmp_path, capsys, slug, year, message
):
    target = tmp_path / "ar.pdf"
    assert main(_args(target, slug, year, "pdf")) == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_place_exits_2_in_swedish(demo, tmp_path, capsys):
    occupied = tmp_path / "ar.docx"
    occupied.mkdir()  # a folder where the file should go: even root cannot write it
    assert main(_args(occupied, fmt="docx")) == 2
    assert "Kunde inte skriva" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["ar.docx"] and not any(occupied.iterdir())
    assert main(_args(tmp_path / "saknas" / "ar.docx", fmt="docx")) == 2
    assert "finns inte" in capsys.readouterr().err
