"""Every `--help` and every usage error of the command line reads in Swedish."""

from __future__ import annotations

import argparse

import pytest

from samordna.cli import build_parser, main

ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "error:", "required")


def _every_parser(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _every_parser(child, (*path, name))


def test_every_help_text_is_swedish():
    for path, parser in _every_parser(build_parser()):
        text = parser.format_help()
        assert text.startswith("användning: samordna"), path
        assert not [word for word in ENGLISH if word in text], (path, text)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["user", "create"], "dessa argument saknas: EMAIL"),
        (["report", "plan", "--format", "odt"], "ogiltigt val: 'odt'"),
        (["user", "list", "--association", "x", "--okänd"], "okända argument: --okänd"),
    ],
)
def test_a_wrong_command_is_explained_in_swedish(argv, expected, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "användning: samordna" in err and expected in err
    assert not [word for word in ENGLISH if word in err]
