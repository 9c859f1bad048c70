"""Reading the budget file: sections in Swedish or English, units, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from samordna.core.budget import RowKind, Section
from samordna.core.budget_file import budget_from_table, parse_section
from samordna.core.findings import InputError
from samordna.core.table import Row, Table
from samordna.tables import TableError, read_table

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "budget"


def table(text: str) -> Table:
    """A table written as the lines of a `;` file; the header is row 1."""
    lines = [line.split(";") for line in text.strip().splitlines()]
    rows = tuple(Row(number, tuple(cells)) for number, cells in enumerate(lines[1:], start=2))
    return Table(tuple(lines[0]), rows)


def refusal(text: str, unit: str | None = None) -> str:
    with pytest.raises(InputError) as error:
        budget_from_table(table(text), unit)
    return str(error.value)


@pytest.mark.parametrize(
    ("written", "kind", "section"),
    [
        ("Intäkter", RowKind.LINE, Section.INCOME),
        ("intäkt", RowKind.LINE, Section.INCOME),
        ("INCOME", RowKind.LINE, Section.INCOME),
        ("Eget kapital", RowKind.LINE, Section.EQUITY),
        ("equity", RowKind.LINE, Section.EQUITY),
        ("Individinriktade insatser", RowKind.LINE, Section.INDIVIDUAL),
        ("Individ", RowKind.LINE, Section.INDIVIDUAL),
        ("Strukturinriktade insatser", RowKind.LINE, Section.STRUCTURAL),
        ("Strukturövergripande insatser", RowKind.LINE, Section.STRUCTURAL),
        ("Kansli", RowKind.LINE, Section.ADMINISTRATION),
        ("Administration", RowKind.LINE, Section.ADMINISTRATION),
        ("Summa", RowKind.SUM, None),
        ("total", RowKind.SUM, None),
        ("Summa intäkter", RowKind.INCOME_SUM, None),
        ("total income", RowKind.INCOME_SUM, None),
        ("Summa kostnader", RowKind.COST_SUM, None),
        ("Total costs", RowKind.COST_SUM, None),
        ("Resultat", RowKind.RESULT, None),
        ("result", RowKind.RESULT, None),
        ("  summa   KOSTNADER: ", RowKind.COST_SUM, None),
        ("Intakter", RowKind.LINE, Section.INCOME),
    ],
)
def test_it_knows_the_sections_in_swedish_and_english_in_any_case(written, kind, section):
    assert parse_section(written) == (kind, section)


def test_it_reads_a_plan_in_tkr_from_the_year_headers():
    budget = budget_from_table(read_table(FIXTURES / "budget-000-vanersborg-2008.csv"))
    assert budget.unit == "tkr"
    assert budget.years == (2008, 2009, 2010)
    first = budget.rows[0]
    assert (first.kind, first.section, first.label) == (
        RowKind.LINE,
        Section.INCOME,
        "Parternas bidrag",
    )
    assert first.amount(2008) == 3_750_000 * 100
    assert first.number == 2


def test_a_plan_without_unit_is_in_kronor_and_empty_cells_are_no_amount():
    budget = budget_from_table(read_table(FIXTURES / "budget-002-trollhattan-2020.csv"))
    assert budget.unit == "kr"
    esf = budget.rows[2]
    assert esf.label == "ESF Friska Vindar"
    assert (esf.amount(2020), esf.amount(2021)) == (1_300_000 * 100, None)


def test_the_unit_given_by_the_user_wins_over_the_headers():
    budget = budget_from_table(read_table(FIXTURES / "budget-002-trollhattan-2020.csv"), "tkr")
    assert budget.unit == "tkr"
    assert budget.rows[0].amount(2020) == 7_156_000 * 1000 * 100


def test_it_reads_an_english_comma_file():
    budget = budget_from_table(read_table(FIXTURES / "english-comma.csv"))
    assert budget.years == (2025, 2026)
    assert [row.kind for row in budget.rows][-3:] == [
        RowKind.INCOME_SUM,
        RowKind.COST_SUM,
        RowKind.RESULT,
    ]


def test_it_reads_the_first_sheet_of_an_xlsx_file(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["avsnitt", "rad", 2025, "2026 (tkr)"])
    sheet.append(["Intäkter", "Medlemsbidrag", 3750, 3750.5])
    path = tmp_path / "budget.xlsx"
    workbook.save(path)
    budget = budget_from_table(read_table(path))
    assert budget.unit == "tkr"
    assert budget.rows[0].amounts == {2025: 375_000_000, 2026: 375_050_000}


@pytest.mark.parametrize("written", ["7 864 000", "7864000", "7 864 000 kr", "7 864 000,00"])
def test_it_reads_the_ways_plans_write_amounts(written):
    budget = budget_from_table(table(f"avsnitt;rad;2025\nIntäkter;Bidrag;{written}"))
    assert budget.rows[0].amount(2025) == 786_400_000


@pytest.mark.parametrize("written", ["−269 000", "-269 000"])
def test_a_minus_may_be_typed_either_way(written):
    budget = budget_from_table(table(f"avsnitt;rad;2025\nResultat;Resultat;{written}"))
    assert budget.rows[0].amount(2025) == -26_900_000


def test_a_heading_row_without_section_or_amounts_is_skipped():
    budget = budget_from_table(
        table("avsnitt;rad;2025\n;Administrativa kostnader;\nKansli;Hyra;100")
    )
    assert [row.label for row in budget.rows] == ["Hyra"]


def test_an_unknown_section_names_the_row_and_the_column_avsnitt():
    message = refusal("avsnitt;rad;2025\nIntäkter;Bidrag;100\nÖvriga kostnader;Fika;10")
    assert message.startswith("rad 3, kolumn avsnitt: Okänt avsnitt ”Övriga kostnader”")


def test_an_unreadable_cell_names_the_row_and_the_year():
    message = refusal("avsnitt;rad;2024;2025 (tkr)\nIntäkter;Bidrag;1;1\nKansli;Hyra;2;två")
    assert message.startswith("rad 3, kolumn 2025: ”två” är inte ett belopp")


def test_an_amount_with_ore_is_refused_because_budgets_are_in_whole_kronor():
    assert refusal("avsnitt;rad;2025\nKansli;Hyra;100,50").startswith("rad 2, kolumn 2025: ")


def test_amounts_without_a_section_are_refused():
    message = refusal("avsnitt;rad;2025\n;Hyra;100")
    assert message.startswith("rad 2, kolumn avsnitt: Avsnitt saknas")


def test_every_bad_cell_is_named_at_once_so_the_file_is_fixed_in_one_go():
    message = refusal(
        "avsnitt;rad;2025;2026\n"
        "Intäkter;Bidrag;100;hundra\n"
        "Övrigt;Fika;10;10\n"
        "Kansli;Hyra;100,50;200\n"
        ";Lön;300;"
    )
    lines = message.splitlines()
    assert lines[0].startswith("rad 2, kolumn 2026: ”hundra”")
    assert [line.split(":")[0] for line in lines] == [
        "rad 2, kolumn 2026",
        "rad 3, kolumn avsnitt",
        "rad 4, kolumn 2025",
        "rad 5, kolumn avsnitt",
    ]


def test_the_bad_cells_of_one_row_are_all_named():
    message = refusal("avsnitt;rad;2025;2026\nIngenting;Hyra;tio;elva")
    assert [line.split(":")[0] for line in message.splitlines()] == [
        "rad 2, kolumn avsnitt",
        "rad 2, kolumn 2025",
        "rad 2, kolumn 2026",
    ]


def test_a_file_without_year_columns_is_refused_on_row_1():
    message = refusal("avsnitt;rad\nIntäkter;Bidrag")
    assert message.startswith("rad 1: Rubrikraden har inga årskolumner")


def test_a_column_that_is_not_a_year_is_refused_by_its_header():
    message = refusal("avsnitt;rad;2025;kommentar\nIntäkter;Bidrag;1;x")
    assert message.startswith("rad 1, kolumn kommentar: ")


def test_a_missing_section_column_is_refused():
    assert refusal("rubrik;rad;2025\nIntäkter;Bidrag;1").startswith("rad 1, kolumn avsnitt: ")


def test_the_same_year_twice_is_refused():
    message = refusal("avsnitt;rad;2025;2025 (tkr)\nIntäkter;Bidrag;1;1")
    assert message.startswith("rad 1, kolumn 2025: Året 2025 står i två kolumner")


def test_years_in_different_units_are_refused_unless_the_unit_is_given():
    text = "avsnitt;rad;2025 (kr);2026 (tkr)\nIntäkter;Bidrag;1000;1"
    assert refusal(text).startswith("rad 1, kolumn 2026: Årskolumnerna anger olika enheter")
    assert budget_from_table(table(text), "kr").rows[0].amount(2026) == 100


def test_a_cell_outside_the_columns_hints_at_the_delimiter():
    message = refusal("avsnitt;rad;2025\nIntäkter;Bidrag;1 000;50")
    assert message.startswith("rad 2, kolumn 4: ")
    assert "avgränsaren" in message


def test_an_empty_column_without_header_is_allowed():
    budget = budget_from_table(table("avsnitt;rad;2025;\nIntäkter;Bidrag;1;"))
    assert budget.years == (2025,)


def test_a_header_without_budget_rows_is_refused():
    assert refusal("avsnitt;rad;2025\n;;").startswith("rad 2: Filen har inga budgetrader")


def test_an_empty_file_cannot_be_read():
    with pytest.raises(TableError, match="tom"):
        read_table(FIXTURES / "empty.csv")


def test_the_fixture_without_years_is_refused():
    with pytest.raises(InputError, match="inga årskolumner"):
        budget_from_table(read_table(FIXTURES / "no-years.csv"))


def test_the_avsnitt_medlemsbidrag_is_an_income_line_holding_the_members_contributions():
    budget = budget_from_table(
        table(
            "avsnitt;rad;2025\n"
            "Medlemsbidrag;Parternas bidrag;3 750\n"
            "member contributions;Staten;1 000\n"
            "Intäkter;Bidrag från ESF;500\n"
        )
    )
    rows = [(row.section, row.label, row.contribution) for row in budget.rows]
    assert rows == [
        (Section.INCOME, "Parternas bidrag", True),
        (Section.INCOME, "Staten", True),
        (Section.INCOME, "Bidrag från ESF", False),
    ]


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("budget-000-vanersborg-2008.csv", "Parternas bidrag"),
        ("budget-002-trollhattan-2020.csv", "Medlemsbidrag"),
        ("forecast-004-sodra-roslagen-2015.csv", "Intäkter från förbundets medlemmar"),
    ],
)
def test_the_real_plans_contribution_line_is_read_as_the_members_contributions(name, label):
    budget = budget_from_table(read_table(FIXTURES / name))
    marked = [row.label for row in budget.rows if row.contribution]
    assert marked == [label]
