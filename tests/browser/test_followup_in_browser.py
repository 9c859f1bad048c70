"""Anonymous indicator answers reach the report; the follow-up pages pass axe."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check_page, sign_in

pytestmark = pytest.mark.browser
TROLLHATTAN = "/forbund/trollhattan-lilla-edet-grastorp/"


def _make_link(page) -> str:
    sign_in(page, "chef")
    page.get_by_role("heading", name="Dina förbund").wait_for()
    page.goto(page.base_url + TROLLHATTAN)
    page.get_by_role("navigation", name="Förbundet").get_by_role("link", name="Uppföljning").click()
    page.get_by_role("heading", name=re.compile("^Uppföljning 2022")).wait_for()
    check_page(page, "uppfoljning-rapport")
    page.get_by_role("link", name="Samhällsekonomisk effekt").click()
    check_page(page, "samhallsekonomisk-effekt")
    page.get_by_role("link", name="Indikatorer").first.click()
    page.get_by_role("link", name="Ändra indikator 1", exact=True).click()
    page.get_by_label("Frågans lydelse").fill("Testfråga: jag har fått det stöd jag behöver.")
    check_page(page, "andra-indikator")
    page.get_by_role("button", name="Spara").click()
    page.get_by_role("link", name="Länkar till formuläret").click()
    page.get_by_label("Insats").select_option(label="Friska vindar 2.0 Trollhättan")
    page.get_by_label("Svarsgrupp").select_option(label="Deltagare, pågående")
    page.get_by_label("År").fill("2026")
    page.get_by_role("button", name="Skapa länk").click()
    check_page(page, "enkatlankar")
    url = page.locator("a[href*='/enkat/']").first.get_attribute("href")
    page.context.clear_cookies()
    return url or ""


def test_anonymous_answers_show_in_the_indicator_report(page, demo):
    url = _make_link(page)
    for n in range(5):
        page.goto(url)
        page.get_by_role("heading", name="Vad tycker du?").wait_for()
        if n == 0:
            check_page(page, "enkat")
        page.get_by_role("group", name=re.compile("^Testfråga")).get_by_label("7").check()
        page.get_by_role("button", name="Skicka svaren").click()
        page.get_by_role("heading", name="Tack för dina svar").wait_for()
    check_page(page, "enkat-tack")
    sign_in(page, "chef")
    page.get_by_role("heading", name="Dina förbund").wait_for()
    page.goto(page.base_url + TROLLHATTAN + "indikatorer/?ar=2026")
    row = page.get_by_role("row").filter(has_text="Testfråga")
    expect(row).to_contain_text("100 %")
    expect(row).to_contain_text("2026: 100 %")
    check_page(page, "indikatorer-2026")


def test_insats_staff_register_a_participant(page, demo):
    sign_in(page, "insatspersonal")
    page.get_by_role("navigation", name="Förbundet").wait_for()
    page.goto(page.base_url + TROLLHATTAN + "uppfoljning/deltagare/")
    check_page(page, "deltagare-insatspersonal")
    page.get_by_role("link", name="Ny deltagare").click()
    page.get_by_label("Insats").select_option(label="Friska vindar 2.0 Trollhättan")
    page.get_by_label("Kön").select_option(label="Kvinna")
    page.get_by_label("Födelseår").fill("1991")
    page.get_by_label("Start (obligatorisk) (ÅÅÅÅ-MM-DD)", exact=True).fill("2026-11-02")
    page.get_by_label("Samtycke lämnat").fill("2026-11-02")
    check_page(page, "ny-deltagare")
    page.get_by_role("button", name="Spara").click()
    page.get_by_role("heading", name=re.compile("^Deltagare [A-Z0-9]{8}$")).wait_for()
    expect(page.get_by_text("Samtycket gäller till 2028-11-02.")).to_be_visible()
    page.get_by_label("Datum").fill("2026-11-20")
    page.get_by_label("Vad som hände").fill("Började praktik")
    page.get_by_role("button", name="Lägg till stegförflyttning").click()
    expect(page.get_by_text("2026-11-20: Började praktik")).to_be_visible()
    check_page(page, "deltagare-med-steg")
