"""`samordna budget check FILE [--unit kr|tkr] [--format text|json]` as others script against it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from samordna.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "budget"
TOTAL_KEYS = {
    "income",
    "equity_drawn",
    "individual",
    "structural",
    "administration",
    "costs",
    "result",
    "balance",
}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["budget", "check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *args: str) -> tuple[int, dict]:
    code, out, err = run(capsys, *args, "--format", "json")
    assert err == ""
    return code, json.loads(out)


def fixture(name: str) -> str:
    return str(FIXTURES / name)


@pytest.mark.parametrize(
    "name",
    [
        "budget-000-vanersborg-2008.csv",
        "budget-002-trollhattan-2020.csv",
        "budget-004-sodra-roslagen-2016.csv",
        "plan-year-lump.csv",
        "english-comma.csv",
    ],
)
def test_a_plan_without_errors_exits_0(capsys, name):
    code, report = run_json(capsys, fixture(name))
    assert code == 0
    assert [f for f in report["findings"] if f["severity"] != "info"] == []


def test_the_json_of_a_forecast_with_errors_names_rows_in_kronor(capsys):
    code, report = run_json(capsys, fixture("forecast-004-sodra-roslagen-2015.csv"))
    assert code == 1
    assert (report["unit"], report["years"]) == ("tkr", [2015])
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert [(f["row"], f["year"], f["stated"], f["computed"]) for f in errors] == [
        (18, 2015, 2_034_000, 2_054_000),
        (19, 2015, 1_589_000, 1_590_000),
    ]
    assert set(errors[0]) == {"severity", "code", "row", "year", "stated", "computed", "message"}
    assert report["totals"]["2015"] == {
        "income": 2_440_000,
        "equity_drawn": 1_204_000,
        "individual": 409_000,
        "structural": 405_000,
        "administration": 1_240_000,
        "costs": 2_054_000,
        "result": 386_000,
        "balance": 1_590_000,
    }


def test_the_json_gives_every_total_in_whole_kronor_for_every_year(capsys):
    _, report = run_json(capsys, fixture("budget-002-trollhattan-2020.csv"))
    assert list(report["totals"]) == ["2020", "2021", "2022"]
    for totals in report["totals"].values():
        assert set(totals) == TOTAL_KEYS
        assert all(isinstance(value, int) for value in totals.values())
    assert report["totals"]["2020"]["result"] == -269_000
    assert report["totals"]["2020"]["balance"] == 0


def test_a_lump_finding_has_null_where_nothing_was_computed(capsys):
    _, report = run_json(capsys, fixture("plan-year-lump.csv"))
    lump = report["findings"][0]
    assert (lump["code"], lump["stated"], lump["computed"]) == ("lump_sum", 2_600_000, None)


def test_the_unit_option_reads_bare_numbers_as_tkr(capsys):
    _, report = run_json(capsys, fixture("english-comma.csv"), "--unit", "tkr")
    assert report["unit"] == "tkr"
    assert report["totals"]["2025"]["income"] == 7_156_000_000


def test_the_text_report_lists_each_finding_by_row_and_year_then_the_totals(capsys):
    code, out, err = run(capsys, fixture("forecast-004-sodra-roslagen-2015.csv"))
    assert (code, err) == (1, "")
    assert (
        "rad 18, 2015: Summan stämmer inte: angivet 2 034 000 kr, beräknat 2 054 000 kr."
    ) in out.splitlines()
    for label in [
        "Intäkter",
        "Ianspråktaget eget kapital",
        "Individinriktade insatser",
        "Strukturinriktade insatser",
        "Administration",
        "Kostnader",
        "Årets resultat",
        "Budgetbalans",
    ]:
        assert any(line.startswith(label) for line in out.splitlines()), label
    assert "1 590 000 kr" in out
    assert "2 fel, 0 varningar, 0 upplysningar." in out


def test_an_xlsx_file_is_checked_like_a_csv_file(tmp_path, capsys):
    workbook = Workbook()
    sheet = workbook.active
    for row in [
        ["avsnitt", "rad", "2008 (tkr)"],
        ["Intäkter", "Ägartillskott 2008", 3750],
        ["Eget kapital", "Beräknat utfall 2007", 1120],
        ["Eget kapital", "Tidigare eget kapital", 1440],
        ["Summa", "Disponibla medel före beslut", 6190],
    ]:
        sheet.append(row)
    path = tmp_path / "medel.xlsx"
    workbook.save(path)
    code, report = run_json(capsys, str(path))
    assert code == 1
    assert [(f["row"], f["stated"], f["computed"]) for f in report["findings"]] == [
        (5, 6_190_000, 6_310_000)
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bad-cell.csv", "rad 3, kolumn 2025: ”niohundratusen” är inte ett belopp"),
        ("unknown-section.csv", "rad 3, kolumn avsnitt: Okänt avsnitt ”Övriga kostnader”"),
        ("no-years.csv", "rad 1: Rubrikraden har inga årskolumner"),
        ("empty.csv", "Filen är tom"),
        ("finns-inte.csv", "finns inte"),
    ],
)
def test_a_file_that_cannot_be_read_exits_2_with_a_swedish_message_only(capsys, name, message):
    for output in ("text", "json"):
        code, out, err = run(capsys, fixture(name), "--format", output)
        assert (code, out) == (2, "")
        assert message in err.splitlines()[0]
        assert "Traceback" not in err


def test_an_unknown_unit_is_refused_by_the_command_line(capsys):
    code, out, err = run(capsys, fixture("budget-000-vanersborg-2008.csv"), "--unit", "mkr")
    assert (code, out) == (2, "")
    assert "Fel i kommandot" in err


def test_budget_alone_prints_its_help(capsys):
    assert main(["budget"]) == 0
    assert "check" in capsys.readouterr().out


def test_the_command_is_documented_with_its_exact_options():
    text = (Path(__file__).resolve().parents[2] / "docs" / "kommandon" / "budget.md").read_text(
        encoding="utf-8"
    )
    assert "samordna budget check FILE [--unit kr|tkr] [--format text|json]" in text
