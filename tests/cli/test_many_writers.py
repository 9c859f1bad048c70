"""Two writers at once on the default SQLite file: the second waits, or says so in Swedish.

These run the real `samordna` command in a subprocess against a SQLite file in a temporary
folder (whatever database the rest of the suite uses), with a second connection holding the
write lock the way a long import would.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import samordna


def on_disk() -> set[tuple[str, str]]:
    """Every migration of the app's own apps, as (app, name)."""
    package = Path(samordna.__file__).parent
    return {(f.parent.parent.name, f.stem) for f in package.glob("*/migrations/0*.py")}


def _env(home: Path, busy_seconds: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(SAMORDNA_HOME=str(home), SAMORDNA_SQLITE_BUSY_SECONDS=busy_seconds)
    env.pop("SAMORDNA_DEBUG", None)
    return env


def _samordna(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "samordna", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def _create(env: dict[str, str], name: str, org: str) -> subprocess.CompletedProcess[str]:
    return _samordna(env, "association", "create", name, "--org-number", org)


def _hold_write_lock(path: Path, release: threading.Event) -> threading.Thread:
    """A second connection that holds the write lock until `release` is set."""
    ready = threading.Event()

    def hold() -> None:
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        connection.execute("BEGIN IMMEDIATE")
        ready.set()
        release.wait(timeout=300)
        connection.execute("COMMIT")
        connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait()
    return thread


@pytest.fixture
def home(tmp_path, migrated_file):
    """A folder whose database the first command made (a copy: see conftest.py)."""
    from tests.cli.conftest import copy_of

    env = _env(copy_of(migrated_file, tmp_path), "20")
    assert _create(env, "Första förbundet", "222000-1719").returncode == 0
    return tmp_path


def test_the_first_command_in_an_empty_folder_migrates_every_app(migrated_file):
    """The file the other tests copy: `samordna association list` in an empty folder ran
    every migration of the app, data migrations included, and made nothing else."""
    with sqlite3.connect(migrated_file) as connection:
        applied = set(connection.execute("SELECT app, name FROM django_migrations"))
        associations = connection.execute("SELECT COUNT(*) FROM associations_association")
        assert associations.fetchone() == (0,)
    connection.close()
    assert on_disk() <= applied
    assert {"auth", "contenttypes", "sessions"} <= {app for app, _ in applied}


def test_the_sqlite_file_runs_in_wal_mode(migrated_file, home):
    for path in (migrated_file, home / "samordna.sqlite3"):
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        connection.close()


def _has_open(pid: int, path: Path) -> bool:
    """Whether process `pid` has the file open (from /proc, Linux)."""
    try:
        return any(link.resolve() == path for link in Path(f"/proc/{pid}/fd").iterdir())
    except OSError:  # the process ended, or a descriptor closed while looking
        return False


def test_a_second_writer_waits_for_the_first_instead_of_failing(home):
    """The lock is held from before the command starts until it has had the database open
    for two seconds: it asks for the lock milliseconds after opening it (it reads which
    migrations have run first), so it waits for the lock, however long it took to start."""
    database = (home / "samordna.sqlite3").resolve()
    release = threading.Event()
    holder = _hold_write_lock(database, release)
    command = [sys.executable, "-m", "samordna", "association", "create", "Andra förbundet"]
    writer = subprocess.Popen(
        [*command, "--org-number", "222000-2733"],
        env=_env(home, "20"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        while writer.poll() is None and not _has_open(writer.pid, database):
            time.sleep(0.05)
        time.sleep(2)
    finally:
        release.set()
        holder.join()
    _, stderr = writer.communicate(timeout=120)
    assert writer.returncode == 0, stderr
    listing = _samordna(_env(home, "20"), "association", "list").stdout
    assert "Andra förbundet" in listing and "Första förbundet" in listing


def test_a_writer_that_cannot_get_the_lock_says_so_in_swedish(home):
    connection = sqlite3.connect(home / "samordna.sqlite3", isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")  # held until the command has given up
    try:
        result = _create(_env(home, "0.5"), "Andra förbundet", "222000-2733")
    finally:
        connection.execute("ROLLBACK")
        connection.close()
    assert result.returncode == 2
    assert "Databasen är upptagen" in result.stderr and "Försök igen" in result.stderr
    assert "Traceback" not in result.stderr and "Inget har ändrats" not in result.stderr


def test_a_closed_pipe_ends_quietly_without_claiming_nothing_changed(home):
    env = _env(home, "20")
    command = f"sleep 0; {sys.executable} -m samordna association list | head -c 0"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command], env=env, capture_output=True, text=True
    )
    assert result.returncode == 141  # what a shell reports for a closed pipe
    assert result.stderr == ""
