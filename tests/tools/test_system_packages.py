"""tools/system_packages.py: a fresh machine gets exactly the Debian packages it lacks."""

from __future__ import annotations

from tests.conftest import load_tool

system_packages = load_tool("system_packages")


def _names(kind: str) -> list[str]:
    return [p.name for p in system_packages.SETS[kind]]


def test_run_time_needs_nothing_from_debian_and_the_tests_add_chromium_and_poppler():
    assert _names("run") == []
    assert _names("test") == ["chromium", "chromium-headless-shell", "poppler-utils"]
    assert _names("messages") == ["gettext"]


def test_only_what_is_absent_counts_as_missing():
    absent = {"poppler-utils"}
    found = system_packages.missing(system_packages.SETS["test"], lambda p: p.name not in absent)
    assert found == ["poppler-utils"]


def test_root_updates_once_then_installs_exactly_the_missing_packages():
    ran: list[list[str]] = []
    code = system_packages.ensure(
        ["chromium", "poppler-utils"], True, lambda c: ran.append(c) or 0, lambda _: None
    )
    assert code == 0
    assert ran == [
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "chromium", "poppler-utils"],
    ]


def test_without_root_one_swedish_line_names_the_command_and_exits_2():
    said: list[str] = []
    ran: list[list[str]] = []
    code = system_packages.ensure(["chromium"], False, ran.append, said.append)
    assert code == 2
    assert ran == []
    assert said == [
        "Samordna behöver Debianpaketen chromium. Kör som root: "
        "sudo apt-get update && sudo apt-get install -y chromium"
    ]


def test_nothing_missing_runs_nothing():
    ran: list[list[str]] = []
    assert system_packages.ensure([], False, ran.append, print) == 0
    assert system_packages.ensure([], True, ran.append, print) == 0
    assert ran == []


def test_a_failed_install_stops_with_exit_2():
    said: list[str] = []
    code = system_packages.ensure(["chromium"], True, lambda c: 100, said.append)
    assert code == 2
    assert "Kunde inte installera chromium" in said[-1]


def test_an_unknown_set_is_refused(capsys):
    assert system_packages.main(["allt"]) == 2
    assert "run|test|messages" in capsys.readouterr().err


def test_this_machine_has_what_the_tests_need():
    # make test ran the script before this suite, so nothing may be missing now.
    assert system_packages.missing(system_packages.SETS["test"]) == []
