"""The document model without any renderer: cells as printed, people's text as blocks, sums."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from samordna.core import document as doc
from samordna.core.document import AMOUNT, COUNT, PERCENT, TEXT, Bullets, Column, Paragraph, Row

KR = 100


def test_cells_are_written_as_the_document_prints_them():
    assert doc.cell_text(7_156_000 * KR, Column("Belopp", AMOUNT)) == "7 156 000 kr"
    assert doc.cell_text(2_440_000 * KR, Column("Belopp", AMOUNT), "tkr") == "2 440 tkr"
    assert doc.cell_text(Fraction("74.96"), Column("Andel", PERCENT)) == "74,96 %"
    assert doc.cell_text(Fraction(25), Column("Andel", PERCENT)) == "25 %"
    assert doc.cell_text(1234, Column("Antal", COUNT)) == "1 234"
    assert doc.cell_text("<5", Column("Antal", COUNT)) == "<5"
    assert doc.cell_text(None, Column("Belopp", AMOUNT)) == ""
    assert doc.cell_text("Kansli", Column("Rad", TEXT)) == "Kansli"


def test_blank_lines_part_paragraphs_and_dashes_make_a_list():
    text = (
        "Förbundet arbetar\nmed samverkan.\n\nMålen:\n- fler i arbete\n• färre i försörjningsstöd"
    )
    assert doc.blocks_from_text(text) == [
        Paragraph("Förbundet arbetar med samverkan."),
        Paragraph("Målen:"),
        Bullets(("fler i arbete", "färre i försörjningsstöd")),
    ]


def test_text_after_a_list_starts_a_new_paragraph():
    blocks = doc.blocks_from_text("- ett\r\n- två\r\nSedan prosa.")
    assert blocks == [Bullets(("ett", "två")), Paragraph("Sedan prosa.")]


def test_an_empty_text_gives_no_blocks():
    assert doc.blocks_from_text("  \n\n ") == []


def test_the_sum_row_adds_each_amount_column_and_treats_a_missing_amount_as_nothing():
    found = doc.table(
        "Budget",
        [("Rad", TEXT), ("2025", AMOUNT), ("Not", TEXT)],
        [("Hyra", 100 * KR, "a"), ("Lön", None, "b"), ("Resor", 50 * KR, "")],
    )
    summed = doc.with_sum(found, "Summa kostnader")
    assert summed.rows[-1] == Row(("Summa kostnader", 150 * KR, ""), "sum")
    assert summed.rows[:-1] == found.rows


def test_a_document_lists_its_tables_and_its_words_in_reading_order():
    budget = doc.table("Budget", [("Rad", TEXT), ("2025", AMOUNT)], [("Hyra", 100 * KR)])
    beside = doc.table("Kostnader", [("Avsnitt", TEXT), ("2025", AMOUNT)], [("Kansli", 5 * KR)])
    chart = doc.Chart("Kostnader", "bars", ("Kansli",), (doc.Series("2025", (5 * KR,)),), beside)
    document = doc.Document(
        "plan", "Plan", "Förbundet", 2025, blocks=(doc.Heading("Budget"), budget, chart)
    )
    assert [t.caption for t in document.tables()] == ["Budget", "Kostnader"]
    words = document.text().replace("\u00a0", " ")
    assert words.index("Budget") < words.index("Hyra 100 kr") < words.index("Kansli 5 kr")


def test_dates_are_written_as_swedish_prose():
    assert doc.long_date(date(2019, 11, 28)) == "28 november 2019"
    assert doc.month_year(date(2025, 3, 1)) == "mars 2025"
