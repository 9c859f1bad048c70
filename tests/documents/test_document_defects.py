"""What a board member would notice at once in a printed document: escaped names, empty charts,
two titles of the law, and numbers on a chart axis that are not written the Swedish way."""

from __future__ import annotations

import html
import io
import re
import zipfile
from datetime import date

from samordna.associations.models import Member
from samordna.core import document as doc
from samordna.core.allocation import law_title, shares_text
from samordna.core.params import load
from samordna.documents import charts, notice, plan
from samordna.documents.models import DocumentText
from samordna.documents.outputs import render
from samordna.economy.models import ContributionYear
from tests.documents.test_outputs import _pdf_text, docx_text


def _chart(values, unit="count"):
    table = doc.table("Deltagare", (("År", doc.TEXT), ("Antal", doc.COUNT)), [])
    series = (doc.Series("Kvinnor", tuple(values)),)
    return doc.Chart("Deltagare per år", "bars", ("2025", "2026"), series, table, unit)


def test_an_ampersand_in_the_name_prints_as_itself_in_the_pdf_footer(association, tmp_path):
    association.name = "Samordningsförbundet Kalix & Haparanda"
    association.save()
    text = _pdf_text(render(plan.build(association, 2027), "pdf"), tmp_path)
    footers = [line for line in text.splitlines() if "Sida" in line and "Kalix" in line]
    assert footers and all("Kalix & Haparanda ·" in line for line in footers)
    assert "&amp;" not in text
    word = html.unescape(
        docx_text(render(plan.build(association, 2027), "docx"), "word/footer1.xml")
    )
    assert "Kalix & Haparanda" in word and "&amp;" not in word


def test_a_chart_whose_counts_are_all_hidden_says_so_in_words():
    empty = _chart([None, None])
    assert not charts.has_values(empty) and charts.has_values(_chart([None, 7]))
    drawing = charts.svg(empty)
    assert "Inget att visa" in drawing
    assert "0.04" not in drawing and "0,04" not in drawing


def test_every_chart_axis_writes_numbers_the_swedish_way():
    assert [charts.swedish_number(v) for v in (0, 0.5, 1500, 2_500_000, 12.25)] == [
        "0",
        "0,5",
        "1 500",
        "2 500 000",
        "12,25",
    ]
    labels = re.findall(r"<text[^>]*>([^<]*)</text>", charts.svg(_chart([1200, 2400])))
    assert "2 000" in labels and "2000" not in labels


def test_the_laws_title_comes_from_the_parameter_file_and_is_the_same_everywhere(association):
    title = law_title(date(2027, 1, 1))
    assert title == "lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser"
    assert title.removeprefix("lagen ") in load("finsam_shares").source
    text = plan.build(association, 2027).text()
    assert title in text
    assert "inom rehabiliteringsområdet" not in text


def test_two_regions_are_named_in_the_plural(association):
    Member.objects.create(association=association, name="Region Värmland", kind="region")
    text = shares_text(date(2027, 1, 1), regions=2)
    assert "regionerna 1/4" in text and "Regionernas och kommunernas del" in text
    assert "regionen 1/4" in shares_text(date(2027, 1, 1))


def test_the_notice_of_a_two_region_förbund_says_regionerna(trollhattan):
    Member.objects.create(association=trollhattan, name="Region Värmland", kind="region")
    saved = ContributionYear.objects.get(association=trollhattan, year=2020)
    assert "regionerna 1/4" in notice.build(trollhattan, saved.year).text()


def test_a_sub_heading_in_the_förbunds_text_is_a_heading_in_every_format(association, tmp_path):
    blocks = doc.blocks_from_text("Inledande mening.\n## Organisationsschema\n- Styrelse\n- Kansli")
    assert blocks == [
        doc.Paragraph("Inledande mening."),
        doc.Heading("Organisationsschema", 2),
        doc.Bullets(("Styrelse", "Kansli")),
    ]
    DocumentText.objects.create(
        association=association, year=2027, key="organisation", text="## Beredningsgruppen\nText."
    )
    document = plan.build(association, 2027)
    assert doc.Heading("Beredningsgruppen", 2) in document.blocks
    xml = zipfile.ZipFile(io.BytesIO(render(document, "docx"))).read("word/document.xml").decode()
    paragraph = xml[: xml.index("Beredningsgruppen")].rsplit("<w:p>", 1)[-1]
    assert 'w:pStyle w:val="Heading2"' in paragraph
    assert "## " not in _pdf_text(render(document, "pdf"), tmp_path)
