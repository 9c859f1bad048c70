"""A block copied from Excel lands in the budget grid cell by cell, and the totals follow."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from samordna.budgets.models import BudgetAmount, BudgetLine
from tests.browser.conftest import check_page, sign_in

pytestmark = pytest.mark.browser
ROSLAGEN = "/forbund/sodra-roslagen/"

PASTE = """([selector, text]) => {
  const target = document.querySelector(selector);
  target.focus();
  const data = new DataTransfer();
  data.setData("text/plain", text);
  target.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true,
                                                    cancelable: true}));
}"""


def test_a_block_pasted_from_excel_fills_rows_and_years_and_saves_once(page, demo):
    sign_in(page, "chef")
    page.get_by_role("heading", name="Dina förbund").wait_for()
    page.goto(page.base_url + ROSLAGEN + "budget/")
    page.get_by_role("link", name="Budget 2016 med plan 2017").click()
    page.get_by_role("link", name="Revidera").click()
    page.get_by_role("button", name="Revidera").click()
    page.get_by_role("heading", name="Redigera Budget 2016 med plan 2017").wait_for()
    cell = "#" + page.get_by_label("Styrelsearvoden 2016").get_attribute("id")
    first = BudgetLine.objects.get(pk=int(cell.split("-")[1]))
    page.evaluate(PASTE, [cell, "111\t112\r\n901\t902\r\n"])
    expect(page.get_by_label("Styrelsearvoden 2016")).to_have_value("111")
    expect(page.get_by_label("Styrelsearvoden 2017")).to_have_value("112")
    expect(page.get_by_label("Kansli ink. personal 2016")).to_have_value("901")
    expect(page.get_by_label("Kansli ink. personal 2017")).to_have_value("902")
    check_page(page, "budget-inklistrad")
    page.get_by_role("button", name="Spara").click()
    page.get_by_text("Budgeten är sparad.").wait_for()
    saved = BudgetAmount.objects.get(line=first, year=2017).amount
    assert saved == 112_000_00
