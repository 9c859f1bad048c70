"""A förbundschef opens the plan, downloads it as PDF and Word, and edits next year's texts."""

from __future__ import annotations

import pytest

from tests.browser.conftest import check_page, sign_in

pytestmark = pytest.mark.browser
NAME = "Samordningsförbundet Trollhättan, Lilla Edet och Grästorp"


def test_a_chef_reads_the_plan_and_downloads_it(page, demo, tmp_path):
    sign_in(page, "chef")
    page.get_by_role("link", name=NAME).click()
    page.get_by_role("link", name="Dokument", exact=True).click()
    page.get_by_role("heading", name="Dokument", exact=True).wait_for()
    check_page(page, "dokument")

    page.get_by_role("link", name="Verksamhetsplan och budget 2020").click()
    page.get_by_role("heading", name="Verksamhetsplan och budget 2020").wait_for()
    contributions = page.get_by_role("table", name="Medlemsbidrag 2020")
    assert "1 341 000 kr" in contributions.inner_text()
    assert page.get_by_role("img", name="Budgetens kostnader per avsnitt").is_visible()
    check_page(page, "verksamhetsplan")

    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ned PDF").click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    assert target.name == "verksamhetsplan-trollhattan-lilla-edet-grastorp-2020.pdf"
    assert target.read_bytes().startswith(b"%PDF")

    page.get_by_role("link", name="Ändra årets texter").click()
    page.get_by_label("Målgrupper").fill(
        "- Unga vuxna i Lilla Edet\n- Kvinnor och män som är sjukskrivna"
    )
    check_page(page, "texter")
    page.get_by_role("button", name="Spara texterna för 2020").click()
    page.get_by_text("Texterna för 2020 är sparade.").wait_for()
    page.get_by_role("link", name="Visa verksamhetsplanen").click()
    assert page.get_by_role("listitem").filter(has_text="Unga vuxna i Lilla Edet").count() == 1


def test_the_board_reads_the_follow_up_and_the_notices(page, demo, live_server):
    sign_in(page, "styrelse")
    page.goto(f"{live_server.url}/forbund/trollhattan-lilla-edet-grastorp/dokument/")
    page.get_by_role("link", name="Verksamhetsberättelse 2021").click()
    page.get_by_role("heading", name="Verksamhetsberättelse 2021").wait_for()
    assert page.get_by_role("table", name="Delmål 2021: deltagare som avslutades").is_visible()
    check_page(page, "verksamhetsberattelse")
    assert page.get_by_role("link", name="Ändra årets texter").count() == 0

    page.get_by_role("link", name="Alla dokument").click()
    page.get_by_role("link", name="Medlemsbidrag 2020, alla medlemmar").click()
    page.get_by_role("link", name="Grästorps kommun").click()
    page.get_by_role("heading", name="Avisering av medlemsbidrag 2020: Grästorps kommun").wait_for()
    check_page(page, "avisering")
