"""Every page a persona reaches from the menus, in a real browser at 1280 and 390 px: no
sideways scrolling, no serious axe finding. On a phone the menu folds behind "Meny"."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import expect

from tests.browser.conftest import check_page, sign_in
from tests.web.crawl import crawl, pattern

pytestmark = pytest.mark.browser


def _pages(username: str) -> list[str]:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return crawl(client, per_pattern=1).pages()


@pytest.mark.parametrize("username", ["chef", "styrelse", "insatspersonal", "revisor"])
def test_every_page_fits_a_phone_and_passes_axe(page, demo, username):
    sign_in(page, username)
    problems = []
    for url in _pages(username):
        page.goto(page.base_url + url)
        try:
            check_page(page, f"{username}-{pattern(url)}")
        except AssertionError as error:
            problems.append(f"{url}: {str(error).splitlines()[0]}")
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
