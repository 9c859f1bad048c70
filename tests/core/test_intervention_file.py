"""The insats register file read into plain rows, every bad cell named by row and column."""

from __future__ import annotations

from datetime import date

import pytest

from samordna.core.findings import InputError
from samordna.core.intervention_file import Citation, match_member, parse_register
from samordna.core.table import Row, Table

HEADER = ("namn", "slag", "status", "medlemmar", "start", "slut", "beslut", "2026", "2027 (tkr)")


def _table(*rows: tuple[str, ...], header=HEADER) -> Table:
    return Table(header, tuple(Row(n, cells) for n, cells in enumerate(rows, start=2)))


def test_a_row_is_read_with_its_budget_in_the_unit_of_its_column():
    _, rows = parse_register(
        _table(
            (
                "Samverkansteam",
                "Individinriktad",
                "Pågående",
                "FK, Trollhättans Stad",
                "2025-01-01",
                "2027-12-31",
                "2024-11-20 §12",
                "400 000",
                "420",
            )
        )
    )
    (row,) = rows
    assert row.kind == "individual" and row.status == "pagaende"
    assert row.members == ["FK", "Trollhättans Stad"]
    assert row.decision == Citation(date(2024, 11, 20), "12")
    assert row.budget == {2026: 40_000_000, 2027: 42_000_000}


def test_every_bad_cell_is_named_at_once():
    with pytest.raises(InputError) as raised:
        parse_register(
            _table(
                ("A", "båda", "", "", "", "", "", "", ""),
                ("B", "struktur", "klar", "", "2026-13-01", "", "11 mars", "x", ""),
            )
        )
    text = str(raised.value)
    assert raised.value.row == 2 and raised.value.column == "slag"
    for expected in (
        "rad 3, kolumn status",
        "rad 3, kolumn start",
        "rad 3, kolumn beslut",
        "rad 3, kolumn 2026",
    ):
        assert expected in text


def test_an_insats_twice_in_the_file_is_refused():
    with pytest.raises(InputError, match="står redan på rad 2"):
        parse_register(_table(("A", "individ"), ("a", "individinriktad"), header=HEADER[:2]))


def test_the_same_name_as_individual_and_structural_is_two_insatser():
    _, rows = parse_register(_table(("A", "individ"), ("A", "struktur"), header=HEADER[:2]))
    assert [r.kind for r in rows] == ["individual", "structural"]


def test_a_file_without_a_kind_column_says_so_on_row_1():
    with pytest.raises(InputError) as raised:
        parse_register(_table(("A",), header=("namn",)))
    assert raised.value.row == 1 and "slag" in str(raised.value)


def test_an_end_before_the_start_is_refused():
    with pytest.raises(InputError, match="före starten"):
        parse_register(_table(("A", "individ", "", "", "2026-05-01", "2026-01-01", "", "", "")))


MEMBERS = [
    ("Försäkringskassan", "fk"),
    ("Arbetsförmedlingen", "af"),
    ("Västra Götalandsregionen", "region"),
    ("Trollhättans Stad", "municipality"),
    ("Lilla Edets kommun", "municipality"),
]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("FK", "Försäkringskassan"),
        ("arbetsförmedlingen", "Arbetsförmedlingen"),
        ("region", "Västra Götalandsregionen"),
        ("Trollhättan", "Trollhättans Stad"),
        ("lilla edets kommun", "Lilla Edets kommun"),
    ],
)
def test_a_member_is_found_by_name_part_or_kind(text, name):
    assert match_member(text, MEMBERS) == name


@pytest.mark.parametrize(("text", "message"), [("Borås", "ingen medlem"), ("kommun", "flera")])
def test_an_unknown_or_ambiguous_member_is_refused(text, message):
    with pytest.raises(ValueError, match=message):
        match_member(text, MEMBERS)
