"""The usage blocks of docs/kommandon/*.md are the commands' real `--help` output.

    python tools/cli_docs.py           rewrite the blocks (make docs)
    python tools/cli_docs.py --check   exit 1 naming each block that differs (make lint)

A command's block is the first fenced block under its heading (`# samordna demo`,
`## samordna budget check`). The commands are found by asking the `samordna` console script
itself (next to this Python), so the tool does not depend on where the CLI lives in the source.
Every command without subcommands must have such a heading and block.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs" / "kommandon"
HEADING = re.compile(r"^#+ (samordna(?: [a-z-]+)*)\s*$")
SUBCOMMANDS = re.compile(r"\{([a-z,-]+)\} \.\.\.")
# Fixed width and language, so the text is the same on every machine.
ENV = {**os.environ, "COLUMNS": "100", "LC_ALL": "C.UTF-8", "LANGUAGE": ""}

Helper = Callable[[str], str]


def samordna_help(command: str) -> str:
    """`<command> --help` as the console script prints it."""
    script = Path(sys.executable).with_name("samordna")
    args = [str(script), *command.split()[1:], "--help"]
    done = subprocess.run(args, capture_output=True, text=True, env=ENV, check=True)
    return done.stdout.rstrip() + "\n"


def _usage(text: str) -> str:
    return " ".join(text.split("\n\n", 1)[0].split())


def leaf_commands(help_of: Helper, command: str = "samordna") -> list[str]:
    """Every command that does something (not a group of subcommands), in help order."""
    found = SUBCOMMANDS.search(_usage(help_of(command)))
    if found is None:
        return [command]
    leaves: list[str] = []
    for name in found.group(1).split(","):
        leaves += leaf_commands(help_of, f"{command} {name}")
    return leaves


def fill(text: str, helps: dict[str, str]) -> tuple[str, set[str]]:
    """The page with each command's first block set to its help; and the commands it holds."""
    lines, out, seen = text.split("\n"), [], set()
    current, index = None, 0
    while index < len(lines):
        line = lines[index]
        heading = HEADING.match(line)
        if heading:
            current = heading.group(1) if heading.group(1) in helps else None
        elif line.startswith("#"):
            current = None
        elif line == "```" and current is not None:
            end = lines.index("```", index + 1)
            out += ["```", *helps[current].rstrip("\n").split("\n"), "```"]
            seen.add(current)
            current, index = None, end + 1
            continue
        out.append(line)
        index += 1
    return "\n".join(out), seen


def main(argv: list[str]) -> int:
    check = argv == ["--check"]
    commands = leaf_commands(samordna_help)
    with ThreadPoolExecutor(max_workers=4) as pool:
        helps = dict(zip(commands, pool.map(samordna_help, commands), strict=True))
    problems, documented = [], set()
    for path in sorted(DOCS.glob("*.md")):
        old = path.read_text(encoding="utf-8")
        new, seen = fill(old, helps)
        documented |= seen
        if new != old and check:
            problems.append(f"{path.name}: hjälptexten stämmer inte med --help (kör make docs)")
        elif new != old:
            path.write_text(new, encoding="utf-8")
    for command in commands:
        if command not in documented:
            problems.append(f"{command}: ingen rubrik med hjälptext i docs/kommandon/")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
