"""A förbundschef logs in, opens a förbund, allocates a year and sees the table."""

from __future__ import annotations

import pytest

from tests.browser.conftest import check_page, sign_in

pytestmark = pytest.mark.browser


def test_a_chef_allocates_a_year_and_sees_the_table(page, demo):
    sign_in(page, "chef")
    page.get_by_role("heading", name="Dina förbund").wait_for()
    check_page(page, "dina-forbund")

    page.get_by_role(
        "link", name="Samordningsförbundet Trollhättan, Lilla Edet och Grästorp"
    ).click()
    page.get_by_role(
        "heading", name="Samordningsförbundet Trollhättan, Lilla Edet och Grästorp"
    ).wait_for()
    check_page(page, "forbund-oversikt")

    page.get_by_role("link", name="Medlemsbidrag", exact=True).click()
    check_page(page, "medlemsbidrag")
    page.get_by_role("link", name="Fördela ett år").click()
    page.get_by_label("År (obligatorisk)", exact=True).fill("2021")
    page.get_by_label("Belopp (obligatorisk)", exact=True).fill("7 156 000 kr")
    page.get_by_label("Avrunda varje medlems belopp till").select_option("1000")
    page.get_by_role("button", name="Beräkna").click()

    table = page.get_by_role("table", name="Medlemsbidrag 2021, avrundat till 1 000 kr")
    row = table.get_by_role("row", name="Trollhättans Stad")
    assert "1 341 000 kr" in row.inner_text().replace("\u00a0", " ")
    check_page(page, "fordela-ar")

    page.get_by_role("button", name="Spara året").click()
    page.get_by_role("heading", name="Medlemsbidrag 2021").wait_for()
    text = page.get_by_role("table").inner_text().replace("\u00a0", " ")
    for amount in ("1 789 000 kr", "1 341 000 kr", "323 000 kr", "125 000 kr", "7 156 000 kr"):
        assert amount in text
    check_page(page, "medlemsbidrag-2021")


def test_the_pages_of_a_forbund_are_accessible_and_readable(page, demo):
    sign_in(page, "chef")
    page.get_by_role("heading", name="Dina förbund").wait_for()
    base = page.base_url + "/forbund/sodra-roslagen/"
    for path, heading in [
        ("", "Samordningsförbundet Södra Roslagen"),
        ("medlemmar/", "Medlemmar"),
        ("organisation/", "Organisation"),
        ("medlemsbidrag/", "Medlemsbidrag"),
        ("medlemsbidrag/2016/", "Medlemsbidrag 2016"),
        ("medlemsbidrag/2015/", "Medlemsbidrag 2015"),
        ("uppgifter/", "Uppgifter om förbundet"),
        ("medlemmar/ny/", "Ny medlem"),
    ]:
        page.goto(base + path)
        page.get_by_role("heading", name=heading, exact=True).wait_for()
        check_page(page, f"sodra-roslagen-{path or 'oversikt'}")


def test_a_wrong_org_number_is_refused_in_the_browser(page, demo):
    sign_in(page, "chef")
    page.goto(page.base_url + "/forbund/sodra-roslagen/uppgifter/")
    page.get_by_label("Organisationsnummer").fill("222000-2734")
    page.get_by_role("button", name="Spara").click()
    page.get_by_text("fel kontrollsiffra").wait_for()
    check_page(page, "fel-organisationsnummer")
    page.goto(page.base_url + "/forbund/sodra-roslagen/")
    assert "222000-2733" in page.content()
