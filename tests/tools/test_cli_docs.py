"""tools/cli_docs.py: the usage block under each command's heading is its real --help."""

from __future__ import annotations

from tests.conftest import load_tool

cli_docs = load_tool("cli_docs")

HELPS = {
    "samordna": "usage: samordna [-h]\n                {budget,demo}\n                ...\n\nx\n",
    "samordna budget": "usage: samordna budget [-h] {check} ...\n",
    "samordna budget check": "usage: samordna budget check [-h] FILE\n\nKontrollerar.\n",
    "samordna demo": "usage: samordna demo [-h]\n",
}

PAGE = """# samordna budget

Budgetfiler.

## samordna budget check

```
samordna budget check FILE
```

Text.

```
$ samordna budget check budget.csv
```
"""


def test_commands_with_subcommands_are_walked_down_to_the_ones_that_act():
    assert cli_docs.leaf_commands(HELPS.__getitem__) == ["samordna budget check", "samordna demo"]


def test_the_first_block_under_a_command_heading_becomes_its_help_and_examples_stay():
    page, seen = cli_docs.fill(PAGE, {"samordna budget check": HELPS["samordna budget check"]})
    assert seen == {"samordna budget check"}
    assert "```\nusage: samordna budget check [-h] FILE\n\nKontrollerar.\n```" in page
    assert "samordna budget check FILE\n" not in page
    assert "$ samordna budget check budget.csv" in page  # the example below is not touched


def test_a_page_already_in_step_is_left_as_it_is():
    helps = {"samordna budget check": HELPS["samordna budget check"]}
    once, _ = cli_docs.fill(PAGE, helps)
    assert cli_docs.fill(once, helps) == (once, {"samordna budget check"})


def test_a_command_heading_without_help_is_not_counted_as_documented():
    _page, seen = cli_docs.fill(PAGE, {"samordna demo": HELPS["samordna demo"]})
    assert seen == set()
