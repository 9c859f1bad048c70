"""`samordna COMMAND …` builds only that command's parser; a line it cannot read gets exactly
what the parser of every command says (whose usage names every command)."""

from __future__ import annotations

import pytest

from samordna.cli import CommandError, build_parser, main, parse


def test_a_command_line_is_read_as_the_full_parser_reads_it(tmp_path) -> None:
    argv = ["budget", "check", str(tmp_path / "plan.csv"), "--format", "json", "--unit", "tkr"]
    assert vars(parse(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["budget", "check", "plan.csv", "--bogus"], "{allocate,association,budget,"),
        (["budget", "chek"], "ogiltigt val: 'chek' (välj bland 'check', 'import')"),
        (["budget", "check", "plan.csv", "--format", "xml"], "ogiltigt val: 'xml'"),
        (["budgett"], "ogiltigt val: 'budgett'"),
    ],
)
def test_a_line_that_cannot_be_read_gets_the_messages_of_the_full_parser(
    capsys, argv, said
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    with pytest.raises(CommandError) as full:
        build_parser().parse_args(argv)
    assert err == capsys.readouterr().err + full.value.message + "\n"
    assert said in err
