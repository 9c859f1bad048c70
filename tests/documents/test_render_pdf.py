"""The PDF as a reader and a screen reader meet it: every character of a förbund's text
printed as typed, a tagged PDF/UA file in Swedish with its title, charts with alt text."""

from __future__ import annotations

import io
import re
import subprocess

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from samordna.core import document as doc
from samordna.documents.pdf_font import TEXT_WIDTH, column_widths, text_width
from samordna.documents.render_pdf import pdf

# Typst's markup characters, and letters, digits and punctuation a förbund writes.
TYPST_MARKUP = "#*_$@<>`\\[]{}()~/=+-.:;'\"%&!?"
TEXT = st.text(
    alphabet=st.sampled_from(TYPST_MARKUP + "abcåäöÅÄÖé019 ").filter(str.strip),
    min_size=1,
    max_size=40,
).filter(lambda text: text.strip())


def _document(*blocks: doc.Block, **fields: object) -> doc.Document:
    values: dict[str, object] = {
        "kind": "plan",
        "title": "Verksamhetsplan 2027",
        "association": "Samordningsförbundet Provby",
        "year": 2027,
        "blocks": blocks,
    }
    values.update(fields)
    return doc.Document(**values)  # type: ignore[arg-type]


def _text(data: bytes) -> str:
    run = subprocess.run(
        ["pdftotext", "-raw", "-", "-"], input=data, capture_output=True, check=True
    )
    return run.stdout.decode("utf-8")


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(heading=TEXT, paragraph=TEXT, item=TEXT, cell=TEXT)
def test_typst_markup_in_a_forbunds_text_prints_as_typed(heading, paragraph, item, cell):
    table = doc.table("Tabell", [("Post", doc.TEXT), ("Belopp", doc.AMOUNT)], [[cell, 100_00]])
    blocks = (doc.Heading(heading), doc.Paragraph(paragraph), doc.Bullets((item,)), table)
    text = _squeezed(_text(pdf(_document(*blocks, cover=False))))
    for typed in (heading, paragraph, item, cell):
        assert _squeezed(typed) in text


def test_the_pdf_is_tagged_pdf_ua_in_swedish_with_its_title():
    chart_table = doc.table("Kostnader", [("År", doc.TEXT), ("Kostnad", doc.AMOUNT)], [])
    chart = doc.Chart(
        "Kostnader per år",
        "bars",
        ("2026", "2027"),
        (doc.Series("Kostnad", (100_000_00, 200_000_00)),),
        chart_table,
    )
    data = pdf(_document(doc.Heading("Ekonomi"), chart, subtitle="med plan för 2028–2029"))
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]).startswith("sv")
    assert reader.metadata.title == "Verksamhetsplan 2027 med plan för 2028–2029"
    assert reader.metadata.author == "Samordningsförbundet Provby"
    assert b"pdfuaid:part" in root["/Metadata"].get_data()
    assert "Kostnader per år" in _alt_texts(root["/StructTreeRoot"])


def _alt_texts(element: object) -> list[str]:
    """Every /Alt in the structure tree: what a screen reader says for a picture."""
    found: list[str] = []
    element = element.get_object() if hasattr(element, "get_object") else element
    if isinstance(element, dict):
        if "/Alt" in element:
            found.append(str(element["/Alt"]))
        kids = element.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            found += _alt_texts(kid)
    return found


def test_page_numbers_and_the_forbunds_name_in_the_footer():
    blocks = (doc.Paragraph("Första sidan"), doc.PageBreak(), doc.Paragraph("Andra sidan"))
    text = _text(pdf(_document(*blocks, cover=False, association="Förbundet A & B")))
    assert "Sida 1 av 2" in text and "Sida 2 av 2" in text
    assert "Förbundet A & B · Verksamhetsplan 2027" in text


def test_a_character_the_font_lacks_prints_as_a_box_instead_of_failing():
    text = _text(pdf(_document(doc.Paragraph("Klart ✓ och glatt 🙂"), cover=False)))
    assert "Klart □ och glatt □" in text


def test_headings_that_skip_a_level_and_empty_headings_still_make_a_pdf():
    blocks = (doc.Heading("Ett", 1), doc.Heading("", 2), doc.Heading("Tre", 3))
    text = _text(pdf(_document(*blocks)))
    assert "Ett" in text and "Tre" in text


def test_the_confidentiality_marking_is_on_every_page():
    blocks = (doc.Paragraph("Innehåll"), doc.PageBreak(), doc.Paragraph("Mer"))
    data = pdf(_document(*blocks, marking="SEKRETESS"))
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) == 3
    assert all("SEKRETESS" in page.extract_text() for page in pages)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=30))
def test_any_text_at_all_makes_a_pdf(text):
    blocks = (doc.Heading(text), doc.Paragraph(text), doc.table(text, [(text, doc.TEXT)], [[text]]))
    assert pdf(_document(*blocks, title=text or "Plan", cover=False)).startswith(b"%PDF")


def test_a_table_column_is_never_narrower_than_its_longest_word_and_numbers_never_wrap():
    long = "Medlemsbidragsfördelningsprinciperna"
    rows = [[f"{long} och mer text " * 3, "kort", 123_456_789_00]] * 3
    table = doc.table("T", [("Risk", doc.TEXT), ("Nivå", doc.TEXT), ("Belopp", doc.AMOUNT)], rows)
    widths = column_widths(table)
    assert widths[0] >= text_width(long) and widths[1] >= text_width("kort")
    assert widths[2] >= text_width("123 456 789 kr")
    assert sum(widths) <= TEXT_WIDTH + 0.01  # the wrapped text column gave way, not the page
