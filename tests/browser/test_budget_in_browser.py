"""A förbundschef reads the decided budget, types in a new one and sees the totals move."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from samordna.budgets.models import BudgetAmount
from tests.browser.conftest import check_page, sign_in

pytestmark = pytest.mark.browser
TROLLHATTAN = "/forbund/trollhattan-lilla-edet-grastorp/"


def _text(locator) -> str:
    return locator.inner_text().replace("\u00a0", " ")


def test_the_decided_plan_reads_as_printed_and_cannot_be_edited(page, demo):
    sign_in(page, "chef")
    page.get_by_role("heading", name="Dina förbund").wait_for()
    page.goto(page.base_url + TROLLHATTAN)
    page.get_by_role("link", name="Budget", exact=True).click()
    check_page(page, "budgetar")
    page.get_by_role("link", name="Budget 2020 med plan 2021–2022").click()
    table = page.get_by_role("table", name="Budget 2020 med plan 2021–2022, version 1 (kr)")
    assert "11 800 000" in _text(table.get_by_role("row", name="ALL-IN 11 800 000"))
    assert "Beslutad" in _text(page.locator(".status"))
    assert page.get_by_role("link", name="Redigera").count() == 0
    assert "årets resultat" in _text(page.get_by_role("region", name="Kontroll"))
    check_page(page, "budget-2020-trollhattan")


def test_typing_an_amount_updates_the_totals_before_saving(page, demo):
    sign_in(page, "chef")
    page.get_by_role("heading", name="Dina förbund").wait_for()
    page.goto(page.base_url + TROLLHATTAN + "budget/ny/")
    page.get_by_label("Namn (obligatorisk)", exact=True).fill("Budget 2027 med plan 2028–2029")
    page.get_by_label("Budgetår (obligatorisk)", exact=True).fill("2027")
    check_page(page, "ny-budget")
    page.get_by_role("button", name="Spara").click()
    page.get_by_role("heading", name="Redigera Budget 2027 med plan 2028–2029").wait_for()

    page.get_by_label("Ny rad").fill("Samverkansinsats Grästorp")
    page.get_by_label("Avsnitt").select_option("individual")
    page.get_by_role("button", name="Spara").click()
    page.get_by_text("Budgeten är sparad.").wait_for()

    page.get_by_label("Samverkansinsats Grästorp 2027").fill("300 000")
    totals = page.get_by_role("table", name="Summor 2027–2029 (kr)")
    result_row = totals.get_by_role("row", name="Individinriktade insatser")
    expect(result_row).to_contain_text(re.compile(r"300\s000"))
    assert not BudgetAmount.objects.filter(line__label="Samverkansinsats Grästorp").exists()
    check_page(page, "redigera-budget")

    page.get_by_label("Samverkansinsats Grästorp 2028").fill("tre hundra")
    page.get_by_role("button", name="Spara").click()
    alert = page.get_by_role("alert")
    assert "Ingenting har sparats" in _text(alert)
    assert "Samverkansinsats Grästorp, 2028" in _text(alert)
    check_page(page, "redigera-budget-fel")


def test_the_economy_pages_of_sodra_roslagen_are_accessible(page, demo):
    sign_in(page, "chef")
    page.get_by_role("heading", name="Dina förbund").wait_for()
    base = page.base_url + "/forbund/sodra-roslagen/"
    for path, heading in [
        ("budget/", "Budget"),
        ("budget/importera/", "Importera budgetfil"),
        ("budget/ny/", "Ny budget"),
        ("budget/utfall/2016/", "Verksamhetens intäkter och kostnader 2015–2017"),
        ("askning/", "Äskning och tilldelning"),
        ("askning/2016/", "Äskning och tilldelning 2016"),
    ]:
        page.goto(base + path)
        page.get_by_role("heading", name=heading, exact=True).wait_for()
        check_page(page, f"sodra-roslagen-{path}")
    page.goto(base + "budget/")
    page.get_by_role("link", name="Budget 2016 med plan 2017").click()
    page.get_by_role("link", name="Revidera").click()
    page.get_by_role("heading", name="Revidera Budget 2016 med plan 2017?").wait_for()
    check_page(page, "revidera-fraga")
    page.get_by_role("button", name="Revidera").click()
    page.get_by_role("heading", name="Redigera Budget 2016 med plan 2017").wait_for()
    page.get_by_label("Styrelsearvoden 2017").fill("120")
    page.get_by_role("button", name="Spara").click()
    page.get_by_text("Budgeten är sparad.").wait_for()
    page.get_by_role("link", name="Till budgeten").click()
    page.get_by_role("link", name="Jämför versioner rad för rad").click()
    row = page.get_by_role("row", name="Styrelsearvoden")
    expect(row).to_contain_text("110")
    expect(row).to_contain_text("120")
    check_page(page, "jamfor-versioner")


def test_the_chef_writes_a_goal_picks_the_plans_version_and_deletes_the_draft(page, demo):
    sign_in(page, "chef")
    page.get_by_role("heading", name="Dina förbund").wait_for()
    page.goto(page.base_url + TROLLHATTAN + "budget/mal/2020/")
    page.get_by_role("heading", name="Finansiella mål 2020").wait_for()
    check_page(page, "finansiella-mal")
    page.get_by_label("Slag av mål").select_option("admin_share")
    page.get_by_role("button", name="Lägg till målet").click()
    assert "Ange den högsta andelen" in _text(page.get_by_role("main"))
    page.get_by_label("Högst procent").fill("30")
    page.get_by_role("button", name="Lägg till målet").click()
    page.get_by_text("Målet är sparat för 2020.").wait_for()
    assert "högst 30 %" in _text(page.get_by_role("table", name="Finansiella mål 2020"))

    page.goto(page.base_url + TROLLHATTAN + "budget/")
    page.get_by_role("link", name="Budget 2020 med plan 2021–2022").click()
    page.get_by_role("link", name="Revidera").click()
    page.get_by_role("button", name="Revidera").click()
    page.get_by_role("heading", name="Redigera Budget 2020 med plan 2021–2022").wait_for()
    page.goto(page.base_url + TROLLHATTAN + "dokument/plan/2020/")
    page.get_by_label("Budgetversion i dokumentet").select_option(index=0)
    page.get_by_role("button", name="Visa").click()
    expect(page.locator("article")).to_contain_text("Förslag, version 2, ej beslutad")
    expect(page.locator("article")).to_contain_text("Administrationens andel av kostnaderna")
    check_page(page, "plan-vald-version")

    page.goto(page.base_url + TROLLHATTAN + "budget/")
    page.get_by_role("link", name="Budget 2020 med plan 2021–2022").click()
    page.get_by_role("link", name="Version 2").click()
    page.get_by_role("link", name="Ta bort förslaget").click()
    page.get_by_role(
        "heading", name="Ta bort version 2 av Budget 2020 med plan 2021–2022?"
    ).wait_for()
    check_page(page, "ta-bort-forslag")
    page.get_by_role("button", name="Ja, ta bort").click()
    page.get_by_text("Version 2 av Budget 2020 med plan 2021–2022 är borttagen.").wait_for()
    page.goto(page.base_url + TROLLHATTAN + "dokument/plan/2020/")
    expect(page.locator("article")).to_contain_text("Beslutad av styrelsen den 28 november 2019")
