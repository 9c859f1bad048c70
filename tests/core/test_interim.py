"""The delårsrapport's arithmetic, worked by hand as a förbund ekonom would check it.

The budget 2024 of a small förbund, and its books for January to May:

| budgetrad     | avsnitt | budget 2024 | jan     | feb     | mar     | apr     | maj     |
|---------------|---------|-------------|---------|---------|---------|---------|---------|
| Medlemsbidrag | intäkt  | 2 400 000   | 600 000 |         |         | 600 000 | 600 000 |
| Insats A      | individ | 1 200 000   |  90 000 | 100 000 | 110 000 | 100 000 |  90 000 |
| Kansli        | admin.  |   600 000   |  50 000 |  50 000 |  50 000 |  50 000 |  50 000 |
| Metodstöd     | struktur|   100 000   |         |         |         |         |         |
| Konsulter     | admin.  |  (no line)  |         |         |  10 000 |         |         |

Tertial 1 (January–April, 4 of 12 months), the chef typed 650 000 kr for Kansli:

| budgetrad     | budget t.o.m. april | utfall t.o.m. april | prognos 2024 | grund     |
|---------------|---------------------|---------------------|--------------|-----------|
| Medlemsbidrag |   800 000           | 1 200 000           | 3 600 000    | linjär ×3 |
| Insats A      |   400 000           |   400 000           | 1 200 000    | linjär    |
| Kansli        |   200 000           |   200 000           |   650 000    | inskriven |
| Metodstöd     |    33 333 (33 333,33) |        0          |         0    | linjär    |
| Konsulter     |         0           |    10 000           |    30 000    | linjär    |

Årets resultat: budget 2 400 000 − 1 900 000 = 500 000; to date 800 000 − 633 333 = 166 667
against 1 200 000 − 610 000 = 590 000; forecast 3 600 000 − 1 880 000 = 1 720 000.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samordna.core.budget import Budget, Section, line
from samordna.core.interim import (
    BUDGET,
    LINEAR,
    TYPED,
    PeriodError,
    budget_to_date,
    interim_lines,
    linear_forecast,
    missing_months,
    parse_period,
    totals,
)

KR = 100
BUDGET_2024 = Budget(
    (2024,),
    (
        line(Section.INCOME, "Medlemsbidrag", {2024: 2_400_000 * KR}),
        line(Section.INDIVIDUAL, "Insats A", {2024: 1_200_000 * KR}),
        line(Section.STRUCTURAL, "Metodstöd", {2024: 100_000 * KR}),
        line(Section.ADMINISTRATION, "Kansli", {2024: 600_000 * KR}),
    ),
)
BOOKS = {
    ("income", "Medlemsbidrag"): {1: 600_000 * KR, 4: 600_000 * KR, 5: 600_000 * KR},
    ("individual", "Insats A"): {
        1: 90_000 * KR,
        2: 100_000 * KR,
        3: 110_000 * KR,
        4: 100_000 * KR,
        5: 90_000 * KR,
    },
    ("administration", "Kansli"): {m: 50_000 * KR for m in range(1, 6)},
    ("administration", "Konsulter"): {3: 10_000 * KR},
}
TYPED_KANSLI = {("administration", "Kansli"): 650_000 * KR}


def _tertial_1():
    lines = interim_lines(BUDGET_2024, 2024, BOOKS, 4, TYPED_KANSLI)
    return {line.label: line for line in lines}, lines


def test_the_budget_to_date_is_the_year_spread_evenly_in_whole_kronor():
    by_label, _ = _tertial_1()
    assert by_label["Medlemsbidrag"].budget_to_date == 800_000 * KR
    assert by_label["Insats A"].budget_to_date == 400_000 * KR
    assert by_label["Metodstöd"].budget_to_date == 33_333 * KR  # 33 333,33 kr rounded
    assert by_label["Konsulter"].budget_to_date == 0


def test_the_outcome_to_date_leaves_out_the_months_after_the_period():
    by_label, _ = _tertial_1()
    assert by_label["Medlemsbidrag"].outcome_to_date == 1_200_000 * KR  # May's 600 000 left out
    assert by_label["Insats A"].outcome_to_date == 400_000 * KR
    assert by_label["Insats A"].deviation_to_date == 0
    assert by_label["Medlemsbidrag"].deviation_to_date == 400_000 * KR


def test_the_forecast_is_the_chefs_where_typed_and_linear_elsewhere():
    by_label, _ = _tertial_1()
    assert (by_label["Kansli"].forecast, by_label["Kansli"].source) == (650_000 * KR, TYPED)
    assert (by_label["Medlemsbidrag"].forecast, by_label["Medlemsbidrag"].source) == (
        3_600_000 * KR,
        LINEAR,
    )
    assert by_label["Konsulter"].forecast == 30_000 * KR
    assert by_label["Metodstöd"].forecast == 0
    assert by_label["Kansli"].forecast_deviation == 50_000 * KR


def test_a_line_with_outcome_but_no_budget_is_kept_in_its_section():
    _, lines = _tertial_1()
    assert [(line.section, line.label) for line in lines] == [
        (Section.INCOME, "Medlemsbidrag"),
        (Section.INDIVIDUAL, "Insats A"),
        (Section.STRUCTURAL, "Metodstöd"),
        (Section.ADMINISTRATION, "Kansli"),
        (Section.ADMINISTRATION, "Konsulter"),
    ]


def test_the_results_of_each_column_as_worked_by_hand():
    _, lines = _tertial_1()
    assert totals(lines, "budget_year").result == 500_000 * KR
    assert totals(lines, "budget_to_date").result == 166_667 * KR
    assert totals(lines, "outcome_to_date").result == 590_000 * KR
    forecast = totals(lines, "forecast")
    assert (forecast.income, forecast.costs, forecast.result) == (
        3_600_000 * KR,
        1_880_000 * KR,
        1_720_000 * KR,
    )


def test_a_typed_forecast_finds_its_line_however_the_label_is_spaced():
    lines = interim_lines(BUDGET_2024, 2024, BOOKS, 4, {("administration", "kansli "): 1})
    assert next(line for line in lines if line.label == "Kansli").source == TYPED


def test_without_a_budget_every_line_comes_from_the_books():
    lines = interim_lines(None, 2024, BOOKS, 6)
    assert {line.label for line in lines} == {"Medlemsbidrag", "Insats A", "Kansli", "Konsulter"}
    assert all(line.budget_year == 0 and line.budget_to_date == 0 for line in lines)
    kansli = next(line for line in lines if line.label == "Kansli")
    assert kansli.forecast == 500_000 * KR  # 250 000 kr in five months of six, × 12/6


def test_a_part_year_budget_spreads_over_its_own_months():
    """A förbund formed in September budgets September–December: four months."""
    autumn = Budget((2024,), (line(Section.ADMINISTRATION, "Kansli", {2024: 400_000 * KR}),))
    books = {("administration", "Kansli"): {9: 90_000 * KR, 10: 110_000 * KR}}
    before = interim_lines(autumn, 2024, books, 8, first_month=9)[0]
    assert (before.budget_to_date, before.forecast, before.source) == (0, 400_000 * KR, BUDGET)
    october = interim_lines(autumn, 2024, books, 10, first_month=9)[0]
    assert october.budget_to_date == 200_000 * KR  # two months of four
    assert october.forecast == 400_000 * KR  # 200 000 kr in two months, × 4/2


def test_halves_round_away_from_zero_to_whole_kronor():
    assert budget_to_date(150 * KR, 1) == 13 * KR  # 12,50 kr
    assert linear_forecast(-125, 6) == -3 * KR  # −1,25 kr × 12/6 = −2,50 kr
    assert linear_forecast(1_000 * KR, 8) == 1_500 * KR


def test_the_months_without_books_are_named():
    assert missing_months({1, 2, 4}, 4) == [3]
    assert missing_months({1, 2, 3, 4, 5}, 4) == []
    assert missing_months(set(), 10, first_month=9) == [9, 10]


@pytest.mark.parametrize(
    ("text", "code", "through", "name"),
    [
        ("T1", "T1", 4, "tertial 1 (januari–april)"),
        ("t2", "T2", 8, "tertial 2 (januari–augusti)"),
        (" H1 ", "H1", 6, "första halvåret (januari–juni)"),
        ("1", "1", 1, "januari"),
        ("05", "5", 5, "januari–maj"),
        ("12", "12", 12, "januari–december"),
    ],
)
def test_the_periods_a_chef_can_ask_for(text, code, through, name):
    period = parse_period(text)
    assert (period.code, period.through, period.name) == (code, through, name)


@pytest.mark.parametrize("text", ["T3", "H2", "0", "13", "", "-1", "1,5", "april", "T"])
def test_a_period_that_does_not_exist_is_refused_in_swedish(text):
    with pytest.raises(PeriodError, match="är ingen period. Ange T1"):
        parse_period(text)


@given(st.text(max_size=8))
def test_any_text_is_a_period_from_january_or_a_swedish_refusal(text):
    try:
        period = parse_period(text)
    except PeriodError as error:
        assert "Ange T1" in str(error)
    else:
        assert 1 <= period.through <= 12
        assert parse_period(period.code) == period


@given(st.integers(-(10**12), 10**12), st.integers(1, 12))
def test_the_linear_forecast_is_the_pace_so_far_for_twelve_months(outcome, through):
    forecast = linear_forecast(outcome, through)
    assert forecast is not None and forecast % KR == 0
    assert abs(forecast * through - outcome * 12) <= 50 * through  # half a krona, × through


@given(st.integers(0, 10**12), st.integers(1, 11))
def test_the_budget_to_date_grows_month_by_month_to_the_whole_year(yearly, through):
    assert budget_to_date(yearly, through) <= budget_to_date(yearly, through + 1)
    assert abs(budget_to_date(yearly, 12) - yearly) <= 50


@given(
    st.dictionaries(
        st.sampled_from([("income", "Medlemsbidrag"), ("individual", "Insats A"), ("x", "y")]),
        st.dictionaries(st.integers(1, 12), st.integers(-(10**9), 10**9), max_size=12),
        max_size=3,
    ).map(lambda books: {k: v for k, v in books.items() if k[0] != "x"}),
    st.integers(1, 12),
)
def test_the_totals_add_up_the_lines(books, through):
    lines = interim_lines(BUDGET_2024, 2024, books, through)
    for column in ("budget_year", "budget_to_date", "outcome_to_date", "forecast"):
        found = totals(lines, column)
        assert found.income - found.costs == sum(
            getattr(x, column) * (1 if x.section is Section.INCOME else -1)
            for x in lines
            if x.section is not Section.EQUITY
        )
