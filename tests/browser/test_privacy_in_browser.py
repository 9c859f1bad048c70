"""The chef's Uppföljning Finsam report (confidential) and the Dataskydd page with a new rule,
as a browser sees them; both pass axe at both widths."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check_page, sign_in

pytestmark = pytest.mark.browser
TROLLHATTAN = "/forbund/trollhattan-lilla-edet-grastorp/"


def test_the_chef_opens_the_confidential_report_and_sets_the_forbunds_rule(page, demo):
    sign_in(page, "chef")
    page.get_by_role("heading", name="Dina förbund").wait_for()
    page.goto(page.base_url + TROLLHATTAN + "uppfoljning/?ar=2021")
    page.get_by_role("link", name=re.compile("^Underlag till Uppföljning Finsam 2021")).click()
    page.get_by_role("heading", name="Uppföljning Finsam 2021").wait_for()
    expect(page.locator(".marking")).to_contain_text("SEKRETESS")
    expect(page.get_by_role("row").filter(has_text="ALL-IN").first).to_contain_text("33")
    check_page(page, "uppfoljning-finsam")
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ned Excel").click()
    assert download.value.suggested_filename.endswith("-sekretess.xlsx")
    page.goto(page.base_url + TROLLHATTAN + "historik/?action=sekretess")
    expect(page.get_by_role("cell", name="Uppföljning Finsam 2021 (Excel)")).to_be_visible()
    page.goto(page.base_url + TROLLHATTAN + "dataskydd/")
    page.get_by_role("heading", name="Dataskydd: deltagarnas uppgifter").wait_for()
    check_page(page, "dataskydd")
    page.get_by_role("link", name="Ny regel").click()
    page.get_by_label("Gäller från").fill("2020-01-01")
    page.get_by_label("Samtycket gäller (månader)").fill("18")
    page.get_by_label("Avslutade deltagare sparas (månader efter avslut)").fill("36")
    page.get_by_label("Beslut eller källa").fill("2019-11-28 §12")
    check_page(page, "ny-regel")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_text("ett samtycke gäller i 18 månader")).to_be_visible()
    expect(page.get_by_text(re.compile(r"deltagare är förfallna nu"))).to_be_visible()
    check_page(page, "dataskydd-med-regel")
