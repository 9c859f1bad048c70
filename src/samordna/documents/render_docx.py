"""A document as an editable Word file, written with python-docx on a template.

The template's styles decide the look: Title, Subtitle, Heading 1–2, List Bullet,
Caption and the table style "Table Grid". A förbund downloads the standard template,
restyles it in Word and uploads it; nothing here needs to change. Charts go in as
the same drawing as on the page (PNG), with their figures in a table after them.
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache

from docx import Document as open_docx
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from samordna.core import document as doc
from samordna.core.document import AMOUNT, COUNT, PERCENT, cell_text
from samordna.documents import charts

NUMERIC = {AMOUNT, COUNT, PERCENT}
STYLES = ("Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "Caption", "Table Grid")


@cache
def standard_template() -> bytes:
    """The template Samordna uses when the förbund has none: Word's own styles, Arial. Made
    once per process (the same bytes every time)."""
    word = open_docx()
    normal = word.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)
    for section in word.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2.2)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


MAX_LOGO_PIXELS = 25_000_000


def logo_error(data: bytes, what: str = "Logotypen") -> str | None:
    """A Swedish message unless `data` is a PNG or JPEG that decodes completely and goes into a
    Word document: checked at upload, so a stored logo (or image `what`) can never break a
    download later."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in ("PNG", "JPEG"):
                return f"{what} måste vara en PNG- eller JPEG-bild."
            if image.width * image.height > MAX_LOGO_PIXELS:
                return f"{what} har för många bildpunkter (högst 25 miljoner)."
            image.load()
        open_docx().add_picture(io.BytesIO(data), height=Cm(2.5))
    except Exception:  # noqa: BLE001 - Pillow and python-docx raise many kinds on a broken image
        return f"{what} går inte att läsa som en hel PNG- eller JPEG-bild. Spara om bilden."
    return None


def template_error(data: bytes) -> str | None:
    """A Swedish message when `data` cannot serve as the Word template, else None."""
    from samordna.tables import TableError, check_zip

    try:
        if zipfile.is_zipfile(io.BytesIO(data)):
            check_zip(data, "Mallen", "Word-mall (.docx)")
    except TableError as error:
        return str(error)
    try:
        word = open_docx(io.BytesIO(data))
    except Exception:  # python-docx raises several kinds for a file that is not .docx
        return "Filen är inte ett Word-dokument (.docx). Spara mallen i Word som .docx."
    if _fetches_from_elsewhere(data):
        return (
            "Mallen hämtar något från en annan plats när den öppnas (en extern mall eller ett "
            "länkat objekt). Det skulle följa med i varje Word-fil; utgå från standardmallen."
        )
    names = {style.name for style in word.styles}
    missing = [name for name in STYLES if name not in names and name != "Table Grid"]
    if missing:
        return f"Mallen saknar formatmallarna {', '.join(missing)}. Utgå från standardmallen."
    try:
        docx(SAMPLE, data)  # a stored template must make every later document
    except Exception:  # noqa: BLE001 - python-docx fails in many ways on a template without parts
        return (
            "Mallen går inte att använda: ett dokument kunde inte skrivas med den (till exempel "
            "saknar den sidinställningar). Utgå från standardmallen och spara den i Word."
        )
    return None


_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")


def _fetches_from_elsewhere(data: bytes) -> bool:
    """Whether a part of the template points outside the file, other than a plain link: Word
    fetches an external template, frame, sub-document or linked object when a file opens."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rels = [archive.read(name) for name in archive.namelist() if name.endswith(".rels")]
    return any(
        b"External" in tag and not re.search(rb"/hyperlink[\"']", tag)
        for part in rels
        for tag in _RELATIONSHIP.findall(part)
    )


SAMPLE = doc.Document(
    kind="plan",
    title="Prov",
    association="Prov",
    year=2026,
    subtitle="Prov",
    cover_lines=("Prov",),
    blocks=(
        doc.Heading("Prov"),
        doc.Heading("Prov", level=2),
        doc.Paragraph("Prov"),
        doc.Bullets(("Prov",)),
        doc.Table(
            "Prov", (doc.Column("Rad"), doc.Column("2026", AMOUNT)), (doc.Row(("Prov", 100)),)
        ),
        doc.PageBreak(),
    ),
)


def docx(document: doc.Document, template: bytes | None = None) -> bytes:
    word = open_docx(io.BytesIO(template or standard_template()))
    _clear(word)
    _footer(word, document)
    _cover(word, document)
    for block in document.blocks:
        _block(word, block)
    word.core_properties.title = f"{document.title} {document.subtitle}".strip()
    word.core_properties.author = document.association
    word.core_properties.language = "sv-SE"
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _clear(word: WordDocument) -> None:
    """Keep the template's styles, headers and page set-up; drop its example text."""
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _footer(word: WordDocument, document: doc.Document) -> None:
    footer = word.sections[0].footer
    if any(p.text.strip() for p in footer.paragraphs) or footer.tables:
        return  # the förbund's template has its own footer
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run(f"{document.association}    Sida ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" av ")
    _field(paragraph, "NUMPAGES")


def _field(paragraph: object, code: str) -> None:
    run = paragraph.add_run()  # type: ignore[attr-defined]
    for kind, text in (
        ("begin", None),
        (None, code),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == code:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {code} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _cover(word: WordDocument, document: doc.Document) -> None:
    if document.logo:
        word.add_picture(io.BytesIO(document.logo), height=Cm(2.5))
    word.add_paragraph(document.title, style="Title")
    if document.subtitle:
        word.add_paragraph(document.subtitle, style="Subtitle")
    for line in document.cover_lines:
        word.add_paragraph(line)
    if document.cover:
        word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _block(word: WordDocument, block: doc.Block) -> None:
    if isinstance(block, doc.Heading):
        word.add_heading(block.text, level=min(block.level, 3))
    elif isinstance(block, doc.Paragraph):
        word.add_paragraph(block.text)
    elif isinstance(block, doc.Bullets):
        for item in block.items:
            word.add_paragraph(item, style="List Bullet")
    elif isinstance(block, doc.Table):
        _table(word, block)
    elif isinstance(block, doc.Chart):
        word.add_picture(io.BytesIO(charts.png(block)), width=Cm(16))
        word.add_paragraph(f"{block.title} – siffrorna finns i tabellen nedan.", style="Caption")
        _table(word, block.table)
    elif isinstance(block, doc.Image):
        _image(word, block)
    else:
        word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


IMAGE_WIDTH = 16.0  # cm: the text width; a smaller image keeps its own size at 96 dpi


def _image(word: WordDocument, block: doc.Image) -> None:
    """The image at most the text's width, its alt text as Word's description and caption."""
    if not block.data:
        return
    from PIL import Image

    with Image.open(io.BytesIO(block.data)) as picture:
        natural = picture.width / 96 * 2.54
    shape = word.add_picture(io.BytesIO(block.data), width=Cm(min(natural, IMAGE_WIDTH)))
    shape._inline.docPr.set("descr", block.alt)
    word.add_paragraph(block.alt, style="Caption")


def _table(word: WordDocument, block: doc.Table) -> None:
    word.add_paragraph(block.caption, style="Caption")
    table = word.add_table(rows=1, cols=len(block.columns))
    if "Table Grid" in {s.name for s in word.styles}:
        table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for cell, column in zip(table.rows[0].cells, block.columns, strict=True):
        _write(cell, column.heading, column.kind in NUMERIC, bold=True)
    _repeat_header(table.rows[0])
    marks, footnotes = doc.numbered_notes(block)
    for row, mark in zip(block.rows, marks, strict=True):
        cells = table.add_row().cells
        bold = row.style in {"sum", "result"}
        for cell, value, column, number in zip(cells, row.cells, block.columns, mark, strict=True):
            text = cell_text(value, column, block.unit)
            _write(cell, text, column.kind in NUMERIC, bold=bold, italic=row.style == "heading")
            _superscript(cell.paragraphs[0], number)
    _widths(table, block)
    if block.note:
        word.add_paragraph(block.note)
    for note in footnotes:
        word.add_paragraph(f"{note.number}) {note.text}")


def _superscript(paragraph: object, number: int | None) -> None:
    """A note's number as a superscript after the text, as Word writes a footnote mark."""
    if number is not None:
        paragraph.add_run(str(number)).font.superscript = True  # type: ignore[attr-defined]


TEXT_WIDTH, NUMBER_WIDTH = 16.6, 2.6  # cm


def _widths(table: object, block: doc.Table) -> None:
    """Numbers get a fixed width; the text columns share the rest, the first the most."""
    numeric = [c.kind in NUMERIC for c in block.columns]
    texts = numeric.count(False)
    left = max(TEXT_WIDTH - NUMBER_WIDTH * numeric.count(True), 3.0 * max(texts, 1))
    shares = [2.0 if i == 0 else 1.0 for i, n in enumerate(numeric) if not n]
    text_widths = iter(left * share / sum(shares) for share in shares) if shares else iter(())
    widths = [Cm(NUMBER_WIDTH) if n else Cm(next(text_widths)) for n in numeric]
    table.autofit = False  # type: ignore[attr-defined]
    for row in table.rows:  # type: ignore[attr-defined]
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _write(
    cell: object, text: str, numeric: bool, bold: bool = False, italic: bool = False
) -> None:
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    run = paragraph.add_run(text)
    run.bold, run.italic = bold or None, italic or None
    if numeric:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _repeat_header(row: object) -> None:
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
