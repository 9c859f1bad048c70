"""The auditor reads the årsredovisning; the chef gives an account a line of its own."""

from __future__ import annotations

import pytest

from tests.browser.conftest import check_page, sign_in

pytestmark = pytest.mark.browser
SLUG = "sodra-roslagen"


def test_the_auditor_reads_the_annual_report(page, demo, live_server, tmp_path):
    sign_in(page, "revisor")
    page.goto(f"{live_server.url}/forbund/{SLUG}/dokument/")
    page.get_by_role("link", name="Årsredovisning 2016").click()
    page.get_by_role("heading", name="Årsredovisning 2016").first.wait_for()
    income = page.get_by_role("table", name="Resultaträkning 2016")
    assert "-1 141 392,28 kr" in income.inner_text()
    balance = page.get_by_role("table", name="Balansräkning 2016-12-31")
    assert "1 102 198,64 kr" in balance.inner_text()
    assert page.get_by_text("Kontrollerna av bokslutet hittar avvikelser").count() == 0
    check_page(page, "arsredovisning")
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ned Word").click()
    assert download.value.suggested_filename == f"arsredovisning-{SLUG}-2016.docx"


def test_the_chef_puts_interest_among_the_income(page, demo, live_server):
    sign_in(page, "chef")
    page.goto(f"{live_server.url}/forbund/{SLUG}/dokument/")
    page.get_by_role("link", name="Konton i resultat- och balansräkningen").click()
    page.get_by_role("heading", name="Konton i resultat- och balansräkningen").wait_for()
    check_page(page, "konton-i-arsredovisningen")
    page.get_by_role("combobox", name="Konto").select_option("8410")
    page.get_by_label("Rad i resultat- eller balansräkningen").select_option("intakter")
    page.get_by_role("button", name="Spara").click()
    page.get_by_text("Konto 8410 står på raden ”Verksamhetens intäkter” från 2016.").wait_for()
    row = page.get_by_role("row", name="8410 Ränteintäkter")
    assert "Verksamhetens intäkter" in row.inner_text() and "från 2016" in row.inner_text()
