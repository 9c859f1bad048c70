"""`samordna report delarsrapport`: the whole file or nothing, exit 2 with a Swedish message."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from samordna.cli import main
from tests.documents.interim_books import SLUG, book
from tests.documents.test_outputs import docx_text


@pytest.fixture
def booked(demo):
    book(demo[SLUG])
    return demo[SLUG]


def _args(path, period="T1", year="2020", slug=SLUG, fmt="pdf"):
    return [
        "report",
        "delarsrapport",
        "--association",
        slug,
        "--year",
        year,
        "--period",
        period,
        "--format",
        fmt,
        "-o",
        str(path),
    ]


def test_the_delarsrapport_is_written_in_each_format(booked, tmp_path, capsys):
    for fmt in ("html", "pdf", "docx", "xlsx"):
        target = tmp_path / f"delar.{fmt}"
        assert main(_args(target, fmt=fmt)) == 0
        assert "Skrev delårsrapporten 2020" in capsys.readouterr().out
    assert (tmp_path / "delar.pdf").read_bytes().startswith(b"%PDF")
    assert "Tertial 1 (januari–april) 2020" in docx_text((tmp_path / "delar.docx").read_bytes())
    assert "Delårsrapport 2020" in (tmp_path / "delar.html").read_text(encoding="utf-8")
    assert load_workbook(tmp_path / "delar.xlsx").worksheets


def test_any_month_is_a_period(booked, tmp_path):
    target = tmp_path / "mars.docx"
    assert main(_args(target, period="3", fmt="docx")) == 0
    assert "Utfall januari–mars 2020" in docx_text(target.read_bytes())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"slug": "finns-inte"}, "Förbundet ”finns-inte” finns inte."),
        ({"year": "2019"}, "Det finns ingen bokföring för 2019"),
        ({"period": "T3"}, "”T3” är ingen period. Ange T1"),
        ({"period": "13"}, "”13” är ingen period."),
    ],
)
def test_what_cannot_be_written_exits_2_with_a_swedish_message(
    booked, tmp_path, capsys, change, message
):
    target = tmp_path / "delar.pdf"
    assert main(_args(target, **change)) == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_path_exits_2_and_leaves_nothing(booked, tmp_path, capsys):
    assert main(_args(tmp_path / "saknas" / "delar.pdf")) == 2
    assert "finns inte. Inget har skrivits." in capsys.readouterr().err
    (tmp_path / "upptagen").mkdir()
    assert main(_args(tmp_path / "upptagen")) == 2
    assert "Kunde inte skriva" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["upptagen"]


def test_the_period_belongs_to_the_delarsrapport_only(booked, tmp_path, capsys):
    args = ["report", "plan", "--association", SLUG, "--year", "2020", "--period", "T1"]
    assert main([*args, "--format", "pdf", "-o", str(tmp_path / "plan.pdf")]) == 2
    assert "--period gäller bara delarsrapport." in capsys.readouterr().err
    without = _args(tmp_path / "d.pdf")[:6]
    assert main([*without, "--format", "pdf", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "delarsrapport behöver --period" in capsys.readouterr().err
