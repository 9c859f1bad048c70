"""Browser tests: Debian's chromium driven by Playwright for Python, axe-core on every page.

`make test` installs chromium (tools/system_packages.py) and sets SAMORDNA_BROWSER_REQUIRED=1,
so there a missing chromium fails the run; elsewhere (a bare `pytest`) the tests skip without it.
Set SAMORDNA_SCREENSHOTS=<folder> to keep a screenshot of every page visited.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from samordna.associations.models import Association
from samordna.demo import load_demo

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop runs in this thread

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
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


@pytest.fixture
def demo(transactional_db):
    """The demo, committed so the live server's thread sees it; afresh for each test because
    the browser tests change it (tests/conftest.py's `demo` is once per module, in a savepoint).
    """
    load_demo()
    return {a.slug: a for a in Association.objects.all()}


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url  # type: ignore[attr-defined]
    yield page
    context.close()


def check_page(page, name: str) -> None:
    """Run axe-core on the page and fail on serious or critical violations; keep a screenshot."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]
    folder = os.environ.get("SAMORDNA_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        safe = re.sub(r"[^a-z0-9-]+", "-", name.lower())
        page.screenshot(path=str(Path(folder) / f"{safe}.png"), full_page=True)
    assert bad == [], f"Tillgänglighetsbrister på {name}: {bad}"


def log_in(page, username: str, password: str) -> None:
    page.goto(page.base_url + "/logga-in/")
    check_page(page, "logga-in")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
