"""The trail as Excel: the same rows as the Historik page, one row per changed field."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from samordna.audit.history import Row
from samordna.downloads import TEXT, Sheet, workbook_bytes
from samordna.table_export import typed

HEADER = ("Tid", "Vem", "Slag", "Uppgift", "Händelse", "Fält", "Före", "Efter")


def lines(row: Row) -> Iterator[tuple[str, ...]]:
    """The row's lines as on the page: one per changed field, or one for the event alone."""
    head = (row.when.strftime("%Y-%m-%d %H:%M:%S"), row.who, row.kind, row.what, row.action)
    for change in row.fields or [("", "", "")]:
        yield (*head, *change)


def workbook(title: str, rows: Sequence[Row]) -> bytes:
    cells = [
        [typed(text) if i >= 6 else (text, TEXT) for i, text in enumerate(line)]
        for row in rows
        for line in lines(row)
    ]
    sheet = Sheet(
        title,
        HEADER,
        [[value for value, _ in line] for line in cells],
        cell_kinds=[[kind for _, kind in line] for line in cells],
    )
    return workbook_bytes([sheet])
