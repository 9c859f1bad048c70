"""The budget as it is printed: computed figures in place of wrong stated ones, and the bottom
line for every budget, however it was made."""

from __future__ import annotations

from pathlib import Path

from samordna.core.budget import Budget, RowKind, Section, line, stated, totals
from samordna.core.budget_check import check_budget
from samordna.core.budget_file import budget_from_table
from samordna.core.budget_print import (
    BALANCE_LABEL,
    RESULT_LABEL,
    display_rows,
    error_summary,
    has_financial,
)
from samordna.tables import read_table

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "budget"
KR = 100
TKR = 1000 * KR


def _by_label(budget: Budget) -> dict[str, list[int | None]]:
    return {row.label: row.amounts for row in display_rows(budget)}


def test_a_budget_typed_in_the_pages_ends_with_its_full_bottom_line():
    budget = Budget(
        (2026, 2027),
        (
            line(Section.INCOME, "Medlemsbidrag", {2026: 4_000_000 * KR, 2027: 4_000_000 * KR}),
            line(Section.EQUITY, "Eget kapital från 2025", {2026: 500_000 * KR}),
            line(Section.INDIVIDUAL, "Jobbspåret", {2026: 3_000_000 * KR, 2027: 2_800_000 * KR}),
            line(Section.ADMINISTRATION, "Kansli", {2026: 1_200_000 * KR, 2027: 1_200_000 * KR}),
        ),
    )
    rows = display_rows(budget)
    figures = _by_label(budget)
    assert figures["Summa intäkter"] == [4_000_000 * KR, 4_000_000 * KR]
    assert figures["Ianspråktaget eget kapital"] == [500_000 * KR, 0]
    assert figures["Summa kostnader"] == [4_200_000 * KR, 4_000_000 * KR]
    assert figures[RESULT_LABEL] == [-200_000 * KR, 0]
    assert figures[BALANCE_LABEL] == [300_000 * KR, 0]
    assert [row.label for row in rows[-2:]] == [RESULT_LABEL, BALANCE_LABEL]
    assert figures["Summa administration"] == [1_200_000 * KR, 1_200_000 * KR]


def test_a_wrong_stated_sum_prints_the_computed_figure_and_carries_the_finding():
    budget = budget_from_table(read_table(FIXTURES / "forecast-004-sodra-roslagen-2015.csv"))
    rows = {row.label: row for row in display_rows(budget)}
    wrong = rows["Summa kostnader totalt"]
    assert wrong.amounts == [2_054 * TKR]
    assert wrong.findings == ["2015: angivet 2 034 000 kr, beräknat 2 054 000 kr"]
    assert rows["Summa administration"].findings == []
    # The plan states its own total costs: the bottom line does not print them twice.
    assert [row.label for row in display_rows(budget)].count("Summa kostnader") == 0


def test_the_preview_names_each_error_by_its_row_label():
    budget = budget_from_table(read_table(FIXTURES / "forecast-004-sodra-roslagen-2015.csv"))
    lines = error_summary(budget, check_budget(budget))
    assert lines[0].startswith("Summa kostnader totalt (rad 18), 2015: Summan stämmer inte")
    assert "angivet 2 034 000 kr, beräknat 2 054 000 kr" in lines[0]


def test_a_stated_result_prints_the_convention_it_matched():
    budget = Budget(
        (2020,),
        (
            line(Section.INCOME, "Medlemsbidrag", {2020: 7_156_000 * KR}),
            line(Section.EQUITY, "Eget kapital", {2020: 269_000 * KR}),
            line(Section.INDIVIDUAL, "ALL-IN", {2020: 7_425_000 * KR}),
            stated(RowKind.RESULT, "Resultat", {2020: -269_000 * KR}),
        ),
    )
    figures = _by_label(budget)
    assert figures["Resultat"] == [-269_000 * KR]
    assert figures[RESULT_LABEL] == [-269_000 * KR]
    assert figures[BALANCE_LABEL] == [0]


def test_a_result_matching_no_convention_prints_the_nearer_computed_one_with_the_finding():
    budget = Budget(
        (2020,),
        (
            line(Section.INCOME, "Medlemsbidrag", {2020: 1_000 * TKR}),
            line(Section.ADMINISTRATION, "Kansli", {2020: 900 * TKR}),
            stated(RowKind.RESULT, "Resultat", {2020: 150 * TKR}),
        ),
    )
    result = next(row for row in display_rows(budget) if row.label == "Resultat")
    assert result.amounts == [100 * TKR]
    assert result.findings == ["2020: angivet 150 000 kr, beräknat 100 000 kr"]


def test_a_lump_plan_year_keeps_its_stated_figure_and_counts_in_the_bottom_line():
    budget = budget_from_table(read_table(FIXTURES / "plan-year-lump.csv"))
    check = check_budget(budget)
    rows = display_rows(budget)
    costs = next(row for row in rows if row.kind == "cost_sum")
    years = budget.years
    assert all(
        amount == check.totals[year].costs
        for amount, year in zip(costs.amounts, years, strict=True)
        if amount is not None
    )
    assert rows[-1].amounts == [check.totals[year].balance for year in years]


def test_an_empty_budget_has_no_bottom_line_to_print():
    assert display_rows(Budget((2026,), ())) == []


def _labels(budget: Budget) -> list[str]:
    return [row.label for row in display_rows(budget)]


def test_a_line_named_as_its_section_is_printed_once_without_a_heading_of_the_same_words():
    budget = Budget(
        (2026,),
        (
            line(Section.INCOME, "Medlemsbidrag", {2026: 4_000_000 * KR}),
            line(Section.EQUITY, "Ianspråktaget eget kapital", {2026: 269_000 * KR}),
            line(Section.ADMINISTRATION, "Kansli", {2026: 4_269_000 * KR}),
        ),
    )
    labels = _labels(budget)
    body = labels[: labels.index("Summering")]
    assert body.count("Ianspråktaget eget kapital") == 1
    assert body[body.index("Ianspråktaget eget kapital") - 1] == "Medlemsbidrag"
    assert "Intäkter" in body and "Administration" in body  # other headings stay


def test_a_typed_budget_prints_each_income_and_equity_total_once_in_the_bottom_line():
    budget = Budget(
        (2008, 2009),
        (
            line(Section.INCOME, "Parternas bidrag", {2008: 3_750 * TKR, 2009: 3_750 * TKR}),
            line(Section.EQUITY, "Överskott 2007", {2008: 850 * TKR, 2009: 850 * TKR}),
            line(Section.INDIVIDUAL, "Coacher", {2008: 1_650 * TKR, 2009: 1_500 * TKR}),
            line(Section.INDIVIDUAL, "Träningsverkstaden", {2008: 2_950 * TKR, 2009: 3_100 * TKR}),
        ),
    )
    rows = display_rows(budget)
    amounts = [row.amounts for row in rows if row.kind != "heading"]
    assert amounts.count([850 * TKR, 850 * TKR]) == 2  # the line and Summering, no third
    assert [row.label for row in rows].count("Summa intäkter") == 1
    assert "Summa ianspråktaget eget kapital" not in [row.label for row in rows]
    assert _by_label(budget)["Summa individinriktade insatser"] == [4_600 * TKR, 4_600 * TKR]


def test_the_financial_row_is_printed_only_where_a_year_has_financial_items():
    plain = Budget((2026,), (line(Section.INCOME, "Medlemsbidrag", {2026: 1_000 * KR}),))
    assert not any("Finansiella" in label or "±" in label for label in _labels(plain))
    assert not has_financial(totals(plain).values())
    with_interest = Budget(
        (2026, 2027),
        (
            line(Section.INCOME, "Medlemsbidrag", {2026: 1_000 * KR, 2027: 1_000 * KR}),
            line(Section.FINANCIAL, "Ränteintäkter", {2027: 50 * KR}),
        ),
    )
    assert _by_label(with_interest)["Finansiella poster, netto"] == [0, 50 * KR]
