"""Pages on a phone: every table scrolls inside its own labelled region, not the page.

WCAG 2.1 AA reflow (1.4.10) asks that a page at 320 CSS px needs no sideways scrolling;
a data table may scroll by itself. Each table of a page is wrapped in
`<div class="table-scroll" role="region" aria-label="<caption>" tabindex="0">`, so it can
be reached and scrolled with the keyboard and a screen reader names it by its caption.
A table already inside such a region is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

from django.http import HttpRequest, HttpResponse
from django.utils.html import escape

TABLE = re.compile(r"<table\b.*?</table>", re.DOTALL)
CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")
REGION = re.compile(r'role="region"[^>]*>\s*$')


def caption_of(table: str) -> str:
    """The table's caption as plain text, or a general name when it has none."""
    match = CAPTION.search(table)
    text = " ".join(unescape(TAG.sub(" ", match.group(1))).split()) if match else ""
    return text or "Tabell"


def wrap_tables(html: str) -> str:
    """Every table not already in a scroll region, wrapped in a labelled one."""
    out: list[str] = []
    last = 0
    for match in TABLE.finditer(html):
        before = html[last : match.start()]
        out.append(before)
        if REGION.search(html[max(0, match.start() - 300) : match.start()]):
            out.append(match.group(0))
        else:
            label = escape(caption_of(match.group(0)))
            out.append(
                f'<div class="table-scroll" role="region" aria-label="{label}" tabindex="0">'
                f"{match.group(0)}</div>"
            )
        last = match.end()
    out.append(html[last:])
    return "".join(out)


class TableRegionMiddleware:
    """Wrap the tables of every HTML page; any other response passes untouched."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not _is_html(response) or b"<table" not in response.content:
            return response
        response.content = wrap_tables(response.content.decode("utf-8")).encode("utf-8")
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response


def _is_html(response: HttpResponse) -> bool:
    return not getattr(response, "streaming", False) and response.get(
        "Content-Type", ""
    ).startswith("text/html")
