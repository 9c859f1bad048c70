"""The delårsrapport as a reader finds it: the figures of the app in the PDF, the Word file and
the Excel file; the chef's forecast and comment; the findings before download; participants
protected as the follow-up protects them."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from samordna.actuals.models import AccountMapping, ActualAmount
from samordna.budgets.plan_version import default_version
from samordna.budgets.projection import projection_of
from samordna.core.followup_disclosure import ALL
from samordna.core.interim import LINEAR, TYPED, parse_period
from samordna.core.money import format_amount
from samordna.documents import interim
from samordna.documents.outputs import render
from samordna.followup import services as followup_services
from samordna.followup.models import Episode
from tests.conftest import make_user
from tests.documents.interim_books import KR, SLUG, book
from tests.documents.test_outputs import _pdf_text, docx_text

T1 = parse_period("T1")


@pytest.fixture
def booked(trollhattan):
    book(trollhattan)
    return trollhattan


def _line(found, label):
    return next(line for line in found.lines if line.label == label)


def test_the_figures_of_tertial_1_from_the_books_and_the_budget(booked):
    found = interim.figures(booked, 2020, T1)
    all_in = _line(found, "ALL-IN")
    assert all_in.budget_year == 11_800_000 * KR
    assert all_in.budget_to_date == 3_933_333 * KR  # 11 800 000 × 4/12 = 3 933 333,33
    assert all_in.outcome_to_date == 2_850_000 * KR
    assert (all_in.forecast, all_in.source) == (8_550_000 * KR, LINEAR)  # × 12/4
    assert _line(found, "Medlemsbidrag").outcome_to_date == 1_789_000 * KR  # income positive
    income, costs = 1_789_000 + 2_800_000, 2_850_000 + 247_000
    assert found.totals("outcome_to_date").result == (income - costs) * KR


def test_the_findings_name_the_month_without_books_and_the_unmapped_account(booked):
    findings = interim.figures(booked, 2020, T1).findings
    assert any("Bokföringen saknar belopp för april 2020" in f for f in findings)
    assert any("Konto 5460 Förbrukningsmaterial (1 200 kr" in f for f in findings)
    assert not any("april" in f for f in interim.figures(booked, 2020, parse_period("3")).findings)


def test_the_pdf_holds_the_apps_figures(booked, tmp_path):
    found = interim.figures(booked, 2020, T1)
    text = _pdf_text(render(interim.build(booked, 2020, T1), "pdf"), tmp_path)
    assert "Delårsrapport 2020" in text and "Tertial 1 (januari–april) 2020" in text
    for line in found.lines:
        assert format_amount(line.budget_to_date) in text
    forecast = found.totals("forecast")
    assert f"resultat) på {format_amount(forecast.result)}" in text.replace("\n", " ")
    assert format_amount(forecast.costs) in text
    assert "Linjär" in text


def test_the_word_file_holds_the_apps_figures_and_the_chefs_comment(booked):
    interim.save_text(booked, 2020, T1, "Rekryteringen till ALL-IN gick långsamt.", None)
    found = interim.figures(booked, 2020, T1)
    text = docx_text(render(interim.build(booked, 2020, T1), "docx"))
    assert "Förbundschefens kommentar" in text
    assert "Rekryteringen till ALL-IN gick långsamt." in text
    assert format_amount(_line(found, "ALL-IN").outcome_to_date) in text
    assert format_amount(found.totals("budget_to_date").costs) in text


def test_the_excel_cells_are_the_apps_figures_in_kronor(booked):
    found = interim.figures(booked, 2020, T1)
    book = load_workbook(io.BytesIO(render(interim.build(booked, 2020, T1), "xlsx")))
    cells = {
        row[0]: row[1:]
        for sheet in book.worksheets
        if sheet.title.startswith("Prognos")
        for row in sheet.iter_rows(values_only=True)
        if row and row[0]
    }
    all_in = _line(found, "ALL-IN")
    assert cells["ALL-IN"][:3] == (11_800_000, 8_550_000, 8_550_000 - 11_800_000)
    assert cells["ALL-IN"][3] == "Linjär"
    assert cells["Årets resultat"][1] == found.totals("forecast").result // KR
    assert all_in.forecast // KR == 8_550_000


def test_a_typed_forecast_replaces_the_linear_one_and_says_so(booked):
    key = ("individual", "ALL-IN")
    interim.save_forecasts(booked, 2020, T1, {key: 11_000_000 * KR}, None)
    line = _line(interim.figures(booked, 2020, T1), "ALL-IN")
    assert (line.forecast, line.source) == (11_000_000 * KR, TYPED)
    assert _line(interim.figures(booked, 2020, parse_period("T2")), "ALL-IN").source == LINEAR
    interim.save_forecasts(booked, 2020, T1, {key: None}, None)
    assert _line(interim.figures(booked, 2020, T1), "ALL-IN").source == LINEAR


def test_participants_so_far_are_those_begun_by_the_periods_end_protected(booked):
    until = date(2020, 4, 30)
    found = followup_services.so_far(booked, 2020, 4)
    begun = Episode.objects.filter(
        intervention__association=booked, intervention__kind="individual", start__lte=until
    ).exclude(end__lt=date(2020, 1, 1))
    assert found.participants.count == begun.count()
    assert found.exits.count == begun.filter(end__lte=until).count()
    year, _ = followup_services.published(booked, 2020)
    assert found.participants.count <= year[ALL].participants.count
    text = interim.build(booked, 2020, T1).text()
    assert f"deltog {found.participants.shown} personer" in text
    tables = interim.build(booked, 2020, T1).tables()
    insatser = next(t for t in tables if t.caption.startswith("Insatser"))
    counts = [row.cells[3] for row in insatser.rows if row.cells[1] == "individinriktade"]
    assert all(c == "<5" or c == "" or c >= 5 for c in counts)


def test_january_to_december_shows_the_years_own_protected_figures(booked):
    year, _ = followup_services.published(booked, 2020)
    found = followup_services.so_far(booked, 2020, 12)
    assert (found.participants, found.exits, found.by_sex) == (
        year[ALL].participants,
        year[ALL].exits,
        year[ALL].by_sex,
    )
    assert "deltog" in interim.build(booked, 2020, parse_period("12")).text()


def test_the_preview_shows_the_findings_and_the_period_choice(client, booked):
    client.force_login(make_user("delarchef", booked, "chef"))
    response = client.get(reverse("interim", args=[SLUG]) + "?ar=2020&period=T1")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Att se över innan rapporten lämnas" in page
    assert "Bokföringen saknar belopp för april 2020" in page
    assert '<option value="T2">Tertial 2 (januari–augusti)</option>' in page
    assert reverse("interim_download", args=[SLUG, 2020, "T1", "pdf"]) in page
    assert reverse("interim_forecast", args=[SLUG, 2020, "T1"]) in page
    listed = client.get(reverse("documents", args=[SLUG])).content.decode()
    assert "Visa delårsrapporten" in listed and 'name="period"' in listed


def test_the_chef_types_a_forecast_and_a_comment(client, booked):
    client.force_login(make_user("delarchef", booked, "chef"))
    url = reverse("interim_forecast", args=[SLUG, 2020, "T1"])
    form = client.get(url).content.decode()
    assert "Lämna tomt för linjär prognos (8 550 000 kr)" in form
    lines = interim.figures(booked, 2020, T1).lines
    names = {line.label: f"rad_{i}" for i, line in enumerate(lines)}
    response = client.post(
        url, {names["ALL-IN"]: "11 000 000", "kommentar": "ALL-IN tar fart under hösten."}
    )
    assert response.status_code == 302
    shown = client.get(response["Location"]).content.decode().replace("\u00a0", " ")
    assert "Inskriven" in shown and "11 000 000 kr" in shown
    assert "ALL-IN tar fart under hösten." in shown


def test_a_bad_amount_or_a_personnummer_changes_nothing(client, booked):
    client.force_login(make_user("delarchef", booked, "chef"))
    url = reverse("interim_forecast", args=[SLUG, 2020, "T1"])
    response = client.post(url, {"rad_0": "elva miljoner", "kommentar": "Bra"})
    assert response.status_code == 400 and "är inte ett belopp" in response.content.decode()
    response = client.post(url, {"rad_0": "100", "kommentar": "Gäller 19900101-1239"})
    assert response.status_code == 400 and "personnummer" in response.content.decode()
    assert interim.typed_forecasts(booked, 2020, T1) == {}
    assert interim.text_of(booked, 2020, T1) == ""


def test_an_unknown_period_or_format_is_not_found(client, booked):
    client.force_login(make_user("delarchef", booked, "chef"))
    assert client.get(reverse("interim", args=[SLUG]) + "?ar=2020&period=T3").status_code == 404
    bad = reverse("interim_download", args=[SLUG, 2020, "T1", "odt"])
    assert client.get(bad).status_code == 404
    month_13 = reverse("interim_download", args=[SLUG, 2020, "13", "pdf"])
    assert client.get(month_13).status_code == 404


def test_the_download_is_named_for_the_förbund_year_and_period(client, booked):
    client.force_login(make_user("delarchef", booked, "chef"))
    response = client.get(reverse("interim_download", args=[SLUG, 2020, "H1", "pdf"]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert f"delarsrapport-{SLUG}-2020-h1.pdf" in response["Content-Disposition"]


def test_a_new_förbund_without_budget_or_books_is_told_what_comes_first(client, db):
    from tests.conftest import make_association

    association = make_association("ny", "Samordningsförbundet Ny")
    client.force_login(make_user("nychef", association, "chef"))
    page = client.get(reverse("interim", args=["ny"])).content.decode()
    assert "Förbundet har varken budget eller bokföring ännu." in page
    assert reverse("actuals", args=["ny"]) in page


def test_equity_at_year_end_is_the_opening_plus_the_forecast_result_against_the_cap(booked):
    """Linear forecast of T1: income (1 789 000 + 2 800 000) × 3 = 13 767 000 kr, costs
    (2 850 000 + 247 000) × 3 = 9 291 000 kr, årets resultat 4 476 000 kr."""
    budget = default_version(booked, 2020).budget
    budget.opening_equity = 2_000_000 * KR
    budget.save()
    planned = projection_of(budget)[0]
    tables = interim.build(booked, 2020, T1).tables()
    equity = next(t for t in tables if t.caption == "Eget kapital 2020 mot taket")
    assert equity.rows[0].cells == (
        "Enligt budget",
        2_000_000 * KR,
        -269_000 * KR,
        1_731_000 * KR,
        planned.cap.amount,
    )
    assert equity.rows[1].cells == (
        "Enligt prognos",
        2_000_000 * KR,
        4_476_000 * KR,
        6_476_000 * KR,
        planned.cap.amount,
    )


def _first_cells(document) -> list[str]:
    return [row.cells[0] for table in document.tables() for row in table.rows]


def test_the_totals_print_financial_items_only_where_the_year_has_them(booked, tmp_path):
    document = interim.build(booked, 2020, T1)
    assert "Finansiella poster, netto" not in _first_cells(document)
    assert "Finansiella poster" not in _pdf_text(render(document, "pdf"), tmp_path)
    AccountMapping.objects.create(
        association=booked, account="8310", section="financial", label="Ränteintäkter"
    )
    ActualAmount.objects.create(
        association=booked, year=2020, month=2, account="8310", amount=-500 * KR
    )
    with_interest = interim.build(booked, 2020, T1)
    assert _first_cells(with_interest).count("Finansiella poster, netto") == 2
