"""Every table in the app downloads as Excel: numbers as numbers, behind the page's access check."""

from __future__ import annotations

import io
from fractions import Fraction

from django.urls import reverse
from openpyxl import load_workbook

from samordna.downloads import KR, NUMBER, PERCENT, TEXT
from samordna.economy import services
from samordna.table_export import typed


def _allocate(association):
    request = services.AllocationRequest(2020, 715_600_000, "total", 1000, "split", 2018)
    services.save(association, request, user=None)


def test_a_page_with_a_table_offers_its_tables_as_excel(client, chef, association):
    _allocate(association)
    client.force_login(chef)
    url = reverse("contribution", args=[association.slug, 2020])
    page = client.get(url).content.decode()
    assert '<a href="?tabeller=xlsx">Ladda ned sidans tabeller (Excel)</a>' in page
    response = client.get(url, {"tabeller": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content))["Medlemsbidrag 2020"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert rows[0][0] == "Medlem" and rows[0][2] == "Belopp"
    total = next(r for r in rows if r[0] == "Summa")
    assert total[2] == 7_156_000 and total[1] == 1
    amounts = [r[2] for r in rows[1:] if r[0] != "Summa"]
    assert all(isinstance(a, int) for a in amounts) and sum(amounts) == 7_156_000
    assert "kr" in sheet.cell(row=4, column=3).number_format
    assert "%" in sheet.cell(row=4, column=2).number_format


def test_a_page_without_tables_has_no_excel_link(client, chef, association):
    client.force_login(chef)
    page = client.get(reverse("association_edit", args=[association.slug])).content.decode()
    assert "sidans tabeller" not in page and "sidans-tabeller" not in page


def test_the_excel_of_a_page_is_refused_to_whoever_may_not_see_the_page(
    client, other_chef, association
):
    _allocate(association)
    client.force_login(other_chef)
    url = reverse("contribution", args=[association.slug, 2020])
    response = client.get(url, {"tabeller": "xlsx"})
    assert response.status_code == 404
    assert not response["Content-Type"].startswith("application/vnd")


def test_cell_text_becomes_the_number_it_shows():
    assert typed("7\u00a0156\u00a0000 kr") == (7_156_000, KR)
    assert typed("-269 000 kr") == (-269_000, KR)
    assert typed("310 tkr") == (310_000, KR)
    assert typed("1 250,50 kr") == (Fraction(125_050, 100), KR)
    assert typed("18,74 %") == (Fraction(1874, 10000), PERCENT)
    assert typed("12 500") == (12_500, NUMBER)
    assert typed("<5") == ("<5", TEXT)
    assert typed("x") == ("x", TEXT)
    assert typed("222000-1719") == ("222000-1719", TEXT)


def test_cells_spanning_rows_and_columns_read_back_as_the_grid_the_reader_sees():
    """A cell over several rows (the history's event beside each changed field) is in every row
    it spans, so each Excel row sorts and filters on its own; one over several columns leaves
    its other columns empty, so the figures after it stay in their columns. A span ends with
    its row group."""
    from samordna.table_export import sheets_from_html

    html = """<table><thead><tr><th>Tid</th><th>Händelse</th><th>Fält</th><th>Efter</th></tr>
      </thead><tbody><tr><td rowspan="2">10:00</td><td rowspan="2">Ändrad</td>
      <td>namn</td><td>Väst</td></tr><tr><td>belopp</td><td>1 250 000 kr</td></tr></tbody>
      <tbody><tr><td>11:00</td><td rowspan="3">Skapad</td><td>roll</td><td>Ordförande</td></tr>
      </tbody><tbody><tr><th colspan="3">Summa</th><td>12</td></tr>
      <tr><td rowspan="x">a</td><td colspan="0">b</td><td>c</td><td>d</td></tr></tbody></table>"""
    [sheet] = sheets_from_html(html, "Historik")
    assert sheet.header == ["Tid", "Händelse", "Fält", "Efter"]
    assert sheet.rows == [
        ["10:00", "Ändrad", "namn", "Väst"],
        ["10:00", "Ändrad", "belopp", 1_250_000],
        ["11:00", "Skapad", "roll", "Ordförande"],
        ["Summa", None, None, 12],
        ["a", "b", "c", "d"],
    ]
