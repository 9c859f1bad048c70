"""Every table on a page downloads as Excel: the page's HTML is read back into sheets.

A page with at least one table gets a link "Ladda ned sidans tabeller (Excel)"; the
link asks for the same page with `tabeller=xlsx`, so the view and its access check
run exactly as for the page. Cell text becomes a number where it is one: amounts
("7 864 000 kr", "310 tkr") through `parse_amount` into kronor with a kr format,
shares ("18,74 %") with a percent format, counts as whole numbers; "<5" and "x"
stay text, as on the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction
from html.parser import HTMLParser
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.utils.html import escape

from samordna.core.money import MoneyError, exact_kronor, parse_amount
from samordna.downloads import KR, NUMBER, PERCENT, TEXT, XLSX, Sheet, file_response, workbook_bytes

MARKER = b"<!-- sidans-tabeller -->"
AMOUNT = re.compile(r"^[-−]?\d{1,3}(?: \d{3})*(?:,\d+)? (?:kr|tkr|mkr)$")
SHARE = re.compile(r"^[-−]?\d+(?:,\d+)? %$")
WHOLE = re.compile(r"^[-−]?\d{1,3}(?: \d{3})*$")
DECIMAL = re.compile(r"^[-−]?\d+,\d+$")


def typed(text: str) -> tuple[object, str]:
    """A cell's text as the value Excel should hold, and its kind."""
    text = " ".join(text.replace("\u00a0", " ").split())
    if not text:
        return None, TEXT
    try:
        if AMOUNT.match(text):
            return exact_kronor(parse_amount(text)), KR
    except MoneyError:
        return text, TEXT
    number = text.replace("−", "-")
    if SHARE.match(text):
        return Fraction(number[:-2].replace(",", ".")) / 100, PERCENT
    if WHOLE.match(text):
        return int(number.replace(" ", "")), NUMBER
    if DECIMAL.match(text):
        return float(number.replace(",", ".")), NUMBER
    return text, TEXT


MOST_SPANNED = 1000  # HTML's own limit on colspan; rowspan is held to it too


def _span(value: str | None) -> int:
    """A rowspan or colspan as HTML reads it: a whole number from 1, otherwise 1."""
    text = (value or "").strip()
    return min(max(int(text), 1), MOST_SPANNED) if text.isdecimal() else 1


class _Tables(HTMLParser):
    """The tables of a page: caption, then rows of cell texts (input values included).

    The rows come out as the grid the reader sees: a cell spanning rows (rowspan) repeats its
    text in each row it spans, so every row in Excel can be sorted and filtered on its own; a
    cell spanning columns (colspan) is followed by empty cells, so the columns stay aligned."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[dict] = []
        self._stack: list[dict] = []
        self._cell: list[str] | None = None
        self._spans = (1, 1)  # the open cell's rowspan and colspan
        self._caption: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            # "below": column -> [rows still to fill, text] of cells spanning rows
            self._stack.append({"caption": "", "rows": [], "head": 0, "below": {}})
        elif not self._stack:
            return
        elif tag == "caption":
            self._caption = []
        elif tag in {"thead", "tbody", "tfoot"}:  # a cell spans rows of its own group only
            self._end_row()
            self._stack[-1]["below"] = {}
        elif tag == "tr":
            self._end_row()
            self._stack[-1]["rows"].append([])
        elif tag in {"td", "th"}:
            self._cell = []
            values = dict(attrs)
            self._spans = (_span(values.get("rowspan")), _span(values.get("colspan")))
        elif tag in {"input", "textarea"} and self._cell is not None:
            self._cell.append(dict(attrs).get("value") or "")
        elif tag in {"script", "style", "svg"}:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self._stack:
            self._end_row()
            self.tables.append(self._stack.pop())
        elif tag == "caption" and self._caption is not None and self._stack:
            self._stack[-1]["caption"] = " ".join("".join(self._caption).split())
            self._caption = None
        elif tag in {"td", "th"} and self._cell is not None and self._stack:
            self._add_cell("".join(self._cell))
            self._cell = None
        elif tag == "tr" and self._stack:
            self._end_row()
        elif tag == "thead" and self._stack:
            self._stack[-1]["head"] = len(self._stack[-1]["rows"])
        elif tag in {"script", "style", "svg"} and self._skip:
            self._skip -= 1

    def _add_cell(self, text: str) -> None:
        table = self._stack[-1]
        if not table["rows"]:
            return
        row, below = table["rows"][-1], table["below"]
        self._fill_from_above(row, below)
        rows, columns = self._spans
        for offset in range(columns):
            if rows > 1:
                below[len(row)] = [rows - 1, text if offset == 0 else ""]
            row.append(text if offset == 0 else "")
            self._fill_from_above(row, below)

    def _end_row(self) -> None:
        """The cells spanning down into the row's last columns, once the row has ended."""
        if self._stack and self._stack[-1]["rows"]:
            table = self._stack[-1]
            self._fill_from_above(table["rows"][-1], table["below"])

    @staticmethod
    def _fill_from_above(row: list[str], below: dict[int, list]) -> None:
        while len(row) in below:
            left, text = below[len(row)]
            row.append(text)
            if left > 1:
                below[len(row) - 1] = [left - 1, text]
            else:
                del below[len(row) - 1]

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._caption is not None:
            self._caption.append(data)
        elif self._cell is not None:
            self._cell.append(data)


def sheets_from_html(html: str, title: str) -> list[Sheet]:
    parser = _Tables()
    parser.feed(html)
    sheets = []
    for number, table in enumerate(parser.tables, start=1):
        rows = [r for r in table["rows"] if r]
        if not rows:
            continue
        head = max(table["head"], 1)
        header = [" ".join(c.split()) for c in rows[head - 1]]
        body = [[typed(cell) for cell in row] for row in rows[head:]]
        caption = table["caption"] or f"{title}, tabell {number}"
        sheets.append(
            Sheet(
                caption,
                header,
                [[value for value, _ in row] for row in body],
                caption=caption,
                cell_kinds=[[kind for _, kind in row] for row in body],
            )
        )
    return sheets


def _title(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    return " ".join(found.group(1).split()) if found else "Tabeller"


def _filename(request: HttpRequest) -> str:
    parts = [p for p in request.path.split("/") if p and p != "forbund"]
    return "-".join(parts)[:80] or "tabeller"


class TableDownloadMiddleware:
    """Offer and serve the page's tables as XLSX; any other response passes untouched."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not _is_page(response):
            return response
        if request.GET.get("tabeller") == "xlsx":
            html = response.content.decode("utf-8")
            sheets = sheets_from_html(html, _title(html))
            if sheets:
                return file_response(workbook_bytes(sheets), f"{_filename(request)}.xlsx", XLSX)
            return response
        if MARKER in response.content:
            link = _link(request) if b"<table" in response.content else b""
            response.content = response.content.replace(MARKER, link, 1)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response


def _is_page(response: HttpResponse) -> bool:
    """An HTML page whose tables may be offered; a page marked `confidential` (exact counts,
    whose downloads are recorded by the view itself) never is."""
    return (
        response.status_code == 200
        and not getattr(response, "streaming", False)
        and not getattr(response, "confidential", False)
        and response.get("Content-Type", "").startswith("text/html")
    )


def _link(request: HttpRequest) -> bytes:
    query = {k: v for k, v in request.GET.items() if k != "tabeller"}
    href = "?" + urlencode({**query, "tabeller": "xlsx"})
    return (
        f'<p class="table-download"><a href="{escape(href)}">'
        "Ladda ned sidans tabeller (Excel)</a></p>"
    ).encode()
