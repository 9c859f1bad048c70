"""The internal control's follow-up and the audit records as sections of the årsredovisning,
built from the demo's Södra Roslagen 2016 and read back from Word and PDF."""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

import docx
import pytest

from samordna.control.sections import annual_report_sections
from samordna.core.document import Document, Heading, Paragraph, Table
from samordna.documents.outputs import render
from tests.conftest import make_association


@pytest.fixture
def roslagen(demo):
    return demo["sodra-roslagen"]


def _tables(blocks):
    return {block.caption: block for block in blocks if isinstance(block, Table)}


def test_the_sections_say_when_the_board_decided_the_plan_and_how_it_was_followed_up(roslagen):
    blocks = annual_report_sections(roslagen, 2016)
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert headings == ["Intern kontroll", "Revision och ansvarsfrihet"]
    prose = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert "Styrelsen beslutade internkontrollplanen för 2016 den 11 november 2015, § 9." in prose
    assert (
        "Planen har 7 risker, 6 av dem är uppföljda: 4 utan anmärkning, 1 med brister som "
        "behöver åtgärdas och 1 där kontrollen inte genomfördes." in prose
    )


def test_each_risk_has_its_level_control_and_latest_result(roslagen):
    follow_up = _tables(annual_report_sections(roslagen, 2016))[
        "Internkontrollplanens uppföljning 2016"
    ]
    rows = [row.cells for row in follow_up.rows]
    assert len(rows) == 7
    assert rows[0][:3] == (
        1,
        "Medlemsbidragen faktureras eller betalas in med fel belopp",
        "Måttlig (6)",
    )
    assert rows[0][5:7] == ("2016-08-31", "Utan anmärkning")
    assert rows[1][2] == "Hög (8)" and rows[1][6] == "Brister, åtgärd behövs"
    assert rows[6][5:7] == ("Inte uppföljd", "")


def test_the_auditors_and_each_members_discharge_are_listed(roslagen):
    tables = _tables(annual_report_sections(roslagen, 2016))
    auditors = [row.cells for row in tables["Revisorer 2016"].rows]
    assert ("Per Holm", "Försäkringskassan", "Ja") in auditors
    assert ("Gunnel Ek", "Gemensam", "Nej") in auditors
    discharge = [row.cells for row in tables["Ansvarsfrihet för 2016"].rows]
    assert ("Täby kommun", "Beviljad", "2017-06-19") in discharge
    assert len(discharge) == 5


def test_a_year_without_records_says_so_instead_of_an_empty_table(db):
    association = make_association()
    blocks = annual_report_sections(association, 2025)
    text = "\n".join(b.text for b in blocks if isinstance(b, Paragraph))
    assert "Det finns ingen internkontrollplan för 2025 i Samordna." in text
    assert "Inga revisorer är registrerade för 2025." in text
    assert "Revisorernas rapporter för 2025 har inte kommit in än." in text
    discharge = _tables(blocks)["Ansvarsfrihet för 2025"]
    assert {row.cells[1] for row in discharge.rows} == {"Inget beslut registrerat"}


def _document(association):
    return Document(
        "annual",
        "Årsredovisning 2016",
        association.name,
        2016,
        blocks=annual_report_sections(association, 2016),
        filename="arsredovisning",
    )


def test_the_sections_render_in_word_with_the_same_words(roslagen):
    word = docx.Document(io.BytesIO(render(_document(roslagen), "docx")))
    cells = [cell.text for t in word.tables for row in t.rows for cell in row.cells]
    assert "Utbetalning till en insats utan giltigt beslut" in cells
    assert "Per Holm" in cells
    prose = "\n".join(p.text for p in word.paragraphs)
    assert "den 11 november 2015, § 9" in prose


def test_the_sections_render_in_pdf(roslagen):
    data = render(_document(roslagen), "pdf")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.pdf"
        path.write_bytes(data)
        text = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    assert "Intern kontroll" in text and "Revision och ansvarsfrihet" in text
    assert "Per Holm" in text
