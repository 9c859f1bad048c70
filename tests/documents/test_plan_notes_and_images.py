"""A plan with a note on a budget amount and on a line, an interest line and an organisation
chart in its texts: what the PDF, Word, Excel and the preview show, read from each file."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from docx import Document as read_docx
from openpyxl import load_workbook
from PIL import Image

from samordna.budgets import services
from samordna.budgets.models import BudgetAmount, BudgetLine, ImmutableError
from samordna.core.budget_file import budget_from_table
from samordna.core.table import Row, Table
from samordna.documents import images, plan, render_html
from samordna.documents.outputs import render
from samordna.documents.texts import save_texts
from tests.documents.test_outputs import _pdf_text

NOTE = "Preliminär minskning 10 %"
LINE_NOTE = "Nytt hyresavtal från 2025"
CHART = "Organisationsschema: styrelse, beredningsgrupp och kansli"


def _png(width: int = 400, height: int = 200) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (31, 78, 121)).save(buffer, "PNG")
    return buffer.getvalue()


def _budget_file() -> Table:
    header = ("avsnitt", "rad", "2025", "2026", "not", "not 2026")
    rows = [
        ("Intäkter", "Medlemsbidrag", "2 400 000", "2 160 000", "", NOTE),
        ("Kansli", "Lokaler", "240 000", "240 000", LINE_NOTE, ""),
        ("Kansli", "Förbundschef", "900 000", "900 000", "", ""),
        ("Individinriktade insatser", "Medel för nya insatser", "1 250 000", "1 000 000", "", ""),
        ("Finansiella poster", "Ränteintäkter", "5 000", "5 000", "", ""),
        ("Finansiella poster", "Bankavgifter", "−2 000", "−2 000", "", ""),
    ]
    return Table(header, tuple(Row(n, r) for n, r in enumerate(rows, start=2)))


@pytest.fixture
def planned(association, chef):
    budget = services.import_budget(
        association, budget_from_table(_budget_file()), "Budget 2025", chef
    )
    images.add_image(association, _png(), "organisation.png", CHART, chef)
    texts = {"organisation": "Så här är förbundet organiserat.\n\n## Kansliet\n\n![](bild:1)"}
    save_texts(association, 2025, texts, chef)
    return budget


def test_the_pdf_prints_the_notes_under_the_table_the_financial_row_and_the_chart(
    association, planned, tmp_path
):
    document = plan.build(association, 2025)
    text = _pdf_text(render(document, "pdf"), tmp_path)
    assert f"1) {NOTE}" in text and f"2) {LINE_NOTE}" in text
    assert "Finansiella intäkter och kostnader" in text and "Finansiella poster, netto" in text
    assert "3 000 kr" in text
    assert "Kansliet" in text and CHART in text
    pages = (tmp_path / "dokument.pdf").read_bytes()
    assert re.search(rb"/Subtype\s*/Image", pages)


def test_word_marks_the_amount_and_lists_the_notes_with_the_chart_and_its_description(
    association, planned
):
    word = read_docx(io.BytesIO(render(plan.build(association, 2025), "docx")))
    paragraphs = [p.text for p in word.paragraphs]
    assert f"1) {NOTE}" in paragraphs and f"2) {LINE_NOTE}" in paragraphs
    marked = [
        run.text
        for table in word.tables
        for row in table.rows
        for cell in row.cells
        for run in cell.paragraphs[0].runs
        if run.font.superscript
    ]
    assert "1" in marked and "2" in marked
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading 2")]
    assert "Kansliet" in headings
    described = word.element.body.xpath(".//wp:docPr/@descr")
    assert CHART in described and CHART in paragraphs


def test_excel_keeps_amounts_as_numbers_and_writes_the_notes_block_under_the_table(
    association, planned
):
    book = load_workbook(io.BytesIO(render(plan.build(association, 2025), "xlsx")))
    sheet = next(s for s in book.worksheets if s.title.startswith("Budget 2025 och plan"))
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    contributions = next(r for r in values if str(r[0]).startswith("Medlemsbidrag"))
    assert contributions[0] == "Medlemsbidrag (1)" and contributions[2] == 2_160_000
    assert [r[0] for r in values if str(r[0])[:2] in ("1)", "2)")] == [
        f"1) {NOTE} (gäller 2026)",
        f"2) {LINE_NOTE}",
    ]


def test_the_preview_shows_the_marks_the_notes_and_the_image_with_its_alt_text(
    association, planned
):
    body = render_html.body(plan.build(association, 2025))
    assert 'class="note-mark"' in body and NOTE in body
    assert f'alt="{CHART}"' in body and "data:image/png;base64," in body
    assert "<h3>Kansliet</h3>" in body


def test_a_decided_versions_notes_are_locked_and_a_revision_keeps_them(association, planned, chef):
    version = planned.versions.get()
    services.decide(version, services.Decision(date(2024, 11, 28), "12", "Styrelsen"))
    amount = BudgetAmount.objects.get(line__version=version, year=2026, line__label="Medlemsbidrag")
    amount.note = "Ändrad"
    with pytest.raises(ImmutableError):
        amount.save()
    line = BudgetLine.objects.get(version=version, label="Lokaler")
    line.note = "Ändrad"
    with pytest.raises(ImmutableError):
        line.save()
    revision = services.revise(version, chef)
    assert BudgetAmount.objects.get(line__version=revision, year=2026, note=NOTE)
    assert BudgetLine.objects.get(version=revision, label="Lokaler").note == LINE_NOTE


def test_the_plan_for_a_budget_without_notes_prints_no_notes_block(association, chef):
    table = Table(("avsnitt", "rad", "2025"), (Row(2, ("Intäkter", "Medlemsbidrag", "100")),))
    services.import_budget(association, budget_from_table(table), "Budget 2025", chef)
    body = render_html.body(plan.build(association, 2025))
    assert "table-footnotes" not in body and "note-mark" not in body
