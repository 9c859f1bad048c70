"""What a reader finds in each file: the text pdftotext extracts, the Word XML, the Excel cells."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile

from openpyxl import load_workbook

from samordna.core.money import format_amount, parse_amount
from samordna.documents import notice, plan, render_docx
from samordna.documents.outputs import render
from samordna.economy.models import ContributionYear


def _pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "dokument.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _pdf_info(data: bytes, tmp_path) -> str:
    path = tmp_path / "info.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


def docx_text(data: bytes, part: str = "word/document.xml") -> str:
    xml = zipfile.ZipFile(io.BytesIO(data)).read(part).decode("utf-8")
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def test_the_plan_pdf_reads_as_the_plan_with_page_numbers_and_tags(trollhattan, tmp_path):
    data = render(plan.build(trollhattan, 2020), "pdf")
    text = _pdf_text(data, tmp_path)
    pages = int(re.search(r"Pages:\s+(\d+)", _pdf_info(data, tmp_path)).group(1))
    assert "Verksamhetsplan och budget 2020" in text
    assert f"Sida 2 av {pages}" in text and f"Sida {pages} av {pages}" in text
    saved = ContributionYear.objects.get(association=trollhattan, year=2020)
    for contribution in saved.contributions.all():
        assert format_amount(contribution.amount) in text
    assert "20 025 000 kr" in text and "-269 000 kr" in text
    info = _pdf_info(data, tmp_path)
    assert "Tagged:          yes" in info
    assert re.search(r"Title:\s+Verksamhetsplan och budget 2020", info)


def test_the_plan_in_word_holds_the_same_text_and_a_page_field(trollhattan):
    document = plan.build(trollhattan, 2020)
    data = render(document, "docx")
    text = docx_text(data)
    assert "Verksamhetsplan och budget 2020" in text
    assert "7 156 000 kr" in text and "1 341 000 kr" in text
    assert "Den 1 januari 2009 bildades" in text
    footer = zipfile.ZipFile(io.BytesIO(data)).read("word/footer1.xml").decode()
    assert "NUMPAGES" in footer and "Sida" in footer
    assert "word/media/image1.png" in zipfile.ZipFile(io.BytesIO(data)).namelist()  # the chart


def test_every_excel_amount_is_a_number_in_a_kr_format(trollhattan):
    data = render(plan.build(trollhattan, 2020), "xlsx")
    book = load_workbook(io.BytesIO(data))
    sheet = book["Medlemsbidrag 2020"]
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert rows[-1][0] == "Summa" and rows[-1][2] == 7_156_000
    assert sheet["C4"].value == 1_789_000 and "kr" in sheet["C4"].number_format
    assert sheet["B4"].value == 0.25 and "%" in sheet["B4"].number_format
    for page in book.worksheets:
        for row in page.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.endswith(" kr"):
                    try:
                        parse_amount(cell.value)
                    except ValueError:
                        continue
                    raise AssertionError(f"{page.title}!{cell.coordinate} is text: {cell.value}")


def test_the_notices_for_all_members_make_one_pdf_one_page_each(trollhattan, tmp_path):
    data = render(notice.build(trollhattan, 2020), "pdf")
    text = _pdf_text(data, tmp_path)
    for member in trollhattan.members.all():
        assert f"Avisering av medlemsbidrag 2020: {member.name}" in text
    assert "Lilla Edets kommun betalar 323 000 kr" in text


def test_a_restyled_word_template_is_used(trollhattan):
    from docx import Document as open_docx
    from docx.shared import RGBColor

    word = open_docx(io.BytesIO(render_docx.standard_template()))
    word.styles["Heading 1"].font.color.rgb = RGBColor(0x12, 0x34, 0x56)
    buffer = io.BytesIO()
    word.save(buffer)
    data = render(plan.build(trollhattan, 2020), "docx", buffer.getvalue())
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
    assert "123456" in styles
    assert "Medlemsbidrag 2020" in docx_text(data)


def test_a_file_that_is_not_word_is_refused_as_template():
    assert "inte ett Word-dokument" in render_docx.template_error(b"not a docx")
    assert render_docx.template_error(render_docx.standard_template()) is None
