"""Every SAMORDNA_* environment variable that the code reads is documented in docs/drift.md."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VARIABLE = re.compile(r"\bSAMORDNA_[A-Z0-9_]+\b")


def _read_in(folder: str) -> set[str]:
    found: set[str] = set()
    for path in (ROOT / folder).rglob("*.py"):
        found |= set(VARIABLE.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_samordna_variable_in_the_code_is_in_the_drift_table():
    documented = set(re.findall(r"^\| `(SAMORDNA_[A-Z0-9_]+)` \|", _drift(), re.MULTILINE))
    used = _read_in("src") | _read_in("tests") | _read_in("tools")
    assert used - documented == set(), "saknas i tabellen i docs/drift.md"


def test_the_variables_the_app_reads_are_found():
    assert {"SAMORDNA_DEBUG", "SAMORDNA_SECRET_KEY", "SAMORDNA_HOME"} <= _read_in("src")


def _drift() -> str:
    return (ROOT / "docs" / "drift.md").read_text(encoding="utf-8")
