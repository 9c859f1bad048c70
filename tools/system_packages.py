"""The Debian packages Samordna needs from the operating system, installed when missing.

    python3 tools/system_packages.py run        what the app needs at run time (nothing today)
    python3 tools/system_packages.py test       run time + what the tests need (chromium, poppler)
    python3 tools/system_packages.py messages   gettext, for `make messages`

Each package is found by what the app uses from it (a program on PATH or a shared library), so
a machine that has it some other way is left alone. As root the missing packages are installed
with one `apt-get update` and one `apt-get install -y`; otherwise one Swedish line names the
command to run and the exit code is 2. Standard library only: it runs before the venv exists.
"""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Package:
    name: str  # the Debian package
    program: str = ""  # a program it puts on PATH
    library: str = ""  # or a shared library it provides (name as ctypes.util.find_library wants)


RUN: list[Package] = []  # Typst writes the PDF from its PyPI wheel: nothing from Debian
SETS: dict[str, list[Package]] = {
    "run": RUN,
    "test": [
        *RUN,
        Package("chromium", program="chromium"),  # the browser tests
        # and its headless shell, which they drive when present (less work per page)
        Package("chromium-headless-shell", program="chromium-headless-shell"),
        Package("poppler-utils", program="pdftotext"),  # the PDF text the document tests read
    ],
    "messages": [Package("gettext", program="msgfmt")],  # `make messages` compiles .po files
}


def is_present(package: Package) -> bool:
    if package.program:
        return shutil.which(package.program) is not None
    return ctypes.util.find_library(package.library) is not None


def missing(packages: Sequence[Package], present: Callable[[Package], bool] = is_present):
    return [p.name for p in packages if not present(p)]


def install_command(names: Sequence[str]) -> list[list[str]]:
    return [["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *names]]


def advice(names: Sequence[str]) -> str:
    packages = " ".join(names)
    return (
        f"Samordna behöver Debianpaketen {packages}. Kör som root: "
        f"sudo apt-get update && sudo apt-get install -y {packages}"
    )


def ensure(
    names: Sequence[str],
    is_root: bool,
    run: Callable[[list[str]], int],
    say: Callable[[str], None],
) -> int:
    """Install what is missing as root; otherwise say the command. Returns the exit code."""
    if not names:
        return 0
    if not is_root:
        say(advice(names))
        return 2
    say("Installerar Debianpaketen " + " ".join(names))
    for command in install_command(names):
        if run(command) != 0:
            say(f"Kunde inte installera {' '.join(names)}: {' '.join(command)} misslyckades.")
            return 2
    return 0


def _run(command: list[str]) -> int:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    return subprocess.run(command, env=env, stdout=subprocess.DEVNULL).returncode


def _say(line: str) -> None:
    print(line, file=sys.stderr)


def main(argv: Sequence[str]) -> int:
    if len(argv) != 1 or argv[0] not in SETS:
        _say("Användning: python3 tools/system_packages.py " + "|".join(SETS))
        return 2
    return ensure(missing(SETS[argv[0]]), os.geteuid() == 0, _run, _say)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
