"""A förbundschef picks a period on the document list, reads the delårsrapport's findings,
types a forecast and a comment, and sees both in the report; the board only reads it."""

from __future__ import annotations

import pytest

from tests.browser.conftest import check_page, sign_in
from tests.documents.interim_books import SLUG, book

pytestmark = pytest.mark.browser


def test_a_chef_writes_the_forecast_of_tertial_1(page, demo, tmp_path):
    book(demo[SLUG])
    sign_in(page, "chef")
    page.goto(f"{page.base_url}/forbund/{SLUG}/dokument/")
    page.get_by_label("År", exact=True).select_option("2020")
    page.get_by_label("Period", exact=True).select_option("T1")
    page.get_by_role("button", name="Visa delårsrapporten").click()
    page.get_by_role("heading", name="Delårsrapport 2020").wait_for()
    findings = page.get_by_role("region", name="Att se över innan rapporten lämnas")
    assert "Bokföringen saknar belopp för april 2020" in findings.inner_text()
    table = page.get_by_role("table", name="Prognos för helåret 2020 per budgetrad")
    assert "8 550 000 kr" in table.inner_text().replace("\u00a0", " ")
    check_page(page, "delarsrapport")

    page.get_by_role("link", name="Skriv prognos och kommentar").click()
    page.get_by_label("ALL-IN (individinriktade insatser)").fill("11 000 000")
    page.get_by_label("Förbundschefens kommentar").fill("Rekryteringen till ALL-IN tar fart.")
    check_page(page, "delarsrapport-prognos")
    page.get_by_role("button", name="Spara").click()
    page.get_by_role("heading", name="Delårsrapport 2020").wait_for()
    row = page.get_by_role("table", name="Prognos för helåret 2020 per budgetrad").get_by_role(
        "row", name="ALL-IN 11 800 000 kr"
    )
    assert "11 000 000 kr" in row.inner_text().replace("\u00a0", " ")
    assert "Inskriven" in row.inner_text()
    assert page.get_by_text("Rekryteringen till ALL-IN tar fart.").is_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ned PDF").click()
    assert download.value.suggested_filename == f"delarsrapport-{SLUG}-2020-t1.pdf"


def test_the_board_reads_the_delarsrapport_without_editing(page, demo):
    book(demo[SLUG])
    sign_in(page, "styrelse")
    page.goto(f"{page.base_url}/forbund/{SLUG}/dokument/delarsrapport/?ar=2020&period=H1")
    page.get_by_role("heading", name="Delårsrapport 2020").wait_for()
    assert page.get_by_role("link", name="Skriv prognos och kommentar").count() == 0
    check_page(page, "delarsrapport-styrelse")
