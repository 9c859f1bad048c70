"""core is pure Python: no Django, no floats for money."""

from __future__ import annotations

import ast
from pathlib import Path

import samordna.core

CORE = Path(samordna.core.__file__).parent


def _modules():
    return sorted(CORE.rglob("*.py"))


def test_core_never_imports_django():
    offenders = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "django"]
    assert offenders == []


def test_core_never_calls_float():
    calls = [
        path.name
        for path in _modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "float"
    ]
    assert calls == []


def test_the_finsam_shares_are_a_dated_parameter_with_its_source():
    from datetime import date

    from samordna.core.params import load

    shares = load("finsam_shares")
    assert "2003:1210" in shares.source and "5 §" in shares.source
    assert shares.at(date(2026, 1, 1))["state"] == "1/2"
