"""Every page a persona reaches from the menus, in a real browser at 1280 and 390 px: no
sideways scrolling, no serious axe finding. On a phone the menu folds behind "Meny".

The pages each role reaches are found once per worker with the crawl (tests/web/crawl.py, one
page of each kind, files not fetched). The kinds of page are dealt into four tests, so the
walk spreads over the workers; each test opens its pages as the chef, the board, the insats
staff and the revisor, in that order, and checks every one at both widths. axe-core runs on a
page unless every kind of element on it (tag, role, type, classes and attribute names) was on
a page of the same kind that axe has already checked: the board's read-only view of a page the
chef edits, say.
"""

from __future__ import annotations

import zlib

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import expect

from tests.browser.conftest import check_page, sign_in
from tests.web.crawl import crawl, pattern

pytestmark = pytest.mark.browser

ROLES = ("chef", "styrelse", "insatspersonal", "revisor")  # the chef, who sees most, first
SHARDS = 4
KINDS = """() => [...new Set([...document.querySelectorAll('body *')].map(e => [
  e.localName, e.getAttribute('role') || '', e.getAttribute('type') || '',
  [...e.classList].sort().join('.'), e.getAttributeNames().sort().join(',')].join('|')))]"""
_REACHED: dict[str, list[str]] = {}  # role -> its pages; the demo is the same in every test


def _reached(role: str) -> list[str]:
    if role not in _REACHED:
        client = Client()
        client.force_login(get_user_model().objects.get(username=role))
        _REACHED[role] = crawl(client, per_pattern=1, files=False).pages()
    return _REACHED[role]


def _shard(url: str) -> int:
    return zlib.crc32(pattern(url).encode()) % SHARDS


def _check(page, role: str, url: str, axed: dict[str, set[str]]) -> list[str]:
    page.goto(page.base_url + url)
    key = pattern(url)
    kinds = set(page.evaluate(KINDS))
    checked = axed.setdefault(key, set())
    axe = not kinds <= checked
    checked |= kinds if axe else set()
    try:
        check_page(page, f"{role}-{key}", axe=axe)
    except AssertionError as error:
        return [f"{role} {url}: {str(error).splitlines()[0]}"]
    return []


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_page_fits_a_phone_and_passes_axe(browser, live_server, demo, shard):
    axed: dict[str, set[str]] = {}  # page kind -> the kinds of element axe has checked on it
    problems = []
    for role in ROLES:
        assert len(_reached(role)) > 10, f"{role} når bara {_reached(role)}"
        context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.base_url = live_server.url  # type: ignore[attr-defined]
        sign_in(page, role)
        for url in [url for url in _reached(role) if _shard(url) == shard]:
            problems += _check(page, role, url, axed)
        context.close()
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
