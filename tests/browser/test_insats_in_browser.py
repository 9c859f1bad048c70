"""An application walks from filing to decision to a line in the next budget."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check_page, sign_in

pytestmark = pytest.mark.browser
TROLLHATTAN = "/forbund/trollhattan-lilla-edet-grastorp/"


def _file_application(page) -> str:
    sign_in(page, "insatspersonal")
    page.get_by_role("navigation").get_by_role("link", name="Ansökningar").click()
    check_page(page, "ansokningar-insatspersonal")
    page.get_by_role("link", name="Ny projektansökan").click()
    page.get_by_label("Insatsens namn").fill("Unga vuxna i Grästorp")
    page.get_by_label("Arbetsförmedlingen").check()
    page.get_by_label("Grästorps kommun").check()
    page.get_by_label("Beskrivning").fill("Stöd till unga vuxna som står långt från arbete.")
    page.get_by_label("Målgrupp").fill("Unga vuxna 16–29 år")
    page.get_by_label("Mål (obligatorisk)", exact=True).fill("4 av 10 i arbete eller studier")
    page.get_by_label("Önskad start").fill("2027-01-01")
    page.get_by_label("Önskat slut").fill("2028-12-31")
    page.get_by_label("Sökt belopp totalt").fill("900 000")
    page.get_by_label("Budget per år").fill("2027: 400 000\n2028: 500 000")
    check_page(page, "ny-ansokan")
    page.get_by_role("button", name="Spara").click()
    page.get_by_role("heading", name="Ansökan: Unga vuxna i Grästorp").wait_for()
    expect(page.locator(".status")).to_contain_text("Inlämnad")
    check_page(page, "ansokan-inlamnad")
    url = page.url
    page.context.clear_cookies()
    return url


def test_an_application_becomes_an_insats_and_a_budget_line(page, demo):
    url = _file_application(page)
    sign_in(page, "chef")
    page.get_by_role("heading", name="Dina förbund").wait_for()
    page.goto(url)
    page.get_by_role("link", name="Bered").click()
    page.get_by_label("Beredningsgruppens kommentar").fill("Förankrat hos AF och kommunen.")
    page.get_by_label("Rekommendation").fill("Bevilja")
    page.get_by_role("button", name="Spara").click()
    expect(page.locator(".status")).to_contain_text("Beredd")
    page.get_by_role("link", name="Besluta").click()
    page.get_by_label("Beviljas", exact=True).check()
    page.get_by_label("Beslutsdatum").fill("2026-11-26")
    page.get_by_label("Paragraf").fill("34")
    check_page(page, "besluta-ansokan")
    page.get_by_role("button", name="Spara").click()
    expect(page.locator(".status")).to_contain_text("Beviljad (2026-11-26 §34)")
    page.get_by_role("link", name="Unga vuxna i Grästorp").click()
    page.get_by_role("heading", name="Unga vuxna i Grästorp").wait_for()
    check_page(page, "insats-beviljad")

    page.goto(page.base_url + TROLLHATTAN + "budget/ny/")
    page.get_by_label("Namn (obligatorisk)", exact=True).fill("Budget 2027 med plan 2028–2029")
    page.get_by_label("Budgetår (obligatorisk)", exact=True).fill("2027")
    page.get_by_role("button", name="Spara").click()
    page.get_by_role("link", name="Till budgeten").click()
    row = page.get_by_role("row", name=re.compile("^Unga vuxna i Grästorp"))
    expect(row).to_contain_text(re.compile(r"400\s000"))
    expect(row).to_contain_text(re.compile(r"500\s000"))
    expect(page.get_by_role("region", name="Insatsregistret")).to_contain_text(
        "stämmer med insatsregistret"
    )
    check_page(page, "budget-2027-med-insats")


def test_the_register_pages_are_accessible(page, demo):
    sign_in(page, "chef")
    page.get_by_role("heading", name="Dina förbund").wait_for()
    base = page.base_url + "/forbund/sodra-roslagen/"
    for path, heading in [
        ("", "Samordningsförbundet Södra Roslagen"),
        ("insatser/", "Insatser"),
        ("insatser/importera/", "Importera insatsregister"),
        ("moten/", "Möten och beslut"),
        ("beslut/", "Beslutsregister"),
    ]:
        page.goto(base + path)
        page.get_by_role("heading", name=heading, exact=True).wait_for()
        check_page(page, f"sodra-roslagen-{path or 'oversikt'}")
    page.goto(base + "insatser/")
    page.get_by_role("link", name="Rådgivande teamet", exact=True).click()
    expect(page.get_by_text("2015-02-04: Styrelsen beslutar")).to_be_visible()
    check_page(page, "insats-radgivande-teamet")
    page.get_by_role("link", name="Årsrapport 2016").click()
    page.get_by_label("Hur gick det").fill("Teamet tog emot 38 personer.")
    page.get_by_role("button", name="Spara årsrapporten").click()
    expect(page.get_by_text("Årsrapporten 2016 för Rådgivande teamet är sparad.")).to_be_visible()
    check_page(page, "arsrapport-2016")
    page.goto(base + "moten/")
    page.get_by_role("link", name=re.compile("Styrelsen 2015-02-04")).click()
    check_page(page, "mote-2015-02-04")
