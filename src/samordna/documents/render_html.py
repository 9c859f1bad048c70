"""A document as HTML: the body shown inside the app's page, and a whole printable page
(bundled font, A4, "Sida X av Y") offered as the HTML download. The PDF is written by
`render_pdf` from the same document model."""

from __future__ import annotations

import base64
from pathlib import Path

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from samordna.core import document as doc
from samordna.core.document import AMOUNT, COUNT, PERCENT, cell_text
from samordna.documents import charts

PRINT_CSS = Path(__file__).resolve().parent / "print.css"
NUMERIC = {AMOUNT, COUNT, PERCENT}
FIGCAPTION = "<figcaption>{} – siffrorna finns i tabellen nedan.</figcaption>"


def body(document: doc.Document, printed: bool = False, cover: bool = True) -> SafeString:
    """The cover and every block, as HTML the app's page and the PDF both use (without the
    cover where the page itself carries the title).

    In print a table's title stands in a paragraph above it rather than in <caption>:
    WeasyPrint 66 cannot tag a captioned table that a page break separates from its caption.
    """
    parts = [_cover(document)] if cover else []
    parts += [_block(block, printed) for block in document.blocks]
    return mark_safe("\n".join(parts))  # noqa: S308 - every part is escaped where it is built


def standalone(document: doc.Document) -> str:
    """A whole page to print: the body with the print style sheet and the bundled font."""
    title = escape(_full_title(document))
    footer = css_string(f"{document.association} · {document.title}")
    css = PRINT_CSS.read_text(encoding="utf-8").replace("FOOTER_TEXT", footer)
    if document.marking:
        css += _marking_css(document.marking)
    return (
        f'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta name="author" content="{escape(document.association)}">'
        f"<style>{css}</style></head><body>{body(document, printed=True)}</body></html>"
    )


def css_string(text: str) -> str:
    """Text for a CSS string inside a <style> element: CSS escapes, not HTML entities (an
    entity is not decoded there, so "&amp;" would print as it stands)."""
    return "".join(
        char if char.isalnum() or char in " ·.,-–&()'" else f"\\{ord(char):x} " for char in text
    )


def _marking_css(marking: str) -> str:
    """The marking at the top of every page, the first one too."""
    rule = f'@top-center {{ content: "{css_string(marking)}"; font: bold 9pt "Samordna Sans"; }}'
    return f"@page {{ {rule} }} @page :first {{ {rule} }}"


def _full_title(document: doc.Document) -> str:
    return f"{document.title} {document.subtitle}".strip()


def _cover(document: doc.Document) -> str:
    logo = ""
    if document.logo:
        kind = "png" if document.logo[:4] == b"\x89PNG" else "jpeg"
        data = base64.b64encode(document.logo).decode("ascii")
        logo = (
            f'<img class="logo" src="data:image/{kind};base64,{data}" '
            f'alt="{escape(document.association)}s logotyp">'
        )
    lines = "".join(format_html("<p>{}</p>", line) for line in document.cover_lines)
    subtitle = (
        format_html('<p class="subtitle">{}</p>', document.subtitle) if document.subtitle else ""
    )
    kind = "cover" if document.cover else "letterhead"
    marking = (
        format_html('<p class="marking"><strong>{}</strong></p>', document.marking)
        if document.marking
        else ""
    )
    return (
        f'<header class="{kind}">{marking}{logo}'
        f"{format_html('<h1>{}</h1>', document.title)}{subtitle}"
        f'<div class="cover-lines">{lines}</div></header>'
    )


def _block(block: doc.Block, printed: bool) -> str:
    if isinstance(block, doc.Heading):
        level = min(block.level + 1, 6)
        return format_html("<h{}>{}</h{}>", level, block.text, level)
    if isinstance(block, doc.Paragraph):
        return format_html("<p>{}</p>", block.text)
    if isinstance(block, doc.Bullets):
        items = "".join(format_html("<li>{}</li>", item) for item in block.items)
        return f"<ul>{items}</ul>"
    if isinstance(block, doc.Table):
        return table(block, printed)
    if isinstance(block, doc.Chart):
        return _chart(block, printed)
    return '<div class="page-break" aria-hidden="true"></div>'


def table(block: doc.Table, printed: bool = False) -> str:
    head = "".join(
        format_html('<th scope="col"{}>{}</th>', _num(c), c.heading or "Rad") for c in block.columns
    )
    rows = "".join(_row(row, block) for row in block.rows)
    note = format_html('<p class="table-note">{}</p>', block.note) if block.note else ""
    title: str
    caption: str
    if printed:
        title, caption = format_html('<p class="caption">{}</p>', block.caption), ""
    else:
        title, caption = "", format_html("<caption>{}</caption>", block.caption)
    return (
        f'<div class="table-wrap">{title}<table class="document-table">{caption}'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{note}</div>"
    )


def _row(row: doc.Row, block: doc.Table) -> str:
    cells = []
    for index, (value, column) in enumerate(zip(row.cells, block.columns, strict=True)):
        text = escape(cell_text(value, column, block.unit)).replace("\n", "<br>")
        tag = "th" if index == 0 else "td"
        scope = ' scope="row"' if index == 0 else ""
        cells.append(f"<{tag}{scope}{_num(column)}>{text}</{tag}>")
    style = f' class="{row.style}"' if row.style else ""
    return f"<tr{style}>{''.join(cells)}</tr>"


def _num(column: doc.Column) -> str:
    return ' class="num"' if column.kind in NUMERIC else ""


def _chart(block: doc.Chart, printed: bool) -> str:
    drawing = charts.svg(block).replace(
        "<svg ", f'<svg role="img" aria-label="{escape(block.title)}" ', 1
    )
    return (
        f'<figure class="chart"><div class="chart-drawing">{drawing}</div>'
        f"{format_html(FIGCAPTION, block.title)}"
        f"{table(block.table, printed)}</figure>"
    )
