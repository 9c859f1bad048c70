"""The national picture in a browser: a chef decides to share, the network's user signs in and
lands on the förbund side by side (charts, tables, Excel), makes an API key on Mitt konto; a
chef reads SCB's population file. axe and 390 px on every page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import check_page, sign_in

pytestmark = pytest.mark.browser

SCB = Path(__file__).resolve().parents[1] / "fixtures" / "population" / "scb_folkmangd_kommun.xlsx"
VM = "vanersborg-mellerud"


def test_a_chef_shares_and_the_network_sees_the_forbund_side_by_side(page, demo):
    sign_in(page, "chef")
    page.goto(f"{page.base_url}/forbund/{VM}/dela/")
    check_page(page, "dela-siffrorna")
    page.get_by_role("button", name="Dela siffrorna med nätverken").click()
    page.get_by_text("delar nu sina siffror").wait_for()
    page.get_by_role("button", name="Logga ut").click()

    sign_in(page, "natverk")
    page.get_by_role("heading", name="Förbunden sida vid sida").wait_for()
    page.get_by_label("År", exact=True).fill("2020")
    page.get_by_role("button", name="Visa").click()
    page.get_by_role("heading", name="Förbunden sida vid sida 2020").wait_for()
    table = page.locator("table", has_text="Ekonomi 2020")
    assert "7 156 000 kr" in table.inner_text()
    assert demo[VM].name in table.inner_text()
    assert page.locator("figure.chart svg").count() == 3
    check_page(page, "natverk-sida-vid-sida")
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ned tabellerna (Excel)").click()
    assert download.value.suggested_filename == "forbunden-2020.xlsx"

    page.goto(f"{page.base_url}/konto/api-nycklar/")
    page.get_by_label("Namn på nyckeln").fill("Regional jämförelse")
    page.get_by_role("button", name="Skapa nyckeln").click()
    assert page.get_by_label("Nyckel", exact=True).input_value().startswith("smd_")
    check_page(page, "api-nycklar")


def test_a_chef_reads_the_scb_population_file(page, demo):
    sign_in(page, "chef")
    page.goto(f"{page.base_url}/forbund/trollhattan-lilla-edet-grastorp/medlemmar/")
    page.get_by_role("link", name="Läs in invånare och försörjningsmått").click()
    check_page(page, "befolkning-importera")
    page.get_by_label("SCB: folkmängd per kommun").check()
    page.get_by_label("Filen, som du laddade ned den").set_input_files(str(SCB))
    page.get_by_role("button", name="Läs in").click()
    page.get_by_text("är sparade").wait_for()
    check_page(page, "medlemmar-efter-scb")
