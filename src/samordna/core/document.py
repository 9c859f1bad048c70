"""A document as data: headings, paragraphs, lists, tables and charts, in reading order.

The plan, the annual follow-up and the contribution notices are each built once
into a `Document`; the web page, the PDF, the Word file and the Excel file all
render that same model. A table cell carries its value and its kind, so an amount
is whole öre until a renderer writes it: as "7 156 000 kr" through the one format
function, or as a number in a kr number format in Excel.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from fractions import Fraction

from samordna.core.allocation import format_percent
from samordna.core.calendar import MONTH_NAMES
from samordna.core.money import format_amount

TEXT, AMOUNT, COUNT, PERCENT = "text", "amount", "count", "percent"


@dataclass(frozen=True)
class Column:
    heading: str
    kind: str = TEXT  # text | amount (öre) | count (int or "<5") | percent (Fraction)


@dataclass(frozen=True)
class Row:
    cells: tuple[object, ...]
    style: str = ""  # "" | sum | heading | result
    notes: tuple[str, ...] = ()  # a note per cell ("" for none), printed numbered under the table


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str
    columns: tuple[str, ...] = ()  # the headings of the amount columns it marks (its years)


@dataclass(frozen=True)
class Table:
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    note: str = ""
    unit: str = "kr"  # how amounts are written: kr, tkr or mkr


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[int | None, ...]


@dataclass(frozen=True)
class Chart:
    """A chart drawn on the server, always with its figures as a table beside it."""

    title: str
    kind: str  # bars | hbars | stacked
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    table: Table
    unit: str = "kr"  # kr (values in öre) | count | percent
    limit: Series | None = None  # a line drawn over the bars (the equity cap, a target)
    axis: str = ""  # what the categories are, when the title does not say


@dataclass(frozen=True)
class Image:
    """A picture the förbund placed in its own text (an organisation chart): the number it was
    uploaded under, its alt text (also printed under it) and, once found, the PNG or JPEG."""

    number: int
    alt: str
    data: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class PageBreak:
    """A new page in print (PDF, Word); nothing on the web page."""


Block = Heading | Paragraph | Bullets | Table | Chart | Image | PageBreak


@dataclass(frozen=True)
class Document:
    kind: str  # plan | followup | notice
    title: str
    association: str
    year: int
    subtitle: str = ""
    cover_lines: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = ()
    filename: str = "dokument"
    cover: bool = True  # a page of its own; a notice is a letter and starts on page one
    logo: bytes | None = field(default=None, repr=False)
    # What the budget check found wrong in the figures the document is built from, in plain
    # words: shown before anyone downloads (the document itself prints computed figures).
    findings: tuple[str, ...] = ()
    # A confidentiality marking printed on the cover, at the top of every page and on every
    # sheet ("" for everything the förbund publishes).
    marking: str = ""

    def tables(self) -> list[Table]:
        """Every table in reading order, the tables beside the charts included."""
        found: list[Table] = []
        for block in self.blocks:
            if isinstance(block, Chart):
                found.append(block.table)
            elif isinstance(block, Table):
                found.append(block)
        return found

    def text(self) -> str:
        """The document's words in order (for tests and search), amounts as written."""
        return "\n".join(_block_text(block) for block in self.blocks)


Marks = tuple[tuple[int | None, ...], ...]  # per row, per cell: the note's number or None


def numbered_notes(found: Table) -> tuple[Marks, tuple[Footnote, ...]]:
    """Each cell's note number and the notes in order of appearance (row by row, left to
    right); a text written on several cells has one number."""
    numbers: dict[str, int] = {}
    where: dict[str, list[str]] = {}
    marks = []
    for row in found.rows:
        cells: list[int | None] = []
        for index, column in enumerate(found.columns):
            text = row.notes[index].strip() if index < len(row.notes) else ""
            cells.append(numbers.setdefault(text, len(numbers) + 1) if text else None)
            if text and index:
                where.setdefault(text, []).append(column.heading)
        marks.append(tuple(cells))
    notes = tuple(Footnote(n, t, tuple(where.get(t, ()))) for t, n in numbers.items())
    return tuple(marks), notes


def _block_text(block: Block) -> str:
    if isinstance(block, Heading | Paragraph):
        return block.text
    if isinstance(block, Bullets):
        return "\n".join(block.items)
    if isinstance(block, PageBreak):
        return ""
    if isinstance(block, Image):
        return f"[Bild {block.number}: {block.alt}]"
    table = block.table if isinstance(block, Chart) else block
    lines = [table.caption, " ".join(c.heading for c in table.columns)]
    for row in table.rows:
        lines.append(
            " ".join(
                cell_text(v, c, table.unit) for v, c in zip(row.cells, table.columns, strict=True)
            )
        )
    lines += [f"{note.number}) {note.text}" for note in numbered_notes(table)[1]]
    return "\n".join(lines)


def cell_text(value: object, column: Column, unit: str = "kr") -> str:
    """A cell as the document prints it: amounts through `format_amount`, "<5" kept as is."""
    if value is None or value == "":
        return ""
    if column.kind == AMOUNT and isinstance(value, int):
        return format_amount(value, unit)
    if column.kind == PERCENT and isinstance(value, Fraction | int):
        return format_percent(Fraction(value), 2, trim=True)
    if column.kind == COUNT and isinstance(value, int):
        return format_amount(value * 100, suffix=False)
    return str(value)


BULLET = re.compile(r"^\s*[-•*–]\s+")
SUBHEADING = re.compile(r"^\s*##\s+")
IMAGE = re.compile(r"^\s*!\[([^\]]*)\]\(\s*bild\s*:?\s*(\d{1,6})\s*\)\s*$", re.IGNORECASE)


def image_references(text: str) -> list[tuple[int, str]]:
    """The images a text places, (number, alt text as written), in order."""
    found = (IMAGE.match(line) for line in text.replace("\r\n", "\n").split("\n"))
    return [(int(match.group(2)), match.group(1).strip()) for match in found if match]


def blocks_from_text(text: str) -> list[Block]:
    """People's own text: blank lines part paragraphs, lines starting "- " make a list, a
    line starting "## " is a sub-heading (under the section's own heading), and a line
    `![Organisation](bild:1)` places uploaded image 1 (its data is filled in by the builder)."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()):
        blocks.extend(_chunk_blocks(chunk))
    return blocks


def _chunk_blocks(chunk: str) -> Iterable[Block]:
    lines = [line for line in chunk.split("\n") if line.strip()]
    prose: list[str] = []
    items: list[str] = []
    for line in lines:
        picture = IMAGE.match(line)
        if SUBHEADING.match(line) or picture:
            yield from _flush(prose, items)
            prose, items = [], []
            yield (
                Image(int(picture.group(2)), picture.group(1).strip())
                if picture
                else Heading(SUBHEADING.sub("", line).strip(), 2)
            )
        elif BULLET.match(line):
            if prose:
                yield Paragraph(" ".join(prose))
                prose = []
            items.append(BULLET.sub("", line).strip())
        else:
            if items:
                yield Bullets(tuple(items))
                items = []
            prose.append(line.strip())
    yield from _flush(prose, items)


def _flush(prose: list[str], items: list[str]) -> Iterable[Block]:
    if prose:
        yield Paragraph(" ".join(prose))
    if items:
        yield Bullets(tuple(items))


def with_sum(found: Table, label: str = "Summa") -> Table:
    """The table with a sum row under it: each amount column added up, missing amounts as 0."""
    cells: list[object] = [label]
    for index, column in enumerate(found.columns[1:], start=1):
        amounts = [row.cells[index] for row in found.rows]
        cells.append(sum(a for a in amounts if isinstance(a, int)) if column.kind == AMOUNT else "")
    return replace(found, rows=(*found.rows, Row(tuple(cells), "sum")))


def table(
    caption: str,
    columns: Sequence[tuple[str, str]],
    rows: Iterable[Row | Sequence[object]],
    note: str = "",
    unit: str = "kr",
) -> Table:
    """A table from (heading, kind) pairs and rows (plain sequences become ordinary rows)."""
    built = tuple(row if isinstance(row, Row) else Row(tuple(row)) for row in rows)
    return Table(caption, tuple(Column(h, k) for h, k in columns), built, note, unit)


def long_date(day: date) -> str:
    """A date as Swedish prose writes it: "28 november 2019"."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def month_year(day: date) -> str:
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"
