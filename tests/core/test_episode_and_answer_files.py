"""The episode file and the indicator answer file read in core, without the web: every bad cell
named at once by row and column, identities refused."""

from __future__ import annotations

from datetime import date

import pytest

from samordna.core.answer_file import read_answers
from samordna.core.episode_file import read_episodes
from samordna.core.findings import InputError
from samordna.core.table import Row, Table

PNR = "121212-1212"  # Skatteverket's test personnummer


def table(text: str) -> Table:
    """A table written as the lines of a `;` file; the header is row 1."""
    lines = [line.split(";") for line in text.strip().splitlines()]
    rows = tuple(Row(number, tuple(cells)) for number, cells in enumerate(lines[1:], start=2))
    return Table(tuple(lines[0]), rows)


def places(errors: list[InputError]) -> list[tuple[int | None, str | None]]:
    return [(error.row, error.column) for error in errors]


def test_an_episode_row_is_read_into_codes_and_dates():
    _, [row], errors = read_episodes(
        table(
            "kod;insats;kön;födelseår;start;slut;avslutsorsak;stegförflyttningar\n"
            "ab12;Steget;K;1990;2024-02-01;2024-11-30;Arbete;2024-05-01, 2024-08-01"
        )
    )
    assert errors == []
    assert (row.code, row.insats, row.sex, row.birth_year) == ("AB12", "Steget", "kvinna", 1990)
    assert (row.start, row.end, row.end_reason) == (date(2024, 2, 1), date(2024, 11, 30), "arbete")
    assert row.steps == [date(2024, 5, 1), date(2024, 8, 1)]


def test_english_headers_are_read_too():
    _, [row], errors = read_episodes(
        table("intervention;sex;birth year;start\nSteget;M;1985;2024-03-01")
    )
    assert errors == [] and (row.insats, row.sex) == ("Steget", "man")


def test_every_bad_episode_cell_is_named_at_once():
    columns, rows, errors = read_episodes(
        table(
            "kod;insats;kön;födelseår;start;slut\n"
            "A1;Steget;X;1990;2024-02-01;\n"
            "B2B2;;K;90;2024-02-01;2024-01-01\n"
            "C3C3;Steget;M;1990;2024-02-01;"
        )
    )
    assert places(errors) == [
        (2, "kod"),
        (2, "kön"),
        (3, "insats"),
        (3, "födelseår"),
        (3, "slut"),
    ]
    assert len(rows) == 3 and columns.name("sex") == "kön"


def test_the_same_code_twice_is_named_with_the_first_row():
    _, _, errors = read_episodes(
        table("kod;insats;kön;födelseår;start\nAB12;S;K;1990;2024-01-01\nAB12;S;M;1991;2024-01-01")
    )
    [error] = errors
    assert (error.row, error.column) == (3, "kod") and "rad 2" in error.detail


def test_a_personnummer_in_any_episode_cell_is_refused_and_not_shown():
    _, _, errors = read_episodes(
        table(f"insats;kön;födelseår;start;huvudremitterande\nSteget;K;1990;2024-01-01;{PNR}")
    )
    [error] = errors
    assert (error.row, error.column) == (2, "huvudremitterande")
    assert PNR not in str(error)


@pytest.mark.parametrize("header", ["namn", "Personnummer", "adress"])
def test_a_column_naming_an_identity_refuses_the_whole_file(header):
    with pytest.raises(InputError) as refused:
        read_episodes(table(f"insats;kön;födelseår;start;{header}\nSteget;K;1990;2024-01-01;x"))
    assert refused.value.row == 1 and refused.value.column == header


def test_a_missing_required_episode_column_is_named():
    with pytest.raises(InputError) as refused:
        read_episodes(table("insats;kön;start\nSteget;K;2024-01-01"))
    assert refused.value.column == "födelseår"


def test_answers_are_read_with_sex_and_insats_optional():
    titles, rows, errors = read_answers(
        table("indikator;år;svar;kön;insats\n8;2025;6;K;Steget\n9;2025;5;;")
    )
    assert errors == []
    assert [(r.number, r.year, r.score, r.sex, r.insats) for r in rows] == [
        (8, 2025, 6, "kvinna", "Steget"),
        (9, 2025, 5, "", ""),
    ]
    assert titles["score"] == "svar"


def test_every_bad_answer_cell_is_named_at_once_and_bad_rows_are_left_out():
    _, rows, errors = read_answers(
        table(
            f"indikator;år;svar;kön;insats\nåtta;2025;6;K;\n8;2025;x;Q;\n8;2025;6;;{PNR}\n8;2025;7;M;"
        )
    )
    assert places(errors) == [(2, "indikator"), (3, "svar"), (3, "kön"), (4, "insats")]
    assert [r.row for r in rows] == [5]
    assert PNR not in " ".join(str(e) for e in errors)


def test_an_answer_file_without_the_score_column_is_refused():
    with pytest.raises(InputError) as refused:
        read_answers(table("indicator;year\n8;2025"))
    assert refused.value.row == 1 and refused.value.column == "svar"
