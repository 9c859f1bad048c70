"""`samordna budget check` says today exactly what it said before the column-wise check
(issue 19): for every budget file in tests/fixtures/budget (the worked examples of
/work/shared/examples and odd files made for this), the exit code, the JSON, the text report
and the message on stderr are the same, byte for byte, as those the row-by-row check gave.

The expected outputs in tests/fixtures/budget/same/expected.json were written by the row-by-row
check (commit 5c31ba5) with `python -m tests.cli.test_budget_check_unchanged --write`."""

from __future__ import annotations

import contextlib
import io
import json
import sys
from pathlib import Path

import pytest

from samordna.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "budget"
EXPECTED = FIXTURES / "same" / "expected.json"
FILES = sorted([*FIXTURES.glob("*.csv"), *(FIXTURES / "same").glob("*.csv")])
OPTIONS = {"": [], "tkr": ["--unit", "tkr"]}


def _outputs(path: Path, unit: str, form: str) -> dict[str, object]:
    out, err = io.StringIO(), io.StringIO()
    argv = ["budget", "check", str(path), "--format", form, *OPTIONS[unit]]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return {"code": code, "stdout": out.getvalue(), "stderr": err.getvalue()}


def _key(path: Path, unit: str, form: str) -> str:
    return f"{path.relative_to(FIXTURES)} {unit or '-'} {form}"


CASES = [(path, unit, form) for path in FILES for unit in OPTIONS for form in ("json", "text")]


@pytest.mark.parametrize(("path", "unit", "form"), CASES, ids=[_key(*case) for case in CASES])
def test_the_check_says_what_it_said_before(path, unit, form) -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert _outputs(path, unit, form) == expected[_key(path, unit, form)]


def write_expected() -> None:
    found = {_key(*case): _outputs(*case) for case in CASES}
    EXPECTED.write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    write_expected()
