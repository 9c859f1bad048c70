"""A new förbund, empty, types a small plan in the pages: an interest line, a note on next year's
contribution and an organisation chart in its texts, then reads the plan's preview."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from samordna.budgets.models import BudgetAmount
from tests.browser.conftest import check_page, new_forbund, sign_in

pytestmark = pytest.mark.browser
NOTE = "Preliminär minskning 10 %"


@pytest.fixture
def empty(transactional_db):
    return new_forbund()


def _chart(tmp_path):
    path = tmp_path / "organisation.png"
    image = Image.new("RGB", (480, 240), (255, 255, 255))
    for x in range(40, 440):
        for y in (60, 61, 180, 181):
            image.putpixel((x, y), (31, 78, 121))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return path


def test_a_chef_types_notes_interest_and_a_chart_and_reads_them_in_the_plan(page, empty, tmp_path):
    sign_in(page, "nychef")
    page.wait_for_url("**/forbund/**")
    base = page.base_url + "/forbund/nytt/"
    page.goto(base + "budget/ny/")
    page.get_by_label("Namn (obligatorisk)", exact=True).fill("Budget 2027 med plan 2028–2029")
    page.get_by_label("Budgetår (obligatorisk)", exact=True).fill("2027")
    page.get_by_role("button", name="Spara").click()
    page.get_by_role("heading", name="Redigera Budget 2027 med plan 2028–2029").wait_for()

    page.get_by_label("Ny rad").fill("Ränteintäkter")
    page.get_by_label("Avsnitt").select_option("financial")
    page.get_by_role("button", name="Spara").click()
    page.get_by_text("Budgeten är sparad.").wait_for()

    page.get_by_label("Medlemsbidrag 2027").fill("2 400 000")
    page.get_by_label("Medlemsbidrag 2028").fill("2 160 000")
    page.get_by_label("Ränteintäkter 2027").fill("5 000")
    notes = page.locator("summary", has_text="Noter för Medlemsbidrag")
    notes.focus()
    page.keyboard.press("Enter")  # the dialog opens from the keyboard
    page.get_by_label("Not om beloppet 2028").first.fill(NOTE)
    check_page(page, "budget-noter")
    page.get_by_role("button", name="Spara").click()
    page.get_by_text("Budgeten är sparad.").wait_for()
    assert BudgetAmount.objects.get(line__label="Medlemsbidrag", year=2028).note == NOTE

    page.goto(base + "dokument/bilder/")
    page.get_by_label("Bild (PNG eller JPEG)").set_input_files(str(_chart(tmp_path)))
    page.get_by_label("Beskrivning av bilden (alt-text)").fill("Organisationsschema")
    page.get_by_role("button", name="Ladda upp").click()
    page.get_by_text("Bild 1 är sparad.").wait_for()
    check_page(page, "bilder-i-texterna")

    page.goto(base + "dokument/texter/2027/")
    page.get_by_label("Organisation och arbetssätt").fill(
        "Förbundet har ett litet kansli.\n\n## Organisationsschema\n\n![](bild:1)"
    )
    page.get_by_role("button", name="Spara texterna för 2027").click()
    page.get_by_text("Texterna för 2027 är sparade.").wait_for()

    page.goto(base + "dokument/plan/2027/")
    document = page.locator("article.document")
    assert document.get_by_role("img", name="Organisationsschema").count() == 1
    assert document.get_by_role("heading", name="Organisationsschema").count() == 1
    notes_list = document.get_by_role("list", name="Noter till tabellen").first
    assert NOTE in notes_list.inner_text()
    assert "Finansiella poster, netto" in document.inner_text()
    check_page(page, "plan-med-noter")
