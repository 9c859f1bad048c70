"""Tables as downloads: CSV (UTF-8 with BOM and `;`, as Swedish Excel opens it) and XLSX with
numbers as numbers and amounts in a kr number format."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

KR_FORMAT = '#,##0 "kr"'
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_response(
    filename: str, header: Sequence[str], rows: Sequence[Sequence[Any]]
) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(["" if cell is None else cell for cell in row] for row in rows)
    response = HttpResponse(("\ufeff" + buffer.getvalue()).encode("utf-8"))
    response["Content-Type"] = "text/csv; charset=utf-8"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_bytes(
    title: str,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    kr_columns: Sequence[int] = (),
) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    for index in kr_columns:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index + 1, max_col=index + 1):
            if isinstance(cell.value, int | float):
                cell.number_format = KR_FORMAT
    for column in sheet.columns:
        width = max(len(str(c.value or "")) for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 50)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_response(
    filename: str,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    kr_columns: Sequence[int] = (),
) -> HttpResponse:
    data = xlsx_bytes(filename.rsplit(".", 1)[0], header, rows, kr_columns)
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
