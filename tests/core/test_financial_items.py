"""Financial income and costs (interest, bank charges): a section of their own, one signed amount
per line, counted in both results after the costs and never in the income or cost totals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samordna.core.budget import Budget, RowKind, Section, line, stated, totals
from samordna.core.budget_check import check_budget
from samordna.core.budget_file import budget_from_table
from samordna.core.budget_print import FINANCIAL_LABEL, display_rows
from samordna.core.findings import InputError
from samordna.core.table import Row, Table

YEARS = (2025, 2026)
ore = st.integers(min_value=-(10**8), max_value=10**8).map(lambda kr: kr * 100)
lines = st.lists(
    st.tuples(st.sampled_from(list(Section)), st.dictionaries(st.sampled_from(YEARS), ore)),
    max_size=12,
)


@given(lines)
def test_the_result_is_income_less_costs_plus_the_financial_items(drawn):
    budget = Budget(YEARS, tuple(line(section, "rad", amounts) for section, amounts in drawn))
    for year, found in totals(budget).items():
        by_section = {s: sum(a.get(year, 0) for t, a in drawn if t is s) for s in Section}
        financial = by_section[Section.FINANCIAL]
        assert found.financial == financial
        assert found.income == by_section[Section.INCOME]
        assert found.costs == sum(
            by_section[s] for s in (Section.INDIVIDUAL, Section.STRUCTURAL, Section.ADMINISTRATION)
        )
        assert found.result == found.income - found.costs + financial
        assert found.balance - found.result == found.equity_drawn


@given(ore)
def test_interest_raises_both_results_by_its_amount_and_nothing_else(interest):
    base = [line(Section.INCOME, "Medlemsbidrag", {2025: 100_000_00})]
    base.append(line(Section.ADMINISTRATION, "Kansli", {2025: 60_000_00}))
    before = totals(Budget((2025,), tuple(base)))[2025]
    after = totals(Budget((2025,), (*base, line(Section.FINANCIAL, "Ränta", {2025: interest}))))
    assert after[2025].result - before.result == interest
    assert after[2025].balance - before.balance == interest
    assert (after[2025].income, after[2025].costs) == (before.income, before.costs)


def _plan() -> Budget:
    return Budget(
        (2025,),
        (
            line(Section.INCOME, "Medlemsbidrag", {2025: 2_400_000_00}),
            line(Section.ADMINISTRATION, "Kansli", {2025: 2_390_000_00}),
            line(Section.FINANCIAL, "Ränteintäkter", {2025: 5_000_00}),
            line(Section.FINANCIAL, "Bankavgifter", {2025: -2_000_00}),
        ),
    )


def test_the_printed_budget_puts_the_financial_items_between_the_costs_and_the_result():
    rows = display_rows(_plan())
    labels = [row.label for row in rows]
    assert "Finansiella intäkter och kostnader" in labels
    bottom = labels[labels.index("Summering") :]
    assert bottom[bottom.index("Summa kostnader") + 1] == FINANCIAL_LABEL
    assert bottom[bottom.index(FINANCIAL_LABEL) + 1].startswith("Årets resultat")
    by_label = {row.label: row.amounts for row in rows}
    assert by_label[FINANCIAL_LABEL] == [3_000_00]
    result = next(row for row in rows if row.label.startswith("Årets resultat"))
    assert result.amounts == [13_000_00]  # 2 400 000 − 2 390 000 + 5 000 − 2 000
    assert "± finansiella poster" in result.label


def test_a_stated_result_that_counts_the_interest_is_right():
    plan = _plan()
    with_result = Budget(
        plan.years, (*plan.rows, stated(RowKind.RESULT, "Resultat", {2025: 13_000_00}))
    )
    assert not check_budget(with_result).has_errors
    wrong = Budget(plan.years, (*plan.rows, stated(RowKind.RESULT, "Resultat", {2025: 10_000_00})))
    assert check_budget(wrong).has_errors


def _table(*rows: tuple[str, ...]) -> Table:
    header = ("avsnitt", "rad", "2025")
    return Table(header, tuple(Row(n, cells) for n, cells in enumerate(rows, start=2)))


def test_the_budget_file_reads_financial_items_with_their_sign():
    budget = budget_from_table(
        _table(
            ("Intäkter", "Medlemsbidrag", "2 400 000"),
            ("Finansiella poster", "Ränteintäkter", "5 000"),
            ("Finansiella intäkter och kostnader", "Bankavgifter", "−2 000"),
        )
    )
    assert [row.section for row in budget.rows][1:] == [Section.FINANCIAL, Section.FINANCIAL]
    assert totals(budget)[2025].financial == 3_000_00


def test_the_budget_file_refuses_a_cost_only_financial_section_naming_row_and_column():
    with pytest.raises(InputError) as refused:
        budget_from_table(
            _table(("Intäkter", "Medlemsbidrag", "100"), ("Finansiella kostnader", "Bank", "2 000"))
        )
    message = str(refused.value)
    assert "rad 3" in message and "avsnitt" in message and "minustecken" in message
