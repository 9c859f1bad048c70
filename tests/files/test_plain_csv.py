"""A plain CSV file's lines (`plain_csv_lines`, read by the budget check at once) split at the
delimiter are the header and rows `cells_from_bytes` reads with Python's CSV reader."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samordna.tables import TableError, cells_from_bytes, plain_csv_lines

CELL_CHARS = "ab Åö19-, ;\t\u00a0\u2028\x00\ufeff"
ODD_CHARS = ['"', "\r", "\n", "\r\n", ";", ",", "", "\ufeff", "\x85"]


def _popped(cells: list[str]) -> list[str]:
    while cells and not cells[-1]:
        cells.pop()  # as the file reader leaves a row
    return cells


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    """A grid of cells written as CSV (LF or CR LF, BOM or not), sometimes with one odd
    character put in anywhere: a quotation mark, a line break, a delimiter."""
    width = draw(st.integers(min_value=1, max_value=5))
    cell = st.text(alphabet=CELL_CHARS, max_size=6)
    grid = draw(st.lists(st.lists(cell, min_size=width, max_size=width), min_size=1, max_size=6))
    delimiter = draw(st.sampled_from(";,"))
    text = draw(st.sampled_from(["\n", "\r\n"])).join(delimiter.join(row) for row in grid)
    text = draw(st.sampled_from(["", "\ufeff"])) + text + draw(st.sampled_from(["", "\n", "\r\n"]))
    if draw(st.booleans()):
        at = draw(st.integers(min_value=0, max_value=len(text)))
        text = text[:at] + draw(st.sampled_from(ODD_CHARS)) + text[at:]
    return text.encode("utf-8")


def _read(data: bytes) -> object:
    try:
        return cells_from_bytes(data, "budget.csv")
    except TableError as error:
        return str(error)


@settings(max_examples=8 * settings.default.max_examples)
@given(data=csv_files())
def test_the_lines_of_a_plain_file_are_the_rows_the_csv_reader_reads(data) -> None:
    plain = plain_csv_lines(data, "budget.csv")
    if plain is not None:
        delimiter, lines = plain
        header = _popped(lines[0].split(delimiter))
        rows = [_popped(line.split(delimiter)) for line in lines[1:]]
        assert _read(data) == (tuple(c.replace("\ufeff", "").strip() for c in header), rows)


@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_a_budget_file_as_spreadsheets_save_it_is_plain(end) -> None:
    text = end.join(["avsnitt;rad;2025;2026", "Intäkter;Medlemsbidrag;1 000;2 000", ""])
    assert plain_csv_lines(("\ufeff" + text).encode(), "budget.csv") == (
        ";",
        ["avsnitt;rad;2025;2026", "Intäkter;Medlemsbidrag;1 000;2 000"],
    )


@pytest.mark.parametrize(
    "text",
    [
        'avsnitt,rad,2025\nKansli,Lokaler,"1 000,50"\n',  # a quoted cell
        "avsnitt;rad;2025\nKansli;Lokaler;1 000;\n",  # a line with one cell more
        "avsnitt;rad;2025\n\nKansli;Lokaler;1 000\n",  # an empty line
        "avsnitt;rad;2025\rKansli;Lokaler;1 000\n",  # a line ending in CR alone
        "avsnitt;rad;2025\nKansli;Lokaler 19121212-1212;1 000\n",  # a personnummer
        ";;\nKansli;Lokaler;1 000\n",  # no header
    ],
)
def test_any_other_file_is_left_to_the_csv_reader(text) -> None:
    assert plain_csv_lines(text.encode(), "budget.csv") is None


def test_a_personnummer_in_the_name_is_refused_first() -> None:
    with pytest.raises(TableError, match="Filnamnet"):
        plain_csv_lines(b"avsnitt;rad;2025\n", "budget 19121212-1212.csv")
