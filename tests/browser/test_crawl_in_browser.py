"""Every page a persona reaches from the menus, in a real browser at 1280 and 390 px: no
sideways scrolling, no serious axe finding. On a phone the menu folds behind "Meny".

The crawl (tests/web/crawl.py, one page of each kind) walks in chromium itself: each page is
opened once, checked, and its links followed. The chef goes first; then the board, the insats
staff and the revisor. Every page each of them reaches is opened and checked at both widths;
axe-core runs on a page unless every kind of element on it (tag, role, type, classes and
attribute names) was on a page of the same kind that axe has already checked, as on the
board's read-only view of a page the chef edits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.browser.conftest import check_page, sign_in
from tests.web.crawl import crawl, pattern

pytestmark = pytest.mark.browser

ROLES = ("chef", "styrelse", "insatspersonal", "revisor")  # the chef, who sees most, first
KINDS = """() => [...new Set([...document.querySelectorAll('body *')].map(e => [
  e.localName, e.getAttribute('role') || '', e.getAttribute('type') || '',
  [...e.classList].sort().join('.'), e.getAttributeNames().sort().join(',')].join('|')))]"""


@dataclass
class _Answer:
    """What the crawl reads of an answer: status, headers and body."""

    status_code: int
    headers: dict[str, str]
    content: bytes = b""

    def __getitem__(self, name: str) -> str:
        return self.headers[name]

    def get(self, name: str, default: str = "") -> str:
        return self.headers.get(name, default)


@dataclass
class _Browser:
    """The crawl's client: each page it asks for is opened in chromium and checked there."""

    page: object
    role: str
    axed: dict[str, set[str]]  # page kind -> the kinds of element axe has checked on it
    problems: list[str] = field(default_factory=list)
    axe_runs: int = 0

    def get(self, url: str, HTTP_REFERER: str = "") -> _Answer:  # noqa: N803 (the client's name)
        page = self.page
        try:
            answer = page.goto(page.base_url + url)  # type: ignore[attr-defined]
        except PlaywrightError as error:
            if "Download is starting" not in str(error):
                raise
            return _Answer(200, {"Content-Type": "application/octet-stream"})
        if urlsplit(page.url).path.startswith("/logga-in/"):  # type: ignore[attr-defined]
            return _Answer(302, {"Location": page.url})  # type: ignore[attr-defined]
        kind = answer.headers.get("content-type", "") if answer else ""
        if not (answer and answer.ok and kind.startswith("text/html")):
            return _Answer(answer.status if answer else 0, {"Content-Type": kind})
        self._check(url)
        return _Answer(200, {"Content-Type": kind}, page.content().encode())  # type: ignore[attr-defined]

    def _check(self, url: str) -> None:
        key = pattern(url)
        kinds = set(self.page.evaluate(KINDS))  # type: ignore[attr-defined]
        checked = self.axed.setdefault(key, set())
        axe = not kinds <= checked
        try:
            check_page(self.page, f"{self.role}-{key}", axe=axe)
        except AssertionError as error:
            self.problems.append(f"{self.role} {url}: {str(error).splitlines()[0]}")
        if axe:
            checked |= kinds
            self.axe_runs += 1


def test_every_page_fits_a_phone_and_passes_axe(browser, live_server, demo):
    axed: dict[str, set[str]] = {}
    problems = []
    for role in ROLES:
        context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.base_url = live_server.url  # type: ignore[attr-defined]
        sign_in(page, role)
        client = _Browser(page, role, axed)
        pages = crawl(client, start="/", per_pattern=1, files=False).pages()
        context.close()
        assert len(pages) > 10, f"{role} når bara {pages}"
        problems += client.problems
    assert problems == []


def test_the_menu_folds_behind_a_button_on_a_phone(page, demo):
    sign_in(page, "chef")
    page.goto(page.base_url + "/forbund/sodra-roslagen/")
    menu = page.get_by_role("navigation", name="Förbundet")
    expect(menu.get_by_role("link", name="Budget")).to_be_visible()
    expect(menu.get_by_role("button", name="Meny")).to_be_hidden()
    page.set_viewport_size({"width": 390, "height": 800})
    button = menu.get_by_role("button", name="Meny")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(menu.get_by_role("link", name="Budget")).to_be_hidden()
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    menu.get_by_role("link", name="Budget").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Budget")
