"""Reading a table from a file: CSV (UTF-8 with or without BOM, `;` or `,`) or XLSX (first sheet),
and the one import pipeline: read → check every row → all errors at once → one atomic store.

This is the one place files become rows. Every cell comes back as text
(numbers from XLSX written without a trailing ".0"), with its 1-based row number
as the user sees it in Excel (the header is row 1), so any finding can name
"rad 5, kolumn invånare".

Limits (docs/filformat.md) are checked while reading, before anything is expanded: the file's
size, the unpacked size of an XLSX, rows, columns and the length of a cell. XML inside an XLSX is
read through defusedxml (openpyxl uses it when installed), so entity bombs are refused.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from itertools import islice, repeat
from operator import itemgetter
from pathlib import Path
from typing import TypeVar

from django.db import transaction

from samordna.core.findings import InputError, every_row
from samordna.core.personnummer import describe, find_identities, may_hold_identity
from samordna.core.table import Table, table_of

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_ZIP_MEMBERS = 500
MAX_ROWS = 20_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 5_000

R = TypeVar("R")  # a row as the core reader gave it
C = TypeVar("C")  # a row checked against the database, ready to store


class TableError(ValueError):
    """A file that cannot be read as a table; the message is Swedish."""


Cells = tuple[tuple[str, ...], list[list[str]]]  # a header and the rows below it, as text


def read_table(path: str | Path) -> Table:
    """Read `path` as a table; raise TableError with a Swedish message when it cannot be read."""
    return table_of(*read_cells(path))


def read_cells(path: str | Path) -> Cells:
    """Read `path` as its header and the rows below it (numbered from 2, empty rows kept), for
    readers that go column by column; every limit and the identity search as `read_table`."""
    return cells_from_bytes(file_bytes(path), Path(path).name)


def file_bytes(path: str | Path) -> bytes:
    """The bytes of the file at `path`; TableError when there is none or it is too big."""
    path = Path(path)
    if not path.exists():
        raise TableError(f"Filen {path} finns inte.")
    if path.is_dir():
        raise TableError(f"{path} är en mapp, inte en fil.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise TableError(_too_big(path.name))
    return path.read_bytes()


def plain_csv_lines(data: bytes, filename: str) -> tuple[str, list[str]] | None:
    """A CSV file's delimiter and lines, header first, when `cells_from_bytes` reads each line
    as the line split at the delimiter (empty cells at the end left out): a header, no
    quotation mark, lines ending in LF or CR LF, the same number of delimiters on every line,
    every limit kept and no run of digits that could be a personnummer. None for any other
    file: read it with `cells_from_bytes`. A Hypothesis test compares the two
    (tests/files/test_plain_csv.py)."""
    refuse_identity_in_name(filename)
    text = _plain_text(data, filename)
    lines = text.removesuffix("\n").split("\n") if text is not None else [""]
    if len(lines) >= MAX_ROWS or max(map(len, lines)) > MAX_CELL_CHARS:
        return None
    delimiter = _delimiter(text or "")
    if not lines[0].replace(delimiter, "").strip():
        return None  # no header (or not a plain text): `cells_from_bytes` says what is wrong
    widths = set(map(str.count, lines, repeat(delimiter)))
    return (delimiter, lines) if len(widths) == 1 and widths.pop() < MAX_COLUMNS else None


def _plain_text(data: bytes, filename: str) -> str | None:
    """The text of a CSV file without quotation marks, its line ends made LF; None for an
    Excel file, a file that is not UTF-8 and a file that may hold a personnummer."""
    if filename.lower().endswith((".xlsx", ".xlsm")) or data[:2] == b"PK":
        return None
    crlf = b"\r" in data  # then every line must end in CR LF
    if crlf and data.count(b"\r") != data.count(b"\r\n"):
        return None
    if b'"' in data or may_hold_identity(data):
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return text.replace("\r\n", "\n") if crlf else text


def store_all_or_nothing(
    rows: Iterable[R],
    errors: list[InputError],
    check: Callable[[R], tuple[C | None, list[InputError]]],
    store: Callable[[C], None],
) -> list[C]:
    """Check every row read (adding to the reader's `errors`), then either raise one InputError
    naming every bad cell in row order, or store every checked row in one transaction."""
    checked = every_row(rows, errors, check)
    with transaction.atomic():
        for item in checked:
            store(item)
    return checked


def table_from_bytes(data: bytes, filename: str) -> Table:
    """Read an uploaded file (web form) the same way as a file on disk."""
    return table_of(*cells_from_bytes(data, filename))


def cells_from_bytes(data: bytes, filename: str) -> Cells:
    """The header and rows of an uploaded file, read as `read_cells` reads a file on disk."""
    if len(data) > MAX_FILE_BYTES:
        raise TableError(_too_big(filename))
    refuse_identity_in_name(filename)
    if filename.lower().endswith((".xlsx", ".xlsm")) or data[:2] == b"PK":
        raw = _xlsx_rows(data, Path(filename))
        _refuse_identities(raw)
    else:
        text = _csv_text(data, Path(filename))
        raw = _csv_rows(text, Path(filename))
        if may_hold_identity(data):  # a cell's digits stand in the file as they are
            _refuse_identities(raw)
    return _header_and_rows(raw)


def refuse_identity_in_name(filename: str) -> None:
    """TableError when a file's name holds a personnummer (names are stored and shown)."""
    found = find_identities(Path(filename).name)
    if found:
        raise TableError(
            f"Filnamnet innehåller {describe(found)}. Byt namn på filen: Samordna får inte "
            "lagra personnummer eller samordningsnummer."
        )


def _refuse_identities(raw: list[list[str]]) -> None:
    """TableError naming every cell that holds a personnummer (never the number itself)."""
    header = raw[0] if raw else []
    places = [
        f"rad {number}, kolumn {_title(header, index)}: cellen innehåller {describe(found)}"
        for number, cells in enumerate(raw, start=1)
        for index, cell in enumerate(cells)
        if (found := find_identities(str(cell)))
    ]
    if places:
        raise TableError(
            "\n".join(places) + "\nSamordna får inte lagra personnummer eller samordningsnummer: "
            "ta bort numren ur filen."
        )


def _title(header: list[str], index: int) -> str:
    title = str(header[index]).strip() if index < len(header) else ""
    return title or str(index + 1)


def _too_big(name: str) -> str:
    megabytes = MAX_FILE_BYTES // (1024 * 1024)
    return f"Filen {name} är större än {megabytes} MB, det största som kan läsas in."


def _limited(rows: Iterable[Sequence[object]], texts: bool = False) -> list[list[str]]:
    """The rows as text, stopping with a Swedish message at the first limit passed; `texts`
    when every cell is text already (a CSV reader's lists)."""
    out: list[list[str]] = []
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS:
            raise TableError(
                f"Filen har fler än {MAX_ROWS:,} rader, det största som kan läsas in.".replace(
                    ",", " "
                )
            )
        cells = row if texts and type(row) is list else [_cell_text(value) for value in row]
        while cells and not cells[-1]:
            cells.pop()
        if len(cells) > MAX_COLUMNS:
            raise TableError(f"rad {number}: fler än {MAX_COLUMNS} kolumner.")
        if cells and max(map(len, cells)) <= MAX_CELL_CHARS:
            out.append(cells)
            continue
        for column, cell in enumerate(cells, start=1):
            if len(cell) > MAX_CELL_CHARS:
                raise TableError(
                    f"rad {number}, kolumn {column}: cellen har fler än {MAX_CELL_CHARS} tecken."
                )
        out.append(cells)
    return out


def _header_and_rows(raw: list[list[str]]) -> Cells:
    if not raw or not any(cell.strip() for cell in raw[0]):
        raise TableError("Filen är tom eller saknar rubrikrad på rad 1.")
    return tuple(cell.replace("\ufeff", "").strip() for cell in raw[0]), raw[1:]


def _csv_text(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise TableError(
            f"rad {line}: filen {path.name} är inte UTF-8. Spara den som CSV UTF-8 och försök igen."
        ) from error


def _csv_rows(text: str, path: Path) -> list[list[str]]:
    delimiter = _delimiter(text)
    within = _within_limits(text, delimiter)
    if within is not None:
        return within
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        return _limited(reader, texts=True)
    except csv.Error as error:
        raise TableError(
            f"rad {reader.line_num}: filen {path.name} går inte att läsa som CSV "
            f"(en cell är för lång eller ett citattecken saknar sin pars)."
        ) from error


def _delimiter(text: str) -> str:
    """The delimiter: ";" when the first line has one and no more commas than semicolons."""
    first_line = _first_line(text) if text.strip() else ""
    return ";" if first_line.count(";") >= first_line.count(",") and ";" in first_line else ","


def _first_line(text: str) -> str:
    """The file's first line (as `str.splitlines` ends it) without splitting the whole file."""
    head = text[:4096].splitlines()
    return head[0] if len(head) > 1 or len(text) <= 4096 else text.splitlines()[0]


def _within_limits(text: str, delimiter: str) -> list[list[str]] | None:
    """Every row of a CSV file that is well within the limits, checked for the whole file at
    once; None when a row may pass one (or the CSV reader stops), for `_limited` to read row by
    row and name the first row that does."""
    try:
        rows = list(islice(csv.reader(io.StringIO(text), delimiter=delimiter), MAX_ROWS))
    except csv.Error:
        return None
    if len(rows) == MAX_ROWS or not rows or max(map(len, rows)) > MAX_COLUMNS:
        return None
    if max(map(len, map("".join, rows))) > MAX_CELL_CHARS:  # no cell is longer than its row
        return None
    if not min(map(len, rows)) or "" in map(itemgetter(-1), rows):
        for cells in [cells for cells in rows if cells and not cells[-1]]:
            while cells and not cells[-1]:
                cells.pop()
    return rows


def check_zip(data: bytes, name: str, kind: str) -> None:
    """Refuse a zip (XLSX, DOCX) that is damaged or unpacks to more than the limit."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise TableError(f"Filen {name} går inte att läsa som en {kind}.") from error
    if len(members) > MAX_ZIP_MEMBERS:
        raise TableError(f"Filen {name} innehåller fler än {MAX_ZIP_MEMBERS} delar.")
    if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
        megabytes = MAX_UNPACKED_BYTES // (1024 * 1024)
        raise TableError(f"Filen {name} blir större än {megabytes} MB uppackad.")


def _xlsx_rows(data: bytes, path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    check_zip(data, path.name, "Excel-fil (XLSX)")
    unreadable = f"Filen {path.name} går inte att läsa som en Excel-fil (XLSX)."
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds on a broken file
        raise TableError(unreadable) from error
    try:
        if not workbook.worksheets:
            raise TableError(unreadable)
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # a file's own dimension claim is not trusted
        return _limited(sheet.iter_rows(values_only=True))
    except TableError:
        raise
    except Exception as error:  # noqa: BLE001 - broken sheet XML surfaces while reading rows
        raise TableError(unreadable) from error
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    if type(value) is str:  # every CSV cell: the common case first
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float):
        text = format(Decimal(repr(value)), "f")
        text = text.rstrip("0").rstrip(".") if "." in text else text
        return text.replace(".", ",")
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
