"""`samordna --help` lists every command, and docs/kommandon documents each one."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from samordna.cli import build_parser, main

DOCS = Path(__file__).resolve().parents[2] / "docs" / "kommandon"


def _commands(parser: argparse.ArgumentParser, prefix: str = "samordna") -> list[str]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append(f"{prefix} {name}")
                found += _commands(sub, f"{prefix} {name}")
    return found


ALL = _commands(build_parser())


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    for command in {c.split()[1] for c in ALL}:
        assert command in out


def test_the_expected_commands_exist():
    for command in [
        "samordna allocate",
        "samordna association create",
        "samordna association list",
        "samordna budget check",
        "samordna demo",
        "samordna serve",
    ]:
        assert command in ALL


@pytest.mark.parametrize("command", ALL)
def test_every_command_is_documented(command):
    text = "\n".join(path.read_text(encoding="utf-8") for path in DOCS.glob("*.md"))
    assert command in text, f"{command} saknas i docs/kommandon/"


def test_an_unknown_command_exits_2_with_a_swedish_message(capsys):
    assert main(["finns-inte"]) == 2
    assert "Fel i kommandot" in capsys.readouterr().err
