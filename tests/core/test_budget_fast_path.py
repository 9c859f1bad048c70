"""The budget file's fast paths give what the general ones give: a row read at once
(`_plain_row`) is the row read cell by cell, and a file that `may_hold_identity` lets through
has no personnummer in any cell."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from samordna.core import budget_file
from samordna.core.money import format_amount
from samordna.core.personnummer import find_identities, may_hold_identity
from samordna.core.table import Row, Table
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
