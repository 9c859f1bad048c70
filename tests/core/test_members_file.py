"""The members file: read from CSV or XLSX as an ekonom types it, refused with row and column."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from openpyxl import Workbook

from samordna.core.allocation import AllocationError, Party, allocate
from samordna.core.findings import InputError
from samordna.core.members import in_file_terms, parse_members, parse_population
from samordna.tables import read_table

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "members"

SWEDISH = """\
namn;typ;invånare;region
Försäkringskassan;Försäkringskassan;;
Arbetsförmedlingen;Arbetsförmedlingen;;
Västra Götalandsregionen;region;;
Vänersborgs kommun;kommun;38 692;Västra Götalandsregionen
Melleruds kommun;kommun;9 128;Västra Götalandsregionen
"""
ENGLISH = """\
name,kind,population,region
Försäkringskassan,fk,,
Arbetsförmedlingen,af,,
Västra Götalandsregionen,region,,
Vänersborgs kommun,municipality,38692,Västra Götalandsregionen
Melleruds kommun,municipality,9128,Västra Götalandsregionen
"""
EXPECTED = [
    Party("Försäkringskassan", "fk", row=2),
    Party("Arbetsförmedlingen", "af", row=3),
    Party("Västra Götalandsregionen", "region", row=4),
    Party("Vänersborgs kommun", "municipality", 38_692, None, "Västra Götalandsregionen", 5),
    Party("Melleruds kommun", "municipality", 9_128, None, "Västra Götalandsregionen", 6),
]


def members(tmp_path: Path, text: str, name: str = "medlemmar.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return parse_members(read_table(path))


def refusal(tmp_path: Path, text: str) -> str:
    with pytest.raises(InputError) as caught:
        members(tmp_path, text)
    return str(caught.value)


def test_a_swedish_file_with_semicolons_is_read_in_file_order(tmp_path):
    assert members(tmp_path, SWEDISH) == EXPECTED


def test_an_english_file_with_commas_reads_the_same(tmp_path):
    assert members(tmp_path, ENGLISH) == EXPECTED


def test_a_file_saved_by_excel_with_a_bom_reads_the_same(tmp_path):
    assert members(tmp_path, SWEDISH, encoding="utf-8-sig") == EXPECTED


def test_an_xlsx_file_reads_the_same(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    for line in SWEDISH.splitlines():
        cells = line.split(";")
        sheet.append([int(c.replace(" ", "")) if c[:1].isdigit() else (c or None) for c in cells])
    workbook.save(tmp_path / "medlemmar.xlsx")
    assert parse_members(read_table(tmp_path / "medlemmar.xlsx")) == EXPECTED


def test_the_seed_002_example_is_read_with_its_agreed_shares():
    parties = parse_members(read_table(FIXTURES / "members-002-trollhattan-2020.csv"))
    assert [p.kind for p in parties] == ["fk", "af", "region", *["municipality"] * 3]
    assert [p.share for p in parties[3:]] == [
        Fraction("74.96"),
        Fraction("18.05"),
        Fraction("6.99"),
    ]
    assert parties[0].share is None and parties[0].population is None


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("FK", "fk"),
        ("försäkringskassan", "fk"),
        ("ARBETSFÖRMEDLINGEN", "af"),
        ("af", "af"),
        ("Region", "region"),
        ("Landsting", "region"),
        ("kommun", "municipality"),
        ("Municipality", "municipality"),
    ],
)
def test_kinds_are_read_in_swedish_or_english_in_any_case(tmp_path, word, kind):
    assert members(tmp_path, f"namn;typ;invånare\nX;{word};\n")[0].kind == kind


@pytest.mark.parametrize(
    ("cell", "share"),
    [("74,96", "74.96"), ("74,96 %", "74.96"), ("74.96", "74.96"), ("40", "40"), ("6,99%", "6.99")],
)
def test_shares_are_read_with_decimal_comma_or_point_and_an_optional_percent_sign(
    tmp_path, cell, share
):
    parties = members(tmp_path, f'namn;typ;andel\n"Trollhättans Stad";kommun;"{cell}"\n')
    assert parties[0].share == Fraction(share)


def test_an_english_share_column_is_read(tmp_path):
    parties = members(tmp_path, 'name,kind,share\nTäby kommun,municipality,"60,0"\n')
    assert parties[0].share == 60


def test_populations_may_be_written_with_spaces_or_no_break_spaces(tmp_path):
    parties = members(tmp_path, "namn;typ;invånare\nA;kommun;49 512\nB;kommun;16\u00a0561\n")
    assert [p.population for p in parties] == [49_512, 16_561]


def test_empty_lines_are_skipped_but_rows_keep_their_excel_numbers(tmp_path):
    parties = members(tmp_path, "namn;typ;invånare\n\nA;kommun;10\n")
    assert parties[0].row == 3


# --- Refusals naming row and column -------------------------------------------------------


def test_a_population_that_is_not_a_number_is_refused_with_row_and_column(tmp_path):
    text = SWEDISH.replace("9 128", "fyrtio")
    assert refusal(tmp_path, text) == "rad 6, kolumn invånare: ”fyrtio” är inte ett antal invånare."


def test_the_column_is_named_as_the_header_writes_it(tmp_path):
    message = refusal(tmp_path, ENGLISH.replace("9128", "many"))
    assert message.startswith("rad 6, kolumn population: ”many”")


def test_a_negative_population_is_refused(tmp_path):
    assert refusal(tmp_path, SWEDISH.replace("9 128", "-9 128")).startswith(
        "rad 6, kolumn invånare"
    )


def test_an_unknown_kind_is_refused_with_row_and_column(tmp_path):
    message = refusal(tmp_path, SWEDISH.replace("Arbetsförmedlingen;Arbetsförmedlingen", "AF;stat"))
    assert message.startswith("rad 3, kolumn typ: ”stat” är ingen känd typ.")


def test_a_missing_kind_is_refused(tmp_path):
    assert refusal(tmp_path, "namn;typ;invånare\nX;;10\n").startswith(
        "rad 2, kolumn typ: Typen saknas"
    )


def test_an_empty_name_is_refused(tmp_path):
    assert (
        refusal(tmp_path, "namn;typ;invånare\n;kommun;10\n") == "rad 2, kolumn namn: Namnet saknas."
    )


def test_a_member_listed_twice_is_refused(tmp_path):
    message = refusal(tmp_path, SWEDISH + "melleruds kommun;kommun;9 128;\n")
    assert message.startswith("rad 7, kolumn namn: ”melleruds kommun” står redan på rad 6")


@pytest.mark.parametrize("cell", ["mycket", "120", "-5"])
def test_a_share_that_is_not_a_percentage_is_refused(tmp_path, cell):
    assert refusal(tmp_path, f"namn;typ;andel\nA;kommun;{cell}\n").startswith(
        "rad 2, kolumn andel: "
    )


@pytest.mark.parametrize(
    ("header", "column"),
    [("typ;invånare", "namn"), ("namn;invånare", "typ"), ("namn;typ;region", "invånare")],
)
def test_a_missing_column_is_refused_naming_it_on_row_1(tmp_path, header, column):
    message = refusal(tmp_path, f"{header}\nx;y\n")
    assert message.startswith(f"rad 1, kolumn {column}: kolumnen saknas")


def test_every_bad_cell_is_listed_at_once_the_first_one_first(tmp_path):
    text = SWEDISH.replace("9 128", "fyrtio").replace(
        "Arbetsförmedlingen;Arbetsförmedlingen", "AF;x"
    )
    message = refusal(tmp_path, text)
    lines = message.splitlines()
    assert lines[0].startswith("rad 3, kolumn typ: ")
    assert lines[1] == "rad 6, kolumn invånare: ”fyrtio” är inte ett antal invånare."


def test_an_allocation_refusal_names_the_column_as_the_file_writes_it(tmp_path):
    path = tmp_path / "members.csv"
    path.write_text(ENGLISH.replace("9128", ""), encoding="utf-8")
    table = read_table(path)
    with pytest.raises(AllocationError) as caught:
        allocate(parse_members(table), 100_000, when=date(2020, 1, 1))
    message = str(in_file_terms(caught.value, table))
    assert message.startswith("rad 6, kolumn population: Melleruds kommun har varken invånarantal")


def test_counts_in_files_are_read_as_the_app_prints_them_and_units_are_refused():
    import pytest

    from samordna.core import intervention_file

    for written in ("41 230", "41\u00a0230", "41\u202f230", "41230"):
        assert parse_population(written) == 41230
        assert intervention_file._count(written) == 41230
    with pytest.raises(ValueError, match="är inte ett antal invånare"):
        parse_population("41 230 kr")
    with pytest.raises(ValueError, match="är inget antal deltagare"):
        intervention_file._count("500 tkr")
