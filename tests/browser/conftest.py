"""Browser tests: Debian's chromium driven by Playwright for Python, axe-core on every page.

`make test` installs chromium (tools/system_packages.py) and sets SAMORDNA_BROWSER_REQUIRED=1,
so there a missing chromium fails the run; elsewhere (a bare `pytest`) the tests skip without it.
Set SAMORDNA_SCREENSHOTS=<folder> to keep a screenshot of every page visited.

The demo is loaded once per session (and xdist worker) and put back before each test that asks
for it (tests/browser/snapshot.py); a test signs in with `sign_in`, which hands the browser a
session cookie. The sign-in form itself is driven by `log_in` in the accounts tests.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.shortcuts import resolve_url
from django.test import Client

from samordna.associations.models import Association, Member
from tests.browser.axe import serious_violations
from tests.browser.snapshot import Snapshot

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop runs in this thread

# Chromium's headless shell (Debian's chromium-headless-shell, what Playwright itself runs
# headless): the same Blink and V8 without the desktop browser's layers, about a fifth less work
# per page (docs/benchmarks.md). Debian's chromium in its new headless mode where it is missing.
SHELL = shutil.which("chromium-headless-shell")
CHROMIUM = SHELL or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    *([] if SHELL else ["--headless=new"]),
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Less work beside the page itself (about 5 % of the browser's processor time in the crawl):
    # one renderer process for every tab and site (the tests open one site), no back-forward
    # cache keeping the page left behind alive, none of the browser's own services.
    "--disable-features=IsolateOrigins,site-per-process,BackForwardCache,PaintHolding,"
    "Translate,MediaRouter,OptimizationHints",
    "--disable-site-isolation-trials",
    "--renderer-process-limit=1",
    "--disable-ipc-flooding-protection",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
]


def stop_without_chromium(required: bool) -> None:
    """Fail where the browser tests must run (make test), skip elsewhere."""
    if required:
        pytest.fail("Debians chromium saknas: kör python3 tools/system_packages.py test")
    pytest.skip("Debians chromium saknas (make test installerar den)")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        stop_without_chromium(os.environ.get("SAMORDNA_BROWSER_REQUIRED") == "1")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def demo_snapshot(_demo_snapshots) -> Snapshot:
    """The demo as loaded once per session (and xdist worker) for every test that reads it
    (tests/conftest.py), with the keys it has in every worker."""
    return _demo_snapshots[1]


@pytest.fixture
def demo(demo_snapshot, transactional_db):
    """The demo, committed so the live server's thread sees it, and as loaded for each test
    because the browser tests change it (tests/conftest.py's `demo` is once per module, in a
    savepoint). The test's database is emptied when it ends, as for every browser test."""
    demo_snapshot.restore()
    return {a.slug: a for a in Association.objects.all()}


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url  # type: ignore[attr-defined]
    yield page
    context.close()


WIDTHS = (1280, 390)  # a desktop, and a phone held upright (WCAG 2.1 reflow)
# The outermost elements reaching past the right edge: what makes the page scroll sideways.
WIDEST = """width => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > width + 1
            && e.parentElement.getBoundingClientRect().right <= width + 1)
  .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
            + ' ' + Math.round(e.getBoundingClientRect().right) + ' px')"""


def check_page(
    page, name: str, axe: bool | Callable[[], bool] = True, restore: bool = True
) -> None:
    """At 1280 and at 390 px: fail when the page scrolls sideways or axe-core finds a serious
    or critical violation; keep a screenshot of each width. The viewport is put back after
    (with `restore=False` it stays at the width checked last).

    axe-core runs at 1280 px on every page. At 390 px it runs on the first page each browser
    page object checks (the header, the menu folded behind "Meny" and the footer are the same
    on every page); on the others the phone width is checked for sideways scrolling without
    loading the page again. With `axe=False` only the widths are checked; `axe` may also be a
    function asked at 1280 px whether axe is to run there (the browser crawl: not on a page whose
    every kind of element axe has checked on another page of its kind). A page opened at 390 px
    is checked at 390 px first, so that one change of width checks both."""
    size = page.viewport_size or {"width": 1280, "height": 900}
    phone_axe = axe is not False and not getattr(page, "phone_axe_done", False)
    widths = WIDTHS[::-1] if size["width"] == WIDTHS[1] else WIDTHS
    try:
        problems = []
        for width in widths:
            problems += _check_at(page, name, width, axe=phone_axe if width == WIDTHS[1] else axe)
        if phone_axe:
            page.phone_axe_done = True
    finally:
        if restore:
            page.set_viewport_size(size)
    assert problems == [], f"Brister på {name}: {problems}"


# Two frames: the menu script's media-query listener has run after the first (HTML's rendering
# steps report media-query changes before animation-frame callbacks).
NEXT_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def _check_at(page, name: str, width: int, axe: bool | Callable[[], bool]) -> list[str]:
    if (page.viewport_size or {}).get("width") != width:
        page.set_viewport_size({"width": width, "height": 900})
        page.evaluate(NEXT_FRAMES)  # let the menu script react to the new width
    problems = _axe_problems(page, width) if (axe() if callable(axe) else axe) else []
    wide = page.evaluate("document.documentElement.scrollWidth")
    if wide > width:
        culprits = page.evaluate(WIDEST, width)
        problems.append(f"{width} px: sidan är {wide} px bred och rullar i sidled: {culprits}")
    folder = os.environ.get("SAMORDNA_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        safe = re.sub(r"[^a-z0-9-]+", "-", name.lower())
        page.screenshot(path=str(Path(folder) / f"{safe}-{width}.png"), full_page=True)
    return problems


def _axe_problems(page, width: int) -> list[str]:
    return [
        f"{width} px: {v['id']} ({v['impact']}): {v['help']} – {_targets(v)}"
        for v in serious_violations(page)
    ]


def _targets(violation: dict) -> list:
    return [node["target"] for node in violation["nodes"][:3]]


# The backend the sign-in form signs a person in with (axes' backend only counts failures).
SIGN_IN_BACKEND = "samordna.accounts.backends.EmailOrUsernameBackend"


def sign_in(page, username: str) -> None:
    """Signed in as `username` and on the page the sign-in form leads to, without the form: the
    session is made as the form makes it (Django's `login`, so the sign-in is on record and
    `signed_in_at` set) and its cookie handed to the browser. The form, wrong passwords and the
    lock-out are driven by `log_in` in test_accounts_in_browser.py."""
    client = Client()
    client.force_login(get_user_model().objects.get(username=username), SIGN_IN_BACKEND)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": page.base_url, "httpOnly": True}]
    )
    page.goto(page.base_url + resolve_url(settings.LOGIN_REDIRECT_URL))


def log_in(page, username: str, password: str) -> None:
    """Through the sign-in form, as a person does; the page is checked with axe first."""
    page.goto(page.base_url + "/logga-in/")
    check_page(page, "logga-in")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()


def new_forbund() -> Association:
    """An empty förbund as a new customer starts it: four members and its chef, "nychef"."""
    from tests.conftest import make_user

    association = Association.objects.create(slug="nytt", name="Samordningsförbundet Nytt")
    for position, (name, kind) in enumerate(
        [("Försäkringskassan", "fk"), ("Arbetsförmedlingen", "af"), ("Region Nord", "region")]
        + [("Norrby kommun", "municipality")]
    ):
        Member.objects.create(association=association, name=name, kind=kind, position=position)
    make_user("nychef", association, "chef")
    return association
