"""Notes on a budget line or one year's amount: read from the file's note columns, carried to
the printed rows and numbered under the table in order of appearance."""

from __future__ import annotations

import pytest

from samordna.core import document as doc
from samordna.core.budget_file import budget_from_table
from samordna.core.budget_print import display_rows
from samordna.core.findings import InputError
from samordna.core.table import Row, Table

HEADER = ("avsnitt", "rad", "2025", "2026", "not", "not 2026")


def _table(*rows: tuple[str, ...], header: tuple[str, ...] = HEADER) -> Table:
    return Table(header, tuple(Row(n, cells) for n, cells in enumerate(rows, start=2)))


def test_the_note_columns_put_a_note_on_the_row_and_on_one_years_amount():
    budget = budget_from_table(
        _table(
            (
                "Intäkter",
                "Medlemsbidrag",
                "2 400 000",
                "2 160 000",
                "",
                "Preliminär minskning 10 %",
            ),
            ("Kansli", "Lokaler", "240 000", "240 000", "Nytt hyresavtal", ""),
        )
    )
    contributions, premises = budget.rows
    assert contributions.notes == {2026: "Preliminär minskning 10 %"} and contributions.note == ""
    assert premises.note == "Nytt hyresavtal" and premises.notes == {}


def test_a_file_without_note_columns_reads_as_before():
    budget = budget_from_table(
        _table(("Intäkter", "Medlemsbidrag", "100", "100"), header=HEADER[:4])
    )
    assert budget.rows[0].note == "" and budget.rows[0].notes == {}


def test_every_bad_note_is_named_by_row_and_column_and_nothing_is_read():
    with pytest.raises(InputError) as refused:
        budget_from_table(
            _table(
                ("Intäkter", "Medlemsbidrag", "100", "", "", "Gäller ett tomt belopp"),
                ("Kansli", "Lokaler", "100", "100", "Kontakt 850101-1236", ""),
                ("Kansli", "Revision", "100", "100", "x" * 501, ""),
            )
        )
    message = str(refused.value)
    assert "rad 2, kolumn not 2026" in message and "inget belopp för 2026" in message
    assert "rad 3, kolumn not:" in message and "personnummer" in message
    assert "850101" not in message
    assert "rad 4, kolumn not:" in message and "högst 500" in message


def test_a_note_column_for_a_year_the_file_lacks_is_refused_at_the_header():
    header = ("avsnitt", "rad", "2025", "not 2028")
    with pytest.raises(InputError) as refused:
        budget_from_table(_table(("Intäkter", "Medlemsbidrag", "100", "x"), header=header))
    assert "rad 1, kolumn not 2028" in str(refused.value)


def test_notes_are_numbered_in_reading_order_and_one_text_keeps_one_number():
    budget = budget_from_table(
        _table(
            (
                "Intäkter",
                "Medlemsbidrag",
                "2 400 000",
                "2 160 000",
                "",
                "Preliminär minskning 10 %",
            ),
            ("Kansli", "Lokaler", "240 000", "240 000", "Nytt hyresavtal", ""),
            ("Kansli", "Revision", "50 000", "50 000", "", "Preliminär minskning 10 %"),
        )
    )
    rows = display_rows(budget)
    table = doc.table(
        "Budget",
        (("Budgetpost", doc.TEXT), ("2025", doc.AMOUNT), ("2026", doc.AMOUNT)),
        [doc.Row((r.label, *r.amounts), "", (r.note, *(r.notes or ["", ""]))) for r in rows],
    )
    marks, notes = doc.numbered_notes(table)
    assert [(n.number, n.text, n.columns) for n in notes] == [
        (1, "Preliminär minskning 10 %", ("2026", "2026")),
        (2, "Nytt hyresavtal", ()),
    ]
    marked = {rows[i].label: m for i, m in enumerate(marks) if any(m)}
    assert marked == {
        "Medlemsbidrag": (None, None, 1),
        "Lokaler": (2, None, None),
        "Revision": (None, None, 1),
    }
    assert (
        "1) Preliminär minskning 10 %"
        in doc.Document("plan", "P", "F", 2025, blocks=(table,)).text()
    )


def test_sub_headings_and_images_in_a_text_become_their_own_blocks():
    blocks = doc.blocks_from_text(
        "Förbundet leds av styrelsen.\n## Kansliet\nTre anställda.\n![Organisationsschema](bild:1)"
    )
    assert blocks == [
        doc.Paragraph("Förbundet leds av styrelsen."),
        doc.Heading("Kansliet", 2),
        doc.Paragraph("Tre anställda."),
        doc.Image(1, "Organisationsschema"),
    ]
    assert doc.image_references("x\n![](bild:2)\n![Karta](BILD: 3)") == [(2, ""), (3, "Karta")]
