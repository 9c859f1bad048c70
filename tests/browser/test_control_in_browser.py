"""Kontroll och revision in chromium: a new förbund's chef writes the first risk and follows it
up, the revisor attaches the audit report, and the demo's control year passes axe at 390 px."""

from __future__ import annotations

import pytest

from samordna.control.models import AuditReport, Risk
from samordna.demo.control import demo_pdf
from tests.browser.conftest import check_page, sign_in
from tests.conftest import make_association, make_user

pytestmark = pytest.mark.browser


@pytest.fixture
def forbund(transactional_db):
    association = make_association()
    make_user("chef", association, "chef")
    make_user("revisorn", association, "revisor")
    return association


def test_the_chef_writes_a_risk_and_the_revisor_attaches_the_report(page, forbund, tmp_path):
    base = f"{page.base_url}/forbund/{forbund.slug}"
    sign_in(page, "chef")
    page.wait_for_url("**/forbund/**")
    page.get_by_role("link", name="Kontroll och revision").click()
    page.get_by_role("link", name="Internkontrollplan 2025").click()
    page.get_by_role("link", name="Lägg till den första risken").click()
    page.get_by_label("Risk (obligatorisk)", exact=True).fill("Utbetalning utan beslut")
    page.get_by_role("group", name="Sannolikhet").get_by_label("Mindre sannolik").check()
    page.get_by_role("group", name="Konsekvens").get_by_label("Allvarlig").check()
    page.get_by_label("Kontroll (obligatorisk)", exact=True).fill("Stickprov på tio utbetalningar")
    page.get_by_label("Ansvarig").fill("Förbundschef")
    page.get_by_label("Hur ofta").select_option(label="Varje kvartal")
    check_page(page, "ny-risk")
    page.get_by_role("button", name="Spara").click()
    matrix = page.get_by_role("table", name="Riskerna efter sannolikhet").inner_text()
    assert "Hög (8)" in matrix and "1. Utbetalning utan beslut" in matrix
    page.get_by_role("link", name="Följ upp Utbetalning utan beslut").click()
    page.get_by_label("Datum").fill("2025-06-30")
    page.get_by_label("Brister, åtgärd behövs").check()
    page.get_by_label("Kommentar").fill("En utbetalning saknade paragraf")
    page.get_by_role("button", name="Spara").click()
    risks = page.get_by_role("table", name="Internkontrollplanens risker 2025").inner_text()
    assert "2025-06-30: Brister, åtgärd behövs" in risks
    check_page(page, "internkontrollplan")
    assert Risk.objects.get().results.count() == 1
    page.context.clear_cookies()

    sign_in(page, "revisorn")
    page.wait_for_url("**/forbund/**")
    page.goto(f"{base}/kontroll/revision/2025/")
    assert page.get_by_role("link", name="Lägg till revisor").count() == 0
    page.get_by_role("link", name="Bifoga rapport (PDF)").click()
    pdf = tmp_path / "revisionsberattelse-2025.pdf"
    pdf.write_bytes(demo_pdf("Revisionsberättelse 2025", "Granskad"))
    page.get_by_label("Rubrik").fill("Revisionsberättelse 2025")
    page.get_by_label("Fil (PDF)").set_input_files(str(pdf))
    check_page(page, "bifoga-rapport")
    page.get_by_role("button", name="Bifoga").click()
    page.get_by_text("Revisionsberättelse 2025 är bifogad till 2025.").wait_for()
    assert AuditReport.objects.get().filename == "revisionsberattelse-2025.pdf"
    check_page(page, "revision")


@pytest.mark.parametrize(
    "path",
    [
        "kontroll/",
        "kontroll/internkontroll/2016/",
        "kontroll/revision/2016/",
        "kontroll/protokoll/",
        "kontroll/delegation/",
    ],
)
def test_the_demos_control_year_fits_a_phone_and_passes_axe(page, demo, path):
    sign_in(page, "revisor")
    page.wait_for_load_state()
    page.goto(f"{page.base_url}/forbund/sodra-roslagen/{path}")
    assert page.get_by_role("heading", level=1).count() == 1
    check_page(page, "kontroll-" + path.replace("/", "-"))
