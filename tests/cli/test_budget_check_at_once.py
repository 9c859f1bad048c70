"""`samordna budget check` of a large plain CSV file (read at once) says what the check read
cell by cell says: the same findings, totals and exit code, with CR LF or LF line ends."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from samordna.cli import main
from samordna.cli.budget import check_as_json
from samordna.core.budget_columns import check_budget_cells, check_budget_lines
from samordna.tables import plain_csv_lines, read_cells

SECTIONS = ("Intäkter", "Individinriktade insatser", "Strukturinriktade insatser", "Kansli")


def _budget_lines(blocks: int, wrong: set[int]) -> list[str]:
    """Blocks of 20 lines over five years, each with its Summa row; the blocks in `wrong`
    state a Summa 1 000 kr too high in 2027."""
    lines = ["avsnitt;rad;2025;2026;2027;2028;2029"]
    for block in range(blocks):
        amounts = [[1000 * (1 + (block * 7 + n + y) % 89) for y in range(5)] for n in range(20)]
        section = SECTIONS[block % len(SECTIONS)]
        lines += [f"{section};Rad {n};" + ";".join(map(_kronor, a)) for n, a in enumerate(amounts)]
        sums = [sum(year) for year in zip(*amounts, strict=True)]
        sums[2] += 1000 if block in wrong else 0
        lines.append(f"Summa;Summa {block};" + ";".join(map(_kronor, sums)))
    return [*lines, "Summa intäkter;;1;1;1;1;1", "Resultat;;0;0;0;0;0"]


def _kronor(amount: int) -> str:
    return f"{amount:,}".replace(",", " ")


def _run(path: Path) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["budget", "check", str(path), "--format", "json"])
    return code, out.getvalue()


def _summa_row(block: int) -> int:
    return 1 + (block + 1) * 21  # the header is row 1


@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_a_large_plain_file_is_checked_as_cell_by_cell(tmp_path, end) -> None:
    path = tmp_path / "budget.csv"
    path.write_bytes(end.join(_budget_lines(200, wrong={3, 150})).encode() + end.encode())
    plain = plain_csv_lines(path.read_bytes(), path.name)
    assert plain is not None and check_budget_lines(*plain) is not None  # read at once
    code, printed = _run(path)
    by_cells = check_budget_cells(*read_cells(path))
    assert code == 1
    assert json.loads(printed) == check_as_json(by_cells, by_cells.check)
    found = json.loads(printed)["findings"]
    assert {(f["row"], f["year"]) for f in found if f["code"] == "sum_mismatch"} >= {
        (_summa_row(3), 2027),
        (_summa_row(150), 2027),
    }
