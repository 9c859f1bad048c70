"""The budget check, told as the reference plans: what a förbund economist expects it to find."""

from __future__ import annotations

from pathlib import Path

import pytest

from samordna.core.budget import (
    Budget,
    RowKind,
    Section,
    YearTotals,
    line,
    stated,
    totals,
)
from samordna.core.budget_check import BudgetCheck, check_budget
from samordna.core.budget_file import budget_from_table
from samordna.core.table import Row, Table
from samordna.tables import read_table

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "budget"
KR = 100  # öre per krona
TKR = 1000 * KR


def check_file(name: str) -> BudgetCheck:
    return check_budget(budget_from_table(read_table(FIXTURES / name)))


def check_text(text: str) -> BudgetCheck:
    """Check a budget written as the lines of a `;` file (header = row 1)."""
    lines = [line.split(";") for line in text.strip().splitlines()]
    rows = tuple(Row(number, tuple(cells)) for number, cells in enumerate(lines[1:], start=2))
    return check_budget(budget_from_table(Table(tuple(lines[0]), rows)))


def found(check: BudgetCheck, *severities: str) -> list[tuple[str, int | None, int | None]]:
    return [(f.code, f.row, f.year) for f in check.findings if f.severity in severities]


# --- The reference plans ---------------------------------------------------------------


def test_vanersborg_2008_states_the_budget_balance_with_the_surplus_drawn():
    check = check_file("budget-000-vanersborg-2008.csv")
    assert found(check, "error", "warning") == []
    for year in (2008, 2009, 2010):
        assert check.totals[year].balance == 0
        assert check.totals[year].result == -850 * TKR
    assert found(check, "info") == [
        ("result_budget_balance", 18, 2008),
        ("result_budget_balance", 18, 2009),
        ("result_budget_balance", 18, 2010),
    ]
    assert "Årets resultat är -850 000 kr" in check.findings[0].message


def test_vanersborg_funds_before_decision_are_6_31_mkr_not_6_19():
    check = check_file("funds-000-vanersborg-2008.csv")
    [error] = check.of("error")
    assert (error.row, error.year, error.stated, error.computed) == (
        5,
        2008,
        6_190_000 * KR,
        6_310_000 * KR,
    )
    assert error.message == "Summan stämmer inte: angivet 6 190 000 kr, beräknat 6 310 000 kr."
    assert found(check, "warning") == []


def test_trollhattan_2020_states_arets_resultat_with_equity_listed_among_income():
    check = check_file("budget-002-trollhattan-2020.csv")
    assert found(check, "error", "warning") == []
    results = {f.year: f for f in check.of("info")}
    assert {year: f.stated for year, f in results.items()} == {
        2020: -269_000 * KR,
        2021: -794_000 * KR,
        2022: -374_000 * KR,
    }
    assert results[2020].code == "result_annual_result"
    assert "årets resultat" in results[2021].message
    assert check.totals[2020].equity_drawn == 269_000 * KR
    assert check.totals[2020].balance == 0


def test_sodra_roslagen_2016_balances_with_1_589_tkr_equity_drawn():
    check = check_file("budget-004-sodra-roslagen-2016.csv")
    assert found(check, "error", "warning") == []
    assert check.totals[2016].equity_drawn == 1_589 * TKR
    assert found(check, "info")[0] == ("result_budget_balance", 22, 2016)
    assert check.totals[2016].costs == 3_717 * TKR


def test_sodra_roslagen_forecast_2015_has_two_errors():
    check = check_file("forecast-004-sodra-roslagen-2015.csv")
    costs, result = check.of("error")
    assert (costs.row, costs.stated, costs.computed) == (18, 2_034_000 * KR, 2_054_000 * KR)
    assert (result.row, result.stated, result.code) == (19, 1_589_000 * KR, "result_mismatch")
    assert "budgetbalans 1 590 000 kr" in result.message
    assert "årets resultat 386 000 kr" in result.message
    assert result.computed == 1_590_000 * KR  # the nearer of the two conventions
    assert check.findings == (costs, result)


# --- Sums and lumps ------------------------------------------------------------------------


def test_a_plan_year_given_as_a_lump_is_information_and_counts_in_its_section():
    check = check_file("plan-year-lump.csv")
    assert found(check, "error", "warning") == []
    assert found(check, "info")[:2] == [("lump_sum", 6, 2026), ("lump_sum", 6, 2027)]
    assert "räknas som Individinriktade insatser" in check.findings[0].message
    assert check.totals[2026].individual == 2_600_000 * KR
    assert check.totals[2026].costs == 4_000_000 * KR


def test_a_lump_over_lines_of_several_sections_is_a_warning_and_not_counted():
    check = check_text(
        """
        avsnitt;rad;2025
        Individinriktade insatser;A;
        Kansli;Hyra;
        Summa;Alla kostnader;500
        """
    )
    assert found(check, "error", "warning") == [("lump_sum_mixed_sections", 4, 2025)]
    assert check.totals[2025].costs == 0


def test_a_sum_with_nothing_to_sum_is_a_warning():
    check = check_text("avsnitt;rad;2025\nIntäkter;Bidrag;100\nSumma;A;100\nSumma;B;100")
    assert found(check, "error", "warning") == [("sum_without_lines", 4, 2025)]


def test_summa_intakter_and_summa_kostnader_do_not_reset_the_next_summa():
    check = check_text(
        """
        avsnitt;rad;2025
        Intäkter;Bidrag;1 000
        Summa intäkter;Intäkter;1 000
        Kansli;Hyra;600
        Summa kostnader;Kostnader hittills;600
        Kansli;Revision;400
        Summa;Allt sedan toppen;2 000
        """
    )
    assert found(check, "error", "warning") == []


def test_summa_kostnader_counts_a_lump_stated_above_it():
    check = check_text(
        """
        avsnitt;rad;2025;2026
        Individinriktade insatser;Insats;700;
        Summa;Insatser;700;900
        Kansli;Hyra;300;300
        Summa kostnader;Kostnader;1 000;1 200
        """
    )
    assert found(check, "error", "warning") == []


def test_summa_kostnader_alone_over_empty_cost_lines_is_a_lump():
    check = check_text(
        """
        avsnitt;rad;2025;2026
        Kansli;Förbundschef;900;
        Kansli;Hyra;100;
        Summa kostnader;Kostnader;1 000;1 100
        """
    )
    assert found(check, "info") == [("lump_sum", 4, 2026)]
    assert check.totals[2026].administration == 1_100 * KR


def test_a_wrong_summa_intakter_is_an_error_with_both_figures():
    check = check_text(
        "avsnitt;rad;2025\nIntäkter;Bidrag;1 000\nEget kapital;Ö;200\nSumma intäkter;S;1 000"
    )
    [error] = check.of("error")
    assert (error.code, error.stated, error.computed) == (
        "income_sum_mismatch",
        1_000 * KR,
        1_200 * KR,
    )


def test_an_empty_stated_cell_checks_nothing_that_year():
    check = check_text("avsnitt;rad;2025;2026\nKansli;Hyra;100;100\nSumma;S;100;\nResultat;R;;")
    assert check.findings == ()


# --- Results ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stated_result", "code", "severity"),
    [
        ("-200", "result_annual_result", "info"),
        ("100", "result_budget_balance", "info"),
        ("0", "result_mismatch", "error"),
    ],
)
def test_a_result_is_right_in_either_convention_and_says_which(stated_result, code, severity):
    check = check_text(
        f"""
        avsnitt;rad;2025
        Intäkter;Bidrag;1 000
        Eget kapital;Överskott;300
        Kansli;Allt;1 200
        Resultat;Resultat;{stated_result}
        """
    )
    [finding] = check.findings
    assert (finding.code, finding.severity) == (code, severity)


# --- Budgets typed on a page ---------------------------------------------------------------


def typed_budget() -> Budget:
    """A budget as the web page builds it: sections, labels, amounts per year in öre."""
    return Budget(
        years=(2025, 2026),
        rows=(
            line(Section.INCOME, "Medlemsbidrag", {2025: 4_000_000 * KR, 2026: 4_000_000 * KR}),
            line(Section.EQUITY, "Eget kapital", {2025: 500_000 * KR}),
            stated(RowKind.SUM, "Finansiering", {2025: 4_500_000 * KR, 2026: 4_000_000 * KR}),
            line(Section.INDIVIDUAL, "Insats", {2025: 3_000_000 * KR}),
            stated(RowKind.SUM, "Insatser", {2025: 3_000_000 * KR, 2026: 2_800_000 * KR}),
            line(Section.STRUCTURAL, "Nätverk", {2025: 300_000 * KR, 2026: 300_000 * KR}),
            line(Section.ADMINISTRATION, "Kansli", {2025: 1_200_000 * KR, 2026: 900_000 * KR}),
            stated(RowKind.RESULT, "Resultat", {2025: 0, 2026: 0}),
        ),
    )


def test_a_budget_typed_on_a_page_is_checked_the_same_way():
    check = check_budget(typed_budget())
    assert [(f.code, f.year) for f in check.findings] == [
        ("lump_sum", 2026),
        ("result_budget_balance", 2025),
        ("result_both_conventions", 2026),
    ]
    assert all(f.row is None for f in check.findings)


def test_totals_per_year_count_lines_and_lumps():
    assert totals(typed_budget()) == {
        2025: YearTotals(
            4_000_000 * KR, 500_000 * KR, 3_000_000 * KR, 300_000 * KR, 1_200_000 * KR
        ),
        2026: YearTotals(
            4_000_000 * KR,
            0,
            2_800_000 * KR,
            300_000 * KR,
            900_000 * KR,
            lumped=frozenset({Section.INDIVIDUAL}),
        ),
    }


def test_a_line_needs_a_section():
    with pytest.raises(ValueError):
        stated(RowKind.LINE, "Utan avsnitt", {})
