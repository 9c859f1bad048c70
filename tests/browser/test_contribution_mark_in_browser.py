"""A new förbund types its income in the grid with the keyboard only: the members' money on a
line in its own words ("Bidrag från staten och regionen"), marked "Räknas som medlemsbidrag",
and the equity cap appears; before the mark, the budget says the cap cannot be computed."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from samordna.budgets import services
from tests.browser.conftest import check_page, log_in, new_forbund
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser
LINE = "Bidrag från staten och regionen"


@pytest.fixture
def typed(transactional_db):
    """An empty förbund whose budget has only its kansli typed, the pre-filled line removed."""
    association = new_forbund()
    budget = services.create(association, services.NewBudget("Budget 2027", 2027), None)
    version = budget.versions.get()
    version.lines.get(label="Medlemsbidrag").delete()
    esf = services.add_line(version, "income", "Bidrag från ESF")
    kansli = services.add_line(version, "administration", "Kansli")
    services.set_amounts(version, {(esf.pk, 2027): 300_000_00, (kansli.pk, 2027): 2_300_000_00})
    budget.opening_equity = 900_000_00
    budget.save()
    return budget


def test_a_chef_marks_the_members_money_with_the_keyboard_and_the_cap_appears(page, typed):
    log_in(page, "nychef", PASSWORD)
    page.wait_for_url("**/forbund/**")
    budget_url = f"{page.base_url}/forbund/nytt/budget/{typed.pk}/"
    page.goto(budget_url)
    checked = page.get_by_role("region", name="Kontroll")
    expect(checked).to_contain_text("Ingen rad är markerad som medlemsbidrag")
    check_page(page, "budget-utan-medlemsbidrag")

    page.goto(budget_url + "version/1/")
    page.get_by_label("Ny rad").focus()
    page.keyboard.type(LINE)
    page.keyboard.press("Tab")  # to "Räknas som medlemsbidrag"
    page.keyboard.press("Space")
    expect(page.get_by_label("Räknas som medlemsbidrag", exact=True)).to_be_checked()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.get_by_text("Budgeten är sparad.").wait_for()
    expect(page.get_by_label(f"Räknas som medlemsbidrag: {LINE}")).to_be_checked()
    page.get_by_label(f"{LINE} 2027").focus()
    page.keyboard.type("2 000 000")
    page.keyboard.press("Enter")
    page.get_by_text("Budgeten är sparad.").wait_for()
    check_page(page, "budget-markerad-rad")

    page.goto(budget_url)
    expect(checked).not_to_contain_text("Ingen rad är markerad")
    page.goto(budget_url + "eget-kapital/")
    row = page.get_by_role("row", name=re.compile("^2027"))
    expect(row).to_contain_text(re.compile(r"400\s000\s+kr\s+\(20\s+%\)"))  # 20 % of 2 000 000 kr
    check_page(page, "eget-kapital-med-tak")
