"""Follow every link a persona sees, from the start page on, as a user clicking through would.

Used by the persona crawl (tests/web/test_crawl.py) and by the browser crawl, which visits
the same pages at 390 and 1280 px. A page pattern (its URL name and query keys) is visited
`per_pattern` times at most: the tenth insats answers as the first does. With `keep=True` the
crawl keeps each page's HTML (`Crawl.bodies`), so a test can read the pages without asking again.
With `files=False` it does not follow links to downloads (Excel, PDF, Word, JSON): the browser
crawl visits pages, the persona crawl fetches every file.
"""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

from django.urls import Resolver404, resolve

SKIP = ("/logga-ut/", "/static/", "/enkat/")
FILE_ENDINGS = (".pdf", ".docx", ".xlsx", ".csv", ".json", "/excel/")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.delete_buttons = 0
        self._in_post_form = False
        self._in_button = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if tag == "form":
            self._in_post_form = (values.get("method") or "").lower() == "post"
        self._in_button = self._in_button or tag == "button"

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_post_form = False
        if tag == "button":
            self._in_button = False

    def handle_data(self, data: str) -> None:
        if self._in_post_form and self._in_button and "ta bort" in data.lower():
            self.delete_buttons += 1


@dataclass
class Visit:
    url: str
    status: int
    came_from: str
    html: bool


@dataclass
class Crawl:
    visits: list[Visit] = field(default_factory=list)
    one_click_deletes: list[str] = field(default_factory=list)
    bodies: dict[str, str] = field(default_factory=dict)  # url -> HTML, when kept

    def dead(self) -> list[str]:
        return [
            f"{v.url} ({v.status}) från {v.came_from}"
            for v in self.visits
            if v.status in (403, 404) or v.status >= 500
        ]

    def pages(self) -> list[str]:
        return [v.url for v in self.visits if v.html and v.status == 200]


def pattern(url: str) -> str:
    parts = urlsplit(url)
    try:
        name = resolve(parts.path).url_name or parts.path
    except Resolver404:
        name = parts.path
    keys = sorted(key.split("=")[0] for key in parts.query.split("&") if key)
    return f"{name}?{'&'.join(keys)}"


def crawl(
    client, start: str = "/", per_pattern: int = 2, keep: bool = False, files: bool = True
) -> Crawl:
    result = Crawl()
    seen = {start}
    counts: Counter[str] = Counter()
    queue: deque[tuple[str, str]] = deque([(start, "(start)")])
    while queue:
        url, came_from = queue.popleft()
        response = client.get(url, HTTP_REFERER="http://testserver" + came_from)
        if response.status_code in (301, 302):
            location = urljoin(url, response["Location"])
            if "/logga-in/" in location:
                result.visits.append(Visit(url, 401, came_from, False))
                continue
            response = client.get(location)
        is_html = response.get("Content-Type", "").startswith("text/html")
        result.visits.append(Visit(url, response.status_code, came_from, is_html))
        if not is_html or response.status_code != 200:
            continue
        body = response.content.decode()
        if keep:
            result.bodies[url] = body
        parser = _Links()
        parser.feed(body)
        if parser.delete_buttons and "/ta-bort/" not in url:
            result.one_click_deletes.append(url)
        for href in parser.links:
            target, _ = urldefrag(urljoin(url, href))
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https", "") or parts.netloc not in ("", "testserver"):
                continue
            local = parts.path + (f"?{parts.query}" if parts.query else "")
            if local in seen or any(local.startswith(s) for s in SKIP):
                continue
            seen.add(local)
            key = pattern(local)
            download = "format" in key or "tabeller" in key
            if not files and (download or parts.path.endswith(FILE_ENDINGS)):
                continue
            if counts[key] >= (1 if download else per_pattern):
                continue
            counts[key] += 1
            queue.append((local, url))
    return result
