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
    rows = [
        [_value(v, c) for v, c in zip(row.cells, table.columns, strict=True)] for row in table.rows
    ]
    bold = {i for i, row in enumerate(table.rows) if row.style in {"sum", "result"}}
    header = [c.heading or "Rad" for c in table.columns]
    return Sheet(table.caption, header, rows, kinds, bold, caption=table.caption, marking=marking)


def _value(value: object, column: doc.Column) -> object:
    """Amounts from öre to kronor, percent to a fraction of 1; text and "<5" stay as they are."""
    if column.kind == AMOUNT and isinstance(value, int):
        return exact_kronor(value)
    if column.kind == PERCENT and isinstance(value, int | Fraction):
        return Fraction(value) / 100
    return value
