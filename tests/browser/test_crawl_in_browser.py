"""Every page a persona reaches from the menus, in a real browser at 1280 and 390 px: no
sideways scrolling, no serious axe finding. On a phone the menu folds behind "Meny".

The pages each role reaches are found with the crawl (tests/web/crawl.py, one page of each
kind, files not fetched) once per run: the first worker to need a role's pages crawls them and
the other workers read its list (the demo is the same in every worker). The kinds of page are
dealt into four tests by what they were measured to cost, so the walk spreads evenly over the
workers; each test opens its pages as the chef, the board, the insats staff
and the revisor, in that order, and checks every one at both widths. axe-core runs on a page
unless every kind of element on it (tag, role, type, classes and attribute names) was on a
page of the same kind that axe has already checked: the board's read-only view of a page the
chef edits, say. The kinds are read at 1280 px, where axe runs: a page is opened at the width
the last one was left at, and the menu folded at 390 px is not a new kind of element.
"""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import expect

from tests.browser.conftest import check_page, sign_in
from tests.web.crawl import crawl, pattern

pytestmark = pytest.mark.browser

ROLES = ("chef", "styrelse", "insatspersonal", "revisor")  # the chef, who sees most, first
SHARDS = 4
# Seconds each kind of page took to check, over the four roles, in a measured run of the crawl
# (docs/benchmarks.md). The page's length or number of elements foretells it poorly. A kind
# not in the file counts as the mean.
COSTS: dict[str, float] = json.loads((Path(__file__).parent / "page_costs.json").read_text())
# The class attribute counts by its classes: the menu script leaves `class=""` on a list it has
# unfolded, which is no new kind of element.
KINDS = """() => [...new Set([...document.querySelectorAll('body *')].map(e => [
  e.localName, e.getAttribute('role') || '', e.getAttribute('type') || '',
  [...e.classList].sort().join('.'),
  e.getAttributeNames().filter(n => n !== 'class').sort().join(',')].join('|')))]"""
_REACHED: dict[str, list[str]] = {}  # role -> its pages; the demo is the same in every test


@pytest.fixture(scope="session")
def run_folder(tmp_path_factory) -> Path:
    """A folder every worker of this run shares."""
    folder = tmp_path_factory.getbasetemp()
    return folder.parent if os.environ.get("PYTEST_XDIST_WORKER") else folder


def _reached(folder: Path) -> dict[str, list[str]]:
    """Each role's pages. A role another worker is crawling is passed over and read later, so
    two workers crawl different roles at the same time."""
    for wait in (False, True):
        for role in ROLES:
            if role not in _REACHED:
                _find(role, folder, wait)
    return _REACHED


def _find(role: str, folder: Path, wait: bool) -> None:
    kept = folder / f"browser-pages-{role}.json"
    with (folder / f"browser-pages-{role}.lock").open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return
        if not kept.exists():
            client = Client()
            client.force_login(get_user_model().objects.get(username=role))
            kept.write_text(json.dumps(crawl(client, per_pattern=1, files=False).pages()))
        _REACHED[role] = json.loads(kept.read_text())


def _shards(reached: dict[str, list[str]]) -> dict[str, int]:
    """Each kind of page's shard: the costliest first, each to the shard with the least so far."""
    mean = sum(COSTS.values()) / len(COSTS)
    cost = {
        pattern(url): COSTS.get(pattern(url), mean) for urls in reached.values() for url in urls
    }
    loads = [0.0] * SHARDS
    shard_of = {}
    for key in sorted(cost, key=lambda key: (-cost[key], key)):
        shard_of[key] = loads.index(min(loads))
        loads[shard_of[key]] += cost[key]
    return shard_of


def _check(page, role: str, url: str, axed: dict[str, set[str]]) -> list[str]:
    response = page.goto(page.base_url + url)
    if response is None or not response.ok:
        return [f"{role} {url}: svarade {response.status if response else 'inte'}"]
    key = pattern(url)
    checked = axed.setdefault(key, set())

    def new_kinds() -> bool:
        """Whether the page has a kind of element axe has not checked on its kind. Asked at
        1280 px only: the menu's state at 390 px (folded) is no new kind of element."""
        kinds = set(page.evaluate(KINDS))
        new = not kinds <= checked
        checked.update(kinds)
        return new

    try:
        check_page(page, f"{role}-{key}", axe=new_kinds, restore=False)  # the next page opens there
    except AssertionError as error:
        return [f"{role} {url}: {str(error).splitlines()[0]}"]
    return []


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_page_fits_a_phone_and_passes_axe(browser, live_server, demo, run_folder, shard):
    reached = _reached(run_folder)
    shard_of = _shards(reached)
    axed: dict[str, set[str]] = {}  # page kind -> the kinds of element axe has checked on it
    problems = []
    for role in ROLES:
        assert len(reached[role]) > 10, f"{role} når bara {reached[role]}"
        context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.base_url = live_server.url  # type: ignore[attr-defined]
        sign_in(page, role)
        for url in [url for url in reached[role] if shard_of[pattern(url)] == shard]:
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
