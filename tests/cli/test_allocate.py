"""`samordna allocate MEMBERS --total AMOUNT [--round-to 1|100|1000] [--format table|csv|json]`
as others script against it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from samordna.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "members"
SEED_002 = str(FIXTURES / "members-002-trollhattan-2020.csv")
SEED_004 = str(FIXTURES / "members-004-sodra-roslagen-2016.csv")
TWO_REGIONS = str(FIXTURES / "members-two-regions.csv")
SEED_002_JSON = [
    {"name": "Försäkringskassan", "kind": "fk", "amount": 1789000},
    {"name": "Arbetsförmedlingen", "kind": "af", "amount": 1789000},
    {"name": "Västra Götalandsregionen", "kind": "region", "amount": 1789000},
    {"name": "Trollhättans Stad", "kind": "municipality", "amount": 1341000},
    {"name": "Lilla Edets kommun", "kind": "municipality", "amount": 323000},
    {"name": "Grästorps kommun", "kind": "municipality", "amount": 125000},
]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["allocate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *args: str) -> list[dict]:
    code, out, _ = run(capsys, *args, "--format", "json")
    assert code == 0
    return json.loads(out)


def refused(capsys, *args: str) -> str:
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, "")
    assert "Traceback" not in err
    return err


def write(tmp_path: Path, text: str, name: str = "medlemmar.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# --- The plans' figures ------------------------------------------------------------------------


def test_seed_002_as_json_is_exactly_the_plans_amounts_in_file_order(capsys):
    assert run_json(capsys, SEED_002, "--total", "7156000", "--round-to", "1000") == SEED_002_JSON


@pytest.mark.parametrize("total", ["7 156 000 kr", "7 156 000", "7156 tkr", "7,156 mkr"])
def test_the_total_may_be_written_as_the_plans_write_it(capsys, total):
    assert run_json(capsys, SEED_002, "--total", total, "--round-to", "1000") == SEED_002_JSON


def test_7_864_000_kr_is_read_as_a_total(capsys):
    amounts = run_json(capsys, SEED_002, "--total", "7 864 000 kr")
    assert sum(row["amount"] for row in amounts) == 7_864_000
    assert amounts[0]["amount"] == 1_966_000


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        ("2 128 000", [1064000, 532000, 213000, 319000]),
        ("3 040 000", [1520000, 760000, 304000, 456000]),
    ],
)
def test_seed_004_with_fk_paying_the_state_half(capsys, total, expected):
    # The file gives Österåker 40 % and Täby 60 % of the municipal quarter (the plan's amounts).
    rows = run_json(capsys, SEED_004, "--total", total, "--round-to", "1000")
    assert [row["amount"] for row in rows] == expected
    assert [row["kind"] for row in rows] == ["fk", "region", "municipality", "municipality"]


def test_two_regions_share_their_quarter_by_their_municipalities_population(capsys):
    rows = run_json(capsys, TWO_REGIONS, "--total", "2 400 000")
    assert [row["amount"] for row in rows] == [
        600000,
        600000,
        250000,
        350000,
        250000,
        225000,
        125000,
    ]


def test_round_to_100_gives_amounts_in_hundreds(capsys):
    rows = run_json(capsys, SEED_002, "--total", "7 864 000", "--round-to", "100")
    assert all(row["amount"] % 100 == 0 for row in rows)
    assert sum(row["amount"] for row in rows) == 7_864_000


def test_an_xlsx_members_file_gives_the_same_json(capsys, tmp_path):
    workbook = Workbook()
    for line in Path(SEED_002).read_text(encoding="utf-8").splitlines():
        workbook.active.append([cell or None for cell in line.split(";")])
    workbook.save(tmp_path / "medlemmar.xlsx")
    args = (str(tmp_path / "medlemmar.xlsx"), "--total", "7156000", "--round-to", "1000")
    assert run_json(capsys, *args) == SEED_002_JSON


# --- The three formats ---------------------------------------------------------------------


def test_the_table_shows_members_shares_amounts_a_sum_notes_and_source(capsys):
    code, out, err = run(capsys, SEED_002, "--total", "7156000", "--round-to", "1000")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Medlemsbidrag 7 156 000 kr, avrundat till 1 000 kr"
    assert lines[2].split() == ["Medlem", "Andel", "%", "Belopp"]
    assert "Trollhättans Stad           18,74  1 341 000 kr" in lines
    assert "Summa                      100,00  7 156 000 kr" in lines
    assert "största restmetoden" in out
    assert "Källa för andelarna: Lag (2003:1210)" in out
    widths = {len(line) for line in lines[2:12]}
    assert len(widths) == 1  # every line of the table is aligned to the same width


def test_csv_has_a_swedish_header_decimal_comma_and_whole_kronor(capsys):
    code, out, _ = run(
        capsys, SEED_002, "--total", "7 156 000 kr", "--round-to", "1000", "--format", "csv"
    )
    assert code == 0
    assert out.splitlines() == [
        "namn;typ;andel;belopp",
        "Försäkringskassan;Försäkringskassan;25,00;1789000",
        "Arbetsförmedlingen;Arbetsförmedlingen;25,00;1789000",
        "Västra Götalandsregionen;region;25,00;1789000",
        "Trollhättans Stad;kommun;18,74;1341000",
        "Lilla Edets kommun;kommun;4,51;323000",
        "Grästorps kommun;kommun;1,75;125000",
    ]


def test_in_json_and_csv_the_notes_go_to_stderr_and_the_exit_code_is_0(capsys, tmp_path):
    path = write(
        tmp_path, "namn;typ;andel\nFK;fk;\nSLL;region;\nÖsteråker;kommun;9,75\nTäby;kommun;15,26\n"
    )
    for output in ("json", "csv"):
        code, out, err = run(
            capsys, path, "--total", "2128000", "--round-to", "1000", "--format", output
        )
        assert code == 0
        assert "summerar till 25,01 %, inte 100 %" in err
        assert "summerar" not in out
    assert json.loads(run(capsys, path, "--total", "2128000", "--format", "json")[1])


# --- Refusals: exit 2, Swedish on stderr, nothing on stdout ---------------------------------


def test_a_population_that_is_not_a_number_names_row_and_column(capsys, tmp_path):
    path = write(
        tmp_path, "namn;typ;invånare\nFK;fk;\nAF;af;\nVGR;region;\nA;kommun;100\nB;kommun;fyrtio\n"
    )
    err = refused(capsys, path, "--total", "1000")
    assert err.startswith("rad 6, kolumn invånare: ”fyrtio” är inte ett antal invånare.")


def test_an_unknown_kind_names_row_and_column(capsys, tmp_path):
    path = write(tmp_path, "namn;typ;invånare\nFK;fk;\nStaten;stat;\nVGR;region;\nA;kommun;100\n")
    assert refused(capsys, path, "--total", "1000").startswith(
        "rad 3, kolumn typ: ”stat” är ingen känd typ"
    )


def test_a_municipality_with_neither_population_nor_share_names_row_and_column(capsys, tmp_path):
    path = write(
        tmp_path, "namn;typ;invånare\nFK;fk;\nAF;af;\nVGR;region;\nA;kommun;100\nGrästorp;kommun;\n"
    )
    err = refused(capsys, path, "--total", "1000")
    assert err.startswith(
        "rad 6, kolumn invånare: Grästorp har varken invånarantal eller avtalad andel"
    )


def test_a_file_without_municipalities_is_refused(capsys, tmp_path):
    path = write(tmp_path, "name,kind,population\nFK,fk,\nAF,af,\nVGR,region,\n")
    assert "ingen kommun" in refused(capsys, path, "--total", "1000")


def test_a_missing_file_is_refused(capsys, tmp_path):
    assert "finns inte" in refused(capsys, str(tmp_path / "saknas.csv"), "--total", "1000")


def test_an_unreadable_xlsx_is_refused(capsys, tmp_path):
    path = tmp_path / "trasig.xlsx"
    path.write_bytes(b"PK\x03\x04 inte en riktig arbetsbok")
    assert "Excel-fil" in refused(capsys, str(path), "--total", "1000")


@pytest.mark.parametrize("total", ["sju miljoner", "", "7 156 000,50 kr", "−100"])
def test_a_bad_total_is_refused(capsys, total):
    assert refused(capsys, SEED_002, "--total", total).startswith(("--total", "Totalen"))


def test_a_round_to_other_than_1_100_1000_is_refused(capsys):
    code, out, err = run(capsys, SEED_002, "--total", "1000", "--round-to", "10")
    assert (code, out) == (2, "")
    assert "Fel i kommandot" in err


def test_the_total_is_required(capsys):
    code, out, err = run(capsys, SEED_002)
    assert (code, out) == (2, "")
    assert "--total" in err


def test_help_shows_the_documented_synopsis(capsys):
    with pytest.raises(SystemExit):
        main(["allocate", "--help"])
    synopsis = (
        "samordna allocate MEMBERS --total AMOUNT [--round-to 1|100|1000] [--format table|csv|json]"
    )
    assert synopsis in capsys.readouterr().out
    docs = Path(__file__).resolve().parents[2] / "docs" / "kommandon" / "allocate.md"
    assert synopsis in docs.read_text(encoding="utf-8")
