"""Tables as downloads: CSV (UTF-8 with BOM and `;`, as Swedish Excel opens it) and XLSX written
with XlsxWriter: numbers as numbers, amounts in a kr number format, shares in a percent format.

`write_sheet` is the one place a table becomes an Excel sheet; the documents, the
national export and every table on a page go through it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import xlsxwriter
from django.http import HttpResponse

KR_FORMAT = '#,##0 "kr";-#,##0 "kr"'
KR_ORE_FORMAT = '#,##0.00 "kr";-#,##0.00 "kr"'
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEXT, KR, PERCENT, NUMBER = "text", "kr", "percent", "number"


@dataclass
class Sheet:
    """One table for Excel: values are kronor for KR columns, fractions of 1 for PERCENT."""

    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[Any]]
    kinds: Sequence[str] = ()
    bold_rows: set[int] = field(default_factory=set)
    caption: str = ""
    cell_kinds: Sequence[Sequence[str]] | None = None  # per cell, when columns are mixed
    marking: str = ""  # confidentiality: above the caption and in the printed page's header
    below: Sequence[str] = ()  # lines under the table (its numbered notes), one per row


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^-\d[\d \u00a0]*(,\d+)?( kr| %)?$")


def safe_cell(value: Any) -> Any:
    """A cell that Excel will not run as a formula (OWASP's CSV injection rule): text that
    starts with = + - @ tab or carriage return gets a leading apostrophe, unless it is a number."""
    if not isinstance(value, str) or not value.startswith(_FORMULA_START):
        return value
    return value if _PLAIN_NUMBER.match(value) else "'" + value


def csv_rows(rows: Iterable[Sequence[Any]]) -> Iterator[list[Any]]:
    """Rows ready for csv.writer: None as empty, every text cell made safe."""
    for row in rows:
        yield ["" if cell is None else safe_cell(cell) for cell in row]


def csv_response(
    filename: str, header: Sequence[str], rows: Sequence[Sequence[Any]]
) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows(csv_rows([header, *rows]))
    response = HttpResponse(("\ufeff" + buffer.getvalue()).encode("utf-8"))
    response["Content-Type"] = "text/csv; charset=utf-8"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    formats = _formats(book)
    used: set[str] = set()
    for sheet in sheets:
        _write_sheet(book, formats, sheet, _sheet_name(sheet.title, used))
    book.close()
    return buffer.getvalue()


def _formats(book: Any) -> dict[str, Any]:
    return {
        "head": book.add_format({"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"}),
        "caption": book.add_format({"bold": True, "font_size": 12}),
        KR: book.add_format({"num_format": KR_FORMAT}),
        KR + "bold": book.add_format({"num_format": KR_FORMAT, "bold": True}),
        "kr_ore": book.add_format({"num_format": KR_ORE_FORMAT}),
        "kr_orebold": book.add_format({"num_format": KR_ORE_FORMAT, "bold": True}),
        PERCENT: book.add_format({"num_format": "0.00%"}),
        PERCENT + "bold": book.add_format({"num_format": "0.00%", "bold": True}),
        NUMBER: book.add_format({"num_format": "#,##0"}),
        NUMBER + "bold": book.add_format({"num_format": "#,##0", "bold": True}),
        TEXT: book.add_format({"text_wrap": False}),
        TEXT + "bold": book.add_format({"bold": True}),
    }


def _write_sheet(book: Any, formats: dict[str, Any], sheet: Sheet, name: str) -> None:
    page = book.add_worksheet(name)
    top = 0
    if sheet.marking:
        page.write_string(0, 0, sheet.marking, formats["caption"])
        page.set_header("&C&B" + sheet.marking.replace("&", "&&"))
        top = 1
    if sheet.caption:
        page.write_string(top, 0, sheet.caption, formats["caption"])
        top += 2
    for column, heading in enumerate(sheet.header):
        page.write_string(top, column, str(heading), formats["head"])
    kinds = list(sheet.kinds) + [TEXT] * (len(sheet.header) - len(sheet.kinds))
    widths = [len(str(h)) for h in sheet.header]
    for index, row in enumerate(sheet.rows):
        bold = "bold" if index in sheet.bold_rows else ""
        for column, value in enumerate(row):
            kind = _kind(sheet, kinds, index, column)
            shown = _write_cell(page, formats, top + 1 + index, column, value, kind, bold)
            if column < len(widths):
                widths[column] = max(widths[column], len(shown))
    for offset, line in enumerate(sheet.below):
        page.write_string(top + len(sheet.rows) + 2 + offset, 0, line, formats[TEXT])
    for column, width in enumerate(widths):
        page.set_column(column, column, min(max(width + 2, 8), 60))
    page.freeze_panes(top + 1, 0)


def _kind(sheet: Sheet, kinds: list[str], row: int, column: int) -> str:
    if sheet.cell_kinds is not None:
        return sheet.cell_kinds[row][column]
    return kinds[column] if column < len(kinds) else TEXT


def _write_cell(
    page: Any, formats: dict[str, Any], row: int, column: int, value: Any, kind: str, bold: str
) -> str:
    """Write one cell; return its text length estimate for the column width."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float | Fraction):
        page.write_string(row, column, str(value), formats[TEXT + bold])
        return str(value)
    if kind == KR:
        whole = float(value) == int(value)
        page.write_number(row, column, float(value), formats[(KR if whole else "kr_ore") + bold])
        return f"{float(value):,.0f} kr"
    if kind == PERCENT:
        page.write_number(row, column, float(value), formats[PERCENT + bold])
        return "100,00 %"
    page.write_number(row, column, float(value), formats[NUMBER + bold])
    return f"{float(value):,.0f}"


SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(title: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the book."""
    base = SHEET_FORBIDDEN.sub("-", title).strip().strip("'")[:31] or "Tabell"
    name, number = base, 2
    while name.casefold() in used:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(name.casefold())
    return name


def xlsx_bytes(
    title: str,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    kr_columns: Sequence[int] = (),
) -> bytes:
    kinds = [KR if i in kr_columns else NUMBER for i in range(len(header))]
    return workbook_bytes([Sheet(title, header, rows, kinds)])


def file_response(data: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(
    filename: str,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    kr_columns: Sequence[int] = (),
) -> HttpResponse:
    data = xlsx_bytes(filename.rsplit(".", 1)[0], header, rows, kr_columns)
    return file_response(data, filename, XLSX)
