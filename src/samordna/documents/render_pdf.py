"""A document as PDF: the document model written as Typst markup and typeset by Typst.

Tagged PDF/UA-1 in Swedish, the bundled font, the förbund's name and "Sida X av Y" in the
footer, charts as the same SVG the web page shows, with their title as alt text.

Every text from the model reaches Typst as a string literal (`typst_string`), never as
markup, so a "#", "*", "$" or "]" in a förbund's text prints as itself. A new block kind is
one function in BLOCKS (`_typst_block`) that returns Typst code.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import cache
from pathlib import Path

import typst

from samordna.core import document as doc
from samordna.core.document import cell_text
from samordna.documents import charts
from samordna.documents.pdf_font import NUMERIC, column_widths, drawable

FONT = "Liberation Sans"
BLUE = 'rgb("#1f4e79")'
GREY = 'rgb("#444444")'


def pdf(document: doc.Document) -> bytes:
    with tempfile.TemporaryDirectory(prefix="samordna-pdf-") as folder:
        files = Files(Path(folder))
        main = files.add("dokument.typ", source(document, files).encode("utf-8"))
        data = typst.compile(
            str(main),
            root=folder,
            font_paths=_fonts(),
            pdf_standards=["ua-1"],
        )
    assert isinstance(data, bytes)
    return data


@cache
def _fonts() -> typst.Fonts:
    """The bundled font only, read once per process (the same letters on every server)."""
    return typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(charts.FONTS)]
    )


class Files:
    """The images a document refers to, written beside its markup in a folder of its own."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0

    def add(self, name: str, data: bytes) -> Path:
        path = self.folder / name
        path.write_bytes(data)
        return path

    def image(self, suffix: str, data: bytes) -> str:
        self.count += 1
        return self.add(f"bild-{self.count}.{suffix}", data).name


def typst_string(text: str) -> str:
    """Text as a Typst string literal: shown as it stands, whatever characters it holds.

    A line break stays a line break and a tab becomes a space; any other character the
    bundled font cannot draw prints as "□" (PDF/UA forbids text without a glyph)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    escaped = drawable(text).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n") + '"'


def source(document: doc.Document, files: Files) -> str:
    """The whole document as Typst markup."""
    parts = [_setup(document), _cover(document, files)]
    parts += [_typst_block(block, files) for block in _without_skipped_levels(document.blocks)]
    return "\n".join(parts) + "\n"


def _without_skipped_levels(blocks: Iterable[doc.Block]) -> Iterator[doc.Block]:
    """Headings that go down one level at a time (PDF/UA forbids a jump from 1 to 3): a
    heading deeper than the one before it by more than one is read as one level deeper. An
    empty heading is left out: PDF/UA forbids it, and it has nothing to say."""
    level = 0
    for block in blocks:
        if isinstance(block, doc.Heading):
            if not block.text.strip():
                continue
            level = min(block.level, level + 1)
            block = replace(block, level=level)
        yield block


def _setup(document: doc.Document) -> str:
    title = f"{document.title} {document.subtitle}".strip() or "Dokument"
    footer = typst_string(f"{document.association} · {document.title}")
    author = typst_string(document.association)
    return f"""#set document(title: {typst_string(title)}, author: {author})
#set text(font: "{FONT}", lang: "sv", region: "SE", size: 10.5pt, fill: rgb("#111111"))
#set par(leading: 0.7em, spacing: 1.1em)
#set page(
  paper: "a4",
  margin: (top: 22mm, right: 20mm, bottom: 24mm, left: 22mm),
  header: {_marking_header(document.marking)},
  footer: context {{
    set text(size: 8pt, fill: {GREY})
    if here().page() > 1 {{ {footer} }}
    h(1fr)
    [Sida #counter(page).display() av #counter(page).final().first()]
  }},
)
#set heading(numbering: none)
#show heading: set block(above: 1.3em, below: 0.6em, sticky: true)
#show heading.where(level: 2): set text(size: 15pt, fill: {BLUE})
#show heading.where(level: 3): set text(size: 12pt)
#show heading.where(level: 4): set text(size: 10.5pt)
#set table(inset: (x: 5pt, y: 4.5pt), stroke: (x, y) => (bottom: 0.5pt + rgb("#bbbbbb")))
#show table: set text(size: 9.5pt)
#show table: set par(justify: false)
#set list(indent: 0.6em, spacing: 0.75em)
"""


def _marking_header(marking: str) -> str:
    """A confidentiality marking at the top of every page, the first one too."""
    if not marking:
        return "none"
    return f'align(center, text(size: 9pt, weight: "bold", {typst_string(marking)}))'


def _cover(document: doc.Document, files: Files) -> str:
    """The cover page of its own, or a letterhead above a notice's first lines."""
    title = f"heading(level: 1, outlined: false, {typst_string(document.title or 'Dokument')})"
    subtitle = f"par({typst_string(document.subtitle)})" if document.subtitle else "none"
    lines = "".join(f"#par({typst_string(line)})" for line in document.cover_lines)
    logo = _logo(document, files)
    marking = _marking_box(document.marking)
    if document.cover:
        return (
            f"#v(23mm)\n{marking}\n"
            + (f"#{logo}\n#v(20mm)\n" if logo else "")
            + f"#{{ show heading: set text(size: 26pt, fill: {BLUE}); {title} }}\n"
            f"#{{ set text(size: 15pt); {subtitle} }}\n#v(2em)\n"
            f"#{{ set par(spacing: 0.5em); [{lines}] }}\n"
            "#pagebreak()\n"
        )
    return (
        f"{marking}\n"
        + (f"#place(top + right, {logo})\n" if logo else "")
        + "#{ show heading: set block(above: 0pt, below: 0.4em); "
        f"show heading: set text(size: 18pt, fill: {BLUE}); {title} }}\n"
        f"#{subtitle}\n"
        '#{ set text(size: 9pt, fill: rgb("#333333")); set par(spacing: 0.3em); '
        f"[{lines}] }}\n#v(8mm)\n"
    )


def _marking_box(marking: str) -> str:
    if not marking:
        return ""
    return (
        '#block(stroke: 1.5pt + rgb("#8b0000"), inset: (x: 6pt, y: 4pt), '
        f'text(fill: rgb("#8b0000"), weight: "bold", {typst_string(marking)}))\n#v(8mm)'
    )


def _logo(document: doc.Document, files: Files) -> str:
    """The logo as Typst code: at most 70 × 30 mm on a cover, 18 mm high on a letter."""
    if not document.logo:
        return ""
    suffix = "png" if document.logo[:4] == b"\x89PNG" else "jpg"
    name = typst_string(files.image(suffix, document.logo))
    alt = typst_string(f"{document.association}s logotyp")
    size = "width: 70mm, height: 30mm" if document.cover else "width: 50mm, height: 18mm"
    return f'box({size}, image({name}, alt: {alt}, width: 100%, height: 100%, fit: "contain"))'


def _typst_block(block: doc.Block, files: Files) -> str:
    for kind, write in BLOCKS:
        if isinstance(block, kind):
            return write(block, files)
    raise TypeError(f"no PDF writing for {type(block).__name__}")


def _heading(block: doc.Heading, _files: Files) -> str:
    return f"#heading(level: {min(block.level + 1, 6)}, {typst_string(block.text)})"


def _paragraph(block: doc.Paragraph, _files: Files) -> str:
    return f"#par({typst_string(block.text)})"


def _bullets(block: doc.Bullets, _files: Files) -> str:
    return f"#list({', '.join(typst_string(item) for item in block.items)})"


def _page_break(_block: doc.PageBreak, _files: Files) -> str:
    return "#pagebreak(weak: true)"


def _table(block: doc.Table, _files: Files) -> str:
    aligns = ", ".join("right" if c.kind in NUMERIC else "left" for c in block.columns)
    head = ", ".join(_strong(c.heading or "Rad") for c in block.columns)
    rows = ",\n  ".join(_row(row, block) for row in block.rows)
    note = (
        f"\n#block(above: 0.4em, text(size: 8.5pt, fill: {GREY}, {typst_string(block.note)}))"
        if block.note
        else ""
    )
    return (
        f"#block(above: 1.1em, below: 0.4em, sticky: true, "
        f"strong({typst_string(block.caption)}))\n"
        f"#table(\n  columns: {_widths(block)},\n  align: ({aligns},),\n"
        f'  table.header({head}),\n  table.hline(stroke: 1pt + rgb("#111111")),\n  {rows}\n)'
        f"{note}"
    )


def _widths(block: doc.Table) -> str:
    return "(" + "".join(f"{width:.1f}fr, " for width in column_widths(block)) + ")"


def _strong(text: str) -> str:
    return f"strong({typst_string(text)})"


RULES = {"sum": "0.75pt", "result": "1.5pt"}


def _row(row: doc.Row, block: doc.Table) -> str:
    texts = [
        cell_text(value, column, block.unit)
        for value, column in zip(row.cells, block.columns, strict=True)
    ]
    if row.style in RULES:
        cells = [_strong(text) for text in texts]
        return f'table.hline(stroke: {RULES[row.style]} + rgb("#111111")), ' + ", ".join(cells)
    if row.style == "heading":
        cells = [f"emph({typst_string(text)})" for text in texts]
        return ", ".join(cells)
    return ", ".join(typst_string(text) for text in texts)


def _chart(block: doc.Chart, files: Files) -> str:
    name = files.image("svg", drawable(charts.svg(block)).encode("utf-8"))
    caption = typst_string(f"{block.title} – siffrorna finns i tabellen nedan.")
    return (
        f"#block(above: 1.2em, breakable: false)[#image({typst_string(name)}, width: 100%, "
        f"alt: {typst_string(block.title)})\n"
        f"#text(size: 8.5pt, fill: {GREY}, {caption})]\n" + _table(block.table, files)
    )


BLOCKS: tuple[tuple[type, Callable[..., str]], ...] = (
    (doc.Heading, _heading),
    (doc.Paragraph, _paragraph),
    (doc.Bullets, _bullets),
    (doc.Table, _table),
    (doc.Chart, _chart),
    (doc.PageBreak, _page_break),
)
