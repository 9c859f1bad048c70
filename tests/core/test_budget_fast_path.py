"""The budget file's fast paths give what the general ones give: a row read at once
(`_plain_row`) is the row read cell by cell, a whole file checked a column at a time
(`budget_columns`) is the file read and checked row by row, and a file that
`may_hold_identity` lets through has no personnummer in any cell."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samordna.core import budget_file
from samordna.core.budget_check import check_budget
from samordna.core.budget_columns import check_budget_cells, check_budget_lines
from samordna.core.findings import InputError
from samordna.core.money import format_amount
from samordna.core.personnummer import find_identities, may_hold_identity
from samordna.core.table import Row, Table, table_of
from tests.core.test_personnummer import identity_numbers

HEADERS = [
    ("avsnitt", "rad", "2025", "2026", "2027"),
    ("rad", "2025 (tkr)", "2026 (tkr)", "avsnitt"),
    ("avsnitt", "rad", "2025", "", "2026"),
]
SECTIONS = ["Intäkter", " kansli ", "Summa", "Resultat", "Summa kostnader", "Okänt", "", "x|y"]
ODD = ["", " ", "\t", "+5", "-0", "5_000", "1|2", "3,5", "7 kr", "٣٤", "−5", "1e3", "0x1f"]

plain_amounts = st.integers(min_value=-(10**13), max_value=10**13).map(
    lambda kr: format_amount(kr * 100, "kr").removesuffix(" kr").replace("\u2212", "-")
)
cells = st.one_of(
    plain_amounts,
    st.sampled_from(ODD),
    st.integers(min_value=-(10**16), max_value=10**16).map(str),
    st.text(alphabet="0123456789 -+_|,.\t", max_size=12),
)


@settings(max_examples=4 * settings.default.max_examples)
@given(
    header=st.sampled_from(HEADERS),
    section=st.sampled_from(SECTIONS),
    label=st.sampled_from(["Lokaler", " ", ""]),
    values=st.lists(cells, min_size=0, max_size=6),
)
def test_a_row_read_at_once_is_the_row_read_cell_by_cell(header, section, label, values) -> None:
    layout = budget_file._layout(Table(header, ()), None)
    given_values = iter(values)
    written = [
        section if title == "avsnitt" else label if title == "rad" else next(given_values, "")
        for title in header
    ]
    written += list(given_values)  # beyond the header: cells in no column
    while written and not written[-1]:
        written.pop()  # as the file reader leaves a row
    row = Row(7, tuple(written))
    plain = budget_file._plain_row(row, layout)
    if plain is not None:
        assert budget_file._row_cell_by_cell(row, layout) == (plain, [])


@given(amounts=st.lists(plain_amounts, min_size=3, max_size=3))
def test_a_row_of_plain_amounts_is_read_at_once(amounts) -> None:
    layout = budget_file._layout(Table(HEADERS[0], ()), None)
    row = Row(2, ("Kansli", "Lokaler", *amounts))
    plain = budget_file._plain_row(row, layout)
    assert plain is not None
    assert budget_file._row_cell_by_cell(row, layout) == (plain, [])


words = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)


@given(before=words, number=identity_numbers(), after=words)
def test_text_with_an_identity_is_never_let_through(before, number, after) -> None:
    text = f"{before}{number}{after}"
    assert may_hold_identity(text.encode("utf-8"))


@given(text=st.text(alphabet="0123456789 -+\t;,\u00a0\u2013\u2212٣x", max_size=40))
def test_a_text_let_through_has_no_identity(text) -> None:
    if not may_hold_identity(text.encode("utf-8")):
        assert not find_identities(text)


# --- Whole files: the check read a column at a time is the check read row by row -------------

FILE_HEADERS = [
    ("avsnitt", "rad", "2025", "2026", "2027"),
    ("rad", "2025 (tkr)", "2026 (tkr)", "avsnitt"),
    ("avsnitt", "rad", "2025", "", "2026"),
    ("avsnitt", "rad", "2025", "2026", "not", "not 2026"),
    ("section", "line", "2025"),
]
PLAIN_SECTIONS = [
    *["Intäkter", "Medlemsbidrag", "Eget kapital", "Individinriktade insatser"],
    *["Strukturinriktade insatser", "Kansli", "Finansiella poster", " summa ", "Summa"],
    *["Summa intäkter", "Summa kostnader", "Resultat"],
]
ODD_SECTIONS = ["", "Okänt", "Finansiella kostnader"]
plain_cells = st.one_of(
    st.sampled_from(["", "", "0", "100", "1 000", "-50", " 7 ", "007"]),
    st.integers(min_value=-3, max_value=3).map(lambda n: format_amount(n * 100_000, "kr")[:-3]),
)
odd_cells = st.one_of(
    st.sampled_from(["−5", "5_000", "3,5", "1e3", "+5", "1\t000", "[1]", "true"]),
    st.integers(min_value=-(10**14), max_value=10**14).map(str),
    st.text(alphabet="0123456789 -+_|,.\t", max_size=6),
)
rare = st.integers(min_value=0, max_value=30)  # 0: something odd in this row
file_rows = st.lists(
    st.tuples(
        rare.flatmap(lambda n: st.sampled_from(ODD_SECTIONS if n == 0 else PLAIN_SECTIONS)),
        st.sampled_from(["Lokaler", "Medlemsbidrag", " ", ""]),
        rare.flatmap(lambda n: st.lists(odd_cells if n == 0 else plain_cells, max_size=3)),
        rare.map(lambda n: n == 0),  # cells beyond the header
    ),
    max_size=14,
)


def _file_row(
    header: tuple[str, ...], section: str, label: str, values: list[str], stray: bool
) -> list[str]:
    given = iter(values)
    cells = [
        section
        if title in ("avsnitt", "section")
        else label
        if title in ("rad", "line")
        else next(given, "")
        for title in header
    ]
    cells += list(given) if stray else []  # beyond the header: cells in no column
    while cells and not cells[-1]:
        cells.pop()  # as the file reader leaves a row
    return cells


def _outcome(read) -> object:
    try:
        return read()
    except InputError as error:
        return str(error)


@settings(max_examples=4 * settings.default.max_examples)
@given(
    header=st.sampled_from(FILE_HEADERS),
    unit=st.sampled_from([None, "kr", "tkr"]),
    written=file_rows,
    sums_right=st.booleans(),
)
def test_a_file_checked_by_column_is_the_file_checked_row_by_row(
    header, unit, written, sums_right
) -> None:
    rows = [_file_row(header, *row) for row in written]
    if sums_right:  # Summa rows that match, so that agreeing sums are compared too
        rows = _with_right_sums(header, rows)

    def by_rows() -> object:
        budget = budget_file.budget_from_table(table_of(header, rows), unit)
        return budget.years, budget.unit, budget.first_month, check_budget(budget)

    def by_columns() -> object:
        checked = check_budget_cells(header, [list(cells) for cells in rows], unit)
        return checked.years, checked.unit, checked.first_month, checked.check

    assert _outcome(by_columns) == _outcome(by_rows)


def _with_right_sums(header: tuple[str, ...], rows: list[list[str]]) -> list[list[str]]:
    """A Summa row after every three rows, stating what the rows above it give where it can."""
    years = [i for i, title in enumerate(header) if title[:1].isdigit()]
    out: list[list[str]] = []
    for start in range(0, len(rows), 3):
        block = rows[start : start + 3]
        out += block
        sums = [_sum_of(block, column) for column in years]
        cells = ["" for _ in header]
        cells[header.index("avsnitt") if "avsnitt" in header else 0] = "Summa"
        for column, amount in zip(years, sums, strict=True):
            cells[column] = amount
        out.append(cells)
    return out


def _sum_of(block: list[list[str]], column: int) -> str:
    try:
        total = sum(int(row[column].replace(" ", "")) for row in block if len(row) > column)
    except ValueError:
        return "1"
    return str(total)


# --- Plain CSV lines: the check of all amounts at once is the check read a column at a time ----


LINE_HEADERS = [
    ("avsnitt", "rad", "2025", "2026", "2027"),
    ("rad", "avsnitt", "2025 (tkr)", "2026 (tkr)"),
    ("section", "line", "2025"),
    ("avsnitt", "rad", "2025", "not"),
    ("rad", "2025", "avsnitt"),
]
full_cells = st.one_of(
    st.integers(min_value=-(10**6), max_value=10**6).map(str),
    st.integers(min_value=-(10**12), max_value=10**12).map(
        lambda n: format_amount(n * 100, "kr", suffix=False).replace("\u2212", "-")
    ),
)
line_rows = st.lists(
    st.tuples(
        rare.flatmap(lambda n: st.sampled_from(ODD_SECTIONS if n == 0 else PLAIN_SECTIONS)),
        st.sampled_from(["Lokaler", "Medlemsbidrag", " ", ""]),
        rare.flatmap(lambda n: st.lists(odd_cells if n == 0 else full_cells, min_size=3)),
        st.just(False),
    ),
    max_size=14,
)


def _line_of(cells: list[str], width: int) -> str:
    return ";".join([*cells, *[""] * width][:width])


@settings(max_examples=4 * settings.default.max_examples)
@given(
    header=st.sampled_from(LINE_HEADERS),
    unit=st.sampled_from([None, "kr", "tkr"]),
    written=line_rows,
    sums_right=st.booleans(),
)
def test_a_file_checked_at_once_is_the_file_checked_a_column_at_a_time(
    header, unit, written, sums_right
) -> None:
    rows = [_file_row(header, *row) for row in written]
    if sums_right:
        rows = _with_right_sums(header, rows)
    lines = [";".join(header), *(_line_of(cells, len(header)) for cells in rows)]
    at_once = _outcome(lambda: check_budget_lines(";", lines, unit))
    if at_once is not None:
        cells = [_popped(line.split(";")) for line in lines[1:]]
        assert at_once == _outcome(lambda: check_budget_cells(header, cells, unit))


def _popped(cells: list[str]) -> list[str]:
    while cells and not cells[-1]:
        cells.pop()  # as the file reader leaves a row
    return cells


@pytest.mark.parametrize("unit", [None, "tkr"])
def test_a_plain_file_is_checked_at_once_with_every_finding(unit) -> None:
    lines = [
        "avsnitt;rad;2025;2026",
        "Intäkter;Medlemsbidrag;1 000 000;1 100 000",
        "Kansli;Lokaler;200 000;210 000",
        "Individinriktade insatser;Steget vidare;700 000;900 000",
        "Summa kostnader;Summa kostnader;900 000;1 100 000",
        "Resultat;Årets resultat;100 000;-5 000",
    ]
    at_once = check_budget_lines(";", lines, unit)
    assert at_once is not None
    assert {(f.row, f.year) for f in at_once.check.findings if f.severity == "error"} == {
        (5, 2026),
        (6, 2026),
    }
    header = tuple(lines[0].split(";"))
    assert at_once == check_budget_cells(header, [line.split(";") for line in lines[1:]], unit)


def test_a_header_it_cannot_read_is_the_same_error() -> None:
    lines = ["avsnitt;rad;2025;2025", "Kansli;Lokaler;1;2"]
    with pytest.raises(InputError) as at_once:
        check_budget_lines(";", lines)
    with pytest.raises(InputError) as by_cells:
        check_budget_cells(("avsnitt", "rad", "2025", "2025"), [["Kansli", "Lokaler", "1", "2"]])
    assert str(at_once.value) == str(by_cells.value)
