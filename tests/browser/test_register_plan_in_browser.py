"""The chef removes a budget row with a confirmation, writes the year's planned meetings and
registers an insats idea without parties, with the keyboard where it matters."""

from __future__ import annotations

import pytest

from samordna.budgets.models import BudgetLine
from samordna.interventions.models import Intervention, MeetingPlan
from tests.browser.conftest import check_page, sign_in

pytestmark = pytest.mark.browser
TROLLHATTAN = "/forbund/trollhattan-lilla-edet-grastorp/"


def _text(locator) -> str:
    return locator.inner_text().replace("\u00a0", " ")


def test_a_ticked_budget_row_goes_only_after_the_confirmation(page, demo):
    sign_in(page, "chef")
    page.get_by_role("heading", name="Dina förbund").wait_for()
    page.goto(page.base_url + TROLLHATTAN + "budget/ny/")
    page.get_by_label("Namn (obligatorisk)", exact=True).fill("Budget 2027")
    page.get_by_label("Budgetår (obligatorisk)", exact=True).fill("2027")
    page.get_by_role("button", name="Spara").click()
    page.get_by_role("heading", name="Redigera Budget 2027").wait_for()
    page.get_by_label("Ny rad").fill("Lokaler")
    page.get_by_label("Avsnitt").select_option("administration")
    page.get_by_role("button", name="Spara").click()
    page.get_by_text("Budgeten är sparad.").wait_for()

    page.get_by_label("Lokaler 2027").fill("90 000")
    page.get_by_label("Ta bort Lokaler").check()
    page.get_by_role("button", name="Spara", exact=True).click()
    alert = page.get_by_role("alert")
    assert "Lokaler (2027: 90 000 kr)" in _text(alert)
    assert page.get_by_label("Lokaler 2027").input_value() == "90 000"
    check_page(page, "ta-bort-budgetrad")
    assert BudgetLine.objects.filter(label="Lokaler").exists()
    page.get_by_role("button", name="Ta bort och spara").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Raden ”Lokaler” är borttagen.").wait_for()
    assert not BudgetLine.objects.filter(label="Lokaler").exists()


def test_the_year_s_meetings_are_planned_by_count_and_month(page, demo):
    sign_in(page, "chef")
    page.get_by_role("heading", name="Dina förbund").wait_for()
    page.goto(page.base_url + TROLLHATTAN + "moten/")
    page.get_by_role("link", name="Ny plan för sammanträden").click()
    page.get_by_label("År (obligatorisk)").fill("2027")
    page.get_by_label("Antal sammanträden").fill("6")
    for month in ("mars", "juni", "september"):
        page.get_by_label(month, exact=True).check()
    check_page(page, "planerade-sammantraden")
    page.get_by_role("button", name="Spara").click()
    section = page.get_by_role("region", name="Planerade sammanträden", exact=True)
    assert "Styrelsen sammanträder 6 gånger 2027, i mars, juni och september." in _text(section)
    assert MeetingPlan.objects.get().month_numbers == [3, 6, 9]
    check_page(page, "moten-med-plan")


def test_an_idea_is_registered_before_its_parties_are_known(page, demo):
    sign_in(page, "chef")
    page.get_by_role("heading", name="Dina förbund").wait_for()
    page.goto(page.base_url + TROLLHATTAN + "insatser/ny/")
    page.get_by_label("Namn (obligatorisk)").fill("Jobbcoach Grästorp")
    page.get_by_label("Slag (obligatorisk)").select_option("individual")
    page.get_by_role("button", name="Spara").click()
    page.get_by_text("Jobbcoach Grästorp: sparad.").wait_for()
    insats = Intervention.objects.get(name="Jobbcoach Grästorp")
    assert insats.status == "ide" and not insats.members.exists()
