"""The årsredovisning: built from the demo's books, read back from each file, shown to the right
people, with the auditor's findings in its preview."""

from __future__ import annotations

import io
import subprocess

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from samordna.actuals import services as actuals
from samordna.actuals.models import ActualImport, Balance
from samordna.closing import services as closing
from samordna.core.money import format_amount
from samordna.documents import annual_report
from samordna.documents.outputs import render
from tests.conftest import make_user
from tests.core.test_statements import SIE
from tests.documents.test_outputs import docx_text

SLUG, YEAR = "sodra-roslagen", 2016


@pytest.fixture
def roslagen(demo):
    return demo[SLUG]


def _figures(association):
    found = closing.closing_of(association, YEAR)
    assert found is not None
    rows = (*found.statements.income, *found.statements.balance)
    return {r.label: r.current for r in rows if r.current is not None}


def _pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "ar.pdf"
    path.write_bytes(data)
    run = ["pdftotext", "-layout", str(path), "-"]
    return subprocess.run(run, capture_output=True, text=True, check=True).stdout


def test_the_demo_year_balances_and_agrees_with_the_budget_follow_up(roslagen):
    found = closing.closing_of(roslagen, YEAR)
    assert found.findings == () and found.vouchers == 207
    assert (
        found.statements.result == -1_141_392_28 and found.statements.previous_result == 385_000_00
    )


def test_the_pdf_prints_the_apps_figures(roslagen, tmp_path):
    text = _pdf_text(render(annual_report.build(roslagen, YEAR), "pdf"), tmp_path)
    figures = _figures(roslagen)
    for label in ("Verksamhetens intäkter", "Årets resultat", "Summa tillgångar", "Eget kapital"):
        assert format_amount(figures[label]) in text, label
    assert "Styrelsens underskrifter" in text and "Ort och datum" in text
    assert "Kassaflödesanalys" in text and "Redovisningsprinciper" in text


def test_the_word_file_holds_the_same_figures(roslagen):
    text = docx_text(render(annual_report.build(roslagen, YEAR), "docx"))
    figures = _figures(roslagen)
    for label in ("Verksamhetens kostnader", "Kassa och bank", "Kortfristiga skulder"):
        assert format_amount(figures[label]) in text, label
    assert "Förvaltningsberättelse" in text and "Not 1" in text


def test_the_excel_statements_are_numbers_equal_to_the_app(roslagen):
    book = load_workbook(io.BytesIO(render(annual_report.build(roslagen, YEAR), "xlsx")))
    sheet = next(s for s in book.worksheets if s.title.startswith("Resultaträkning"))
    rows = {r[0]: r[2:4] for r in sheet.iter_rows(values_only=True) if r and r[0]}
    assert rows["Årets resultat"] == (pytest.approx(-1_141_392.28), 385_000)
    assert rows["Verksamhetens intäkter"] == (2_128_000, 2_440_000)


def test_the_foervaltningsberaettelse_draws_on_the_follow_up_and_the_cap(roslagen):
    text = annual_report.build(roslagen, YEAR).text()
    assert "Årets resultat är -1 141 392,28 kr (föregående år 385 000 kr)" in text
    assert "Bokföringen för året har 207 verifikationer." in text
    assert "det egna kapitalet är över taket" in text  # 447 607,72 kr against 20 % of 2 128 000
    assert "Under 2016 finansierade förbundet" in text


def test_other_areas_can_add_sections_to_the_foervaltningsberaettelse(roslagen, monkeypatch):
    from samordna.core import document as doc

    extra = [lambda association, year: [doc.Heading(f"Intern kontroll {year}", 2)]]
    monkeypatch.setattr(annual_report, "EXTRA_SECTIONS", extra)
    text = annual_report.build(roslagen, YEAR).text()
    assert text.index("Intern kontroll 2016") < text.index("Förväntad utveckling")


def test_the_annual_report_holds_the_internal_control_and_the_audit(roslagen, tmp_path):
    text = _pdf_text(render(annual_report.build(roslagen, YEAR), "pdf"), tmp_path)
    control, audit = text.index("Intern kontroll"), text.index("Revision och ansvarsfrihet")
    assert control < audit < text.index("Förväntad utveckling")
    assert "Styrelsens underskrifter" in text[audit:]


def _preview(association):
    return reverse("document", args=[association.slug, "arsredovisning", YEAR])


def test_the_auditor_reads_the_annual_report_and_its_files(client, roslagen):
    client.force_login(make_user("granskaren", roslagen, "revisor"))
    page = client.get(_preview(roslagen))
    assert page.status_code == 200 and "Resultaträkning" in page.content.decode()
    url = reverse("document_download", args=[SLUG, "arsredovisning", YEAR, "pdf"])
    assert client.get(url).content.startswith(b"%PDF")
    listed = client.get(reverse("documents", args=[SLUG])).content.decode()
    assert "Årsredovisning 2016" in listed


def test_insats_staff_see_none_of_it(client, roslagen):
    client.force_login(make_user("personal", roslagen, "insatspersonal"))
    assert client.get(_preview(roslagen)).status_code == 403
    url = reverse("document_download", args=[SLUG, "arsredovisning", YEAR, "xlsx"])
    assert client.get(url).status_code == 403
    assert client.get(reverse("statement_accounts", args=[SLUG])).status_code == 403


def test_another_foerbunds_chef_gets_404(client, demo):
    client.force_login(make_user("grannen", demo["vanersborg-mellerud"], "chef"))
    assert client.get(_preview(demo[SLUG])).status_code == 404


def test_a_year_without_books_says_so(client, roslagen):
    client.force_login(make_user("chefen", roslagen, "chef"))
    page = client.get(reverse("document", args=[SLUG, "arsredovisning", 2015]))
    assert page.status_code == 404
    assert "har ingen bokföring för 2015" in page.content.decode()


def test_a_broken_file_shows_its_findings_in_the_preview(client, association):
    data = SIE.read_bytes().replace(b"#UB 0 1930 1012848.64", b"#UB 0 1930 1012858.64")
    actuals.import_sie(association, YEAR, data, "trasig.se", user=None)
    client.force_login(make_user("chefen", association, "chef"))
    page = client.get(_preview(association)).content.decode()
    assert "Kontrollerna av bokslutet hittar avvikelser" in page
    assert "Balansräkningen 2016 går inte ihop" in page and "1930 Bank" in page
    assert "Konton utan budgetrad: 3511" in page  # nothing is mapped to a budget line here
    listed = client.get(reverse("documents", args=[association.slug])).content.decode()
    assert "Kontrollerna av bokslutet hittar" in listed


def test_the_chef_puts_an_account_on_a_line_of_its_own_from_a_year(client, association):
    actuals.import_sie(association, YEAR, SIE.read_bytes(), SIE.name, user=None)
    client.force_login(make_user("chefen", association, "chef"))
    url = reverse("statement_accounts", args=[association.slug])
    assert "8410 Ränteintäkter" in client.get(url).content.decode()
    answer = client.post(url, {"account": "8410", "line": "intakter", "from_year": YEAR})
    assert answer.status_code == 302
    rows = _figures(association)
    assert rows["Verksamhetens intäkter"] == 2_128_000_00 + 1_250_00
    assert "Finansiella intäkter" not in rows
    before = closing.closing_of(association, YEAR - 1)
    assert before is None  # 2015 has no import of its own: no report, only comparison figures


def test_a_wrong_line_is_refused_and_nothing_changes(client, association):
    actuals.import_sie(association, YEAR, SIE.read_bytes(), SIE.name, user=None)
    client.force_login(make_user("chefen", association, "chef"))
    url = reverse("statement_accounts", args=[association.slug])
    answer = client.post(url, {"account": "8410", "line": "påhittad", "from_year": YEAR})
    assert answer.status_code == 400 and "Välj ett giltigt alternativ" in answer.content.decode()
    assert not association.statement_accounts.exists()


def test_the_import_keeps_last_year_from_the_file_until_that_year_is_imported(association):
    actuals.import_sie(association, YEAR, SIE.read_bytes(), SIE.name, user=None)
    last = Balance.objects.get(association=association, year=YEAR - 1, account="1930")
    assert last.closing == 1_751_424_20
    assert ActualImport.objects.get(association=association, year=YEAR).vouchers == 207
    own = b"#FLAGGA 0\n#SIETYP 4\n#RAR 0 20150101 20151231\n#UB 0 1930 1.00\n#UB 0 2010 -1.00\n"
    actuals.import_sie(association, YEAR - 1, own, "2015.se", user=None)
    actuals.import_sie(association, YEAR, SIE.read_bytes(), SIE.name, user=None)
    assert (
        Balance.objects.get(association=association, year=YEAR - 1, account="1930").closing == 100
    )


def test_protected_counts_read_as_words_in_the_sentences():
    from samordna.core.suppression import Cell

    assert annual_report._people(Cell(18)) == "18 personer"
    assert annual_report._people(Cell(3)) == "färre än 5 personer"
    hidden = annual_report._people(Cell(12, hidden=True))
    assert "12" not in hidden and "x" not in hidden.split()


def test_the_story_never_prints_the_tables_x(roslagen):
    text = annual_report.build(roslagen, YEAR).text()
    assert " x " not in text and "deltog i de individinriktade insatserna" in text
