"""Properties of the budget file and the check, for any input Hypothesis can think of."""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st

from samordna.core.budget import (
    COST_SECTIONS,
    INCOME_SECTIONS,
    Budget,
    BudgetRow,
    RowKind,
    Section,
    line,
    stated,
    totals,
)
from samordna.core.budget_check import check_budget
from samordna.core.budget_file import budget_from_table
from samordna.core.findings import SEVERITIES, InputError
from samordna.core.money import format_amount
from samordna.core.table import Row, Table

YEARS = (2025, 2026, 2027)
SECTION_NAMES = [
    "Intäkter",
    "income",
    "Eget kapital",
    "Individinriktade insatser",
    "structural",
    "Kansli",
    "Summa",
    "Summa intäkter",
    "total costs",
    "Resultat",
    "Okänt avsnitt",
    "",
]
HEADERS = ["avsnitt", "rad", "section", "line", "2025", "2026 (tkr)", "2027 (kr)", "", "kommentar"]
kronor_in_ore = st.integers(min_value=-(10**9), max_value=10**9).map(lambda kr: kr * 100)


def cell_text() -> st.SearchStrategy[str]:
    written = kronor_in_ore.map(lambda ore: format_amount(ore, suffix=False))
    return st.one_of(st.just(""), written, st.sampled_from(SECTION_NAMES), st.text(max_size=10))


@st.composite
def tables(draw: st.DrawFn) -> Table:
    header = ["avsnitt", "rad", *draw(st.lists(st.sampled_from(HEADERS), max_size=4))]
    if draw(st.booleans()):
        header = draw(st.permutations(header))
    rows = draw(st.lists(st.lists(cell_text(), max_size=len(header) + 1), max_size=12))
    return Table(tuple(header), tuple(Row(n, tuple(c)) for n, c in enumerate(rows, start=2)))


@given(tables())
@settings(max_examples=3 * settings.default.max_examples)  # 300 in profile ci, 60 in fast
def test_any_file_gives_findings_or_an_input_error_never_a_crash(table):
    try:
        budget = budget_from_table(table)
    except InputError as error:
        assert str(error)
        return
    check = check_budget(budget)
    assert all(finding.severity in SEVERITIES for finding in check.findings)


amounts_per_year = st.dictionaries(st.sampled_from(YEARS), kronor_in_ore)
any_row = st.one_of(
    st.builds(line, st.sampled_from(list(Section)), st.text(max_size=5), amounts_per_year),
    st.builds(
        stated,
        st.sampled_from([k for k in RowKind if k is not RowKind.LINE]),
        st.text(max_size=5),
        amounts_per_year,
    ),
)


@given(st.lists(any_row, max_size=25))
def test_any_budget_is_checked_without_crashing_and_its_totals_hold_together(rows):
    budget = Budget(YEARS, tuple(rows))
    check = check_budget(budget)
    assert all(finding.severity in SEVERITIES and finding.message for finding in check.findings)
    for year_totals in check.totals.values():
        assert year_totals.balance - year_totals.result == year_totals.equity_drawn
        assert year_totals.costs == year_totals.of(COST_SECTIONS)


@dataclass
class Expected:
    """The totals a correct plan's author would have added up by hand."""

    sums: dict[int, dict[Section, int]] = field(
        default_factory=lambda: {year: dict.fromkeys(Section, 0) for year in YEARS}
    )

    def add(self, section: Section, year: int, amount: int) -> None:
        self.sums[year][section] += amount

    def of(self, year: int, sections: frozenset[Section]) -> int:
        return sum(self.sums[year][section] for section in sections)


@st.composite
def correct_budgets(draw: st.DrawFn) -> Budget:
    """Blocks of lines, each closed by a right Summa, with right totals and results."""
    expected, rows = Expected(), []
    for _ in range(draw(st.integers(min_value=0, max_value=5))):
        block = draw(
            st.lists(
                st.tuples(st.sampled_from(list(Section)), amounts_per_year), min_size=1, max_size=6
            )
        )
        rows += [line(section, "rad", amounts) for section, amounts in block]
        rows.append(draw(_closing_sum(block, expected)))
        rows += draw(_stated_totals(expected))
    return Budget(YEARS, tuple(rows))


@st.composite
def _closing_sum(draw: st.DrawFn, block: list, expected: Expected) -> BudgetRow:
    sections = {section for section, _ in block}
    amounts = {}
    for year in YEARS:
        present = [(s, a[year]) for s, a in block if year in a]
        for section, amount in present:
            expected.add(section, year, amount)
        if present:
            amounts[year] = sum(amount for _, amount in present)
        elif len(sections) == 1 and draw(st.booleans()):
            amounts[year] = lump = draw(kronor_in_ore)
            expected.add(next(iter(sections)), year, lump)
    return stated(RowKind.SUM, "Summa", amounts)


@st.composite
def _stated_totals(draw: st.DrawFn, expected: Expected) -> list[BudgetRow]:
    rows = []
    if draw(st.booleans()):
        rows.append(
            stated(
                RowKind.INCOME_SUM,
                "Summa intäkter",
                {y: expected.of(y, INCOME_SECTIONS) for y in YEARS},
            )
        )
    if draw(st.booleans()):
        rows.append(
            stated(
                RowKind.COST_SUM,
                "Summa kostnader",
                {y: expected.of(y, COST_SECTIONS) for y in YEARS},
            )
        )
    if draw(st.booleans()):
        with_equity = draw(st.booleans())
        income = INCOME_SECTIONS if with_equity else frozenset({Section.INCOME})
        financial = frozenset({Section.FINANCIAL})
        results = {
            y: expected.of(y, income) - expected.of(y, COST_SECTIONS) + expected.of(y, financial)
            for y in YEARS
        }
        rows.append(stated(RowKind.RESULT, "Resultat", results))
    return rows


@given(correct_budgets())
def test_a_budget_with_right_sums_and_results_has_no_error(budget):
    check = check_budget(budget)
    assert [f.message for f in check.findings if f.is_error] == []


@given(correct_budgets())
def test_the_totals_are_what_the_lines_and_lumps_add_up_to(budget):
    expected = Expected()
    check = check_budget(budget)
    for row in budget.rows:
        for year, amount in row.amounts.items():
            if row.section is not None:
                expected.add(row.section, year, amount)
    lumps = [f for f in check.findings if f.code == "lump_sum"]
    for year in YEARS:
        counted = totals(budget)[year].of(frozenset(Section))
        lumped = sum(f.stated or 0 for f in lumps if f.year == year)
        assert counted == expected.of(year, frozenset(Section)) + lumped


@given(st.lists(st.tuples(st.sampled_from(list(Section)), amounts_per_year), max_size=10))
def test_a_budget_written_as_a_file_reads_back_the_same(lines):
    header = ("avsnitt", "rad", *map(str, YEARS))
    rows = tuple(
        Row(n, (section.value, "rad", *(format_amount(a[y]) if y in a else "" for y in YEARS)))
        for n, (section, a) in enumerate(lines, start=2)
    )
    if not rows:
        return
    budget = budget_from_table(Table(header, rows))
    assert [(row.section, dict(row.amounts)) for row in budget.rows] == [
        (section, amounts) for section, amounts in lines
    ]
