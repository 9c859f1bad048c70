"""`samordna backup` and `samordna restore`: a restore reproduces the demo exactly.

The round trip runs the real command on SQLite files in a temporary folder (whatever database
the rest of the suite uses); the PostgreSQL commands are checked for what they would run.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from samordna.cli import main
from samordna.cli.backup import pg_dump_command, pg_restore_command
from tests.cli.conftest import copy_of
from tests.cli.test_many_writers import _env, _samordna

# One worker runs the module (make test's --dist loadgroup), so the demo is loaded into a file and
# backed up once (`demo_copy`, seconds of CPU), not once in each worker.
pytestmark = pytest.mark.xdist_group("tests.cli.test_backup")


def _tables(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as db:
        names = [
            row[0]
            for row in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return {name: sorted(db.execute(f'SELECT * FROM "{name}"'), key=repr) for name in names}


@pytest.fixture(scope="module")
def demo_copy(tmp_path_factory, migrated_file):
    home = copy_of(migrated_file, tmp_path_factory.mktemp("demo"))
    env = _env(home, "20")
    assert _samordna(env, "demo").returncode == 0
    copy = home / "kopia.sqlite3"
    done = _samordna(env, "backup", str(copy))
    assert done.returncode == 0, done.stderr
    assert "Säkerhetskopian är skriven" in done.stdout
    return home, copy


def test_a_restore_into_an_empty_database_reproduces_the_demo_exactly(
    demo_copy, tmp_path, migrated_file
):
    """Into the database the first command makes in a new folder (a copy of it)."""
    home, copy = demo_copy
    result = _samordna(_env(copy_of(migrated_file, tmp_path), "20"), "restore", str(copy))
    assert result.returncode == 0, result.stderr
    original, restored = _tables(home / "samordna.sqlite3"), _tables(tmp_path / "samordna.sqlite3")
    assert original.keys() == restored.keys()
    assert len(original["associations_association"]) == 3
    for name, rows in original.items():
        assert restored[name] == rows, name


def test_a_restore_over_existing_data_needs_replace(demo_copy):
    home, copy = demo_copy
    result = _samordna(_env(home, "20"), "restore", str(copy))
    assert result.returncode == 2 and "--replace" in result.stderr
    assert _samordna(_env(home, "20"), "restore", str(copy), "--replace").returncode == 0


def test_a_file_that_is_not_a_backup_is_refused_and_changes_nothing(demo_copy, tmp_path):
    home, _ = demo_copy
    before = _tables(home / "samordna.sqlite3")
    broken = tmp_path / "inte-en-kopia.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x01" * 5000)
    result = _samordna(_env(home, "20"), "restore", str(broken), "--replace")
    assert result.returncode == 2 and "inte en hel säkerhetskopia" in result.stderr
    assert _tables(home / "samordna.sqlite3") == before


def test_a_backup_never_overwrites_a_file(demo_copy):
    home, copy = demo_copy
    result = _samordna(_env(home, "20"), "backup", str(copy))
    assert result.returncode == 2 and "finns redan" in result.stderr


def test_on_postgresql_pg_dump_and_pg_restore_are_run_for_the_same_database():
    database = {"NAME": "samordna", "HOST": "db", "PORT": 5432, "USER": "app"}
    where = ["--host", "db", "--port", "5432", "--username", "app", "--dbname", "samordna"]
    dump = pg_dump_command(database, Path("k.dump"))
    assert dump == ["pg_dump", "--format=custom", "--no-owner", "--file", "k.dump", *where]
    restore = pg_restore_command(database, Path("k.dump"))
    assert restore[0] == "pg_restore" and restore[-1] == "k.dump"
    assert {"--clean", "--if-exists", "--single-transaction"} <= set(restore)
    assert restore[-1 - len(where) : -1] == where


@pytest.mark.parametrize("path", ["/dev/zero", "/tmp"])
def test_a_restore_from_a_device_or_a_folder_says_what_it_is(capsys, path):
    assert main(["restore", path]) == 2
    assert "inte en vanlig fil" in capsys.readouterr().err
