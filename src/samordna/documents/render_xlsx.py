"""A document's tables as an Excel workbook: one sheet per table, in reading order, numbers as
numbers (amounts in kronor with a kr format, shares with a percent format), "<5" kept as text."""

from __future__ import annotations

from fractions import Fraction

from samordna.core import document as doc
from samordna.core.document import AMOUNT, COUNT, PERCENT
from samordna.core.money import exact_kronor
from samordna.downloads import KR, NUMBER, TEXT, Sheet, workbook_bytes

KINDS = {AMOUNT: KR, PERCENT: "percent", COUNT: NUMBER}


def xlsx(document: doc.Document) -> bytes:
    return workbook_bytes([_sheet(table, document.marking) for table in document.tables()])


def _sheet(table: doc.Table, marking: str = "") -> Sheet:
    kinds = [KINDS.get(c.kind, TEXT) for c in table.columns]
    marks, notes = doc.numbered_notes(table)
    rows = [
        _marked([_value(v, c) for v, c in zip(row.cells, table.columns, strict=True)], mark)
        for row, mark in zip(table.rows, marks, strict=True)
    ]
    bold = {i for i, row in enumerate(table.rows) if row.style in {"sum", "result"}}
    header = [c.heading or "Rad" for c in table.columns]
    return Sheet(
        table.caption,
        header,
        rows,
        kinds,
        bold,
        caption=table.caption,
        marking=marking,
        below=[_note_line(note) for note in notes],
    )


def _marked(cells: list[object], marks: tuple[int | None, ...]) -> list[object]:
    """Numbers stay numbers: every note mark of the row goes on its first cell, "(1)"."""
    numbers = [str(n) for n in dict.fromkeys(m for m in marks if m is not None)]
    if numbers and isinstance(cells[0], str):
        cells[0] = f"{cells[0]} ({', '.join(numbers)})"
    return cells


def _note_line(note: doc.Footnote) -> str:
    where = f" (gäller {', '.join(note.columns)})" if note.columns else ""
    return f"{note.number}) {note.text}{where}"


def _value(value: object, column: doc.Column) -> object:
    """Amounts from öre to kronor, percent to a fraction of 1; text and "<5" stay as they are."""
    if column.kind == AMOUNT and isinstance(value, int):
        return exact_kronor(value)
    if column.kind == PERCENT and isinstance(value, int | Fraction):
        return Fraction(value) / 100
    return value
