"""The chef changes a budget amount and adds a board seat; the revisor finds both in Historik."""

from __future__ import annotations

import pytest

from samordna.budgets import services
from tests.browser.conftest import check_page, sign_in
from tests.conftest import make_association, make_user

pytestmark = pytest.mark.browser


@pytest.fixture
def forbund(transactional_db):
    association = make_association()
    make_user("chef", association, "chef")
    make_user("revisorn", association, "revisor")
    budget = services.create(association, services.NewBudget("Budget 2021", 2021), user=None)
    line = services.add_line(budget.versions.get(), "individual", "Samverkansteam Lilla Edet")
    return association, budget, line


def test_the_revisor_sees_the_chefs_changes_in_the_history(page, forbund):
    association, budget, line = forbund
    base = f"{page.base_url}/forbund/{association.slug}"
    sign_in(page, "chef")
    page.wait_for_url("**/forbund/**")
    page.goto(f"{base}/budget/{budget.pk}/version/1/")
    page.locator(f'input[name="a-{line.pk}-2021"]').fill("1 250 000")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    page.goto(f"{base}/organisation/styrelse/ny/")
    page.locator('select[name="member"]').select_option(label="Västra Götalandsregionen")
    page.locator('select[name="seat"]').select_option("regular")
    page.locator('input[name="person_name"]').fill("Eva Ek")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    page.context.clear_cookies()

    sign_in(page, "revisorn")
    page.wait_for_url("**/forbund/**")
    page.goto(f"{base}/")
    page.get_by_role("link", name="Historik", exact=True).first.click()
    page.get_by_role("heading", name="Historik").wait_for()
    table = page.get_by_role("table", name="Förbundets historik").inner_text()
    table = table.replace("\u00a0", " ")
    assert "Samverkansteam Lilla Edet, 2021" in table and "1 250 000 kr" in table
    assert "Eva Ek" in table and "Styrelseplats" in table
    check_page(page, "historik")
    page.get_by_label("Slag av uppgift").select_option(label="Styrelseplats")
    page.get_by_role("button", name="Visa").click()
    page.get_by_role("heading", name="Historik").wait_for()
    table = page.get_by_role("table", name="Förbundets historik").inner_text()
    assert "Eva Ek" in table and "Samverkansteam" not in table
    check_page(page, "historik-filtrerad")

    page.goto(f"{base}/budget/{budget.pk}/")
    page.get_by_role("link", name="Historik", exact=True).last.click()
    page.get_by_role("heading", name="Historik: budget Budget 2021").wait_for()
    table = page.get_by_role("table", name="Uppgiftens historik").inner_text()
    assert "1 250 000 kr" in table.replace("\u00a0", " ") and "Eva Ek" not in table
    check_page(page, "historik-budget")
